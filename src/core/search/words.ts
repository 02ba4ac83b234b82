/**
 * Words as people type them into search (issue 17), in one place for both sides of
 * search: the records (src/core/search/records.ts) index each tool under the verbs
 * that mean the same action as its name's, and the browser (src/browser/search-client.ts)
 * drops the small words a tool's text need not contain, tells action queries ("delete a
 * branch") from queries about a thing ("rug pull"), and ranks a tool that does what the
 * query asks above one that only mentions its words.
 *
 * Singular and plural need nothing here: Pagefind stems both the index and the query
 * ("pages" and "page" are one word to it) and matches every query word as a prefix.
 */
import type { Category } from '../../schemas/taxonomy.ts';
import { identifierWords } from '../classify/words.ts';

/** One action in the field's own words, and the taxonomy category of a tool that does it. */
export interface VerbGroup {
  /** The group's first verb, which stands for the group. */
  action: string;
  category: Category;
  verbs: readonly string[];
}

const group = (category: Category, verbs: string): VerbGroup => {
  const list = verbs.split(' ');
  return { action: list[0]!, category, verbs: list };
};

/**
 * Verbs that name the same action. Kept small on purpose: a wrong equivalence ranks
 * unrelated tools, so a verb joins a group only when tools use it that way. One group
 * or more per category of the taxonomy (docs/classification.md): reading, writing,
 * running, destroying and charging.
 */
export const VERB_GROUPS: readonly VerbGroup[] = [
  group('read', 'get read fetch retrieve'),
  group('read', 'list show'),
  group('read', 'search find'),
  group('write', 'create add new'),
  group('write', 'update edit modify'),
  group('write', 'send post'),
  group('execute', 'run execute exec invoke'),
  group('destructive', 'delete remove wipe erase destroy drop purge'),
  group('financial', 'charge bill pay'),
];

const GROUP_OF = new Map<string, VerbGroup>(VERB_GROUPS.flatMap((g) => g.verbs.map((v) => [v, g] as const)));

/** The group `word` is a verb of, if any. */
export const groupOf = (word: string): VerbGroup | undefined => GROUP_OF.get(word.toLowerCase());

/** The other verbs of `word`'s group: `delete` → `remove`, `wipe`…; none for a word in no group. */
export function equivalents(word: string): readonly string[] {
  const found = groupOf(word);
  return found ? found.verbs.filter((v) => v !== word.toLowerCase()) : [];
}

/**
 * The verbs of a query, beyond the groups, by the category of what they ask for: the
 * classifier's reading of the same verb (src/core/classify/lexicon.ts; a unit test keeps
 * the two in step). A tool of that category does what the query asks.
 */
const QUERY_VERBS: Record<Category, string> = {
  read: 'query take convert crawl scrape open navigate',
  write:
    'merge cancel click type upload download schedule move stop start restart scale comment reply write append insert apply invite assign close archive transfer publish rename copy duplicate set change mark email',
  execute: 'deploy install trigger call',
  destructive: 'uninstall reset',
  financial: 'refund',
};

const VERB_CATEGORY = new Map<string, Category>([
  ...VERB_GROUPS.flatMap((g) => g.verbs.map((v) => [v, g.category] as const)),
  ...Object.entries(QUERY_VERBS).flatMap(([c, verbs]) => verbs.split(' ').map((v) => [v, c as Category] as const)),
]);

/** Verbs that make a query an action query without saying which category: "turn on", "text a number". */
const OTHER_ACTIONS = new Set(['turn', 'text', 'resolve']);

/**
 * What a query asks to be done: the actions (a group's first verb, or the verb itself)
 * and the categories of its verbs. "wipe the database" asks for `delete`, destructive;
 * "charge a card" for `charge`, financial.
 */
export function queryActions(words: readonly string[]): { actions: Set<string>; categories: Set<Category> } {
  const actions = new Set<string>();
  const categories = new Set<Category>();
  for (const part of words.flatMap((w) => identifierWords(w))) {
    const category = VERB_CATEGORY.get(part);
    if (!category) continue;
    actions.add(groupOf(part)?.action ?? part);
    categories.add(category);
  }
  return { actions, categories };
}

/** Whether a query asks for something to be done: one of its words is an action verb. */
export function isActionQuery(words: readonly string[]): boolean {
  return words.some((w) => identifierWords(w).some((part) => VERB_CATEGORY.has(part) || OTHER_ACTIONS.has(part)));
}

/**
 * How well a tool does what the query asks (src/browser/search-client.ts ranks by it):
 * 2 when its name's action, or its category's, is one the query asks for (`drop_table`
 * and `flushall` for "wipe a database", `create_charge` for "charge a card"); 1 when it
 * is only of the category the query's verbs ask for (`flux_generate_image`, a write, for
 * "flux edit"); else 0 (`get_charge`, a read that only mentions a charge).
 */
export function doesWhatIsAsked(
  asked: { actions: Set<string>; categories: Set<Category> },
  does: readonly string[],
  category: Category | undefined,
): number {
  if (does.some((a) => asked.actions.has(a))) return 2;
  return category !== undefined && asked.categories.has(category) ? 1 : 0;
}

/** The group of the categories that are an action in themselves: a destructive tool destroys something. */
const CATEGORY_ACTIONS: Partial<Record<Category, string>> = {
  destructive: 'delete',
  execute: 'run',
  financial: 'charge',
};

