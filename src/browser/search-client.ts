/**
 * The browser side of search, shared by the header box and the search page, so both
 * find the same things in the same order. Pagefind is loaded only when someone starts
 * to search, so pages carry almost no script until then.
 */
import { identifierWords } from '../core/classify/words.ts';
import { isActionQuery, isAskedFor, queryWords, subsets } from '../core/search/words.ts';
import { hasEveryWord, isTool, rerank } from './search-rank.ts';
import { FILTER_KEYS, type FilterKey, type SearchState } from './search-state.ts';
import { correctQuery, exactWords, termFor, type Exact } from './search-terms.ts';

// The header box and the search-quality bench (scripts/lib/search-quality.ts) start a search from it.
export { emptyState } from './search-state.ts';

export interface PagefindResultData {
  url: string;
  /** The record's searched text (src/core/search/records.ts). */
  content?: string;
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
  /** When a misspelt word was corrected: the query searched instead of the one typed. */
  corrected?: string;
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
      ranking: {
        termFrequency: 0.6,
        metaWeights: {
          excerpt: 0,
          position: 0,
          namespace: 0,
          does: 0,
          of: 0,
          topics: 0,
          names: 0,
          registry: 0,
          title: 1,
        },
      },
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
 * An action query whose every word together finds no tool that has them all in its own text
 * (only servers or articles, say, or tools found through their server's topics) also searches
 * the words that match most. Asking for more than one tool was tried: it added other servers'
 * tools after a query that named its server (BENCHMARKS.md).
 */
const FEW = 1;
/** How many of the first results are looked at for such a tool. */
const LOOKED_AT = 10;
export { RERANKED } from './search-rank.ts';

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

/** Whether every word together found too little: nothing, or for an action query fewer than `FEW` tools with them all. */
async function tooFew(results: PagefindResult[], action: boolean, words: readonly string[]): Promise<boolean> {
  if (results.length === 0) return true;
  if (!action) return false;
  const data = await Promise.all(results.slice(0, LOOKED_AT).map((r) => r.data()));
  return data.filter((d) => isTool(d) && hasEveryWord(d, words)).length < FEW;
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
async function plan(
  pagefind: Pagefind,
  state: SearchState,
  term: (words: readonly string[]) => string,
  stale: () => boolean,
): Promise<{ plan: Plan; search: PagefindSearch }> {
  const words = queryWords(state.q);
  const options = searchOptions(state);
  const full = await pagefind.search(term(words), options);
  full.results = full.results.map(once);
  const all: Plan = { words, searched: words, first: new Set(), note: '' };
  const action = isActionQuery(words);
  if (words.length < 2 || stale() || !(await tooFew(full.results, action, words))) return { plan: all, search: full };
  // A long query that matches little must not run hundreds of searches: after `SEARCHES`,
  // the words are tried one by one.
  let budget = SEARCHES;
  for (let size = words.length - 1; size >= 1 && !stale(); size--) {
    const tried = subsets(words, size);
    if (size > 1 && tried.length > budget) continue;
    budget -= tried.length;
    const found: { words: string[]; search: PagefindSearch }[] = [];
    for (const subset of tried) {
      const search = await pagefind.search(term(subset), options);
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

/**
 * What Pagefind searches for the query's words (src/browser/search-terms.ts), and the query
 * itself with its misspelt words corrected unless the search is `verbatim`.
 */
async function understand(pagefind: Pagefind, state: SearchState) {
  const exact: Exact = exactWords(pagefind);
  const q = state.verbatim ? state.q : await correctQuery(state.q, exact);
  const terms = new Map<string, string>();
  await Promise.all(queryWords(q).map(async (w) => terms.set(w, await termFor(w, exact))));
  const term = (words: readonly string[]) => words.map((w) => terms.get(w) ?? w).join(' ');
  return { q, term, corrected: q === state.q ? undefined : q };
}

/**
 * Runs the search, the same for the header box and the search page. "Riskiest first" is
 * one search per risk class, most severe first, each in relevance order, then the pages
 * that have no risk (servers, attack patterns): Pagefind's own sort would add its data
 * to the file every visitor loads.
 */
export async function runSearch(
  pagefind: Pagefind,
  state: SearchState,
  // True once the results will not be shown (the visitor typed on): a fallback's searches and the
  // reordering's fragments are skipped, which would cost bytes for nothing.
  stale: () => boolean = () => false,
): Promise<CatalogueSearch> {
  if (!state.q) {
    const search = await pagefind.search(null, searchOptions(state));
    return { ...search, results: search.results.map(once), note: '', words: [] };
  }
  const { q, term, corrected } = await understand(pagefind, state);
  const { plan: chosen, search: all } = await plan(pagefind, { ...state, q }, term, stale);
  const done = (results: PagefindResult[]): CatalogueSearch => ({
    ...all,
    results,
    note: chosen.note,
    words: chosen.words,
    ...(corrected ? { corrected } : {}),
  });
  if (state.sort === 'risk') {
    const levels = RISK_ORDER.filter((r) => state.filters.risk.length === 0 || state.filters.risk.includes(r));
    const searched = term(chosen.searched);
    const parts = await Promise.all(levels.map((r) => pagefind.search(searched, searchOptions(state, { risk: [r] }))));
    const seen = new Set(parts.flatMap((p) => p.results.map((r) => r.id)));
    const rest = all.results.filter((r) => !seen.has(r.id));
    return done([...parts.flatMap((p) => p.results), ...rest].map(once));
  }
  if (stale()) return done(all.results);
  const first = all.results.filter((r) => chosen.first.has(r.id));
  const then = all.results.filter((r) => !chosen.first.has(r.id));
  return done(await rerank([...first, ...then].map(once), q));
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

/**
 * The notice of a correction, as nodes for a status line: "Showing results for “delete
 * file”; search for “delte file” instead.", the second a link to `href`, the search of
 * the words as typed. Both queries are what someone typed: text only, never markup.
 */
export function correctionNotice(corrected: string, typed: string, href: string): Node[] {
  const link = document.createElement('a');
  link.href = href;
  link.textContent = typed;
  return [`Showing results for “${corrected}”; search for “`, link, '” instead.'].map((part) =>
    typeof part === 'string' ? document.createTextNode(part) : part,
  );
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
  const only = (key: string) => data.filters?.[key]?.[0] ?? '';
  const type = only('type');
  // A server is shown by the title the site gives it (its registry name when it has none), which
  // its record keeps out of the searched text (src/core/search/records.ts).
  link.textContent = (type === 'Server' && only('server')) || data.meta.title || data.url;
  const info = document.createElement('span');
  info.className = 'result-info';
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
