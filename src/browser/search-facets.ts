/**
 * The filters the search page offers (src/pages/search.astro): their names, which of
 * their values show and in what order, and the chosen values matched to the index's
 * own. Pure: the page (src/browser/search-page.ts) puts the answers on screen.
 *
 * The values are the labels the index's records carry (src/core/search/records.ts), so
 * their order comes from the same taxonomy, never a second list of them.
 */
import { LETTERS, NOT_GRADED_LABELS } from '../core/site/grade.ts';
import { CATEGORIES, CATEGORY_LABELS, RISKS, RISK_LABELS } from '../schemas/taxonomy.ts';
import { FILTER_KEYS, type FilterKey, type SearchState } from './search-state.ts';

/** Each filter's value counts, as Pagefind gives them: `{ risk: { Critical: 12, … }, … }`. */
export type FacetCounts = Record<string, Record<string, number>>;

/** Each filter's name, as its box is headed and as "Remove Risk: Critical" names it. */
export const FACET_NAMES: Record<FilterKey, string> = {
  type: 'Page type',
  risk: 'Risk',
  category: 'Category',
  signal: 'Signal',
  server: 'Server',
  grade: 'Grade',
};

/**
 * The filters whose values have an order of their own: risk most severe first, categories
 * in order of increasing harm, grades best first. The others list the values with most
 * results first.
 */
export const FACET_ORDER: Partial<Record<FilterKey, readonly string[]>> = {
  risk: [...RISKS].reverse().map((r) => RISK_LABELS[r]),
  category: CATEGORIES.map((c) => CATEGORY_LABELS[c]),
  // The page types the records are written for (src/core/search/records.ts).
  type: ['Tool', 'Server', 'Attack pattern'],
  // Servers nobody has seen the tools of after every letter, apart from those that listed none (issue 21).
  grade: [...LETTERS, NOT_GRADED_LABELS['tools-not-known'], NOT_GRADED_LABELS['no-tools']],
};

/** The servers with most results show first; the others are one click or a few letters away. */
export const MAX_SERVERS = 12;

/** A filter's values that have results (issue 15), in the filter's order. */
export function orderedValues(key: FilterKey, counts: Record<string, number>): string[] {
  const names = Object.keys(counts).filter((v) => counts[v]! > 0);
  const order = FACET_ORDER[key];
  return order
    ? order.filter((v) => names.includes(v))
    : names.sort((a, b) => counts[b]! - counts[a]! || a.localeCompare(b));
}

/**
 * The servers the server filter shows: those whose name holds `find`, or without it the
 * first `MAX_SERVERS` unless all were asked for; the chosen ones always, first.
 * `found` is how many match `find`, for "Show all N servers"; `limited` whether some are left out.
 */
export function serverValues(
  names: readonly string[],
  chosen: readonly string[],
  find: string,
  all: boolean,
): { names: string[]; found: number; limited: boolean } {
  const wanted = find.trim().toLowerCase();
  const found = wanted ? names.filter((n) => n.toLowerCase().includes(wanted)) : names;
  const limited = !wanted && !all && found.length > MAX_SERVERS;
  return {
    names: [...new Set([...chosen, ...(limited ? found.slice(0, MAX_SERVERS) : found)])],
    found: found.length,
    limited,
  };
}

/** `names` with the chosen values it lacks added at the end: a chosen value stays, to be unchecked. */
export function withChosen(names: readonly string[], chosen: readonly string[]): string[] {
  const all = [...names];
  for (const value of chosen) if (!all.includes(value)) all.push(value);
  return all;
}

/** Every chosen filter value, filter by filter. */
export function activeFilters(state: SearchState): { key: FilterKey; value: string }[] {
  return FILTER_KEYS.flatMap((key) => state.filters[key].map((value) => ({ key, value })));
}

/**
 * Filter values from the address in any case (`?risk=critical`) as the index's own
 * (`Critical`), so they filter and check the right box, each once. `changed` says whether
 * a value was rewritten, for the address to be rewritten to match.
 */
export function canonicalFilters(
  filters: SearchState['filters'],
  totals: FacetCounts,
): { filters: SearchState['filters']; changed: boolean } {
  const fixed = { ...filters };
  let changed = false;
  for (const key of FILTER_KEYS) {
    const known = Object.keys(totals[key] ?? {});
    const values = filters[key].map((v) => known.find((k) => k.toLowerCase() === v.toLowerCase()) ?? v);
    if (values.some((v, i) => v !== filters[key][i])) changed = true;
    fixed[key] = [...new Set(values)];
  }
  return { filters: fixed, changed };
}
