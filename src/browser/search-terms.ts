/**
 * From the words of a query to what Pagefind searches, and the correction of a misspelt
 * word (src/core/search/spelling.ts), for the search client (src/browser/search-client.ts).
 *
 * Pagefind never says that a word matched nothing: a word no page has is matched by the
 * longest word of the index it starts with ("delte" by `del`), or left out of a query of
 * several words. So each word is first looked up alone with Pagefind's exact search (the
 * word's stem, no longer and no shorter word), which loads no more of the index than the
 * search itself. Only a word that has no exact match loads a part of the vocabulary.
 */
import { identifierWords } from '../core/classify/words.ts';
import { isRegistryName, registryName, registryWord, squashed, telling } from '../core/search/names.ts';
import { correction, partOf, SPLIT, startsFor, VOCABULARY_PATH } from '../core/search/spelling.ts';
import { queryWords } from '../core/search/words.ts';

interface Searcher {
  search(term: string, options?: Record<string, unknown>): Promise<{ results: unknown[] }>;
}

/** Whether the index has a word with the same stem as `term`; each term is looked up once. */
export type Exact = (term: string) => Promise<boolean>;

export function exactWords(pagefind: Searcher): Exact {
  const known = new Map<string, Promise<boolean>>();
  return (term) => {
    let found = known.get(term);
    if (!found) {
      found = pagefind.search(`"${term}"`).then((s) => s.results.length > 0);
      known.set(term, found);
    }
    return found;
  };
}

/**
 * What Pagefind searches for one query word. A registry name typed whole is the one word
 * its server's record holds it as (src/core/search/names.ts). An identifier
 * (`create_refund`, `API-post-search`) is its letters run together, the one word Pagefind
 * indexes a name as, when the index has it, else its words: Pagefind would otherwise keep
 * the underscore and match only the identifier's first word. Any other word is as typed.
 */
export async function termFor(word: string, exact: Exact): Promise<string> {
  if (isRegistryName(word)) {
    const whole = registryWord(word);
    const { owner, name } = registryName(word);
    return (await exact(whole)) ? whole : [...telling(owner), ...telling(name)].join(' ');
  }
  const parts = identifierWords(word);
  if (parts.length < 2) return word;
  const whole = squashed(word);
  return (await exact(whole)) ? whole : parts.join(' ');
}

const parts = new Map<string, Promise<string[]>>();

/** A part of the vocabulary (src/core/search/vocabulary.ts), loaded once; empty when it cannot be. */
function vocabularyPart(key: string): Promise<string[]> {
  let part = parts.get(key);
  if (!part) {
    part = loadPart(key);
    parts.set(key, part);
  }
  return part;
}

async function loadPart(key: string): Promise<string[]> {
  try {
    const response = await fetch(`${VOCABULARY_PATH}${key}.gz`);
    if (!response.ok) return [];
    let bytes = new Uint8Array(await response.arrayBuffer());
    // A host may have unzipped it on the way already.
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    }
    return new TextDecoder().decode(bytes).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * The vocabulary's words a misspelt word can be corrected to (src/core/search/spelling.ts,
 * `startsFor`): its first letter's part, then the others, each loaded once; a letter split
 * in two-letter parts loads only the ones the word needs.
 */
async function candidates(word: string): Promise<string[][]> {
  const starts = startsFor(word);
  const letters = [...new Set(starts.map((s) => partOf(s)))];
  const lists = await Promise.all(
    letters.map(async (letter) => {
      const part = await vocabularyPart(letter);
      if (part[0] !== SPLIT) return [part];
      return Promise.all(starts.filter((s) => partOf(s) === letter).map((s) => vocabularyPart(s)));
    }),
  );
  return lists.flat();
}

/** One typed word with its misspelt parts corrected (`delte` → `delete`, `list_directry` → `list_directory`). */
async function correctWord(token: string, exact: Exact): Promise<string> {
  const lower = token.toLowerCase();
  const words = identifierWords(token);
  if (words.length > 1 && (await exact(squashed(lower)))) return token;
  let fixed = lower;
  let from = 0;
  for (const word of words) {
    const at = fixed.indexOf(word, from);
    from = at < 0 ? from : at + word.length;
    // Too short to correct, a number, or a word the index has.
    if (at < 0 || word.length < 3 || /\d/.test(word) || (await exact(word))) continue;
    const better = correction(word, await candidates(word));
    if (!better || better === word) continue;
    fixed = fixed.slice(0, at) + better + fixed.slice(at + word.length);
    from = at + better.length;
  }
  return fixed === lower ? token : fixed;
}

/**
 * The query with each word that matches nothing corrected to the nearest word of the
 * catalogue's vocabulary, or the query as typed when none is. Small words, registry names
 * and words of the vocabulary or the start of one are kept as they are.
 */
export async function correctQuery(query: string, exact: Exact): Promise<string> {
  const kept = new Set(queryWords(query));
  const tokens = query.trim().split(/\s+/).filter(Boolean);
  const fixed = await Promise.all(
    tokens.map((t) => (!kept.has(t.toLowerCase()) || isRegistryName(t) ? t : correctWord(t, exact))),
  );
  return fixed.some((t, i) => t !== tokens[i]) ? fixed.join(' ') : query;
}
