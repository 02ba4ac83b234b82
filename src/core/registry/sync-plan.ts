/**
 * What a registry sync does to a catalogue folder, decided without I/O: which list
 * entries are valid, which file each server goes to, and what each file becomes.
 * The network side is src/cli/registry.ts. See docs/registry-and-scanning.md.
 */
import { OFFICIAL_META, officialMetaSchema, type RegistryRecord, type ScanRecord } from '../../schemas/registry.ts';
import { serverSchema } from '../../schemas/server.ts';
import { canonicalJson } from '../catalogue/import.ts';
import { describeValue, jsonPath } from '../catalogue/problems.ts';
import { assignRegistrySlugs } from '../catalogue/slug.ts';

/** Where an entry was in the listing: the page (1-based), its index on the page, and its position overall. */
export interface EntryPosition {
  page: number;
  index: number;
  overall: number;
}

export interface RegistryEntry {
  /** The `server` object exactly as the registry sent it. */
  server: Record<string, unknown> & { name: string; version: string };
  meta: Pick<RegistryRecord, 'status' | 'statusMessage' | 'publishedAt' | 'updatedAt' | 'isLatest'>;
  position: EntryPosition;
}

export interface RejectedEntry {
  position: EntryPosition;
  /** The entry's server name, when it has a readable one. */
  name?: string;
  reason: string;
}

export function describePosition({ page, index, overall }: EntryPosition): string {
  return `entry ${overall} (page ${page}, item ${index + 1})`;
}

/** Checks one `servers[]` item of a list page: the loader must accept its `server`, and the registry's metadata must be readable. */
export function checkEntry(raw: unknown, position: EntryPosition): RegistryEntry | RejectedEntry {
  const item = raw as { server?: unknown; _meta?: Record<string, unknown> } | null;
  const rawName = (item?.server as { name?: unknown } | undefined)?.name;
  const name = typeof rawName === 'string' && rawName.length <= 200 ? rawName : undefined;
  const reject = (reason: string): RejectedEntry => ({ position, ...(name ? { name } : {}), reason });
  if (!item || typeof item !== 'object' || Array.isArray(item))
    return reject(`expected an object, found ${describeValue(item)}`);
  const server = serverSchema.safeParse(item.server);
  if (!server.success) {
    const issue = server.error.issues[0]!;
    return reject(`$.server${jsonPath(issue.path).slice(1)}: ${issue.message}`);
  }
  const version = (item.server as { version?: unknown }).version;
  // The registry requires a version (openapi.yaml, ServerDetail), and a re-scan is decided by it.
  if (typeof version !== 'string' || version === '')
    return reject(`$.server.version: expected a version string, found ${describeValue(version)}`);
  const official = item._meta?.[OFFICIAL_META];
  let meta: RegistryEntry['meta'] = { status: 'active' };
  if (official !== undefined) {
    const parsed = officialMetaSchema.safeParse(official);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return reject(`$._meta["${OFFICIAL_META}"]${jsonPath(issue.path).slice(1)}: ${issue.message}`);
    }
    const { status, statusMessage, publishedAt, updatedAt, isLatest } = parsed.data;
    meta = {
      status,
      ...(statusMessage !== undefined ? { statusMessage } : {}),
      ...(publishedAt !== undefined ? { publishedAt } : {}),
      ...(updatedAt !== undefined ? { updatedAt } : {}),
      ...(isLatest !== undefined ? { isLatest } : {}),
    };
  }
  return { server: item.server as RegistryEntry['server'], meta, position };
}

/** A catalogue file as the sync reads it: only the parts it compares or keeps. */
export interface ExistingFile {
  slug: string;
  data: Record<string, unknown> & {
    server: { name: string; version?: string };
    registry?: RegistryRecord;
    scan?: ScanRecord;
    tools?: unknown[];
  };
}

export interface SyncSummary {
  new: number;
  updated: number;
  unchanged: number;
  /** Entries newly marked deprecated (new servers that arrive deprecated included). */
  deprecated: number;
  /** Entries the registry marks deleted. */
  deleted: number;
  rejected: number;
}

export interface SyncPlan {
  /** Files to write, whole. */
  writes: { slug: string; file: Record<string, unknown> }[];
  summary: SyncSummary;
  /** One line per server that leaves the site (or never reaches it) because the registry deleted it. */
  deletedNames: string[];
  /** Registry servers on disk that a full listing did not return at all: left as they are, and named. */
  missing: string[];
  rejected: RejectedEntry[];
}

