/**
 * What a search is: the query, the chosen filters and the sort, as the search page's
 * address carries them (`/search/?q=…&risk=Critical&sort=risk`), so a shared or
 * bookmarked link, a reload and Back all show the same search. Pure: no DOM, no
 * Pagefind; the header box, the search page and the search-quality bench share it
 * through src/browser/search-client.ts.
 */

export type FilterKey = 'type' | 'risk' | 'category' | 'signal' | 'server' | 'grade';
export const FILTER_KEYS: FilterKey[] = ['type', 'risk', 'category', 'signal', 'server', 'grade'];

export interface SearchState {
  q: string;
  filters: Record<FilterKey, string[]>;
  sort: 'relevance' | 'risk';
  /** Search the words as typed, with no correction of a misspelt word (`verbatim=1`). */
  verbatim: boolean;
}

export function emptyState(): SearchState {
  return {
    q: '',
    filters: { type: [], risk: [], category: [], signal: [], server: [], grade: [] },
    sort: 'relevance',
    verbatim: false,
  };
}

/** The state as `q=…&risk=Critical&sort=risk&verbatim=1`: what a shared or bookmarked link carries. */
export function serialiseSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.verbatim && state.q) params.set('verbatim', '1');
  return params.toString();
}

/**
 * The state an address's query string (`location.search`, with or without its `?`) asks
 * for. Values are kept as given, in any case: the page matches them to the index's own
 * (src/browser/search-facets.ts); they only ever become text, never markup. Unknown
 * parameters are ignored, an empty filter value is dropped, any sort but `risk` is
 * relevance, and only `verbatim=1` turns off the correction of misspelt words.
 */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = params.get('q') ?? '';
  for (const key of FILTER_KEYS) state.filters[key] = params.getAll(key).filter(Boolean);
  state.sort = params.get('sort') === 'risk' ? 'risk' : 'relevance';
  state.verbatim = params.get('verbatim') === '1';
  return state;
}