/**
 * What a tool does, for its record: the action its name says (`verb`, the classifier's
 * reading of the name: `drop` of `drop_table`, `get` of `get_charge`) as its group's
 * first verb; the groups of the other words of its name whose category is the one the
 * tool is classified in (`charge` of `create_charge`, a financial tool; not of `get_charge`,
 * a read); and the group of its category when that is an action in itself (`flushall`,
 * destructive, destroys: "wipe" finds it).
 */
export function toolActions(nameWords: readonly string[], verb: string | undefined, category: Category): string[] {
  const actions = new Set<string>();
  if (verb) actions.add(groupOf(verb)?.action ?? verb);
  for (const word of nameWords) {
    const found = groupOf(word);
    if (found && found.category === category) actions.add(found.action);
  }
  const own = CATEGORY_ACTIONS[category];
  if (own) actions.add(own);
  return [...actions];
}

/**
 * The verbs a record adds so that "remove a branch" finds `delete_branch`: the other verbs
 * of the groups of the tool's actions (`toolActions`), minus the words it already has.
 */
export function addedEquivalents(words: readonly string[], actions: readonly string[]): string[] {
  const have = new Set(words);
  const added = new Set<string>();
  for (const action of actions)
    for (const other of groupOf(action)?.verbs ?? []) if (!have.has(other)) added.add(other);
  return [...added];
}

/**
 * Words a query can do without: a tool's text rarely contains them, and Pagefind
 * matches each query word as a prefix, so "a" alone would match almost every page.
 */
const SMALL_WORDS = new Set(
  'a an the to of for in on at by with from into onto via as using and or my me i our your its it this that these those all some any please how do does can what which is are be'.split(
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

/**
 * Whether the query is a page's name typed out: `create_refund`, "create refund" and
 * "Create Refund" all name `create_refund`; "Stripe" names the server titled Stripe.
 */
export function namesExactly(query: string, name: string): boolean {
  const wanted = identifierWords(query).join(' ');
  return wanted.length > 0 && wanted === identifierWords(name).join(' ');
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
export const singular = (word: string) =>
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
  ...VERB_GROUPS.flatMap((g) => g.verbs),
  ...'write manage set merge cancel upload download start stop restart deploy install uninstall apply move copy rename reset toggle trigger'.split(
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
 *
 * `does` is what the tool does (`toolActions`), its name's own action first: a verb of a group
 * counts as a verb only when it is that action, so `charge` is what `get_charge` and
 * `create_charge` act on. Without it, every verb of a group counts as a verb.
 */
export function nameInQuery(query: string, name: string, namespace = '', does?: readonly string[]): number {
  // Small words aside on both sides: "list the policies" spells out `list_policy`.
  // Verbs of one group count as one word: "remove a file" names `delete_file`.
  const canonical = (w: string) => groupOf(w)?.action ?? singular(w);
  const words = identifierWords(name)
    .filter((w) => !SMALL_WORDS.has(w))
    .map(canonical);
  const asked = identifierWords(query)
    .filter((w) => !SMALL_WORDS.has(w))
    .map(canonical);
  if (words.length < 2) return 0;
  // A name word the query shortens ("repo", "dir", "config") reads as the query's word.
  const named = words.map((w) => asked.find((a) => abbreviates(a, w)) ?? w);
  if (named.every((w) => asked.includes(w))) return ` ${asked.join(' ')} `.includes(` ${named.join(' ')} `) ? 3 : 2;
  // The server's name or prefix in a tool's name (`notion-search`, `browser_click`) says nothing of
  // what it acts on (src/core/search/records.ts, namespaceWords).
  const shared = new Set(identifierWords(namespace).map(singular));
  const isVerb = (w: string) => (does && groupOf(w) ? does[0] === w : NAME_VERBS.has(w));
  const things = named.filter((w) => !isVerb(w) && !shared.has(w));
  return things.length > 0 && things.every((w) => asked.includes(w)) ? 1 : 0;
}

/**
 * Whether the query word `asked` is the name word `word` or its start, three letters or
 * more ("repo" for repository, "dir" for directory), as Pagefind matches a query word.
 */
const abbreviates = (asked: string, word: string) => asked === word || (asked.length >= 3 && word.startsWith(asked));

/**
 * How many of the query's words, verbs aside, a tool's name has: what it acts on. Among
 * tools ranked alike, `directory_tree` names more of "show the directory tree" than
 * `list_directory`, whose other word is only the verb.
 */
export function objectsNamed(query: string, name: string): number {
  const words = identifierWords(name).map(singular);
  return queryThings(query).filter((a) => words.some((w) => abbreviates(a, w))).length;
}

/** What a query asks about: its words but the small words and the verbs, singular, each once. */
export const queryThings = (query: string) => [
  ...new Set(
    identifierWords(query)
      .filter((w) => !SMALL_WORDS.has(w) && !NAME_VERBS.has(w))
      .map(singular),
  ),
];

/**
 * Whether a word of an excerpt is one the query asked for, as Pagefind matches: a query
 * word is a prefix ("pod" marks "pods"), and a plural query marks the singular ("pages"
 * marks "page").
 */
export function isAskedFor(word: string, words: readonly string[]): boolean {
  const w = word.toLowerCase();
  return words.some((q) => w.startsWith(q) || (w.length >= 3 && singular(q) === w));
}
