/**
 * The browser side of search, shared by the header box and the search page, so both
 * find the same things in the same order. Pagefind is loaded only when someone starts
 * to search, so pages carry almost no script until then.
 */
import { identifierWords } from '../core/classify/words.ts';
import { isActionQuery, isAskedFor, nameInQuery, namesExactly, queryWords, subsets } from '../core/search/words.ts';
import { FILTER_KEYS, type FilterKey, type SearchState } from './search-state.ts';

// The header box and the search-quality bench (scripts/lib/search-quality.ts) start a search from it.
export { emptyState } from './search-state.ts';

export interface PagefindResultData {
  url: string;
  meta: Record<string, string | undefined>;
  /** The record's filter values (src/core/search/records.ts): what a result's badges are read from. */
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

/** A search as the site shows it: Pagefind's, reordered, with a note when not every word matched. */
export interface CatalogueSearch extends PagefindSearch {
  /** Empty when the results match every word of the query; otherwise says that they match most. */
  note: string;
  /** The query's words the results are highlighted for. */
  words: string[];
}

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<Pagefind> | undefined;

export type { Pagefind };

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // A runtime URL: the index is written after the site is bundled.
    const url = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // The excerpt meta repeats the description's start (src/core/search/records.ts), and position and
    // namespace order results, not match them: none is a second match.
    // The title is the name, already weighted in the record; Pagefind's fivefold boost on top of that
    // put servers above their own tools for "<server> <thing>" queries (BENCHMARKS.md).
    await pagefind.options({
      ranking: { termFrequency: 0.6, metaWeights: { excerpt: 0, position: 0, namespace: 0, title: 1 } },
    });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

export function searchOptions(
  state: SearchState,
  extra: Partial<Record<FilterKey, string[]>> = {},
): Record<string, unknown> {
  const filters: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    const values = extra[key] ?? state.filters[key];
    if (values.length) filters[key] = { any: values };
  }
  // Pagefind returns no filter counts when given an empty `filters` object: leave it out then.
  return Object.keys(filters).length ? { filters } : {};
}

const RISK_ORDER = ['Critical', 'High', 'Medium', 'Low'];

/**
 * An action query whose every word together finds no tool (only servers or articles, say)
 * also searches the words that match most. Asking for more than one tool was tried: it
 * added other servers' tools after a query that named its server (BENCHMARKS.md).
 */
const FEW = 1;
/** Results loaded to look for tools among them; beyond this many, some are sure to be tools. */
const LOOKED_AT = 10;
/** How many of the first results are reordered by kind and exact name (their data is loaded to know them). */
export const RERANKED = 10;

interface Plan {
  /** The query's words (small words aside): what the results are marked for. */
  words: string[];
  /** The words the results and filter counts come from: all of them, or the best subset's. */
  searched: string[];
  /** The pages that match every word, when the search had to drop some: they come first. */
  first: Set<string>;
  note: string;
}

const quoted = (words: readonly string[]) => words.join(', ');
const isTool = (d: PagefindResultData) => d.filters?.type?.[0] === 'Tool';

/** Whether every word together found too little: nothing, or for an action query fewer than `FEW` tools. */
async function tooFew(results: PagefindResult[], action: boolean): Promise<boolean> {
  if (results.length === 0) return true;
  if (!action || results.length >= LOOKED_AT) return false;
  const data = await Promise.all(results.map((r) => r.data()));
  return data.filter(isTool).length < FEW;
}

/** How many searches of word subsets a fallback runs at most before it tries the words one by one. */
const SEARCHES = 48;
/** How many of their first results the other subsets of a fallback add after the best one's first. */
const FROM_OTHERS = 2;
/** How many of the best subset's first results come before the other subsets' first results. */
const BEST_FIRST = 3;

/**
 * Which words to search. Every word of the query (small words aside) when that finds
 * enough; otherwise the largest subsets of them that find more. Of those, the one whose
 * best result scores highest gives the results (the words that stay are the rarer,
 * telling ones: "get kubernetes pod logs" keeps kubernetes, pod, logs) and the filter
 * counts; the first results of the others follow its first few, so that the right tool
 * is there when the best-scoring subset is the wrong one ("delete a database branch":
 * "delete database" scores higher than "delete branch"), for the reordering to find.
 * Preferring the subset that keeps the query's last word, or the one with the fewest
 * results, was tried: each lost more queries than it won (BENCHMARKS.md).
 */
