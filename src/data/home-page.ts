/**
 * What the home page shows: the catalogue's headline figures and the ways into it. The page file
 * only renders this (docs/architecture.md, "From catalogue file to page").
 */
import { countBy } from '../core/analyse.ts';
import { attackPath, categoryPath, riskPath } from '../core/site/paths.ts';
import { figure } from '../core/text.ts';
import { CATEGORIES, CATEGORY_LABELS, RISKS, RISK_LABELS } from '../schemas/taxonomy.ts';
import { builtFromSample, catalogueServers, getAttacks, getServers, toolViews } from './catalogue.ts';

export interface HomePage {
  description: string;
  heading: string;
  sample: boolean;
  figures: { servers: string; tools: string; modifying: string; critical: string };
  /** Why some servers count in no tool figure; undefined when every server has tools. */
  withoutTools?: string;
  byRisk: { key: string; label: string; value: number }[];
  categories: { href: string; label: string; count: string }[];
  risks: { href: string; label: string; count: string }[];
  attacks: { count: number; first: { href: string; title: string } };
}

/** Servers without tools, counted by why (the home page shows them apart from the tool figures). */
function serversWithoutTools(): { total: number; byReason: { label: string; count: number }[] } {
  const labels: Record<string, string> = {
    'not-scanned': 'not scanned yet',
    'needs-auth': 'need authentication',
    'runtime-unavailable': 'runtime not available',
    failed: 'failed to list them',
    scanned: 'listed none',
  };
  const counts = new Map<string, number>();
  for (const server of catalogueServers()) {
    if (server.tools.length > 0) continue;
    const label = labels[server.scan?.status ?? 'not-scanned']!;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const byReason = Object.values(labels)
    .filter((label) => counts.has(label))
    .map((label) => ({ label, count: counts.get(label)! }));
  return { total: byReason.reduce((n, r) => n + r.count, 0), byReason };
}

function withoutToolsSentence(): string | undefined {
  const { total, byReason } = serversWithoutTools();
  if (total === 0) return undefined;
  const reasons = byReason.map((r) => `${figure(r.count)} ${r.label}`).join(', ');
  return `${figure(total)} of the servers have no tools listed yet and count in none of the tool figures: ${reasons}.`;
}

export async function homePage(): Promise<HomePage> {
  const servers = figure(getServers().length);
  const tools = toolViews().map((v) => v.tool);
  const counts = countBy(tools);
  const attacks = await getAttacks();
  const without = withoutToolsSentence();
  return {
    description: `${servers} MCP servers and ${figure(tools.length)} tools, each classified by what it can do and how risky that is, with a recommended gateway policy to copy.`,
    heading: `${servers} MCP servers and ${figure(tools.length)} tools risk-classified`,
    sample: builtFromSample(),
    figures: {
      servers,
      tools: figure(tools.length),
      modifying: figure(tools.length - counts.category.read),
      critical: figure(counts.risk.critical),
    },
    ...(without ? { withoutTools: without } : {}),
    byRisk: RISKS.map((r) => ({ key: r, label: RISK_LABELS[r], value: counts.risk[r] })),
    categories: CATEGORIES.map((c) => ({
      href: categoryPath(c),
      label: CATEGORY_LABELS[c],
      count: figure(counts.category[c]),
    })),
    risks: RISKS.map((r) => ({ href: riskPath(r), label: `${RISK_LABELS[r]} risk`, count: figure(counts.risk[r]) })),
    attacks: {
      count: attacks.length,
      first: { href: attackPath(attacks[0]!.slug), title: attacks[0]!.data.title.toLowerCase() },
    },
  };
}
