/**
 * The catalogue with every tool classified and its recommendation decided: computed
 * once per build, in one pass, and read by the pages, the API and the CLI alike.
 */
import type { Server } from '../schemas/server.ts';
import { RISKS, CATEGORIES, type Category, type Risk } from '../schemas/taxonomy.ts';
import type { Tool } from '../schemas/tool.ts';
import { classifyCatalogue, type Classification } from './classify/classifier.ts';
import type { Catalogue } from './loader.ts';
import { decide, type ToolDecision } from './policy/decision.ts';
import { policyTexts as texts, serverPolicyDescription, type PolicyTexts } from './policy/texts.ts';

export type { PolicyTexts };

export interface AnalysedTool {
  slug: string;
  tool: Tool;
  classification: Classification;
  decision: ToolDecision;
}

export interface AnalysedServer {
  slug: string;
  file: string;
  server: Server;
  /** Title, or the registry name where there is none. */
  title: string;
  tools: AnalysedTool[];
}

export function analyseCatalogue(catalogue: Catalogue): AnalysedServer[] {
  const classified = classifyCatalogue(catalogue);
  return catalogue.servers.map(({ slug, file, server, tools }) => {
    const byTool = classified.get(slug)!;
    return {
      slug,
      file,
      server,
      title: server.title || server.name,
      tools: tools.map(({ slug: toolSlug, tool }) => {
        const classification = byTool.get(toolSlug)!;
        return { slug: toolSlug, tool, classification, decision: decide(tool, classification) };
      }),
    };
  });
}

const lowRisk = (tool: AnalysedTool) => tool.classification.risk === 'low';

export interface PolicyOptions {
  /** The name the server is registered under in Claude Code (default: the catalogue slug). */
  claudeServerName?: string;
}

export function toolPolicyTexts(server: AnalysedServer, tool: AnalysedTool, options: PolicyOptions = {}): PolicyTexts {
  // No server title here: one wording for every tool lets the highlighter reuse its work (src/lib/highlight.ts).
  return texts(
    options.claudeServerName ?? server.slug,
    [{ decision: tool.decision, lowRisk: lowRisk(tool) }],
    `Recommended policy for ${tool.tool.name}, from the MCP Tool Catalogue`,
    0,
  );
}

/** The variant of a denied tool (decision.ts): allowed within limits, for an operator who needs it. */
export function toolVariantTexts(
  server: AnalysedServer,
  tool: AnalysedTool,
  options: PolicyOptions = {},
): PolicyTexts | undefined {
  const variant = tool.decision.variant;
  if (!variant) return undefined;
  return texts(
    options.claudeServerName ?? server.slug,
    [{ decision: variant, lowRisk: lowRisk(tool) }],
    `Variant policy for ${tool.tool.name} (allowed within limits), from the MCP Tool Catalogue`,
    0,
  );
}

export function serverPolicyTexts(server: AnalysedServer, options: PolicyOptions = {}): PolicyTexts {
  return texts(
    options.claudeServerName ?? server.slug,
    server.tools.map((t) => ({ decision: t.decision, lowRisk: lowRisk(t) })),
    serverPolicyDescription(server.title, server.tools.length),
    2,
  );
}

export type Counts<K extends string> = Record<K, number>;

export function countBy(tools: readonly AnalysedTool[]): { category: Counts<Category>; risk: Counts<Risk> } {
  const category = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Counts<Category>;
  const risk = Object.fromEntries(RISKS.map((r) => [r, 0])) as Counts<Risk>;
  for (const t of tools) {
    category[t.classification.category]++;
    risk[t.classification.risk]++;
  }
  return { category, risk };
}
