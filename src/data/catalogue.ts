/**
 * The one place pages get the catalogue from. It reuses what the build integration
 * validated (or loads it, e.g. under `astro check`), analyses it once, and turns it
 * into the view models the page files render, so `.astro` files stay thin.
 */
import { getCollection } from 'astro:content';
import { ANALYSED_CACHE, CATALOGUE_CACHE } from '../integrations/catalogue.ts';
import { exposedTools, type AttackRef } from '../core/site/attacks.ts';
import { relatedTools, type RelatedTool } from '../core/site/related.ts';
import { RISKS, type Category, type Risk } from '../schemas/taxonomy.ts';
import { analyseCatalogue, byTitle, type AnalysedServer, type AnalysedTool } from '../core/analyse.ts';
import { catalogueDir, isBundledSample, loadCatalogue, type Catalogue } from '../build/catalogue-files.ts';
import { ownShare } from '../build/shards.ts';

let catalogue: Catalogue | undefined;
let analysed: AnalysedServer[] | undefined;

function getCatalogue(): Catalogue {
  catalogue ??=
    ((globalThis as Record<symbol, unknown>)[CATALOGUE_CACHE] as Catalogue | undefined) ??
    loadCatalogue(catalogueDir());
  return catalogue;
}

/** Every server with its tools classified and their recommendations decided, once per build. */
export function getServers(): AnalysedServer[] {
  analysed ??=
    ((globalThis as Record<symbol, unknown>)[ANALYSED_CACHE] as AnalysedServer[] | undefined) ??
    analyseCatalogue(getCatalogue());
  return analysed;
}

let sortedServers: AnalysedServer[] | undefined;

/** Every server in the order the server list shows them: by title. */
export function serversByTitle(): AnalysedServer[] {
  sortedServers ??= [...getServers()].sort(byTitle);
  return sortedServers;
}

/** Whether the site is built from the bundled sample catalogue (mostly made-up servers), not a real one. */
export function builtFromSample(): boolean {
  return isBundledSample(getCatalogue().dir);
}

export interface ToolView {
  server: AnalysedServer;
  tool: AnalysedTool;
}

export function toolViews(): ToolView[] {
  return getServers().flatMap((server) => server.tools.map((tool) => ({ server, tool })));
}

let related: Map<AnalysedTool, RelatedTool[]> | undefined;

/** Tools of the same category on other servers, computed for the whole catalogue at once. */
export function relatedTo(tool: AnalysedTool): RelatedTool[] {
  related ??= relatedTools(getServers());
  return related.get(tool) ?? [];
}

let attacks: Promise<AttackRef[]> | undefined;

/** The attack-pattern articles' frontmatter, sorted by severity then title. */
export function getAttacks(): Promise<AttackRef[]> {
  attacks ??= getCollection('attacks').then((entries) =>
    entries
      .map((e) => ({ slug: e.id, data: e.data }))
      .sort(
        (a, b) =>
          RISKS.indexOf(b.data.severity) - RISKS.indexOf(a.data.severity) || a.data.title.localeCompare(b.data.title),
      ),
  );
  return attacks;
}

let exposure: Promise<ReturnType<typeof exposedTools>> | undefined;

/** For each attack, how many catalogue tools are exposed and the riskiest of them. */
export function getExposure(): Promise<ReturnType<typeof exposedTools>> {
  exposure ??= getAttacks().then((a) => exposedTools(getServers(), a));
  return exposure;
}

export interface Page<T> {
  items: T[];
  current: number;
  total: number;
}

/** Page 1 is the section's own URL, pages 2…N live under `page/N/` (src/core/site/paths.ts). */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    current: i + 1,
    total,
  }));
}

export const PAGE_SIZE = { servers: 50, tools: 100 };

/** Riskiest first, then by server and name: the order of every tool list. */
export function byRisk(a: ToolView, b: ToolView): number {
  return (
    RISKS.indexOf(b.tool.classification.risk) - RISKS.indexOf(a.tool.classification.risk) ||
    a.server.slug.localeCompare(b.server.slug) ||
    a.tool.slug.localeCompare(b.tool.slug)
  );
}

let sortedTools: ToolView[] | undefined;

export function toolsByRisk(): ToolView[] {
  sortedTools ??= toolViews().sort(byRisk);
  return sortedTools;
}

const filtered = new Map<string, ToolView[]>();

/** The tools of one category or one risk class, riskiest first (one pass each, memoized). */
export function toolsWhere(key: `category:${Category}` | `risk:${Risk}`): ToolView[] {
  let list = filtered.get(key);
  if (!list) {
    const [field, value] = key.split(':') as ['category' | 'risk', string];
    list = toolsByRisk().filter((v) => v.tool.classification[field] === value);
    filtered.set(key, list);
  }
  return list;
}

/**
 * The `getStaticPaths` of every per-server route: its page, API document and policy file.
 * Like every dynamic route's, it returns only this build process's share (src/build/shards.ts).
 */
export function serverPaths() {
  return ownShare(getServers().map((server) => ({ params: { server: server.slug }, props: { server } })));
}

/** The `getStaticPaths` of the tool pages. */
export function toolPaths() {
  return ownShare(
    toolViews().map((view) => ({ params: { server: view.server.slug, tool: view.tool.slug }, props: view })),
  );
}
