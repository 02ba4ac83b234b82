/**
 * The catalogue with every tool classified and its recommendation decided: computed
 * once per build, in one pass, and read by the pages, the API and the CLI alike.
 */
import type { RegistryRecord, ScanRecord } from '../schemas/registry.ts';
import type { Server } from '../schemas/server.ts';
import { RISKS, CATEGORIES, type Category, type Risk } from '../schemas/taxonomy.ts';
import type { Tool } from '../schemas/tool.ts';
import { classifyCatalogue, type Classification } from './classify/classifier.ts';
import type { Catalogue } from './catalogue/check.ts';
import { decide, type ToolDecision } from './policy/decision.ts';
import { policyTexts, serverPolicyDescription, type PolicyTexts } from './policy/texts.ts';

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
  /** Registry status and dates, for a server synced from a registry (the grade reads its status). */
  registry?: RegistryRecord;
  /** Where its tools stand (not scanned yet, failed…); absent in a file written by hand. */
  scan?: ScanRecord;
}

export function analyseCatalogue(catalogue: Catalogue): AnalysedServer[] {
  const classified = classifyCatalogue(catalogue);
  return catalogue.servers.map(({ slug, file, server, tools, registry, scan }) => {
    const byTool = classified.get(slug)!;
    const takesPaths = [...byTool.values()].some((c) => c.signals.some((s) => s.id === 'path'));
    return {
      slug,
      file,
      server,
      ...(registry ? { registry } : {}),
      ...(scan ? { scan } : {}),
      title: server.title || server.name,
      tools: tools.map(({ slug: toolSlug, tool }) => {
        const classification = byTool.get(toolSlug)!;
        return { slug: toolSlug, tool, classification, decision: decide(tool, classification, { takesPaths }) };
      }),
    };
  });
}

const TITLE_ORDER = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** By the title the lists show, ignoring case and accents; two servers with one title by slug (unique). */
export function byTitle(a: AnalysedServer, b: AnalysedServer): number {
  return TITLE_ORDER.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

const lowRisk = (tool: AnalysedTool) => tool.classification.risk === 'low';

/** Every format indented: a policy on a page is read before it is copied (issue 15). */
const texts = (claudeServerName: string, decisions: Parameters<typeof policyTexts>[1], description: string) =>
  policyTexts(claudeServerName, decisions, description, 2);

export interface PolicyOptions {
  /** The name the server is registered under in Claude Code (default: the catalogue slug). */
  claudeServerName?: string;
  /** For a server: every refused tool's variant in its place, as each tool page shows it. */
  variants?: boolean;
}

export function toolPolicyTexts(server: AnalysedServer, tool: AnalysedTool, options: PolicyOptions = {}): PolicyTexts {
  // No server title here: one wording for every tool lets the highlighter reuse its work (src/data/highlight.ts).
  return texts(
    options.claudeServerName ?? server.slug,
    [{ decision: tool.decision, lowRisk: lowRisk(tool) }],
    `Recommended policy for ${tool.tool.name}, from the MCP Tool Catalogue`,
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
  );
}

export function serverPolicyTexts(server: AnalysedServer, options: PolicyOptions = {}): PolicyTexts {
  const decision = (t: AnalysedTool) => (options.variants ? (t.decision.variant ?? t.decision) : t.decision);
  const description = serverPolicyDescription(server.title, server.tools.length);
  return texts(
    options.claudeServerName ?? server.slug,
    server.tools.map((t) => ({ decision: decision(t), lowRisk: lowRisk(t) })),
    options.variants ? `${description}, with the variant of each refused tool` : description,
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
