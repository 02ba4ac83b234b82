/**
 * The search page (src/pages/search.astro) in the browser: the form, the filters and the
 * results, all kept in the page's address (src/browser/search-state.ts), so a link, a
 * reload and Back show the same search. Which filter values show comes from
 * src/browser/search-facets.ts; the search itself from src/browser/search-client.ts,
 * the same as the header box's. The page's elements and state are this module's, set by
 * `startSearchPage`.
 */
import { figure, plural } from '../core/text.ts';
import { correctionNotice, loadPagefind, resultItem, runSearch, type CatalogueSearch } from './search-client.ts';
import {
  activeFilters,
  canonicalFilters,
  FACET_NAMES,
  orderedValues,
  serverValues,
  withChosen,
  type FacetCounts,
} from './search-facets.ts';
import {
  FILTER_KEYS,
  parseSearchState,
  serialiseSearchState,
  type FilterKey,
  type SearchState,
} from './search-state.ts';

/** Results shown at first and added by each "Show more results". */
const PAGE = 20;

let form: HTMLFormElement;
let q: HTMLInputElement;
let sort: HTMLSelectElement;
let status: HTMLElement;
let empty: HTMLElement;
let list: HTMLOListElement;
let more: HTMLButtonElement;
let filtersBox: HTMLDetailsElement;
let serverFind: HTMLInputElement;
let serverAll: HTMLButtonElement;

let state: SearchState;
/** Whether "Show all servers" was pressed. */
let allServers = false;
/** The counts the filters show, kept to redraw them as a server is looked for. */
let lastCounts: FacetCounts = {};
/** The query's words the results are marked for. */
let words: string[] = [];
let results: CatalogueSearch['results'] = [];
let shown = 0;
/** Counts the searches: a search's results show only if no later one has started. */
let generation = 0;
let typingTimer: ReturnType<typeof setTimeout> | undefined;

