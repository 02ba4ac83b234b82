/**
 * The browser side of search, shared by the header box and the search page. Pagefind
 * is loaded only when someone starts to search, so pages carry almost no script
 * until then.
 */

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** The record's filter values (src/core/search-records.ts): what a result's badges are read from. */
  filters: Record<string, string[] | undefined>;
}

interface PagefindResult {
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
    await pagefind.options({ excerptLength: 24, ranking: { termFrequency: 0.6 } });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

export type FilterKey = 'type' | 'risk' | 'category' | 'signal' | 'server' | 'grade';
export const FILTER_KEYS: FilterKey[] = ['type', 'risk', 'category', 'signal', 'server', 'grade'];

export interface SearchState {
  q: string;
  filters: Record<FilterKey, string[]>;
  sort: 'relevance' | 'risk';
}

export function emptyState(): SearchState {
  return { q: '', filters: { type: [], risk: [], category: [], signal: [], server: [], grade: [] }, sort: 'relevance' };
}

/** The state as `?q=…&risk=Critical&sort=risk`: what a shared or bookmarked link carries. */
export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

export function paramsToState(params: URLSearchParams): SearchState {
  const state = emptyState();
  state.q = params.get('q') ?? '';
  for (const key of FILTER_KEYS) state.filters[key] = params.getAll(key).filter(Boolean);
  state.sort = params.get('sort') === 'risk' ? 'risk' : 'relevance';
  return state;
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
 * Runs the search. "Riskiest first" is one search per risk class, most severe first,
 * each in relevance order, then the pages that have no risk (servers, attack
 * patterns): Pagefind's own sort would add its data to the file every visitor loads.
 */
export async function runSearch(pagefind: Pagefind, state: SearchState): Promise<PagefindSearch> {
  const q = state.q || null;
  const all = await pagefind.search(q, searchOptions(state));
  if (state.sort !== 'risk') return all;
  const levels = RISK_ORDER.filter((r) => state.filters.risk.length === 0 || state.filters.risk.includes(r));
  const parts = await Promise.all(levels.map((r) => pagefind.search(q, searchOptions(state, { risk: [r] }))));
  const seen = new Set(parts.flatMap((p) => p.results.map((r) => r.id)));
  const rest = all.results.filter((r) => !seen.has(r.id));
  return { ...all, results: [...parts.flatMap((p) => p.results), ...rest] };
}

/**
 * Puts Pagefind's excerpt into `target` as text, keeping only its `<mark>` highlights.
 * The excerpt is built from catalogue text, which is hostile: it is parsed into an
 * inert document and nothing but text and marks is copied over.
 */
export function renderExcerpt(target: HTMLElement, excerpt: string): void {
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  target.replaceChildren();
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) target.append(child.textContent ?? '');
      else if (child.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = child.textContent;
        target.append(mark);
      } else walk(child);
    }
  };
  walk(doc.body);
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
export function resultItem(data: PagefindResultData, id: string, tag: 'li' | 'div' = 'li'): HTMLElement {
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
  renderExcerpt(excerpt, data.excerpt);
  item.append(link, ' ', info, badges, excerpt);
  return item;
}

function badge(className: string, text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}
