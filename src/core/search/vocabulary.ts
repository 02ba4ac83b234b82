/**
 * The catalogue's own vocabulary, which a misspelt query word is corrected to
 * (src/core/search/spelling.ts): the words of tool names, the words people name servers
 * by (src/core/search/names.ts) and the verbs of the verb groups. Written at build time
 * (src/build/search-index.ts) as one small file per first letter (or, for a letter with
 * many words, per first two letters), each word once, the most used first; the browser
 * loads a part only when a query word has missed.
 *
 * Only names are in it, not descriptions: names are what people misspell when they look
 * for a tool or a server, and they keep it small (BENCHMARKS.md has its size at 250,000
 * tools). Words of one or two letters are left out, since none is ever corrected to.
 */
import type { AnalysedServer } from '../analyse.ts';
import { identifierWords } from '../classify/words.ts';
import { serverNames, telling } from './names.ts';
import { partOf, SPLIT } from './spelling.ts';
import { VERB_GROUPS } from './words.ts';

/** A word worth correcting to: a letter, then letters or digits, 3 to 24 of them. */
const WORD = /^[a-z][a-z0-9]{2,23}$/;

/** Each word of the vocabulary with how many tool and server names use it. */
export function searchVocabulary(servers: readonly AnalysedServer[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (words: Iterable<string>) => {
    for (const w of new Set(words)) if (WORD.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  };
  for (const server of servers) {
    add(serverNames(server.server.name, server.server.title).flatMap((n) => [...telling(n), ...identifierWords(n)]));
    for (const tool of server.tools) add(identifierWords(tool.tool.name));
  }
  for (const group of VERB_GROUPS) add(group.verbs);
  return counts;
}

/** How many words a first letter's part holds at most before it is split by the first two letters. */
export const PART_WORDS = 1500;

/**
 * The vocabulary as its parts, keyed by first letter (`partOf`), each word one a line. The
 * most used come first, by powers of two of their count (alphabetical within one, so that
 * gzip finds the shared starts and two builds write the same bytes). A letter with more
 * than `PART_WORDS` words is split by first two letters, its own part then only `SPLIT`.
 */
export function vocabularyParts(vocabulary: ReadonlyMap<string, number>): Map<string, string> {
  const byKey = new Map<string, [string, number][]>();
  const add = (key: string, entry: [string, number]) => {
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  };
  for (const entry of vocabulary) add(partOf(entry[0]), entry);
  for (const [key, entries] of [...byKey]) {
    if (entries.length <= PART_WORDS) continue;
    byKey.set(key, []);
    for (const entry of entries) add(entry[0].slice(0, 2), entry);
  }
  const tier = (count: number) => Math.floor(Math.log2(count));
  const parts = new Map<string, string>();
  for (const key of [...byKey.keys()].sort()) {
    const entries = byKey.get(key)!;
    entries.sort((a, b) => tier(b[1]) - tier(a[1]) || (a[0] < b[0] ? -1 : 1));
    parts.set(key, entries.length ? entries.map(([w]) => w).join('\n') : SPLIT);
  }
  return parts;
}
