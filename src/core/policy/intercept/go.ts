/**
 * The Go values Intercept works with, and the two ways Go prints them that end up in its
 * messages and decisions: `%q` (strconv.Quote) in validation errors and `%v` in the engine's
 * string fallback for `eq`/`in` (`fmt.Sprintf("%v", actual) == fmt.Sprintf("%v", expected)`).
 */

/** A Go `int` (64 bits, as on every platform Intercept ships for) or a `uint64` yaml.v3 made from a too-large integer. */
export class GoInt {
  readonly value: bigint;
  readonly type: 'int' | 'uint64';
  constructor(value: bigint, type: 'int' | 'uint64' = 'int') {
    this.value = value;
    this.type = type;
  }
}

/** A `time.Time` yaml.v3 makes from an unquoted timestamp; kept as the text `%v` prints. */
export class GoTime {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** A `map[interface{}]interface{}`: what yaml.v3 makes of a mapping whose keys are not all strings. */
export class GoGeneralMap {
  readonly entries: ReadonlyArray<readonly [GoValue, GoValue]>;
  constructor(entries: ReadonlyArray<readonly [GoValue, GoValue]>) {
    this.entries = entries;
  }
}

/**
 * A value as Go holds it after yaml.v3 or encoding/json decoded it into `interface{}`:
 * `number` is float64, `Map` is map[string]interface{}, arrays are []interface{}. Plain objects
 * (JSON call arguments) are also map[string]interface{}.
 */
export type GoValue =
  | null
  | boolean
  | string
  | number
  | GoInt
  | GoTime
  | GoGeneralMap
  | GoValue[]
  | Map<string, GoValue>
  | { readonly [key: string]: GoValue };

/** The Go type name of a decoded value, as `%T` prints it. */
export function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'float64';
  if (value instanceof GoInt) return value.type;
  if (value instanceof GoTime) return 'time.Time';
  if (value instanceof GoGeneralMap) return 'map[interface {}]interface {}';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** conv.ToFloat64: float64 and int convert, nothing else does (not uint64, not strings). */
export function toFloat64(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof GoInt && value.type === 'int') return Number(value.value);
  return undefined;
}

/** Entries of a map[string]interface{}, whether it came from YAML (Map) or JSON (object). */
export function stringMapEntries(value: unknown): [string, unknown][] | undefined {
  if (value instanceof Map) return [...value.entries()] as [string, unknown][];
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype)
    return Object.entries(value);
  return undefined;
}

/** A key lookup in a map[string]interface{}; `undefined` when the key is absent. */
export function stringMapGet(value: unknown, key: string): { found: boolean; value?: unknown } {
  if (value instanceof Map) return value.has(key) ? { found: true, value: value.get(key) } : { found: false };
  if (stringMapEntries(value) && Object.hasOwn(value as object, key))
    return { found: true, value: (value as Record<string, unknown>)[key] };
  return { found: false };
}

/** Go's `%v`. */
export function formatV(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatFloat(value);
  if (value instanceof GoInt) return value.value.toString();
  if (value instanceof GoTime) return value.text;
  if (Array.isArray(value)) return `[${value.map(formatV).join(' ')}]`;
  if (value instanceof GoGeneralMap) {
    // fmt sorts map keys; for keys of mixed types the order is by type first, which %v of
    // the keys approximates well enough for a string fallback nobody should rely on.
    const parts = value.entries.map(([k, v]) => [formatV(k), formatV(v)] as const);
    return `map[${parts
      .sort(([a], [b]) => compareUtf8(a, b))
      .map(([k, v]) => `${k}:${v}`)
      .join(' ')}]`;
  }
  const entries = stringMapEntries(value);
  if (entries)
    return `map[${entries
      .sort(([a], [b]) => compareUtf8(a, b))
      .map(([k, v]) => `${k}:${formatV(v)}`)
      .join(' ')}]`;
  return String(value);
}

/** `%v` of a float64: strconv's shortest 'g' form, so a million prints as `1e+06`. */
export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  // strconv/ftoa.go: "if precision was the shortest possible, use precision 6 for this decision".
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let text: string;
  if (exp < 0) text = `0.${'0'.repeat(-exp - 1)}${digits}`;
  else if (digits.length <= exp + 1) text = digits + '0'.repeat(exp + 1 - digits.length);
  else text = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return negative ? `-${text}` : text;
}

/** Go's `%q` (strconv.Quote): escapes what unicode.IsPrint rejects. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (PRINTABLE.test(ch)) out += ch;
    else if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** Go compares strings byte by byte (UTF-8); JS compares UTF-16 units, which differs above U+FFFF. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