async function plan(pagefind: Pagefind, state: SearchState): Promise<{ plan: Plan; search: PagefindSearch }> {
  const words = queryWords(state.q);
  const options = searchOptions(state);
  const full = await pagefind.search(words.join(' '), options);
  full.results = full.results.map(once);
  const all: Plan = { words, searched: words, first: new Set(), note: '' };
  const action = isActionQuery(words);
  if (words.length < 2 || !(await tooFew(full.results, action))) return { plan: all, search: full };
  // A long query that matches little must not run hundreds of searches: after `SEARCHES`,
  // the words are tried one by one.
  let budget = SEARCHES;
  for (let size = words.length - 1; size >= 1; size--) {
    const tried = subsets(words, size);
    if (size > 1 && tried.length > budget) continue;
    budget -= tried.length;
    const found: { words: string[]; search: PagefindSearch }[] = [];
    for (const subset of tried) {
      const search = await pagefind.search(subset.join(' '), options);
      if (search.results.length > full.results.length) found.push({ words: subset, search });
    }
    if (found.length === 0) continue;
    found.sort((a, b) => b.search.results[0]!.score - a.search.results[0]!.score);
    const [best, ...others] = found;
    const results = best!.search.results;
    const extra = others.flatMap((o) => o.search.results.slice(0, FROM_OTHERS));
    const seen = new Set<string>();
    const merged = [...results.slice(0, BEST_FIRST), ...extra, ...results.slice(BEST_FIRST)].filter(
      (r) => !seen.has(r.id) && seen.add(r.id),
    );
    // An action query gets here when no tool matches every word (though a server or article may).
    const what = action ? 'tool' : 'result';
    const note = `No ${what} matches all of: ${quoted(words)}; showing ${what}s that match most of them.`;
    return {
      plan: { words, searched: best!.words, first: new Set(full.results.map((r) => r.id)), note },
      search: { ...best!.search, results: merged },
    };
  }
  return { plan: all, search: full };
}

/** A result whose data is loaded once, however often it is asked for. */
function once(result: PagefindResult): PagefindResult {
  let data: Promise<PagefindResultData> | undefined;
  return { id: result.id, score: result.score, data: () => (data ??= result.data()) };
}

const DEPRECATED = /\bdeprecated\b/i;
/** Where a tool's server lists it (src/core/search/records.ts); unknown ones go last. */
const position = (d: PagefindResultData) => Number(d.meta.position ?? Infinity);

/**
 * Reorders the first results: a page whose name is the query exactly comes first, then
 * tools by how fully the query names their name (src/core/search/words.ts); for an action query ("delete a branch")
 * tools come before servers and attack articles; a tool whose description calls it
 * deprecated comes after the others; otherwise Pagefind's order stands.
 * Only the first `RERANKED` are looked at: what they are is known only once their data
 * is loaded, which the page shows next anyway.
 */
async function rerank(results: PagefindResult[], query: string): Promise<PagefindResult[]> {
  const head = results.slice(0, RERANKED);
  const data = await Promise.all(head.map((r) => r.data()));
  const action = isActionQuery(queryWords(query));
  const rank = (d: PagefindResultData) => {
    const name = d.meta.title ?? '';
    if (namesExactly(query, name)) return 0;
    // A tool its own server calls deprecated yields to the one that replaces it.
    if (DEPRECATED.test(d.meta.excerpt ?? '')) return 5;
    if (isTool(d)) return 4 - nameInQuery(query, name, d.meta.namespace);
    return action ? 6 : 4;
  };
  const order = head.map((r, i) => ({ r, d: data[i]!, key: rank(data[i]!), i }));
  order.sort((a, b) => a.key - b.key || a.i - b.i);
  // One server's tools that match equally well take their places in the order the server
  // lists them: servers list their main tools first (the file system's read_text_file before
  // read_media_file for "read a file"). Other results keep their places.
  const groups = new Map<string, number[]>();
  order.forEach((o, slot) => {
    if (!isTool(o.d)) return;
    const group = `${o.key}\u0000${o.d.filters?.server?.[0] ?? ''}`;
    groups.set(group, [...(groups.get(group) ?? []), slot]);
  });
  const placed = [...order];
  for (const slots of groups.values()) {
    const listed = slots.map((slot) => order[slot]!).sort((a, b) => position(a.d) - position(b.d));
    slots.forEach((slot, k) => (placed[slot] = listed[k]!));
  }
  return [...placed.map((o) => o.r), ...results.slice(RERANKED)];
}

