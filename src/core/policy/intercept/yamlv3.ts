/**
 * How gopkg.in/yaml.v3 (v3.0.1, the version Intercept's go.mod pins) reads a text: which texts
 * it refuses, the node tree it builds and the Go value each scalar becomes.
 *
 * The `yaml` package parses the structure; on top of it come exactly the places where yaml.v3
 * differs from it (readerc.go, scannerc.go, resolve.go, decode.go):
 * - the reader refuses C0 controls other than TAB/LF/CR, DEL, C1 controls other than NEL, and
 *   U+FFFE/U+FFFF anywhere in the text: "yaml: control characters are not allowed";
 * - NEL, LS and PS are line breaks: NEL reads as LF, LS/PS are kept where a break is kept and
 *   end plain scalars and lines like any break; flow scalars are re-read with the ported
 *   scanner (folding, escapes: no `\/`, no surrogate escapes);
 * - scalars resolve by yaml.v3's rules (YAML 1.2 words only, `0777` octal, `08` a float,
 *   unquoted timestamps, uint64 beyond int64); duplicate keys are unmarshal errors; merge keys,
 *   aliases (with the "excessive aliasing" guard) and only the first document are read.
 * Not modelled: LS/PS inside a block scalar (refused with a message saying so); a control
 * character after the first document is refused although yaml.v3 may never read that far;
 * where the `yaml` package itself refuses a text the message is its own, prefixed like yaml.v3's.
 */
import { Lexer, LineCounter, parseAllDocuments, isAlias, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { formatV, goQuote, GoGeneralMap, GoInt, GoTime, type GoValue } from './go.ts';

export const NULL_TAG = '!!null';
export const BOOL_TAG = '!!bool';
export const STR_TAG = '!!str';
export const INT_TAG = '!!int';
export const FLOAT_TAG = '!!float';
export const TIMESTAMP_TAG = '!!timestamp';
export const SEQ_TAG = '!!seq';
export const MAP_TAG = '!!map';
export const BINARY_TAG = '!!binary';
export const MERGE_TAG = '!!merge';

export type ScalarStyle = 'plain' | 'double' | 'single' | 'literal' | 'folded';

/** yaml.v3's Node, with what decoding needs. */
export type V3Node =
  | { kind: 'scalar'; tag: string; tagged: boolean; value: string; style: ScalarStyle; line: number }
  | { kind: 'sequence'; tag: string; tagged: boolean; value: ''; content: V3Node[]; line: number }
  | V3Mapping
  | { kind: 'alias'; value: string; target: V3Node; line: number };

export type V3Mapping = { kind: 'mapping'; tag: string; tagged: boolean; value: ''; content: V3Node[]; line: number };

/** A JS string no file can hold: not yaml.v3's error but ours, so it carries no "yaml:" prefix. */
export class UnwritableTextError extends Error {}

/** A failure that aborts yaml.Unmarshal as a whole (yaml.v3's `failf`): the message is the error text. */
export class YamlV3Error extends Error {}

const LONG_TAG_PREFIX = 'tag:yaml.org,2002:';

export function shortTag(tag: string): string {
  return tag.startsWith(LONG_TAG_PREFIX) ? `!!${tag.slice(LONG_TAG_PREFIX.length)}` : tag;
}

// ---------------------------------------------------------------------------------------------
// Reader (readerc.go)

/**
 * What yaml.v3's reader refuses before any parsing. A JS string cannot hold invalid UTF-8, but
 * it can hold a lone surrogate, which no UTF-8 file can: written out it becomes U+FFFD, so the
 * text Intercept would read is not this one.
 */
export function readerError(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) {
      i++;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff)
      return `not UTF-8: lone surrogate U+${cp.toString(16).toUpperCase()} at offset ${i} (a file would hold U+FFFD instead)`;
    const allowed =
      cp === 0x09 ||
      cp === 0x0a ||
      cp === 0x0d ||
      (cp >= 0x20 && cp <= 0x7e) ||
      cp === 0x85 ||
      (cp >= 0xa0 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd);
    if (!allowed) return 'yaml: control characters are not allowed';
  }
  return undefined;
}

/**
 * A file's bytes as yaml.v3's reader decodes them: a UTF-8 BOM is skipped, UTF-16 with a BOM is
 * decoded, and anything else must be UTF-8, with readerc.go's messages when it is not.
 */
