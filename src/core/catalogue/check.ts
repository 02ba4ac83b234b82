/**
 * Checks a catalogue's server files without touching the disk: the bytes of each file go in, the
 * servers and every problem come out (docs/catalogue-format.md). Reading the folder is the build's
 * job (src/build/catalogue-files.ts), so the CLI, the build and the tests share one set of rules.
 */
import { parse as parseTolerant, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { serverFileSchema } from '../../schemas/catalogue.ts';
import type { RegistryRecord, ScanRecord } from '../../schemas/registry.ts';
import type { Server } from '../../schemas/server.ts';
import type { Tool } from '../../schemas/tool.ts';
import { describeValue, jsonPath, type Problem } from './problems.ts';
import { isServerSlug, toolSlug } from './slug.ts';

export interface CatalogueTool {
  /** URL segment, unique inside its server (see `toolSlug`). */
  slug: string;
  tool: Tool;
}

export interface CatalogueServer {
  /** The file's stem: the server's URL segment. */
  slug: string;
  /** File name inside the catalogue folder. */
  file: string;
  server: Server;
  /** Registry status and dates, for a file written by `catalogue registry sync`. */
  registry?: RegistryRecord;
  /** Where the tools stand (not scanned yet, scanned, failed…); absent in a file written by hand. */
  scan?: ScanRecord;
  /** In the order the server lists them. */
  tools: CatalogueTool[];
}

export interface Catalogue {
  /** Absolute path of the folder that was read. */
  dir: string;
  /** Sorted by slug, so every build sees the same order. Servers the registry deleted are not among them. */
  servers: CatalogueServer[];
  /** Files of servers the registry marked deleted: validated and kept (tools, reviews), but off the site. */
  deleted: string[];
  toolCount: number;
}

/** `/servers/page/2/` is the server list's second page, so no server may be called "page". */
const RESERVED_SLUGS = new Set(['page']);

/** One `<server>.json` of the folder; `read` is called once, so only one file is in memory at a time. */
export interface CatalogueFile {
  name: string;
  read(): Uint8Array;
}

/**
 * Checks every file and collects every problem before giving up, so a curator sees the whole
 * list at once. Files are taken in the order given (the build gives them in name order).
 */
export function checkServerFiles(
  dir: string,
  files: Iterable<CatalogueFile>,
): { catalogue?: Catalogue; problems: Problem[] } {
  const problems: Problem[] = [];
  const servers: CatalogueServer[] = [];
  const deleted: string[] = [];
  const fileByServerName = new Map<string, string>();
  for (const { name: file, read } of files) {
    const before = problems.length;
    const slug = file.replace(/\.json$/, '');
    problems.push(...fileNameProblems(file, slug));
    const data = parseJson(read(), file, problems);
    if (data === undefined) continue;
    const result = serverFileSchema.safeParse(data, { reportInput: true });
    // One push per problem: a hostile file can have hundreds of thousands, too many to spread into one call.
    if (!result.success) for (const issue of result.error.issues) problems.push(fromZodIssue(file, issue, data));
    for (const clash of toolNameClashes(file, data)) problems.push(clash);
    if (!result.success || problems.length > before) continue;

    const { server, tools, registry, scan } = result.data;
    const other = fileByServerName.get(server.name);
    if (other) {
      problems.push({
        file,
        path: '$.server.name',
        expected: 'a server name that no other file uses',
        found: `${JSON.stringify(server.name)}, already the name in ${other}`,
      });
      continue;
    }
    fileByServerName.set(server.name, file);
    if (registry?.status === 'deleted') {
      deleted.push(file);
      continue;
    }
    servers.push({
      slug,
      file,
      server,
      ...(registry ? { registry } : {}),
      ...(scan ? { scan } : {}),
      tools: tools.map((tool) => ({ slug: toolSlug(tool.name), tool })),
    });
  }
  if (problems.length > 0) return { problems };
  const toolCount = servers.reduce((n, s) => n + s.tools.length, 0);
  return { catalogue: { dir, servers, deleted, toolCount }, problems };
}

function fileNameProblems(file: string, slug: string): Problem[] {
  const problems: Problem[] = [];
  if (!isServerSlug(slug)) {
    problems.push({
      file,
      path: '(file name)',
      expected: 'a name of lower-case letters, digits and "-", starting with a letter or digit, then ".json"',
      found: JSON.stringify(file),
    });
  }
  if (RESERVED_SLUGS.has(slug)) {
    problems.push({
      file,
      path: '(file name)',
      expected: `a name other than ${[...RESERVED_SLUGS].map((r) => `"${r}.json"`).join(', ')}, whose address the paginated lists use`,
      found: JSON.stringify(file),
    });
  }
  return problems;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses one file, or records why it cannot be parsed and returns undefined. */
function parseJson(bytes: Uint8Array, file: string, problems: Problem[]): unknown {
  const problem = (where: string, expected: string, found: string) => {
    problems.push({ file, path: where, expected, found });
    return undefined;
  };
  if (bytes.length === 0) return problem('(file)', 'a JSON object', 'an empty file');
  // RFC 8259 forbids a byte order mark in JSON; editors add one silently, so name it.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return problem('byte 0', 'UTF-8 JSON without a byte order mark', 'a UTF-8 byte order mark (EF BB BF)');
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    return problem(
      `byte ${at}`,
      'UTF-8 text',
      `the byte 0x${bytes[at]?.toString(16).toUpperCase().padStart(2, '0')}, which is not UTF-8`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // JSON.parse names no position for some errors; jsonc-parser always gives the offset.
    const errors: ParseError[] = [];
    parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const offset = first ? first.offset : text.length;
    const { line, column } = lineAndColumn(text, offset);
    const found = first ? `${describeParseError(printParseErrorCode(first.error))}` : String((error as Error).message);
    return problem(`line ${line}, column ${column}`, 'valid JSON', found);
  }
  // JSON.parse keeps the last of two equal keys and drops the first without a word.
  // Counting is cheap; walking the text to say where happens only if a key is missing.
  if (keysParsed(value) === keysWritten(text)) return value;
  for (const { path, key, offset } of duplicateKeys(text)) {
    const { line, column } = lineAndColumn(text, offset);
    problems.push({
      file,
      path: `${jsonPath(path)} (line ${line}, column ${column})`,
      expected: 'each key once in an object',
      found: `${JSON.stringify(key)} a second time`,
    });
  }
  return value;
}

/** How many keys the parsed value's objects hold, all levels. */
function keysParsed(value: unknown): number {
  let count = 0;
  const stack = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === null || typeof next !== 'object') continue;
    const values = Object.values(next);
    if (!Array.isArray(next)) count += values.length;
    // One at a time: spreading a huge array (a hostile enum) into push() overflows the call stack.
    for (const child of values) stack.push(child);
  }
  return count;
}

