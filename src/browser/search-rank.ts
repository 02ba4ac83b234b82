/**
 * How the search client (src/browser/search-client.ts) orders the first results, from what
 * their records say (src/core/search/records.ts): a server the query names, then its tools;
 * a page whose name the query spells; tools by how fully the query names them and whether
 * they do what it asks; Pagefind's order otherwise.
 */
import type { Category } from '../schemas/taxonomy.ts';
import { identifierWords } from '../core/classify/words.ts';
import { namesServer } from '../core/search/names.ts';
import {
  doesWhatIsAsked,
  isActionQuery,
  nameInQuery,
  namesExactly,
  objectsNamed,
  queryActions,
  queryThings,
  queryWords,
  singular,
} from '../core/search/words.ts';
import type { PagefindResult, PagefindResultData } from './search-client.ts';

/** How many of the first results are reordered (their data is loaded to know what they are). */
export const RERANKED = 10;

export const isTool = (d: PagefindResultData) => d.filters?.type?.[0] === 'Tool';
const isServer = (d: PagefindResultData) => d.filters?.type?.[0] === 'Server';
const serverOf = (d: PagefindResultData) => d.filters?.server?.[0] ?? '';
const DEPRECATED = /\bdeprecated\b/i;
/** Where a tool's server lists it (src/core/search/records.ts); unknown ones go last. */
const position = (d: PagefindResultData) => Number(d.meta.position ?? Infinity);
const CATEGORIES: Record<string, Category> = {
  Read: 'read',
  Write: 'write',
  Execute: 'execute',
  Destructive: 'destructive',
  Financial: 'financial',
};

/** A word without its most common endings, to compare as Pagefind's stemming would: deleting, deletes → delet. */
function stem(word: string): string {
  const short = word.replace(/(ing|ed|es|s|e)$/, '');
  return short.length >= 3 ? short : word;
}

/** Whether one of `words` is, or starts with, the query word `asked` (or its stem), as Pagefind matches. */
function matches(words: ReadonlySet<string>, asked: string): boolean {
  const short = stem(asked);
  for (const w of words) if (w.startsWith(asked) || w.startsWith(singular(asked)) || w.startsWith(short)) return true;
  return false;
}

/**
 * How many of the query's words a result's own text lacks: Pagefind also finds a tool through
 * its server's topics (src/core/search/records.ts), and a fallback through some of the words.
 */
function missing(d: PagefindResultData, asked: readonly string[]): number {
  // Each word whole and in its parts, as Pagefind indexes it: GitHub is github, and git and hub.
  const own = new Set(
    (d.content ?? '').split(/\s+/).flatMap((t) => [t.toLowerCase().replace(/[^a-z0-9]/g, ''), ...identifierWords(t)]),
  );
  return asked.filter((w) => !matches(own, w)).length;
}

/** Whether a result's own text has every one of the query's `words` (small words aside). */
export const hasEveryWord = (d: PagefindResultData, words: readonly string[]) =>
  missing(
    d,
    words.flatMap((w) => identifierWords(w)),
  ) === 0;

/** How many of the query's `things` (`queryThings`) are words naming a tool's server (its record's `of`). */
const mentions = (d: PagefindResultData, things: readonly string[]) => {
  const of = new Set((d.meta.of ?? '').split(' ').map(singular));
  return things.filter((w) => of.has(w)).length;
};

/** Whether the query is what people call this server result (src/core/search/names.ts). */
const named = (query: string, d: PagefindResultData) =>
  isServer(d) && namesServer(query, (d.meta.names ?? '').split(' | '), d.meta.registry ?? '');

/**
 * A result's rank, lowest first:
 *
 * | rank    | result                                                                                      |
 * | ------- | ------------------------------------------------------------------------------------------- |
 * | 0       | a server the query names, or a page whose name the query spells exactly                     |
 * | 1       | a tool of a server the query names                                                          |
 * | 1.1–1.5 | a tool of a server the query names among other words (`ranker`), in the order below         |
 * | 2, 3    | a tool whose name the query spells out in order, or whose every name word it names          |
 * | 4–7     | for an action query, a tool that does what it asks (`doesWhatIsAsked`): first one whose     |
 * |         | name's words but its action the query names, then the others; each time first one whose     |
 * |         | action is asked for, then one only of the category asked for                                |
 * | 8, 9    | other tools: one whose name's words but its action the query names, then the others         |
 * | 9       | servers and articles, for a query that is not an action                                     |
 * | 20      | a page whose own description calls it deprecated                                            |
 * | 30–50   | the same order again for results whose own text lacks words of the query (found through     |
 * |         | their server's topics, or by a fallback), those that lack fewer first                       |
 * | 60      | servers and articles, for an action query                                                   |
 */