export function decodeBytes(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    try {
      return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    } catch {
      throw new YamlV3Error('yaml: invalid UTF-16 input');
    }
  }
  let out = '';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const octet = bytes[i]!;
    const width =
      (octet & 0x80) === 0
        ? 1
        : (octet & 0xe0) === 0xc0
          ? 2
          : (octet & 0xf0) === 0xe0
            ? 3
            : (octet & 0xf8) === 0xf0
              ? 4
              : 0;
    if (width === 0) throw new YamlV3Error('yaml: invalid leading UTF-8 octet');
    if (i + width > bytes.length) throw new YamlV3Error('yaml: incomplete UTF-8 octet sequence');
    let value = width === 1 ? octet & 0x7f : width === 2 ? octet & 0x1f : width === 3 ? octet & 0x0f : octet & 0x07;
    for (let k = 1; k < width; k++) {
      const trailing = bytes[i + k]!;
      if ((trailing & 0xc0) !== 0x80) throw new YamlV3Error('yaml: invalid trailing UTF-8 octet');
      value = (value << 6) + (trailing & 0x3f);
    }
    if ((width === 2 && value < 0x80) || (width === 3 && value < 0x800) || (width === 4 && value < 0x10000))
      throw new YamlV3Error('yaml: invalid length of a UTF-8 sequence');
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff)
      throw new YamlV3Error('yaml: invalid Unicode character');
    // Characters are checked one by one as they are decoded, so a control character before a
    // bad sequence is what yaml.v3 reports.
    const ch = String.fromCodePoint(value);
    const bad = readerError(ch);
    if (bad) throw new YamlV3Error(bad);
    out += ch;
    i += width;
  }
  return out;
}

/** The text yaml.v3 would read from a file holding `input` (a JS string is written as UTF-8). */
export function v3Text(input: string | Uint8Array): string {
  if (typeof input !== 'string') return decodeBytes(input);
  const bad = readerError(input);
  if (bad) throw bad.startsWith('yaml:') ? new YamlV3Error(bad) : new UnwritableTextError(bad);
  return input;
}

/**
 * yaml.Unmarshal into `interface{}`: does yaml.v3 read this, and what Go value does it make?
 * The error is the text of Unmarshal's error.
 */
export function unmarshalAny(input: string | Uint8Array): { value: GoValue } | { error: string } {
  try {
    const root = parseV3(v3Text(input));
    if (!root) return { value: null };
    const d = new DecodeState();
    const r = decodeAny(root, d);
    if (d.typeErrors.length > 0) return { error: `yaml: unmarshal errors:\n  ${d.typeErrors.join('\n  ')}` };
    return { value: r.ok ? r.value : null };
  } catch (error) {
    if (error instanceof YamlV3Error || error instanceof UnwritableTextError) return { error: error.message };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Structure: the `yaml` package on a text whose line breaks are the ones yaml.v3 sees

const isBreakChar = (c: string | undefined) =>
  c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** A quoted scalar in the original text: [opening quote, after the closing quote, column of the quote]. */
type QuotedRegion = [start: number, end: number, column: number];

/** The region of the quoted scalar opening at `start`, its end found by the ported scanner. */
function quotedRegion(text: string, start: number): QuotedRegion {
  let lineStart = start;
  while (lineStart > 0 && !isBreakChar(text[lineStart - 1])) lineStart--;
  return [start, scanQuoted(text, start).end, start - lineStart];
}

/** The quoted scalars the `yaml` lexer sees in a text (one with a less indented continuation it cuts short). */
function lexQuoted(text: string): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    if (token[0] === '"' || token[0] === "'") starts.push(offset);
    offset += token.length;
  }
  return starts;
}

/**
 * The text with every yaml.v3 line break written as LF (CRLF kept), and a map from its offsets
 * back to the original. Inside quoted scalars each break is followed by spaces, which yaml.v3
 * skips there but the `yaml` package needs: YAML 1.2 wants continuation lines indented, yaml.v3
 * does not check.
 */
function withV3Breaks(
  text: string,
  regions: readonly QuotedRegion[],
): { text: string; original: (offset: number) => number } {
  // Copied runs of the text ([offset in the result, offset in the text]); a break inside a quoted
  // scalar also gets a run of padding that maps back to the break.
  const runs: [from: number, to: number][] = [];
  const pads = new Set<number>();
  let out = '';
  let copied = 0;
  let q = 0;
  for (const match of text.matchAll(/\r\n|[\r\n\u0085\u2028\u2029]/g)) {
    const i = match.index;
    while (q < regions.length && regions[q]![1] <= i) q++;
    const region = q < regions.length && regions[q]![0] < i ? regions[q] : undefined;
    if (!region && (match[0] === '\n' || match[0] === '\r\n')) continue;
    runs.push([out.length, copied]);
    out += `${text.slice(copied, i)}${match[0] === '\r\n' ? '\r\n' : '\n'}`;
    copied = i + match[0].length;
    if (region) {
      pads.add(runs.length);
      runs.push([out.length, i]);
      out += ' '.repeat(region[2] + 1);
    }
  }
  runs.push([out.length, copied]);
  out += text.slice(copied);
  const original = (offset: number) => {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid]![0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const [from, to] = runs[lo]!;
    return pads.has(lo) ? to : to + (offset - from);
  };
  return { text: out, original };
}

