/**
 * The catalogue's own vocabulary, which a misspelt query word is corrected to
 * (src/core/search/spelling.ts): the words of tool names, the words people name servers
 * by (src/core/search/names.ts) and the verbs of the verb groups. Written at build time
 * (src/build/search-index.ts) as one small file per first letter, each word once, the
 * most used first; the browser loads a part only when a query word has missed.
 *
 * Only names are in it, not descriptions: names are what people misspell when they look
 * for a tool or a server, and they keep it small (BENCHMARKS.md has its size at 250,000
 * tools). Words of one or two letters are left out, since none is ever corrected to.
 */
import type { AnalysedServer } from '../analyse.ts';
import { identifierWords } from '../classify/words.ts';
import { serverNames, telling } from './names.ts';
import { partOf } from './spelling.ts';
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

/**
 * The vocabulary as its parts: for each first letter (`partOf`), its words one a line, the
 * most used first, then in alphabetical order, so that two builds write the same bytes.
 */
export function vocabularyParts(vocabulary: ReadonlyMap<string, number>): Map<string, string> {
  const byPart = new Map<string, [string, number][]>();
  for (const entry of vocabulary) {
    const key = partOf(entry[0]);
    const list = byPart.get(key);
    if (list) list.push(entry);
    else byPart.set(key, [entry]);
  }
  const parts = new Map<string, string>();
  for (const key of [...byPart.keys()].sort()) {
    const words = byPart.get(key)!.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    parts.set(key, words.map(([w]) => w).join('\n'));
  }
  return parts;
}
