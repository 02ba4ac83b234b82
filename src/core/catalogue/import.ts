/**
 * Turning what an MCP server reports (its `initialize` result and `tools/list`)
 * into a catalogue file, and comparing two versions of a server's tools: the
 * change detection that catches a "rug pull" (a tool that quietly changes its
 * definition after people trusted it). Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import type { ServerFile } from '../../schemas/catalogue.ts';

/** What a scan of a live server returns. */
export interface ScanResult {
  serverInfo: { name: string; version?: string; title?: string };
  instructions?: string;
  tools: Record<string, unknown>[];
}

/** JSON with object keys sorted at every level: the same definition always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const HASHED_FIELDS = ['name', 'title', 'description', 'inputSchema', 'annotations'] as const;

const hashes = new WeakMap<object, string>();

/**
 * sha256 of the canonical JSON of the fields that define what a tool does. Kept per
 * tool object: a build shows each hash twice (the tool's page and its server's API
 * document), and a loaded tool is never changed.
 */
export function definitionHash(tool: Record<string, unknown>): string {
  let hash = hashes.get(tool);
  if (hash === undefined) {
    const defined = Object.fromEntries(HASHED_FIELDS.map((f) => [f, tool[f]]));
    hash = `sha256:${createHash('sha256').update(canonicalJson(defined)).digest('hex')}`;
    hashes.set(tool, hash);
  }
  return hash;
}

/** A registry name from whatever the server calls itself: `local.catalogue/<name>` unless given. */
function registryName(serverInfoName: string): string {
  const clean = serverInfoName.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'server';
  return `local.catalogue/${clean}`;
}

/** A catalogue file from a scan, and the registry `server.json` where one is given (it wins for server fields). */
export function serverFileFromScan(scan: ScanResult, registry?: Record<string, unknown>): ServerFile {
  const info = scan.serverInfo;
  const server = {
    name: registryName(info.name),
    ...(info.title ? { title: info.title } : {}),
    description: scan.instructions?.split('\n')[0]?.slice(0, 500) ?? '',
    ...(info.version ? { version: info.version } : {}),
    ...(registry ?? {}),
  } as ServerFile['server'];
  return { server, tools: scan.tools as ServerFile['tools'] };
}

export interface ChangeReport {
  added: string[];
  removed: string[];
  changed: { name: string; fields: string[] }[];
}

/**
 * The new tools, with curator reviews carried over from the old file for tools
 * whose definition did not change (or for every tool, with `keepReviews`).
 */
export function mergeScan(
  previous: { tools: Record<string, unknown>[] } | undefined,
  next: ServerFile,
  keepReviews = false,
): { file: ServerFile; report: ChangeReport } {
  const report: ChangeReport = { added: [], removed: [], changed: [] };
  const old = new Map((previous?.tools ?? []).map((t) => [String(t.name), t]));
  const tools = next.tools.map((tool) => {
    const before = old.get(tool.name);
    if (!before) {
      report.added.push(tool.name);
      return tool;
    }
    const fields = HASHED_FIELDS.filter(
      (f) => canonicalJson(before[f]) !== canonicalJson((tool as Record<string, unknown>)[f]),
    );
    if (fields.length) report.changed.push({ name: tool.name, fields: [...fields] });
    const review = before.review;
    // A changed definition was not what the curator reviewed.
    return review && (fields.length === 0 || keepReviews) ? { ...tool, review } : tool;
  });
  const names = new Set(next.tools.map((t) => t.name));
  for (const name of old.keys()) if (!names.has(name)) report.removed.push(name);
  return { file: { ...next, tools } as ServerFile, report };
}

export function formatReport(slug: string, report: ChangeReport): string[] {
  return [
    ...report.added.map((n) => `${slug}: added ${n}`),
    ...report.removed.map((n) => `${slug}: removed ${n}`),
    ...report.changed.map((c) => `${slug}: changed ${c.name} (${c.fields.join(', ')})`),
  ];
}