/** The page's address for the search shown. */
function address(): string {
  const query = serialiseSearchState(state);
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

function writeForm() {
  q.value = state.q;
  sort.value = state.sort;
}

/** Typing replaces the history entry; filters and sort add one, so Back undoes them. */
function commit(push: boolean) {
  const url = address();
  if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
  void run();
}

function renderFacets(counts: FacetCounts) {
  lastCounts = counts;
  for (const key of FILTER_KEYS) renderFacet(key, counts[key] ?? {});
}

/** One filter's box: its values with results, each with its count. */
function renderFacet(key: FilterKey, counts: Record<string, number>) {
  const box = document.querySelector(`[data-facet="${key}"] .facet-options`)!;
  let names = orderedValues(key, counts);
  if (key === 'server') {
    const servers = serverValues(names, state.filters.server, serverFind.value, allServers);
    serverAll.hidden = !servers.limited;
    serverAll.textContent = `Show all ${figure(servers.found)} servers`;
    names = servers.names;
  }
  names = withChosen(names, state.filters[key]);
  // A facet with nothing to offer for these results is left out whole, not shown as an empty box.
  box.closest('fieldset')!.hidden = names.length === 0 && !(key === 'server' && serverFind.value);
  box.replaceChildren(...names.map((value, i) => facetOption(key, value, i, counts[value] ?? 0)));
}

/** A checkbox for one filter value, its label and its count of results. */
function facetOption(key: FilterKey, value: string, index: number, count: number): HTMLElement {
  const id = `facet-${key}-${index}`;
  const row = document.createElement('div');
  row.className = 'facet-option';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = id;
  box.value = value;
  box.checked = state.filters[key].includes(value);
  box.addEventListener('change', () => {
    const chosen = state.filters[key];
    state.filters[key] = box.checked ? [...chosen, value] : chosen.filter((v) => v !== value);
    commit(true);
  });
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = value;
  const counted = document.createElement('span');
  counted.className = 'count';
  counted.textContent = figure(count);
  counted.setAttribute('aria-label', `${figure(count)} results`);
  row.append(box, label, counted);
  return row;
}

async function showMore() {
  const mine = generation;
  const next = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
  if (mine !== generation) return;
  list.append(...next.map((d, i) => resultItem(d, `search-result-${shown + i}`, words)));
  shown += next.length;
  more.hidden = shown >= results.length;
}

/** What a search found, for the status line: "12 results for “refund”.", with the search's note. */
function summary(count: number, query: string, note: string): string {
  return `${plural(count, 'result')}${query ? ` for “${query}”` : ''}.${note ? ` ${note}` : ''}`;
}

/** When nothing matches: says so, and offers to remove each filter, or else a shorter query. */
function renderEmpty() {
  const active = activeFilters(state);
  const text = document.createElement('p');
  text.textContent = state.q
    ? `Nothing matches “${state.q}”${active.length ? ' with these filters' : ''}.`
    : 'Nothing matches these filters.';
  empty.replaceChildren(text);
  if (active.length) {
    const hint = document.createElement('p');
    hint.textContent = 'Try removing a filter:';
    empty.append(hint, ...active.map(({ key, value }) => removeButton(key, value)));
  } else if (state.q) {
    const hint = document.createElement('p');
    hint.textContent = 'Try fewer or shorter words, or part of a tool name such as “refund” or “delete”.';
    empty.append(hint);
  }
  empty.hidden = false;
}

function removeButton(key: FilterKey, value: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = `Remove ${FACET_NAMES[key]}: ${value}`;
  b.addEventListener('click', () => {
    state.filters[key] = state.filters[key].filter((v) => v !== value);
    commit(true);
  });
  return b;
}

/** Nothing asked yet: offer the facets with their totals, no results. */
function showTotals(totals: FacetCounts) {
  renderFacets(totals);
  list.replaceChildren();
  empty.hidden = true;
  more.hidden = true;
  status.textContent = 'Type to search, or pick a filter.';
}

async function run() {
  const mine = ++generation;
  const pagefind = await loadPagefind();
  // Pagefind counts filter values in results only once its filter index is loaded.
  const totals = await pagefind.filters();
  const canonical = canonicalFilters(state.filters, totals);
  state.filters = canonical.filters;
  if (canonical.changed) history.replaceState(null, '', address());
  if (!state.q && activeFilters(state).length === 0) {
    showTotals(totals);
    return;
  }
  const search = await runSearch(pagefind, state, () => mine !== generation);
  if (mine !== generation) return;
  results = search.results;
  words = search.words;
  shown = 0;
  list.replaceChildren();
  renderFacets(search.filters);
  const text = summary(results.length, search.corrected ?? state.q, search.note);
  // "Showing results for “delete file”; search for “delte file” instead.": the link searches the words as typed.
  const notice = search.corrected
    ? [
        ...correctionNotice(
          search.corrected,
          state.q,
          `${location.pathname}?${serialiseSearchState({ ...state, verbatim: true })}`,
        ),
        ' ',
      ]
    : [];
  if (results.length === 0) {
    renderEmpty();
    more.hidden = true;
    status.replaceChildren(...notice, text);
    return;
  }
  empty.hidden = true;
  await showMore();
  // Announced once the results are on the page.
  if (mine === generation) status.replaceChildren(...notice, text);
}

function wireEvents() {
  q.addEventListener('input', () => {
    state.q = q.value.trim();
    // New words: a misspelt one may be corrected again.
    state.verbatim = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => commit(false), 150);
  });
  sort.addEventListener('change', () => {
    state.sort = sort.value === 'risk' ? 'risk' : 'relevance';
    commit(true);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (state.q !== q.value.trim()) state.verbatim = false;
    state.q = q.value.trim();
    commit(true);
  });
  more.addEventListener('click', () => void showMore());
  serverFind.addEventListener('input', () => renderFacets(lastCounts));
  serverAll.addEventListener('click', () => {
    allServers = true;
    renderFacets(lastCounts);
  });
  // Filters open beside the results on a wide screen; on a phone they start closed, below them (issue 15).
  filtersBox.open = matchMedia('(min-width: 48.01rem)').matches;
  window.addEventListener('popstate', () => {
    state = parseSearchState(location.search);
    writeForm();
    void run();
  });
}

/** Starts the page: the search its address asks for, and the controls to change it. */
export function startSearchPage(): void {
  form = document.getElementById('search-form') as HTMLFormElement;
  q = document.getElementById('search-q') as HTMLInputElement;
  sort = document.getElementById('search-sort') as HTMLSelectElement;
  status = document.getElementById('search-status')!;
  empty = document.getElementById('search-empty')!;
  list = document.getElementById('search-results') as HTMLOListElement;
  more = document.getElementById('search-more') as HTMLButtonElement;
  filtersBox = document.getElementById('search-filters') as HTMLDetailsElement;
  serverFind = document.getElementById('facet-server-find') as HTMLInputElement;
  serverAll = document.getElementById('facet-server-all') as HTMLButtonElement;
  state = parseSearchState(location.search);
  wireEvents();
  writeForm();
  void run();
}
