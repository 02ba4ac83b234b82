/**
 * Why a scan failed, in at most two short lines for the catalogue's `scan.reason`: the
 * scanner's own words for what happened (`the server exited before answering initialize`),
 * then the line of the program's output that says why. That line is rarely the last one: a
 * Node crash ends in its stack trace, a Python one in its traceback's last frame is the
 * exception, npm ends in boilerplate ("Note that you can also install from a tarball…").
 * So every line is weighed, and the one that names the cause wins: a missing variable or
 * argument, then an error or exception, then a usage text, then any line with a failure word.
 * Pure; the whole output goes to the report, and src/cli/ decides what is captured.
 */
import { plural, shorten } from '../text.ts';
import { scrubMachinePaths, type MachinePath } from './scrub.ts';

export interface Cause {
  /** The telling line, trimmed (npm's `npm error` prefix and its key dropped), or undefined when nothing is telling. */
  line?: string;
  /** npm's error code (`E404`, `ETARGET`, `ENOTFOUND`…). */
  code?: string;
  /**
   * How telling the line is: 5 it names a missing variable, argument or key; 4 an error or
   * exception; 3 a usage text; 2 a failure word; 1 anything else (then the last such line).
   */
  rank: number;
}

/** Lines of npm's output that carry its error: `npm error …` (npm 9 and later) or `npm ERR! …`. */
const NPM_LINE = /^npm (?:error|ERR!)(?: |$)/;
/** npm's metadata lines, said by the code already. */
const NPM_META = /^(?:code|errno|syscall|path|dest|signal|command|cwd)\b/;
/** The key npm puts before each line of a detail (`notarget No matching version…`). */
const NPM_KEY = /^(?:notarget|network|enoent|eacces|eperm|eexist|eintegrity|gyp(?: ERR!)?)(?: |$)/i;
const NPM_BOILERPLATE = [
  /^A complete log of this run can be found in/,
  /^<npm-log>$/,
  /^Note that you can also install from a/,
  /^tarball, folder, http url, or git url/,
  /^You should bug the author to publish it/,
  /^In most cases you (?:are behind a proxy|or one of your dependencies)/,
  /^This is a problem related to network connectivity/,
  /^If you are behind a proxy, please make sure/,
  /^Log files were not written/,
  /^You can rerun the command with/,
  /^\d{3}$/,
];

function npmCause(lines: string[]): Cause | undefined {
  const own = lines.filter((l) => NPM_LINE.test(l)).map((l) => l.replace(NPM_LINE, '').trim());
  if (own.length === 0) return undefined;
  const code = own.map((l) => /^code (\S+)/.exec(l)?.[1]).find(Boolean);
  const line = own
    .filter((l) => !NPM_META.test(l))
    .map((l) => l.replace(NPM_KEY, '').trim())
    .find((l) => l && !NPM_BOILERPLATE.some((b) => b.test(l)));
  return { ...(line ? { line } : {}), ...(code ? { code } : {}), rank: 4 };
}

/** Stack frames, Node's own lines, Python's traceback frames, and lines without a letter. */
const NOISE = [
  /^\s*at\s/,
  /^Node\.js v\d/,
  /^\(Use `node --trace-/,
  /^Traceback \(most recent call last\):/,
  /^During handling of the above exception/,
  /^The above exception was the direct cause/,
  /^\s*\.\.\. \d+ lines? matching cause stack trace/,
];
const CARET = /^\s*[~^]*\^[~^]*\s*$/;
const PYTHON_FRAME = /^\s*File ".*", line \d+/;

/** The indexes of lines that say nothing about the cause: frames, the code Node or Python echoes, carets. */
function noise(lines: string[]): Set<number> {
  const out = new Set<number>();
  lines.forEach((line, i) => {
    if (!/[A-Za-z]/.test(line) || NOISE.some((n) => n.test(line))) out.add(i);
    if (CARET.test(line)) {
      // Node: `file:///…/index.js:15`, the line of code, the caret under it.
      out.add(i - 1);
      if (/:\d+$/.test(lines[i - 2] ?? '')) out.add(i - 2);
    }
    if (PYTHON_FRAME.test(line)) {
      out.add(i);
      if (/^\s{4,}\S/.test(lines[i + 1] ?? '') && !PYTHON_FRAME.test(lines[i + 1]!)) out.add(i + 1);
    }
  });
  return out;
}

/** A variable's name in capitals (`AIRTABLE_API_KEY`), or words that name an input. */
const INPUT = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\B--[a-z][\w-]*/;
const INPUT_WORDS =
  /\b(?:environment variables?|env(?:ironment)? vars?|api[ _-]?keys?|tokens?|arguments?|options?|flags?|credentials?|passwords?|secrets?)\b/i;
