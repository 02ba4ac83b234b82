/**
 * What the home page shows: the catalogue's headline figures and the ways into it. The page file
 * only renders this (docs/architecture.md, "From catalogue file to page").
 */
import { countBy } from '../core/analyse.ts';
import { attackPath, categoryPath, riskPath } from '../core/site/paths.ts';
import { figure, plural } from '../core/text.ts';
import { CATEGORIES, CATEGORY_LABELS, RISKS, RISK_LABELS } from '../schemas/taxonomy.ts';
import { unknownServersSentence, unknownTools } from '../core/site/tools-status.ts';
import { builtFromSample, getAttacks, getServers, toolViews } from './catalogue.ts';

export interface HomePage {
  description: string;
  heading: string;
  sample: boolean;
  /** `unknown`: how many servers' tools are not known, absent when none. */
  figures: { servers: string; tools: string; modifying: string; critical: string; unknown?: string };
  /** Which servers the tool figures leave out, as their tools are not known, and why; absent when none. */
  withoutTools?: string;
  byRisk: { key: string; label: string; value: number }[];
  categories: { href: string; label: string; count: string }[];
  risks: { href: string; label: string; count: string }[];
  attacks: { count: number; first: { href: string; title: string } };
}

export async function homePage(): Promise<HomePage> {
  const servers = figure(getServers().length);
  const tools = toolViews().map((v) => v.tool);
  const counts = countBy(tools);
  const attacks = await getAttacks();
  // The tool figures count the tools that are known; the servers whose tools are not are named apart (issue 21).
  const unknown = getServers().flatMap((server) => unknownTools(server)?.status ?? []);
  const without = unknownServersSentence(unknown);
  return {
    description: `${servers} MCP servers and ${figure(tools.length)} tools, each classified by what it can do and how risky that is, with a recommended gateway policy to copy.`,
    heading: `${servers} MCP servers and ${figure(tools.length)} tools risk-classified`,
    sample: builtFromSample(),
    figures: {
      servers,
      tools: figure(tools.length),
      modifying: figure(tools.length - counts.category.read),
      critical: figure(counts.risk.critical),
      ...(unknown.length ? { unknown: figure(unknown.length) } : {}),
    },
    ...(without ? { withoutTools: without } : {}),
    byRisk: RISKS.map((r) => ({ key: r, label: RISK_LABELS[r], value: counts.risk[r] })),
    categories: CATEGORIES.map((c) => ({
      href: categoryPath(c),
      label: CATEGORY_LABELS[c],
      count: plural(counts.category[c], 'tool'),
    })),
    risks: RISKS.map((r) => ({
      href: riskPath(r),
      label: `${RISK_LABELS[r]} risk`,
      count: plural(counts.risk[r], 'tool'),
    })),
    attacks: {
      count: attacks.length,
      first: { href: attackPath(attacks[0]!.slug), title: attacks[0]!.data.title.toLowerCase() },
    },
  };
}