/**
 * How many keys the text writes: every string is matched from its opening quote,
 * so a quote or colon inside a string is never taken for a key.
 */
function keysWritten(text: string): number {
  let count = 0;
  for (const match of text.matchAll(/"(?:[^"\\]|\\.)*"(\s*:)?/g)) if (match[1] !== undefined) count++;
  return count;
}

/** Keys that appear twice in one object, with where the second one is. */
function duplicateKeys(text: string): { path: (string | number)[]; key: string; offset: number }[] {
  const found: { path: (string | number)[]; key: string; offset: number }[] = [];
  const objects: Set<string>[] = [];
  visit(text, {
    onObjectBegin: () => void objects.push(new Set()),
    onObjectEnd: () => void objects.pop(),
    onObjectProperty: (key, offset, _length, _line, _column, pathSupplier) => {
      const keys = objects[objects.length - 1]!;
      if (keys.has(key)) found.push({ path: [...pathSupplier(), key], key, offset });
      keys.add(key);
    },
  });
  return found;
}

function describeParseError(code: string): string {
  // jsonc-parser's codes are CamelCase identifiers ("CommaExpected"); make them a phrase.
  return `a syntax error (${code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()})`;
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return 0;
}

/** Duplicate tool names and URL slug clashes, read from the raw data so they show even beside schema errors. */
export function toolNameClashes(file: string, data: unknown): Problem[] {
  const tools = (data as { tools?: unknown })?.tools;
  if (!Array.isArray(tools)) return [];
  const problems: Problem[] = [];
  const byName = new Map<string, number>();
  const bySlug = new Map<string, number>();
  tools.forEach((tool, index) => {
    const name = (tool as { name?: unknown })?.name;
    if (typeof name !== 'string') return;
    const sameName = byName.get(name);
    if (sameName !== undefined) {
      problems.push({
        file,
        path: `$.tools[${index}].name`,
        expected: 'a tool name used once in the server',
        found: `${JSON.stringify(name)}, the name of tools[${sameName}] too`,
      });
      return;
    }
    byName.set(name, index);
    const slug = toolSlug(name);
    const sameSlug = bySlug.get(slug);
    if (sameSlug !== undefined) {
      const otherName = (tools[sameSlug] as { name: string }).name;
      problems.push({
        file,
        path: `$.tools[${index}].name`,
        expected: `a name whose page address (/${slug}/) no other tool of the server has`,
        found: `${JSON.stringify(name)}, which clashes with tools[${sameSlug}] ${JSON.stringify(otherName)}`,
      });
      return;
    }
    bySlug.set(slug, index);
  });
  return problems;
}

const ARTICLE: Record<string, string> = { object: 'an object', array: 'an array', integer: 'an integer' };

function fromZodIssue(file: string, issue: z.core.$ZodIssue, root: unknown): Problem {
  const path = jsonPath(issue.path);
  const input = 'input' in issue ? issue.input : valueAt(root, issue.path);
  const expected = isDefaultMessage(issue.message) ? expectedFor(issue) : issue.message;
  const hint = toolHint(root, issue.path);
  return { file, path: hint ? `${path} (tool ${hint})` : path, expected, found: describeValue(input) };
}

/** Our schemas phrase their own messages as "what was expected"; zod's defaults start with "Invalid". */
function isDefaultMessage(message: string): boolean {
  return message.startsWith('Invalid');
}

function expectedFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return ARTICLE[issue.expected] ?? `a ${issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? JSON.stringify(issue.values[0])
        : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) v = v != null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** Names the tool an issue is in, since `tools[212]` alone is hard to find in a long file. */
function toolHint(root: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'tools' || typeof path[1] !== 'number' || path.length < 3) return undefined;
  const name = (valueAt(root, path.slice(0, 2)) as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.length <= 128 ? JSON.stringify(name) : undefined;
}