const PARSE_OPTIONS = { schema: 'failsafe', merge: false, uniqueKeys: false, keepSourceTokens: true } as const;

/**
 * Parses the text as the `yaml` package would if it had yaml.v3's line breaks and its leniency
 * about quoted continuation lines: quoted scalars the lexer finds are widened to their real end
 * first; one it still cuts short ("Missing closing quote") is widened and the text parsed again.
 */
function parseWithV3Breaks(text: string) {
  const regions: QuotedRegion[] = [];
  for (const start of lexQuoted(text))
    if (regions.length === 0 || regions.at(-1)![1] <= start) regions.push(quotedRegion(text, start));
  const addRegion = (start: number) => {
    if (regions.some(([from, to]) => from <= start && start < to)) return false;
    regions.push(quotedRegion(text, start));
    regions.sort((a, b) => a[0] - b[0]);
    return true;
  };
  for (;;) {
    const mapped = withV3Breaks(text, regions);
    const lineCounter = new LineCounter();
    const docs = parseAllDocuments(mapped.text, { ...PARSE_OPTIONS, lineCounter });
    const doc = Array.isArray(docs) ? docs[0] : undefined;
    const cut = doc?.errors.find((e) => e.code === 'MISSING_CHAR' && /^Missing closing .quote/.test(e.message));
    if (cut) {
      const tokenStart = lexQuoted(mapped.text)
        .filter((o) => o < cut.pos[0])
        .pop();
      if (tokenStart !== undefined && addRegion(mapped.original(tokenStart))) continue;
    }
    return { doc, mapped, lineCounter };
  }
}

/** yaml.v3's 1-based line of an offset: every break counts, CRLF once. */
function v3Line(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (isBreakChar(c)) line++;
  }
  return line;
}

/** The root node of the first document, or `null` for an empty stream (yaml.v3 decodes nothing then). */
export function parseV3(text: string): V3Node | null {
  const { doc, mapped, lineCounter } = parseWithV3Breaks(text);
  if (!doc) return null;
  // yaml.v3 reads only the first document; escapes are judged by the ported scanner below.
  const error = doc.errors.find((e) => e.code !== 'BAD_DQ_ESCAPE');
  if (error) {
    const where = error.linePos ? `line ${error.linePos[0].line}: ` : '';
    throw new YamlV3Error(`yaml: ${where}${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:$/, '')}`);
  }
  if (doc.contents === null) return null;
  const converted = new Map<unknown, V3Node>();
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const sourceOf = (start: number, end: number) => text.slice(mapped.original(start), mapped.original(end));

  const convert = (node: YamlNode | null | undefined, at: number): V3Node => {
    if (!node) return { kind: 'scalar', tag: NULL_TAG, tagged: false, value: '', style: 'plain', line: lineOf(at) };
    const seen = converted.get(node);
    if (seen) return seen;
    const line = lineOf(node.range?.[0] ?? at);
    const explicit = node.tag && node.tag !== '!' ? shortTag(node.tag) : undefined;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) throw new YamlV3Error(`yaml: unknown anchor '${node.source}' referenced`);
      const v3: V3Node = { kind: 'alias', value: node.source, target: undefined as never, line };
      converted.set(node, v3);
      v3.target = convert(target, at);
      return v3;
    }
    if (isMap(node) || isSeq(node)) {
      const kind = isMap(node) ? 'mapping' : 'sequence';
      const v3 = {
        kind,
        tag: explicit ?? (kind === 'mapping' ? MAP_TAG : SEQ_TAG),
        tagged: explicit !== undefined,
        value: '',
        content: [] as V3Node[],
        line,
      } as V3Node & { content: V3Node[] };
      converted.set(node, v3);
      for (const item of node.items as unknown[]) {
        if (kind === 'mapping') {
          const pair = item as { key: YamlNode | null; value: YamlNode | null };
          const key = convert(pair.key, node.range?.[0] ?? at);
          v3.content.push(key, convert(pair.value, pair.key?.range?.[1] ?? at));
        } else v3.content.push(convert(item as YamlNode, node.range?.[0] ?? at));
      }
      return v3;
    }
    if (!isScalar(node)) throw new YamlV3Error('yaml: unsupported node');
    const range = node.range ?? [at, at, at];
    const src = node.srcToken as { offset?: number; source?: string; type?: string } | undefined;
    const style: ScalarStyle =
      node.type === 'QUOTE_DOUBLE'
        ? 'double'
        : node.type === 'QUOTE_SINGLE'
          ? 'single'
          : node.type === 'BLOCK_LITERAL'
            ? 'literal'
            : node.type === 'BLOCK_FOLDED'
              ? 'folded'
              : 'plain';
    let value: string;
    if (style === 'literal' || style === 'folded') {
      if (/[\u2028\u2029]/.test(sourceOf(range[0], range[2])))
        throw new YamlV3Error(
          `yaml: line ${line}: U+2028/U+2029 inside a block scalar (how yaml.v3 reads it is not modelled here)`,
        );
      value = String(node.value);
    } else if (src?.source !== undefined && src.offset !== undefined && src.type !== 'block-scalar') {
      const original = sourceOf(src.offset, src.offset + src.source.length);
      value = style === 'plain' ? foldPlain(original) : scanQuoted(text, mapped.original(src.offset)).value;
    } else value = String(node.value ?? '');
    const tag = explicit ?? (style !== 'plain' ? STR_TAG : value === '<<' ? MERGE_TAG : resolve('', value).tag);
    const v3: V3Node = { kind: 'scalar', tag, tagged: explicit !== undefined, value, style, line };
    converted.set(node, v3);
    return v3;
  };
  return convert(doc.contents as YamlNode, 0);
}

