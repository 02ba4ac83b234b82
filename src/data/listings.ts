/**
 * The browse pages' views: every tool (`/tools/`), a category's, a risk class's, and every server,
 * each paginated, with their titles, introductions and the address of each of their pages. The
 * page files only pick a list and render it (docs/architecture.md, "From catalogue file to page").
 */
import { BASE_RISK } from '../core/classify/classifier.ts';
import { categoryPolicy } from '../core/policy/classes.ts';
import { CATEGORIES, CATEGORY_LABELS, RISKS, RISK_LABELS, type Category, type Risk } from '../schemas/taxonomy.ts';
import { countBy, type AnalysedServer } from '../core/analyse.ts';
import { serverGrade, type Grade } from '../core/site/grade.ts';
import { unknownTools, UNKNOWN_LABELS } from '../core/site/tools-status.ts';
import { figure } from '../core/text.ts';
import { categoryPath, riskPath, toolListPath } from '../core/site/paths.ts';
import { ownShare } from '../build/shards.ts';
import { PAGE_SIZE, paginate, serversByTitle, toolsByRisk, toolsWhere, type Page, type ToolView } from './catalogue.ts';

const n = (count: number) => count.toLocaleString('en-US');

function toolsListing(count: number) {
  return {
    title: 'All MCP tools',
    intro: `Every tool in the catalogue, with its category, risk class and risk signals.`,
    description: `${n(count)} MCP tools, each risk-classified from its own definition, riskiest first.`,
    crumbs: [{ label: 'Tools' }],
    href: toolListPath,
  };
}

/** What each category's tools do; the list page adds what the recommendation does with them. */
const CATEGORY_INTROS: Record<Category, string> = {
  read: 'Tools that read or look up data and change nothing.',
  write: 'Tools that create or change data.',
  execute: 'Tools that run code, commands, queries or workflows.',
  destructive: 'Tools that delete or irreversibly overwrite data or access.',
  financial: 'Tools that move money, charge or bill someone, or commit spend.',
};

function categoryIntro(category: Category): string {
  const risk = BASE_RISK[category];
  const raised = risk === 'critical' ? '' : ', or higher where a signal raises it';
  return `${CATEGORY_INTROS[category]} ${RISK_LABELS[risk]} risk${raised}: ${categoryPolicy(category)}.`;
}

function categoryListing(category: Category, count: number) {
  return {
    title: `${CATEGORY_LABELS[category]} tools`,
    intro: categoryIntro(category),
    description: `${n(count)} MCP tools in the ${CATEGORY_LABELS[category].toLowerCase()} category, with their risk and a recommended policy.`,
    crumbs: [{ label: 'Tools', href: toolListPath() }, { label: CATEGORY_LABELS[category] }],
    href: (page: number) => categoryPath(category, page),
  };
}

function riskListing(risk: Risk, count: number) {
  const from = CATEGORIES.filter((c) => BASE_RISK[c] === risk).map((c) => CATEGORY_LABELS[c].toLowerCase());
  const intro = `Tools classified ${RISK_LABELS[risk].toLowerCase()} risk${from.length ? `: ${from.join(' and ')} tools, and those a signal raised to this level` : ': tools a signal raised to this level'}.`;
  return {
    title: `${RISK_LABELS[risk]}-risk tools`,
    intro,
    description: `${n(count)} MCP tools of ${RISK_LABELS[risk].toLowerCase()} risk, with the evidence and a recommended policy for each.`,
    crumbs: [{ label: 'Tools', href: toolListPath() }, { label: `${RISK_LABELS[risk]} risk` }],
    href: (page: number) => riskPath(risk, page),
  };
}

/** Which tools a list shows. */
export type ToolList = { kind: 'tools' } | { kind: 'category'; category: Category } | { kind: 'risk'; risk: Risk };

/** One page of a tool list, with everything the ToolList component shows. */
export interface ToolListing {
  title: string;
  intro: string;
  description: string;
  crumbs: { label: string; href?: string }[];
  page: Page<ToolView>;
  /** Every tool in this list, across its pages. */
  count: number;
  href: (page: number) => string;
}