/**
 * Decides every file the sync writes. Each entry lands in exactly one of new, updated,
 * unchanged, deprecated, deleted or rejected. Tools, reviews and unknown top-level fields
 * of an existing file are kept; a new version sets `scan.status` back to `not-scanned`.
 * `full` says the listing covered the whole registry (no `--since`), so a registry
 * server on disk that it did not return is named as missing.
 */
export function planSync(options: {
  existing: readonly ExistingFile[];
  entries: readonly RegistryEntry[];
  rejected: readonly RejectedEntry[];
  source: string;
  now: string;
  full: boolean;
}): SyncPlan {
  const { existing, source, now } = options;
  const byName = new Map(existing.map((f) => [f.data.server.name, f]));
  const rejected = [...options.rejected];
  const entries: RegistryEntry[] = [];
  const seen = new Map<string, EntryPosition>();
  for (const entry of options.entries) {
    const first = seen.get(entry.server.name);
    if (first) {
      rejected.push({
        position: entry.position,
        name: entry.server.name,
        reason: `a second entry for ${entry.server.name}, already listed as ${describePosition(first)}`,
      });
      continue;
    }
    seen.set(entry.server.name, entry.position);
    entries.push(entry);
  }
  const newNames = entries
    .filter((e) => !byName.has(e.server.name) && e.meta.status !== 'deleted')
    .map((e) => e.server.name);
  const slugs = assignRegistrySlugs(newNames, new Set(existing.map((f) => f.slug)));

  const summary: SyncSummary = {
    new: 0,
    updated: 0,
    unchanged: 0,
    deprecated: 0,
    deleted: 0,
    rejected: rejected.length,
  };
  const writes: SyncPlan['writes'] = [];
  const deletedNames: string[] = [];
  for (const { server, meta } of entries) {
    const old = byName.get(server.name);
    const registry: RegistryRecord = { source, ...meta, syncedAt: now };
    if (meta.status === 'deleted') {
      summary.deleted++;
      if (!old) {
        deletedNames.push(`${server.name} (not in the catalogue)`);
        continue;
      }
      deletedNames.push(`${server.name} (${old.slug}.json kept, off the site)`);
      if (old.data.registry?.status === 'deleted') continue;
    }
    const slug = old?.slug ?? slugs.get(server.name)!;
    const scan = nextScan(old?.data, server.version);
    const { server: _server, registry: _registry, scan: _scan, tools = [], ...rest } = old?.data ?? {};
    // Spread, not assigned: a top-level "__proto__" key in a file stays a plain field.
    const file: Record<string, unknown> = { server, registry, ...(scan ? { scan } : {}), tools, ...rest };
    if (old && meta.status !== 'deleted' && sameEntry(old.data, server, registry)) {
      summary.unchanged++;
      continue;
    }
    writes.push({ slug, file });
    if (meta.status === 'deleted') continue;
    if (meta.status === 'deprecated' && old?.data.registry?.status !== 'deprecated') summary.deprecated++;
    else if (old) summary.updated++;
    else summary.new++;
  }
  const missing = options.full
    ? existing
        .filter(
          (f) =>
            f.data.registry?.source === source && f.data.registry.status !== 'deleted' && !seen.has(f.data.server.name),
        )
        .map((f) => `${f.data.server.name} (${f.slug}.json)`)
    : [];
  return { writes, summary, deletedNames, missing, rejected };
}

/** The scan record after a sync: new servers are not scanned; a new version is to be scanned again. */
function nextScan(old: ExistingFile['data'] | undefined, version: string): ScanRecord | undefined {
  if (!old) return { status: 'not-scanned' };
  const scan = old.scan;
  // A file written by hand with tools and no scan record: its tools stand as the curator gave them.
  if (!scan) return old.tools?.length ? undefined : { status: 'not-scanned' };
  if (scan.version === undefined || scan.version === version || scan.status === 'not-scanned') return scan;
  return {
    ...scan,
    status: 'not-scanned',
    reason: `version ${version} is published; the tools shown were listed at version ${scan.version}`,
  };
}

function sameEntry(old: ExistingFile['data'], server: RegistryEntry['server'], registry: RegistryRecord): boolean {
  // syncedAt says when the file was last written, not what the registry said.
  const comparable = (r: Partial<RegistryRecord> | undefined) => canonicalJson({ ...r, syncedAt: undefined });
  return canonicalJson(old.server) === canonicalJson(server) && comparable(old.registry) === comparable(registry);
}

/** The closing line of a sync. */
export function formatSummary(s: SyncSummary): string {
  return `${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.deprecated} deprecated, ${s.deleted} deleted, ${s.rejected} rejected`;
}