/** One line break as read_line() copies it: CRLF, CR, LF and NEL become LF; LS and PS stay. */
function readLine(s: string, i: number): { text: string; next: number } {
  if (s[i] === '\r' && s[i + 1] === '\n') return { text: '\n', next: i + 2 };
  return { text: s[i] === '\u2028' || s[i] === '\u2029' ? s[i]! : '\n', next: i + 1 };
}

/** Joining the lines of a flow scalar (the "Join the whitespaces or fold line breaks" step). */
function fold(leadingBreak: string, trailingBreaks: string): string {
  if (leadingBreak.startsWith('\n')) return trailingBreaks === '' ? ' ' : trailingBreaks;
  return leadingBreak + trailingBreaks;
}

/** The blanks and line breaks between two runs of a flow scalar, and what they become. */
class Gap {
  whitespaces = '';
  leadingBreak = '';
  trailingBreaks = '';
  leadingBlanks = false;

  /** Consumes the blanks and breaks at `i`; returns the index after them. */
  consume(source: string, i: number): number {
    while (i < source.length && (isBlank(source[i]) || isBreakChar(source[i]))) {
      if (isBlank(source[i])) {
        if (!this.leadingBlanks) this.whitespaces += source[i];
        i++;
        continue;
      }
      const line = readLine(source, i);
      if (!this.leadingBlanks) {
        this.whitespaces = '';
        this.leadingBreak += line.text;
        this.leadingBlanks = true;
      } else this.trailingBreaks += line.text;
      i = line.next;
    }
    return i;
  }

  /** The text the gap stands for: its blanks, or its breaks folded. Empties the gap. */
  flush(): string {
    const text = this.leadingBlanks ? fold(this.leadingBreak, this.trailingBreaks) : this.whitespaces;
    this.whitespaces = this.leadingBreak = this.trailingBreaks = '';
    this.leadingBlanks = false;
    return text;
  }
}