function toolsOf(list: ToolList): ToolView[] {
  if (list.kind === 'tools') return toolsByRisk();
  return list.kind === 'category' ? toolsWhere(`category:${list.category}`) : toolsWhere(`risk:${list.risk}`);
}

function headingOf(list: ToolList, count: number) {
  if (list.kind === 'tools') return toolsListing(count);
  return list.kind === 'category' ? categoryListing(list.category, count) : riskListing(list.risk, count);
}

/** Every page of one tool list. */
function toolListings(list: ToolList): ToolListing[] {
  const tools = toolsOf(list);
  const heading = headingOf(list, tools.length);
  return paginate(tools, PAGE_SIZE.tools).map((page) => ({ ...heading, page, count: tools.length }));
}

/** The first page of a tool list: the list's own address. */
export function firstToolListing(list: ToolList): ToolListing {
  return toolListings(list)[0]!;
}

const listParams = (list: ToolList): Record<string, string> =>
  list.kind === 'tools' ? {} : list.kind === 'category' ? { category: list.category } : { level: list.risk };

/** The `getStaticPaths` of a list's own address, one per list (this build process's share). */
export function firstToolListingPaths(lists: readonly ToolList[]) {
  return ownShare(lists.map((list) => ({ params: listParams(list), props: { listing: firstToolListing(list) } })));
}

/** The `getStaticPaths` of pages 2…N of each list, under `page/N/`. */
export function laterToolListingPaths(lists: readonly ToolList[]) {
  return ownShare(
    lists.flatMap((list) =>
      toolListings(list)
        .slice(1)
        .map((listing) => ({
          params: { ...listParams(list), page: String(listing.page.current) },
          props: { listing },
        })),
    ),
  );
}

export const CATEGORY_LISTS: ToolList[] = CATEGORIES.map((category) => ({ kind: 'category', category }));
export const RISK_LISTS: ToolList[] = RISKS.map((risk) => ({ kind: 'risk', risk }));

/** One server of the server list: its figures, or why there are none. */
export interface ServerRow {
  server: AnalysedServer;
  grade: Grade;
  /** Absent when its tools are not known. */
  figures?: { tools: string; modifying: string; critical: string };
  /** Why its tools are not known (`not known (scan failed)`), in place of the three figures. */
  unknown?: string;
}

/** One page of the server list. */
export interface ServerListing {
  page: Page<ServerRow>;
  count: number;
  /** How many of them have tools not known, across every page: `13 have tools not known.`; absent when none. */
  unknownNote?: string;
}

function serverRow(server: AnalysedServer): ServerRow {
  const grade = serverGrade(server);
  const unknown = unknownTools(server);
  if (unknown) return { server, grade, unknown: `not known (${UNKNOWN_LABELS[unknown.status]})` };
  const counts = countBy(server.tools);
  const figures = {
    tools: figure(server.tools.length),
    modifying: figure(server.tools.length - counts.category.read),
    critical: figure(counts.risk.critical),
  };
  return { server, grade, figures };
}

function serverListings(): ServerListing[] {
  const servers = serversByTitle().map(serverRow);
  const unknown = servers.filter((row) => row.unknown).length;
  const unknownNote = unknown ? `${figure(unknown)} of them ${unknown === 1 ? 'has' : 'have'} tools not known.` : '';
  return paginate(servers, PAGE_SIZE.servers).map((page) => ({
    page,
    count: servers.length,
    ...(unknownNote ? { unknownNote } : {}),
  }));
}

export const firstServerListing = (): ServerListing => serverListings()[0]!;

/** The `getStaticPaths` of the server list's pages 2…N. */
export function laterServerListingPaths() {
  return ownShare(
    serverListings()
      .slice(1)
      .map((listing) => ({ params: { page: String(listing.page.current) }, props: { listing } })),
  );
}
