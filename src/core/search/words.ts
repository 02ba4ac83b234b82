/**
 * Words as people type them into search (issue 17), in one place for both sides of
 * search: the records (src/core/search/records.ts) index each tool under the verbs
 * that mean the same action as the verbs of its name, and the browser
 * (src/browser/search-client.ts) drops the small words a tool's text need not contain and
 * tells action queries ("delete a branch") from queries about a thing ("rug pull").
 *
 * Singular and plural need nothing here: Pagefind stems both the index and the query
 * ("pages" and "page" are one word to it) and matches every query word as a prefix.
 */
import { identifierWords } from '../classify/words.ts';

/**
 * Verbs of this field that name the same action. Kept small on purpose: each group
 * is one action in the MCP servers' own vocabulary, and a wrong equivalence ranks
 * unrelated tools, so a verb joins a group only when tools use it that way.
 */
export const VERB_GROUPS: readonly (readonly string[])[] = [
  ['delete', 'remove'],
  ['create', 'add', 'new'],
  ['send', 'post'],
  ['get', 'read', 'fetch', 'retrieve'],
  ['list', 'show'],
  ['update', 'edit'],
];

const EQUIVALENTS = new Map<string, readonly string[]>(
  VERB_GROUPS.flatMap((group) => group.map((verb) => [verb, group.filter((other) => other !== verb)] as const)),
);

/** The other verbs of `word`'s group: `delete` → `remove`; none for a word in no group. */
export function equivalents(word: string): readonly string[] {
  return EQUIVALENTS.get(word.toLowerCase()) ?? [];
}

/**
 * Verbs that make a query an action query, for which tools rank above attack
 * articles and servers: the groups above and the other actions tools are named by.
 */
const ACTION_VERBS = new Set([
  ...VERB_GROUPS.flat(),
  ...'run execute exec query search find merge cancel refund charge pay click type take upload download schedule move stop start restart scale deploy install uninstall comment reply convert turn crawl scrape write append insert apply invite assign close open archive drop purge transfer publish reset rename copy duplicate set change mark resolve trigger invoke call text email navigate'.split(
    ' ',
  ),
]);

/**
 * Words a query can do without: a tool's text rarely contains them, and Pagefind
 * matches each query word as a prefix, so "a" alone would match almost every page.
 */
const SMALL_WORDS = new Set(
  'a an the to of for in on at by with from into onto and or my me i our your its it this that these those all some any please how do does can what which is are be'.split(
    ' ',
  ),
);

/**
 * The words of a query that a result has to match: lower-cased, split on spaces (an
 * identifier such as `create_refund` stays one word), small words dropped unless
 * nothing else is left.
 */
export function queryWords(query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const kept = words.filter((w) => !SMALL_WORDS.has(w));
  return kept.length ? kept : words;
}

/** Whether a query asks for something to be done: one of its words is an action verb. */
export function isActionQuery(words: readonly string[]): boolean {
  return words.some((w) => identifierWords(w).some((part) => ACTION_VERBS.has(part)));
}

/**
 * Whether the query is a page's name typed out: `create_refund`, "create refund" and
 * "Create Refund" all name `create_refund`; "Stripe" names the server titled Stripe.
 */
export function namesExactly(query: string, name: string): boolean {
  const wanted = identifierWords(query).join(' ');
  return wanted.length > 0 && wanted === identifierWords(name).join(' ');
}

/**
 * The verbs that mean the same as the verbs among `words`, minus those already there:
 * what a record adds so that "remove a branch" finds `delete_branch`.
 */
export function addedEquivalents(words: readonly string[]): string[] {
  const have = new Set(words);
  const added = new Set<string>();
  for (const word of words) for (const other of equivalents(word)) if (!have.has(other)) added.add(other);
  return [...added];
}

/** How many word subsets one fallback level tries at most: a long query must not run hundreds of searches. */
export const MAX_SUBSETS = 24;

/** The subsets of `words` with `size` words, in the query's order, at most `MAX_SUBSETS` of them. */
export function subsets(words: readonly string[], size: number): string[][] {
  const out: string[][] = [];
  const pick = (start: number, chosen: string[]) => {
    if (out.length >= MAX_SUBSETS) return;
    if (chosen.length === size) {
      out.push(chosen);
      return;
    }
    for (let i = start; i < words.length; i++) pick(i + 1, [...chosen, words[i]!]);
  };
  pick(0, []);
  return out;
}

/** A word without a plural ending, to compare a name's words with a query's: pages → page, branches → branch. */
const singular = (word: string) =>
  word.endsWith('ies')
    ? `${word.slice(0, -3)}y`
    : /(s|x|z|ch|sh)es$/.test(word)
      ? word.slice(0, -2)
      : /[^s]s$/.test(word)
        ? word.slice(0, -1)
        : word;

/**
 * Words that are verbs in a tool's name: `issue_write` is about issues. Narrower than the
 * action verbs: "comment", "query" or "email" in a name are what the tool acts on.
 */
const NAME_VERBS = new Set([
  ...VERB_GROUPS.flat(),
  ...'write run execute exec manage set search find merge cancel upload download start stop restart deploy install uninstall apply move copy rename reset toggle trigger invoke'.split(
    ' ',
  ),
]);

/**
 * How fully the query names a tool's name: 3 when it spells the name out in order
 * ("elevenlabs text to speech" and `text_to_speech`, not `speech_to_text`); 2 when it
 * names each of its words in any order ("delete a database branch" and `delete_branch`,
 * "create a notion page" and `notion-create-pages`); 1 when it names every word of the
 * name but its verbs and the words naming its server, `namespace` ("create a github issue"
 * and `issue_write`, not `add_issue_comment`; "notion pages" and `notion-create-pages`, not
 * `notion-search`); else 0. A name with nothing but verbs counts for nothing at 1, and a name of one word
 * not at all: "query" would otherwise come first for any query with that word.
 */
export function nameInQuery(query: string, name: string, namespace = ''): number {
  // Small words aside on both sides: "list the policies" spells out `list_policy`.
  // Verbs of one group count as one word: "remove a file" names `delete_file`.
  const canonical = (w: string) => VERB_GROUPS.find((g) => g.includes(w))?.[0] ?? singular(w);
  const words = identifierWords(name)
    .filter((w) => !SMALL_WORDS.has(w))
    .map(canonical);
  const asked = identifierWords(query)
    .filter((w) => !SMALL_WORDS.has(w))
    .map(canonical);
  if (words.length < 2) return 0;
  if (words.every((w) => asked.includes(w))) return ` ${asked.join(' ')} `.includes(` ${words.join(' ')} `) ? 3 : 2;
  // The server's name or prefix in a tool's name (`notion-search`, `browser_click`) says nothing of
  // what it acts on (src/core/search/records.ts, namespaceWords).
  const shared = new Set(identifierWords(namespace).map(singular));
  const things = words.filter((w) => !NAME_VERBS.has(w) && !shared.has(w));
  return things.length > 0 && things.every((w) => asked.includes(w)) ? 1 : 0;
}

/**
 * Whether a word of an excerpt is one the query asked for, as Pagefind matches: a query
 * word is a prefix ("pod" marks "pods"), and a plural query marks the singular ("pages"
 * marks "page").
 */
export function isAskedFor(word: string, words: readonly string[]): boolean {
  const w = word.toLowerCase();
  return words.some((q) => w.startsWith(q) || (w.length >= 3 && singular(q) === w));
}