const MISSING =
  /\b(?:missing|required|not set|must be (?:set|provided|specified|given)|not (?:provided|specified|configured|defined|given)|no .{1,40} (?:provided|given|set|found|specified|configured)|is (?:undefined|empty)|KeyError|please (?:set|provide))\b/i;
const ERROR = [
  /(?:^|[\s\])])[\w.$]*(?:Error|Exception)(?: \[[\w-]+\])?: /,
  /^(?:error|fatal|panic|critical)(?:\[\w+\])?:/i,
  /^[\w./-]+: error: /,
  /\b(?:ERROR|FATAL|CRITICAL)\b/,
];
const USAGE = /^(?:usage:|Usage of )/i;
const FAILURE_WORD =
  /\b(?:error|errors|failed|failure|fatal|cannot|can't|could not|couldn't|unable|denied|refused|not found|invalid|exception|abort(?:ed)?|E[A-Z]{4,})\b/i;

function rankOf(line: string): number {
  if (MISSING.test(line) && (INPUT.test(line) || INPUT_WORDS.test(line))) return 5;
  if (ERROR.some((e) => e.test(line))) return 4;
  if (USAGE.test(line)) return 3;
  return FAILURE_WORD.test(line) ? 2 : 1;
}

/** A line that opens a list or a structure (`ZodError: [`, `…were not provided:`) with the lines it opens, up to a blank or a frame. */
function withContinuation(lines: string[], at: number, skip: Set<number>): string {
  const line = lines[at]!.trim();
  if (!/[[{(:]$/.test(line)) return line;
  const more: string[] = [];
  for (let i = at + 1; i < lines.length && more.length < 20; i++) {
    if (!lines[i]!.trim() || (skip.has(i) && /[A-Za-z]/.test(lines[i]!))) break;
    more.push(lines[i]!.trim());
  }
  return [line, ...more].join(' ').replace(/\s+/g, ' ');
}

/** The line of a program's output that says why it failed, and npm's error code when npm wrote it. */
export function causeOf(output: string): Cause {
  const lines = output.split(/\r?\n/).map((l) => l.slice(0, 2000));
  const npm = npmCause(lines);
  if (npm) return npm;
  const skip = noise(lines);
  let best: { at: number; rank: number } | undefined;
  lines.forEach((line, at) => {
    if (skip.has(at)) return;
    const rank = rankOf(line);
    // The first of the most telling lines; for lines that tell nothing, the last words.
    if (!best || rank > best.rank || (rank === 1 && best.rank === 1)) best = { at, rank };
  });
  return best ? { line: withContinuation(lines, best.at, skip), rank: best.rank } : { rank: 0 };
}

/** What a failed attempt left for the reason: the scanner's summary, and what the program wrote. */
export interface Failure {
  /** What happened, in the scanner's words and without any command line: `no answer to initialize within 30 s`. */
  summary: string;
  /** What the program wrote (a server's stderr, npm's output); '' when it was read and empty, undefined when not read. */
  output?: string;
  /** The lines a server wrote on stdout that are not JSON: some servers print their errors there. */
  stdout?: string;
  /** Lines the server wrote on stdout that are not JSON-RPC: how many, and the first parse error. */
  stdoutNoise?: { lines: number; first: string };
}

/** The longest reason the catalogue gets, both lines and the newline between them. */
export const REASON_LIMIT = 200;

/** The second line: the output's telling line, what stdout held instead of JSON-RPC, or that stderr was empty. */
function secondLine(failure: Failure, cause: Cause | undefined): string | undefined {
  const noise = failure.stdoutNoise;
  if (noise && !(cause?.line && cause.rank >= 4))
    return `${plural(noise.lines, 'line')} on stdout ${noise.lines === 1 ? 'is' : 'are'} not JSON-RPC: ${noise.first}`;
  if (cause?.line) return cause.line;
  return failure.output === '' ? 'nothing on stderr' : undefined;
}

/**
 * The catalogue's `scan.reason`: at most two lines, at most REASON_LIMIT characters, without
 * a path of the scanning machine.
 */
export function reasonOf(failure: Failure, paths: readonly MachinePath[]): string {
  const scrub = (text: string) => scrubMachinePaths(text, paths);
  const fromStderr = failure.output ? causeOf(scrub(failure.output)) : undefined;
  const fromStdout = failure.stdout ? causeOf(scrub(failure.stdout)) : undefined;
  // stderr first: stdout wins only with a more telling line.
  const cause = fromStdout && fromStdout.rank > (fromStderr?.rank ?? 0) ? fromStdout : fromStderr;
  const first = shorten(scrub(`${failure.summary}${cause?.code ? ` (${cause.code})` : ''}`), 119);
  const second = secondLine(failure, cause);
  if (!second) return first;
  return `${first}\n${shorten(scrub(second), REASON_LIMIT - first.length - 2)}`;
}