/**
 * Runs the search, the same for the header box and the search page. "Riskiest first" is
 * one search per risk class, most severe first, each in relevance order, then the pages
 * that have no risk (servers, attack patterns): Pagefind's own sort would add its data
 * to the file every visitor loads.
 */
export async function runSearch(pagefind: Pagefind, state: SearchState): Promise<CatalogueSearch> {
  if (!state.q) {
    const search = await pagefind.search(null, searchOptions(state));
    return { ...search, results: search.results.map(once), note: '', words: [] };
  }
  const { plan: chosen, search: all } = await plan(pagefind, state);
  const term = chosen.searched.join(' ');
  const done = (results: PagefindResult[]) => ({ ...all, results, note: chosen.note, words: chosen.words });
  if (state.sort === 'risk') {
    const levels = RISK_ORDER.filter((r) => state.filters.risk.length === 0 || state.filters.risk.includes(r));
    const parts = await Promise.all(levels.map((r) => pagefind.search(term, searchOptions(state, { risk: [r] }))));
    const seen = new Set(parts.flatMap((p) => p.results.map((r) => r.id)));
    const rest = all.results.filter((r) => !seen.has(r.id));
    return done([...parts.flatMap((p) => p.results), ...rest].map(once));
  }
  const first = all.results.filter((r) => chosen.first.has(r.id));
  const then = all.results.filter((r) => !chosen.first.has(r.id));
  return done(await rerank([...first, ...then].map(once), state.q));
}

/**
 * Puts the record's excerpt (the start of its description, src/core/search/records.ts)
 * into `target` as text, marking the words the query asked for. The excerpt is
 * catalogue text, which is hostile: it only ever becomes text nodes.
 */
export function renderExcerpt(target: HTMLElement, excerpt: string, words: readonly string[]): void {
  target.replaceChildren();
  const wanted = words.flatMap((w) => identifierWords(w));
  for (const part of excerpt.split(/([A-Za-z0-9]+)/)) {
    if (part && /^[A-Za-z0-9]+$/.test(part) && isAskedFor(part, wanted)) {
      const mark = document.createElement('mark');
      mark.textContent = part;
      target.append(mark);
    } else if (part) target.append(part);
  }
}

/** Filter values are the labels the site shows; the badge classes use the keys. */
const RISK_KEY: Record<string, string> = { Low: 'low', Medium: 'medium', High: 'high', Critical: 'critical' };
const CATEGORY_KEY: Record<string, string> = {
  Read: 'read',
  Write: 'write',
  Execute: 'execute',
  Destructive: 'destructive',
  Financial: 'financial',
};

/** One result as a list item: name (link), what it is, risk and category badges, excerpt. */
export function resultItem(
  data: PagefindResultData,
  id: string,
  words: readonly string[],
  tag: 'li' | 'div' = 'li',
): HTMLElement {
  const item = document.createElement(tag);
  item.className = 'result';
  item.id = id;
  const link = document.createElement('a');
  link.href = data.url;
  link.className = 'result-title';
  link.textContent = data.meta.title ?? data.url;
  const info = document.createElement('span');
  info.className = 'result-info';
  const only = (key: string) => data.filters?.[key]?.[0] ?? '';
  const type = only('type');
  info.textContent = only('server') && type === 'Tool' ? `Tool on ${only('server')}` : type;
  const badges = document.createElement('span');
  badges.className = 'badges';
  const risk = only('risk');
  if (Object.hasOwn(RISK_KEY, risk)) badges.append(badge(`badge r-${RISK_KEY[risk]}`, `${risk} risk`));
  const category = only('category');
  if (Object.hasOwn(CATEGORY_KEY, category)) badges.append(badge(`badge c-${CATEGORY_KEY[category]}`, category));
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  renderExcerpt(excerpt, data.meta.excerpt ?? '', words);
  item.append(link, ' ', info, badges, excerpt);
  return item;
}

function badge(className: string, text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}
