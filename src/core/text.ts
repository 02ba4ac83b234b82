/** Words and numbers as every page, policy comment and CLI message writes them: one place for each rule. */

/** A figure as the site writes it: `12,345`. */
export const figure = (n: number) => n.toLocaleString('en-US');

/** `1 tool`, `12,345 tools`; `many` for irregular plurals (`process`, `processes`). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${figure(n)} ${n === 1 ? word : many}`;
}

/** Like `plural`, but "no tools" for zero, as a sentence reads. */
export function countPhrase(n: number, word: string): string {
  return `${n === 0 ? 'no' : figure(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** `a, b and c` (or `a, b or c`). */
export function listPhrase(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

/** At most `limit` characters, then an ellipsis: for values shown in full elsewhere. */
export function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/**
 * The start of a third party's text, white space folded, cut at a word when one ends in the
 * second half of `limit`, with an ellipsis. `trim` drops punctuation left dangling before it.
 */
export function shorten(text: string, limit: number, { trim = false } = {}): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  const start = space > limit / 2 ? cut.slice(0, space) : cut;
  return `${trim ? start.replace(/[\s.,;:]+$/, '') : start}…`;
}
