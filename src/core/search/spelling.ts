/**
 * Typo tolerance: a query word that matches nothing is corrected to the nearest word of
 * the catalogue's own vocabulary (src/core/search/vocabulary.ts writes it at build time:
 * the words of tool names and server names, and the verb groups). The vocabulary is split
 * by first letter, and the browser (src/browser/search-client.ts) loads only the parts a
 * missed word needs, only once a word has missed.
 */

/** Where the vocabulary's parts are: `<path><key>.gz`, one word a line, gzipped. */
export const VOCABULARY_PATH = '/search/words/';

/**
 * The first line of a first letter's part when its words are in parts of their first two
 * letters instead (`d` → `de`, `di`…): a large catalogue's letters stay small to load.
 */
export const SPLIT = '-';

/** Which part of the vocabulary a word is in: its first letter, or `0` for a digit. */
export const partOf = (word: string): string => (/^[a-z]/.test(word) ? word[0]! : '0');

/**
 * The two-letter starts a missed word's corrections can have: its own, and for a slip at its
 * first letter, its first two letters swapped (`edlete` → `de`) and its second and third
 * (`xdelete` → `de`). Its first letter's part comes first.
 */
export function startsFor(word: string): string[] {
  return [...new Set([word.slice(0, 2), `${word[1]}${word[0]}`, word.slice(1, 3)])].filter((p) => p.length === 2);
}

/**
 * How many edits a correction of `word` may take: none under three letters, one up to five,
 * two from six (the usual bound: one typo in a short word, two in a long one).
 */
export const maxEdits = (word: string): number => (word.length < 3 ? 0 : word.length < 6 ? 1 : 2);

/**
 * The edit distance between two words, counting an insertion, a deletion, a substitution or
 * two neighbouring letters swapped as one edit (`delte` → `delete` 1, `serach` → `search` 1);
 * `limit + 1` as soon as it is sure to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let lowest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      lowest = Math.min(lowest, d);
    }
    if (lowest > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/**
 * What to do with a word that matched nothing, given the vocabulary parts it needs, each
 * a list of words, most used first: `undefined` when it is a word of the vocabulary or
 * the start of one (still being typed), else its nearest word within `maxEdits`, or
 * itself when none is that near. Among equally near words, one with the same first letter
 * wins, then the most used.
 */
export function correction(word: string, parts: readonly (readonly string[])[]): string | undefined {
  if (parts.some((list) => list.some((w) => w.startsWith(word)))) return undefined;
  const limit = maxEdits(word);
  let best = word;
  let bestDistance = limit + 1;
  for (const list of parts)
    for (const candidate of list) {
      const d = editDistance(word, candidate, Math.min(limit, bestDistance));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
  return best;
}
