/**
 * Whether a server's tools are known, and how every page says so when they are not (issue 21).
 *
 * A server's tools are known when it has a tool list (listed by a scan, imported, or written by
 * hand), or when a scan listed none: then "no tools" is a measurement. A server without tools whose
 * scan record says it was never scanned, needs credentials, lacks a runtime or failed has tools
 * nobody has seen: its page, the lists, the grade, the API and search say "not known" and why, and
 * never a zero, which would read as "nothing risky here". A server with tools from an earlier scan
 * keeps them when a later one fails: they stay known, and its page says they may be out of date.
 */
import type { ScanRecord, ScanStatus } from '../../schemas/registry.ts';
import { REASON_LIMIT } from '../registry/cause.ts';
import { clip, figure, listPhrase, plural } from '../text.ts';

/** Why a server's tools are not known: its scan status, never `scanned`. */
export type UnknownStatus = Exclude<ScanStatus, 'scanned'>;
export const UNKNOWN_STATUSES = [
  'not-scanned',
  'needs-auth',
  'runtime-unavailable',
  'failed',
] as const satisfies readonly UnknownStatus[];

export interface UnknownTools {
  status: UnknownStatus;
  /** The scan's reason, at most two lines (see {@link reasonLines}); empty when it gives none. */
  reason: string[];
}

/** Why the server's tools are not known, or undefined when they are. */
export function unknownTools(server: { tools: readonly unknown[]; scan?: ScanRecord }): UnknownTools | undefined {
  if (server.tools.length > 0) return undefined;
  // A file without a scan record and without tools is one nobody has listed yet (docs/registry-and-scanning.md).
  const status = server.scan?.status ?? 'not-scanned';
  if (status === 'scanned') return undefined;
  return { status, reason: reasonLines(server.scan?.reason) };
}

/**
 * A scan reason as the page shows it: its first two lines, each at most REASON_LIMIT characters.
 * `scan-all` writes no more than that; an older or hand-written file may hold one long line.
 */
export function reasonLines(reason: string | undefined): string[] {
  return (reason ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, 2)
    .map((line) => clip(line, REASON_LIMIT));
}

/** The state in a few words, where a figure would stand (lists, cards, search). */
export const UNKNOWN_LABELS: Record<UnknownStatus, string> = {
  'not-scanned': 'not scanned yet',
  'needs-auth': 'needs credentials',
  'runtime-unavailable': 'runtime not available',
  failed: 'scan failed',
};

/** What a page heads the reason's lines with. */
export const REASON_LABELS: Record<UnknownStatus, string> = {
  'not-scanned': 'Why',
  'needs-auth': 'What the server answered',
  'runtime-unavailable': 'Why it could not be started',
  failed: 'Why the scan failed',
};

/** Why the tools are not known, as the end of "Its tools are not known: …". */
const WHY: Record<UnknownStatus, string> = {
  'not-scanned': 'the server has not been scanned yet',
  'needs-auth': 'the server would not list them without credentials',
  'runtime-unavailable': 'the scanner could not start the server, as it lacks the runtime the server needs',
  failed: 'the scanner tried to list them, and the scan failed',
};

/** A page's heading where the tool figures would be: `Tools not known: scan failed`. */
export function unknownHeading(unknown: UnknownTools): string {
  return `Tools not known: ${UNKNOWN_LABELS[unknown.status]}`;
}

/** The sentence under that heading: why, and what it means for a reader. */
export function unknownSummary(unknown: UnknownTools): string {
  return `Its tools are not known: ${WHY[unknown.status]}. Nothing on this page counts or classifies them, and no figure here means “none”.`;
}

/** The grade's one reason for a server whose tools are not known. */
export function unknownGradeText(status: UnknownStatus): string {
  return `not graded: its tools are not known (${UNKNOWN_LABELS[status]})`;
}

/** How a count of servers reads by why their tools are not known: `11 whose scan failed`. */
const COUNTED: Record<UnknownStatus, string> = {
  'not-scanned': 'not scanned yet',
  'needs-auth': 'needing credentials',
  'runtime-unavailable': 'with a runtime the scanner lacks',
  failed: 'whose scan failed',
};

/**
 * The servers without known tools, counted by why, in a sentence under the catalogue's tool figures:
 * `The tool figures leave out 3 servers whose tools are not known: 1 not scanned yet and 2 whose scan failed.`
 * Undefined when every server's tools are known.
 */
export function unknownServersSentence(statuses: readonly UnknownStatus[]): string | undefined {
  if (statuses.length === 0) return undefined;
  const parts = UNKNOWN_STATUSES.map((s) => [s, statuses.filter((x) => x === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${figure(n)} ${COUNTED[s]}`);
  const n = statuses.length;
  return `The tool figures leave out ${plural(n, 'server')} whose tools are not known: ${listPhrase(parts)}.`;
}
