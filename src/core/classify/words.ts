/**
 * Splits an identifier into lower-case words: snake_case, kebab-case, dotted and
 * camelCase alike (`createRefund` → create, refund; `getHTTPStatus` → get, http, status).
 */
export function identifierWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Lower-case words of free text, in order. */
export function textWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z][a-z0-9]*/g) ?? [];
}

/**
 * The dictionary forms a word may have: "deletes" → delete, "deleting" → delete,
 * "charged" → charge. Crude on purpose: it only has to reach the lexicon's verbs.
 */
export function wordForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.endsWith('ing')) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  if (word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  return forms;
}

/** Characters that hide text from a human reader: zero-width, bidirectional controls, Unicode tags. */
export const INVISIBLE_CHARACTERS =
  /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;

const INVISIBLE_NAMES: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, for evidence lines. */
export function describeCodePoint(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const name =
    INVISIBLE_NAMES[codePoint] ??
    (codePoint >= 0xe0000 && codePoint <= 0xe007f ? 'TAG CHARACTER' : 'INVISIBLE CHARACTER');
  return `U+${hex} ${name}`;
}

/** A short quote of `text` around `index`, for evidence: never the whole of a long description. */
export function excerpt(text: string, index: number, length: number, room = 30): string {
  const start = Math.max(0, index - room);
  const end = Math.min(text.length, index + length + room);
  const clean = text.slice(start, end).replace(INVISIBLE_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${clean}${end < text.length ? '…' : ''}`;
}

/** A word list written as text: a few words per line reads better than one word per line. */
export function wordList(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

export function wordSet(list: string): Set<string> {
  return new Set(wordList(list));
}