/** yaml_parser_scan_plain_scalar's folding, over exactly the scalar's source. */
export function foldPlain(source: string): string {
  let s = '';
  const gap = new Gap();
  let i = 0;
  while (i < source.length) {
    while (i < source.length && !isBlank(source[i]) && !isBreakChar(source[i])) {
      s += gap.flush();
      s += source[i++];
    }
    i = gap.consume(source, i);
  }
  return s;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  "'": "'",
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * yaml_parser_scan_flow_scalar on the quoted scalar whose opening quote is at `at`: its value and
 * the offset after its closing quote. Errors name yaml.v3's line.
 */
export function scanQuoted(text: string, at: number): { value: string; end: number } {
  const single = text[at] === "'";
  const fail = (problem: string, offset: number): never => {
    // parser.fail(): the line of the scalar's start, or else of the problem, if not the first.
    const start = v3Line(text, at);
    const line = start !== 1 ? start : v3Line(text, offset);
    throw new YamlV3Error(`yaml: ${line !== 1 ? `line ${line}: ` : ''}${problem}`);
  };
  const quote = single ? "'" : '"';
  let s = '';
  const gap = new Gap();
  let i = at + 1;
  for (;;) {
    if (i >= text.length) fail('found unexpected end of stream', i);
    while (i < text.length && !isBlank(text[i]) && !isBreakChar(text[i])) {
      const c = text[i]!;
      if (single && c === "'" && text[i + 1] === "'") {
        s += "'";
        i += 2;
      } else if (c === quote) break;
      else if (!single && c === '\\' && isBreakChar(text[i + 1])) {
        // An escaped line break joins the lines with nothing at all.
        i = readLine(text, i + 1).next;
        gap.leadingBlanks = true;
        break;
      } else if (!single && c === '\\') {
        const e = text[i + 1] ?? '';
        const length = HEX_LENGTH[e];
        if (length === undefined) {
          const simple = SIMPLE_ESCAPES[e];
          if (simple === undefined) fail('found unknown escape character', i);
          s += simple;
          i += 2;
          continue;
        }
        const hex = text.slice(i + 2, i + 2 + length);
        if (!new RegExp(`^[0-9A-Fa-f]{${length}}$`).test(hex)) fail('did not find expected hexdecimal number', i + 2);
        const value = parseInt(hex, 16);
        if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff)
          fail('found invalid Unicode character escape code', i + 2);
        s += String.fromCodePoint(value);
        i += 2 + length;
      } else {
        const cp = text.codePointAt(i)!;
        s += String.fromCodePoint(cp);
        i += cp > 0xffff ? 2 : 1;
      }
    }
    if (text[i] === quote) break;
    i = gap.consume(text, i);
    s += gap.flush();
  }
  return { value: s, end: i + 1 };
}

// ---------------------------------------------------------------------------------------------
// Scalar resolution (resolve.go)

