/**
 * What `npm run build` prints (scripts/build.ts): one line per phase with its counts and
 * times, a progress line while pages render (only on a terminal), and only the warnings
 * and errors of Astro's own log. Astro lists every page it writes, from each of several
 * processes at once; that list is counted here, never printed. The whole log of a process
 * is kept, so a failing build can still show it all.
 */
import { stripVTControlCharacters } from 'node:util';

/** One line of Astro's log: `12:00:00 [WARN] [vite] text`, `12:00:00 [build] text`, or anything else. */
export interface AstroLine {
  level: 'info' | 'warn' | 'error' | 'none';
  /** The part in brackets after the level: `build`, `vite`, `mcp-catalogue`…; "" for a line not in Astro's format. */
  label: string;
  text: string;
}

const ASTRO_LINE = /^\d\d:\d\d:\d\d (?:\[(WARN|ERROR)\] )?\[([^\]]+)\] ?(.*)$/;

export function parseLine(line: string): AstroLine {
  const m = ASTRO_LINE.exec(line);
  if (!m) return { level: 'none', label: '', text: line };
  const level = m[1] === 'WARN' ? 'warn' : m[1] === 'ERROR' ? 'error' : 'info';
  return { level, label: m[2]!, text: m[3]! };
}

/** Astro's page list: `├─ /tools/x/y/index.html (+3ms)`; with pages rendered in parallel, several can share a line. */
const PAGE_ENTRY = /[├└]─ \//g;

export function countPages(line: string): number {
  return line.match(PAGE_ENTRY)?.length ?? 0;
}

/**
 * Warnings that say nothing true about this project. Each is explained where it is listed;
 * anything else Astro warns about is shown.
 */
const NOT_MEANINGFUL: RegExp[] = [
  // Astro warns whenever Shiki highlights Markdown under a CSP, because Shiki writes colours as inline
  // styles. Ours does not: STYLE_TO_CLASS (src/data/highlight.ts, astro.config.mjs) turns them into classes,
  // and a build test checks that no page has an inline style. Astro decides from the config alone.
  /^Shiki syntax highlighting uses inline styles that are not compatible with Content Security Policy/,
];

export const meaningful = (line: AstroLine) => !NOT_MEANINGFUL.some((re) => re.test(line.text));

export interface Phase {
  label: string;
  text: string;
}

/**
 * The phase lines a line of process 0's log starts, if any: the catalogue checked, the
 * search records written, the bundling done, the build's check on itself.
 */
export function phaseOf(line: AstroLine, root: string): Phase | undefined {
  if (line.level !== 'info') return undefined;
  if (line.label === 'mcp-catalogue') {
    const m = /^(.*) from (.*)$/.exec(line.text);
    if (!m) return undefined;
    const dir = m[2]!.startsWith(`${root}/`) ? m[2]!.slice(root.length + 1) : m[2]!;
    return { label: 'Catalogue', text: `${m[1]} in ${dir}, valid` };
  }
  if (line.label === 'mcp-catalogue-search') {
    const wrote = /^Wrote (\d+) tool search records/.exec(line.text);
    if (wrote) return { label: 'Search records', text: `written for ${wrote[1]} tools, their servers and the attacks` };
    if (line.text.startsWith('Checked: '))
      return { label: 'Checked', text: line.text.slice('Checked: '.length).replace(/\.$/, '') };
  }
  if (line.label === 'build' && line.text.startsWith('Rearranging server assets'))
    return { label: 'Bundled', text: 'scripts and styles' };
  return undefined;
}

/** "616 HTML pages and 100 other files". */
export function filesPhrase(html: number, other: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(html)} HTML page${html === 1 ? '' : 's'} and ${n(other)} other file${other === 1 ? '' : 's'}`;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A phase line: its label in a column, so the log reads as a table. */
export const phaseLine = (phase: Phase, ms: number) => `${`${phase.label}:`.padEnd(16)}${phase.text} (${seconds(ms)})`;

/** Splits a stream's chunks into whole lines, colour codes removed. */
export function lineSplitter(onLine: (line: string) => void): { push: (chunk: string) => void; end: () => void } {
  let rest = '';
  return {
    push(chunk) {
      const lines = (rest + chunk).split(/\r?\n/);
      rest = lines.pop()!;
      for (const line of lines) onLine(stripVTControlCharacters(line));
    },
    end() {
      if (rest) onLine(stripVTControlCharacters(rest));
      rest = '';
    },
  };
}