interface Asked {
  query: string;
  action: boolean;
  asked: ReturnType<typeof queryActions>;
  /** Tools of these servers (by the title the site shows) come next after a server the query names. */
  servers: ReadonlySet<string>;
}

/** A result's rank by what it is, before the words its own text lacks (see `ranker`). */
function rankOf(d: PagefindResultData, { query, action, asked, servers }: Asked): number {
  const name = d.meta.title ?? '';
  if (named(query, d) || namesExactly(query, name)) return 0;
  if (isTool(d) && servers.has(serverOf(d))) return 1;
  // A tool its own server calls deprecated yields to the one that replaces it.
  if (DEPRECATED.test(d.meta.excerpt ?? '')) return 20;
  // After every tool, whatever words those lack.
  if (!isTool(d)) return action ? 60 : 9;
  const does = (d.meta.does ?? '').split(' ').filter(Boolean);
  const level = nameInQuery(query, name, d.meta.namespace, does);
  if (level >= 2) return 5 - level;
  const how = action ? doesWhatIsAsked(asked, does, CATEGORIES[d.filters?.category?.[0] ?? '']) : 0;
  return how > 0 ? 4 + 2 * (1 - level) + (2 - how) : 9 - level;
}

/**
 * Ranks results for `query` (table above). A result whose own text lacks words of the query
 * comes after those that have them all, in the same order, those that lack fewer first.
 */
function ranker(query: string, servers: ReadonlySet<string>) {
  const words = queryWords(query);
  const context = { query, action: isActionQuery(words), asked: queryActions(words), servers };
  const parts = words.flatMap((w) => identifierWords(w));
  const things = queryThings(query);
  return (d: PagefindResultData): number => {
    const lacks = missing(d, parts);
    const rank = rankOf(d, context);
    // A tool of a server the query names among its words ("run a sql query on postgres") comes
    // before tools of other servers, those of the server it names with more words first, each
    // in the same order, after the tools of a server the whole query names.
    const told = rank >= 2 && rank < 20 && isTool(d) ? Math.min(mentions(d, things), 4) : 0;
    const named = told ? 1 + (5 - told) / 10 + rank / 100 : rank;
    // Among tools of one rank, the one whose name holds more of what the query asks about first.
    const held = isTool(d) ? Math.min(objectsNamed(query, d.meta.title ?? ''), 9) / 1000 : 0;
    return (named < 60 && lacks > 0 ? named + 30 + Math.min(lacks, 9) / 10 : named) - held;
  };
}

/**
 * Reorders the first `RERANKED` results by rank (`ranker`); the rest keep Pagefind's order.
 * Only the first are looked at: what they are is known only once their data is loaded,
 * which the page shows next anyway. One server's tools of one rank take their places in
 * the order the server lists them: servers list their main tools first (the file system's
 * `read_text_file` before `read_media_file` for "read a file").
 */
export async function rerank(results: PagefindResult[], query: string): Promise<PagefindResult[]> {
  const head = results.slice(0, RERANKED);
  const data = await Promise.all(head.map((r) => r.data()));
  const servers = new Set(data.filter((d) => named(query, d)).map(serverOf));
  const rank = ranker(query, servers);
  const order = head.map((r, i) => ({ r, d: data[i]!, key: rank(data[i]!), i }));
  order.sort((a, b) => a.key - b.key || a.i - b.i);
  const groups = new Map<string, number[]>();
  order.forEach((o, slot) => {
    if (!isTool(o.d)) return;
    const group = `${o.key}\u0000${serverOf(o.d)}`;
    groups.set(group, [...(groups.get(group) ?? []), slot]);
  });
  const placed = [...order];
  for (const slots of groups.values()) {
    const listed = slots.map((slot) => order[slot]!).sort((a, b) => position(a.d) - position(b.d));
    slots.forEach((slot, k) => (placed[slot] = listed[k]!));
  }
  return [...placed.map((o) => o.r), ...results.slice(RERANKED)];
}