const RESOLVE_MAP: Record<string, { tag: string; value: GoValue }> = {};
for (const [value, tag, words] of [
  [true, BOOL_TAG, ['true', 'True', 'TRUE']],
  [false, BOOL_TAG, ['false', 'False', 'FALSE']],
  [null, NULL_TAG, ['', '~', 'null', 'Null', 'NULL']],
  [NaN, FLOAT_TAG, ['.nan', '.NaN', '.NAN']],
  [Infinity, FLOAT_TAG, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']],
  [-Infinity, FLOAT_TAG, ['-.inf', '-.Inf', '-.INF']],
  ['<<', MERGE_TAG, ['<<']],
] as const)
  for (const word of words) RESOLVE_MAP[word] = { tag, value };

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const MAX_INT64 = 2n ** 63n - 1n;
const MAX_UINT64 = 2n ** 64n - 1n;

function hint(s: string): 'S' | 'D' | 'M' | '.' | 'N' | undefined {
  if (s === '') return 'N';
  const c = s[0]!;
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return undefined;
}

/** strconv.ParseInt / ParseUint: `base` 0 reads 0x, 0o, 0b and a leading 0 (octal) as Go does. */
function parseGoInt(s: string, base: number, unsigned: boolean): bigint | undefined {
  let rest = s;
  let negative = false;
  if (!unsigned && (rest[0] === '+' || rest[0] === '-')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (base === 0) {
    base = 10;
    if (rest[0] === '0') {
      const p = rest[1]?.toLowerCase();
      if (p === 'x' || p === 'o' || p === 'b') {
        base = p === 'x' ? 16 : p === 'o' ? 8 : 2;
        rest = rest.slice(2);
      } else if (rest.length > 1) {
        base = 8;
        rest = rest.slice(1);
      }
    }
  }
  const digits = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(rest)) return undefined;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  let value = BigInt(prefix + rest);
  if (negative) value = -value;
  if (unsigned ? value > MAX_UINT64 : value > MAX_INT64 || value < -MAX_INT64 - 1n) return undefined;
  return value;
}

const intOf = (v: bigint): GoValue => new GoInt(v, 'int');

/** Go's ParseFloat of a decimal text; overflow is an error (Go returns ±Inf with ErrRange). */
function parseDecimalFloat(s: string): number | undefined {
  const f = Number(s);
  return Number.isFinite(f) ? f : undefined;
}

/**
 * resolve(tag, in): the tag and Go value of a plain scalar (or an explicitly tagged one). An
 * explicit tag the text cannot satisfy aborts the whole Unmarshal, as yaml.v3's failf does.
 */
export function resolve(tag: string, text: string): { tag: string; value: GoValue } {
  tag = shortTag(tag);
  if (!['', STR_TAG, BOOL_TAG, INT_TAG, FLOAT_TAG, NULL_TAG, TIMESTAMP_TAG].includes(tag)) return { tag, value: text };
  const out = resolvePlain(tag, text);
  if (tag === '' || tag === out.tag || tag === STR_TAG || tag === BINARY_TAG) return out;
  if (tag === FLOAT_TAG && out.tag === INT_TAG && out.value instanceof GoInt)
    return { tag: FLOAT_TAG, value: Number(out.value.value) };
  throw new YamlV3Error(`yaml: cannot decode ${out.tag} \`${text}\` as a ${tag}`);
}

function resolvePlain(tag: string, text: string): { tag: string; value: GoValue } {
  const h = hint(text);
  if (h === undefined || tag === STR_TAG || tag === BINARY_TAG) return { tag: STR_TAG, value: text };
  const known = Object.hasOwn(RESOLVE_MAP, text) ? RESOLVE_MAP[text] : undefined;
  if (known) return known;
  if (h === '.') {
    // strconv.ParseFloat: a leading dot needs digits after it; no underscores without a base prefix.
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text)) {
      const f = parseDecimalFloat(text);
      if (f !== undefined) return { tag: FLOAT_TAG, value: f };
    }
    return { tag: STR_TAG, value: text };
  }
  if (h === 'D' || h === 'S') {
    if (tag === '' || tag === TIMESTAMP_TAG) {
      const time = parseTimestamp(text);
      if (time) return { tag: TIMESTAMP_TAG, value: time };
    }
    const plain = text.replaceAll('_', '');
    const int = parseGoInt(plain, 0, false);
    if (int !== undefined) return { tag: INT_TAG, value: intOf(int) };
    const uint = parseGoInt(plain, 0, true);
    if (uint !== undefined) return { tag: INT_TAG, value: new GoInt(uint, 'uint64') };
    if (YAML_STYLE_FLOAT.test(plain)) {
      const f = parseDecimalFloat(plain);
      if (f !== undefined) return { tag: FLOAT_TAG, value: f };
    }
    for (const [prefix, base] of [
      ['0b', 2],
      ['0o', 8],
    ] as const) {
      if (plain.startsWith(prefix)) {
        const v = parseGoInt(plain.slice(2), base, false) ?? parseGoInt(plain.slice(2), base, true);
        if (v !== undefined) return { tag: INT_TAG, value: new GoInt(v, v > MAX_INT64 ? 'uint64' : 'int') };
      } else if (plain.startsWith(`-${prefix}`)) {
        const v = parseGoInt(`-${plain.slice(3)}`, base, false);
        if (v !== undefined) return { tag: INT_TAG, value: intOf(v) };
      }
    }
  }
  return { tag: STR_TAG, value: text };
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?)?$/;

