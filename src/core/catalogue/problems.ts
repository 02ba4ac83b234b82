/**
 * What is wrong with a catalogue, one entry per problem, so that a curator can fix
 * every one of them in one pass instead of rebuilding once per error.
 */
import { plural } from '../text.ts';
export interface Problem {
  /** The file, relative to the catalogue folder (e.g. `mcp-flux-pro.json`). */
  file: string;
  /** Where in the file: a JSON path such as `$.tools[3].inputSchema.type`, or `line 4, column 7`. */
  path: string;
  /** What was expected there. */
  expected: string;
  /** What was found instead. */
  found: string;
}

export class CatalogueError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], dir: string) {
    super(formatProblems(problems, dir));
    this.name = 'CatalogueError';
    this.problems = problems;
  }
}

export function formatProblem(p: Problem): string {
  return `${p.file} ${p.path}: expected ${p.expected}, found ${p.found}`;
}

export function formatProblems(problems: readonly Problem[], dir: string): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const head = `The catalogue in ${dir} has ${plural(problems.length, 'problem')} in ${plural(files, 'file')}:`;
  return [head, ...problems.map((p) => `  - ${formatProblem(p)}`)].join('\n');
}

/** A short, printable picture of a value for "found …" (never the whole of a 200 KB string). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${plural(value.length, 'item')}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  return `${typeof value} ${String(value)}`;
}

/** `$.tools[3].inputSchema` from zod's `['tools', 3, 'inputSchema']`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}
