/**
 * The catalogue with every tool classified and its recommendation decided: computed
 * once per build, in one pass, and read by the pages, the API and the CLI alike.
 */
import type { Server } from '../schemas/server.ts';
import { RISKS, CATEGORIES, type Category, type Risk } from '../schemas/taxonomy.ts';
import type { Tool } from '../schemas/tool.ts';
import type { Policy } from '../schemas/policy.ts';
import { classifyCatalogue, type Classification } from './classify/classifier.ts';
import type { Catalogue } from './loader.ts';
import { decide, type ToolDecision } from './policy/decision.ts';
import {
  claudeJson,
  claudeSettings,
  interceptPolicy,
  interceptYaml,
  policyJson,
  policyLayerPolicy,
} from './policy/formats.ts';

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

const TITLE_ORDER = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** By the title the lists show, ignoring case and accents; two servers with one title by slug (unique). */
export function byTitle(a: AnalysedServer, b: AnalysedServer): number {
  return TITLE_ORDER.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

export interface PolicyTexts {
  /** PolicyLayer JSON, the primary format. */
  policy: Policy;
  policyJson: string;
  interceptYaml: string;
  claudeJson: string;
}

/** Every format indented: a policy on a page is read before it is copied (issue 15). */
function texts(server: AnalysedServer, tools: readonly AnalysedTool[], description: string): PolicyTexts {
  const decisions = tools.map((t) => t.decision);
  const policy = policyLayerPolicy(decisions);
  return {
    policy,
    policyJson: policyJson(policy, 2),
    interceptYaml: interceptYaml(interceptPolicy(decisions, description)),
    claudeJson: claudeJson(
      claudeSettings(
        server.slug,
        tools.map((t) => ({ decision: t.decision, lowRisk: t.classification.risk === 'low' })),
      ),
    ),
  };
}

export function toolPolicyTexts(server: AnalysedServer, tool: AnalysedTool): PolicyTexts {
  // No server title here: one wording for every tool lets the highlighter reuse its work (src/lib/highlight.ts).
  return texts(server, [tool], `Recommended policy for ${tool.tool.name}, from the MCP Tool Catalogue`);
}

export function serverPolicyTexts(server: AnalysedServer): PolicyTexts {
  return texts(server, server.tools, `Recommended policy for all ${server.tools.length} tools of ${server.title}`);
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
