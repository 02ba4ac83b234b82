/**
 * The search box in every page's header (src/components/HeaderSearch.astro): a combobox
 * that shows results as you type (WAI-ARIA combobox pattern: arrows move, Enter opens,
 * Escape closes, "/" focuses). This module is on every page, so it stays small: the
 * search code and Pagefind (src/browser/search-client.ts) load only once the box is used.
 * A page has one box: its elements and state are this module's, set by `startHeaderSearch`.
 */
import { searchPath } from '../core/site/paths.ts';
import type { CatalogueSearch, PagefindResultData } from './search-client.ts';

/** The search code, loaded on first use: `import('./search-client.ts')`. */
type Client = typeof import('./search-client.ts');

/** How many results the box lists; "See all results" opens the search page for the rest. */
const SHOWN = 6;

let form: HTMLFormElement;
let input: HTMLInputElement;
let popup: HTMLElement;
let list: HTMLUListElement;
let status: HTMLElement;
let all: HTMLAnchorElement;
/** The option the arrows are on, or -1. */
let active = -1;
/** Each option's page. */
let urls: string[] = [];
/** Counts the searches: a search's results show only if no later one has started. */
let generation = 0;

function open(show: boolean) {
  popup.hidden = !show;
  input.setAttribute('aria-expanded', String(show));
  if (!show) setActive(-1);
}

function setActive(index: number) {
  const options = [...list.children] as HTMLElement[];
  active = options.length ? Math.max(-1, Math.min(index, options.length - 1)) : -1;
  options.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
  if (active >= 0) {
    input.setAttribute('aria-activedescendant', options[active]!.id);
    options[active]!.scrollIntoView({ block: 'nearest' });
  } else input.removeAttribute('aria-activedescendant');
}

/** A result as a listbox option: the search page's result item, its link made plain text. */
function option(client: Client, data: PagefindResultData, index: number, words: readonly string[]): HTMLElement {
  const item = client.resultItem(data, `site-search-option-${index}`, words);
  item.setAttribute('role', 'option');
  item.setAttribute('aria-selected', 'false');
  // Options are not links (no focusable content inside a listbox): the row opens on click.
  const link = item.querySelector('a')!;
  const name = document.createElement('span');
  name.className = link.className;
  name.textContent = link.textContent;
  link.replaceWith(name);
  item.addEventListener('mousedown', (e) => e.preventDefault());
  item.addEventListener('click', () => (location.href = data.url));
  return item;
}

/** The status line: how many results, how many of them shown, and the search's note. */
function statusText(count: number, query: string, note: string): string {
  if (count === 0) return `No results for “${query}”.`;
  const first = count > SHOWN ? `, the first ${SHOWN} below` : '';
  return `${count.toLocaleString('en-US')} result${count === 1 ? '' : 's'} for “${query}”${first}.${note ? ` ${note}` : ''}`;
}

/** The status line's nodes: a correction's notice first, its link to the search page for the words as typed. */
function statusNodes(client: Client, search: CatalogueSearch, typed: string): (Node | string)[] {
  const text = statusText(search.results.length, search.corrected ?? typed, search.note);
  if (!search.corrected) return [text];
  // The search page's address for the words as typed (src/browser/search-state.ts).
  const href = `${searchPath(typed)}&verbatim=1`;
  return [...client.correctionNotice(search.corrected, typed, href), ' ', text];
}

async function run() {
  const q = input.value.trim();
  const mine = ++generation;
  all.href = searchPath(q);
  if (!q) {
    list.replaceChildren();
    open(false);
    return;
  }
  const client = await import('./search-client.ts');
  const pagefind = await client.loadPagefind();
  // Search after a short pause in typing: a search per keystroke would load the
  // index chunks of every prefix typed on the way.
  await new Promise((r) => setTimeout(r, 100));
  if (mine !== generation) return;
  // The search page's search, so the box finds the same things in the same order.
  const search = await client.runSearch(pagefind, { ...client.emptyState(), q }, () => mine !== generation);
  if (mine !== generation) return;
  const top = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
  if (mine !== generation) return;
  urls = top.map((d) => d.url);
  list.replaceChildren(...top.map((d, i) => option(client, d, i, search.words)));
  status.replaceChildren(...statusNodes(client, search, q));
  open(true);
  setActive(-1);
}

/** Arrows move through the options, Enter opens the one they are on, Escape closes the list. */
function onKey(event: KeyboardEvent) {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    if (popup.hidden) return;
    event.preventDefault();
    const count = list.children.length;
    setActive(event.key === 'ArrowDown' ? (active + 1) % count : active <= 0 ? count - 1 : active - 1);
  } else if (event.key === 'Enter' && active >= 0 && urls[active]) {
    event.preventDefault();
    location.href = urls[active]!;
  } else if (event.key === 'Escape') {
    if (!popup.hidden) {
      event.preventDefault();
      open(false);
    }
  }
}

/** "/" anywhere but in a field focuses the box. */
function onSlash(event: KeyboardEvent) {
  const target = event.target as HTMLElement;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
  event.preventDefault();
  input.focus();
}

/** Starts the header's box: until it is used, nothing else loads. */
export function startHeaderSearch(): void {
  form = document.querySelector<HTMLFormElement>('[data-header-search]')!;
  input = form.querySelector<HTMLInputElement>('input')!;
  popup = form.querySelector<HTMLElement>('.search-popup')!;
  list = popup.querySelector<HTMLUListElement>('[role="listbox"]')!;
  status = popup.querySelector<HTMLElement>('[role="status"]')!;
  all = popup.querySelector<HTMLAnchorElement>('.search-popup-all')!;
  input.addEventListener('input', () => void run());
  input.addEventListener('focus', () => {
    // Start loading the search engine while the visitor types.
    void import('./search-client.ts').then((client) => client.loadPagefind());
    if (input.value.trim()) void run();
  });
  input.addEventListener('keydown', onKey);
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node)) open(false);
  });
  document.addEventListener('keydown', onSlash);
}