/** parseTimestamp with Go's time.Parse of yaml.v3's four layouts; the value is kept as `%v` prints it. */
function parseTimestamp(s: string): GoTime | undefined {
  const m = TIMESTAMP.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, t, space, h, mi, se, frac, zone] = m;
  // The space-separated layout has no zone; the T layouts require one.
  if ((t && !zone) || (space && zone)) return undefined;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]! || (month === 2 && day === 29 && !leap))
    return undefined;
  const [hour, minute, second] = [Number(h ?? 0), Number(mi ?? 0), Number(se ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const fraction = (frac ?? '').slice(0, 9).replace(/0+$/, '');
  const offset = !zone || zone === 'Z' ? '+0000 UTC' : `${zone.replace(':', '')} ${zone.replace(':', '')}`;
  return new GoTime(
    `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}${fraction ? `.${fraction}` : ''} ${offset}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Node helpers (yaml.go)

/** Node.ShortTag(). */
export function nodeShortTag(n: V3Node): string {
  if (n.kind === 'alias') return nodeShortTag(n.target);
  if (indicatedString(n)) return STR_TAG;
  return n.tag;
}

/** Node.indicatedString(): quoted or block style without another explicit tag, or `!!str`. */
export function indicatedString(n: V3Node): boolean {
  return n.kind === 'scalar' && (n.tag === STR_TAG || (!n.tagged && n.style !== 'plain'));
}

/** Decoding a node into `interface{}` (decode.go with an interface{} target). */
export function decodeAny(n: V3Node, d: DecodeState): { ok: boolean; value: GoValue } {
  return d.unmarshal(n, (node) => {
    if (node.kind === 'scalar') {
      const { value } = scalarValue(node);
      return { ok: true, value };
    }
    if (node.kind === 'sequence') {
      const items: GoValue[] = [];
      for (const item of node.content) {
        const r = decodeAny(item, d);
        if (r.ok) items.push(r.value);
      }
      return { ok: true, value: items };
    }
    if (node.kind !== 'mapping' || !d.uniqueKeysOk(node)) return { ok: false, value: null };
    if (pairs(node).every(([k]) => [STR_TAG, MERGE_TAG].includes(nodeShortTag(k)))) {
      const entries = new Map<string, [string, GoValue]>();
      d.decodePairs(
        node,
        entries,
        (k) => decodeString(k, d),
        (v) => decodeAny(v, d),
      );
      return { ok: true, value: new Map(entries.values()) };
    }
    const entries = new Map<string, [GoValue, GoValue]>();
    const key = (k: V3Node) => {
      const r = decodeAny(k, d);
      if (r.ok && (Array.isArray(r.value) || r.value instanceof Map || r.value instanceof GoGeneralMap))
        throw new YamlV3Error(`yaml: invalid map key: ${formatV(r.value)}`);
      return r;
    };
    d.decodePairs(node, entries, key, (v) => decodeAny(v, d));
    return { ok: true, value: new GoGeneralMap([...entries.values()]) };
  });
}

/** Decoding a node into a Go `string`: any scalar gives its text, null leaves the string as it was. */
export function decodeString(n: V3Node, d: DecodeState): { ok: boolean; value: string } {
  return d.unmarshal(n, (node) => {
    if (node.kind !== 'scalar') {
      d.typeError(node, node.kind === 'mapping' ? MAP_TAG : SEQ_TAG, 'string');
      return { ok: false, value: '' };
    }
    const r = scalarValue(node);
    if (r.value === null) return { ok: false, value: '' };
    return { ok: true, value: r.tag === BINARY_TAG ? (r.value as string) : node.value };
  });
}

/** The resolved value of a scalar, as decode.go's scalar() computes it before looking at the target. */
export function scalarValue(n: Extract<V3Node, { kind: 'scalar' }>): { tag: string; value: GoValue } {
  if (indicatedString(n)) return { tag: STR_TAG, value: n.value };
  const r = resolve(n.tag, n.value);
  if (r.tag === BINARY_TAG) {
    // encoding/base64's StdEncoding skips CR and LF only, and wants padded quads.
    const clean = n.value.replace(/[\r\n]/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0)
      throw new YamlV3Error('yaml: !!binary value contains invalid base64 data');
    return { tag: BINARY_TAG, value: Buffer.from(clean, 'base64').toString('utf8') };
  }
  return r;
}

export function pairs(n: { content: V3Node[] }): [V3Node, V3Node][] {
  const out: [V3Node, V3Node][] = [];
  for (let i = 0; i + 1 < n.content.length; i += 2) out.push([n.content[i]!, n.content[i + 1]!]);
  return out;
}

export function isMergeKey(n: V3Node): boolean {
  return n.kind === 'scalar' && n.value === '<<' && (!n.tagged || n.tag === MERGE_TAG);
}

/** The decoder's shared state: type errors, alias bookkeeping, duplicate keys, merges. */
export class DecodeState {
  readonly typeErrors: string[] = [];
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly aliasesInUse = new Set<V3Node>();

  /** d.unmarshal: counts (against "billion laughs" documents), follows aliases, then decodes. */
  unmarshal<T>(n: V3Node, decode: (n: Exclude<V3Node, { kind: 'alias' }>) => T): T {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    )
      throw new YamlV3Error('yaml: document contains excessive aliasing');
    if (n.kind !== 'alias') return decode(n);
    if (this.aliasesInUse.has(n)) throw new YamlV3Error(`yaml: anchor '${n.value}' value contains itself`);
    this.aliasesInUse.add(n);
    this.aliasDepth++;
    try {
      return this.unmarshal(n.target, decode);
    } finally {
      this.aliasDepth--;
      this.aliasesInUse.delete(n);
    }
  }

  /** d.terror: "line N: cannot unmarshal !!str `abc` into int". */
  typeError(n: V3Node, tag: string, goType: string): void {
    const t = n.kind !== 'alias' && n.tag ? n.tag : tag;
    let value = '';
    if (t !== SEQ_TAG && t !== MAP_TAG) {
      const bytes = Buffer.from(n.value, 'utf8');
      value = bytes.length > 10 ? ` \`${bytes.subarray(0, 7).toString('utf8')}...\`` : ` \`${n.value}\``;
    }
    this.typeErrors.push(`line ${n.line}: cannot unmarshal ${shortTag(t)}${value} into ${goType}`);
  }

  /** The duplicate-key check every mapping goes through first: same kind and same text. */
  uniqueKeysOk(n: V3Mapping): boolean {
    const before = this.typeErrors.length;
    const keys = pairs(n).map(([k]) => k);
    const same = new Map<string, number[]>();
    keys.forEach((k, i) => {
      const id = `${k.kind}:${k.value}`;
      same.set(id, [...(same.get(id) ?? []), i]);
    });
    keys.forEach((k, i) => {
      for (const j of same.get(`${k.kind}:${k.value}`)!)
        if (j > i)
          this.typeErrors.push(
            `line ${keys[j]!.line}: mapping key ${goQuote(keys[j]!.value)} already defined at line ${k.line}`,
          );
    });
    return this.typeErrors.length === before;
  }

  private mergedKeys: Set<string> | undefined;

  /**
   * The pairs of a mapping in order, skipping keys a merge already set and handling `<<` last,
   * as d.mapping / d.mappingStruct / d.merge do. `set` returns whether a value was stored.
   */
  decodePairs<K>(
    n: V3Mapping,
    out: Map<string, [K, GoValue]> | null,
    key: (k: V3Node) => { ok: boolean; value: K },
    value: (v: V3Node, k: K, keyNode: V3Node) => { ok: boolean; value: GoValue },
  ): void {
    const merged = this.mergedKeys;
    this.mergedKeys = undefined;
    let mergeNode: V3Node | undefined;
    for (const [k, v] of pairs(n)) {
      if (isMergeKey(k)) {
        mergeNode = v;
        continue;
      }
      const kr = key(k);
      if (!kr.ok) continue;
      const id = keyId(kr.value);
      if (merged) {
        if (merged.has(id)) continue;
        merged.add(id);
      }
      const vr = value(v, kr.value, k);
      if (out && (vr.ok || nodeShortTag(v) === NULL_TAG)) out.set(id, [kr.value, vr.value]);
    }
    this.mergedKeys = merged;
    if (mergeNode) this.merge(n, mergeNode, key, (m) => this.decodePairs(m, out, key, value));
  }

  private merge<K>(
    parent: V3Mapping,
    merge: V3Node,
    key: (k: V3Node) => { ok: boolean; value: K },
    into: (m: V3Mapping) => void,
  ): void {
    const outer = this.mergedKeys;
    if (!outer) {
      this.mergedKeys = new Set();
      for (const [k] of pairs(parent)) {
        const kr = key(k);
        if (kr.ok) this.mergedKeys.add(keyId(kr.value));
      }
    }
    const wantMap = (): never => {
      throw new YamlV3Error('yaml: map merge requires map or sequence of maps as the value');
    };
    const mergeOne = (m: V3Node) =>
      this.unmarshal(m, (node) => {
        if (node.kind !== 'mapping') wantMap();
        else if (this.uniqueKeysOk(node)) into(node);
      });
    const target = merge.kind === 'alias' ? merge.target : merge;
    if (target.kind === 'mapping') mergeOne(merge);
    else if (merge.kind === 'sequence') {
      for (const item of merge.content) {
        const resolved = item.kind === 'alias' ? item.target : item;
        if (resolved.kind !== 'mapping') wantMap();
        mergeOne(item);
      }
    } else wantMap();
    this.mergedKeys = outer;
  }
}

function keyId(k: unknown): string {
  if (k instanceof GoInt) return `int:${k.value}`;
  if (k instanceof GoTime) return `time:${k.text}`;
  return `${typeof k}:${String(k)}`;
}

/** decode.go's allowedAliasRatio: generous for small documents, 10% for large ones. */
function allowedAliasRatio(decodeCount: number): number {
  const alias_ratio_range_low = 400000;
  const alias_ratio_range_high = 4000000;
  const alias_ratio_range = alias_ratio_range_high - alias_ratio_range_low;
  if (decodeCount <= alias_ratio_range_low) return 0.99;
  if (decodeCount >= alias_ratio_range_high) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - alias_ratio_range_low) / alias_ratio_range);
}
