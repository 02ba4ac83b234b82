/**
 * `catalogue registry sync`: reads every server's latest version from an MCP Registry
 * (`GET /v0.1/servers`, docs/reference/api/openapi.yaml in github.com/modelcontextprotocol/registry)
 * and writes one catalogue file per server. The decisions are src/core/registry/sync-plan.ts.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { serverListSchema } from '../schemas/registry.ts';
import {
  checkEntry,
  planSync,
  type ExistingFile,
  type RegistryEntry,
  type RejectedEntry,
  type SyncPlan,
} from '../core/registry/sync-plan.ts';
import { isServerSlug } from '../core/catalogue/slug.ts';

/** The official registry (docs/reference/api/official-registry-api.md, "Base URLs"). */
export const OFFICIAL_REGISTRY = 'https://registry.modelcontextprotocol.io';

export interface FetchOptions {
  /** Only entries updated since this RFC 3339 time; the registry then includes deleted ones anyway. */
  since?: string;
  /** Entries per page (the official registry allows up to 100). */
  limit?: number;
  /** Attempts per page before the sync gives up. */
  attempts?: number;
  /** Milliseconds before the first retry; doubled each time. */
  backoffMs?: number;
  /** Milliseconds a page may take. */
  timeoutMs?: number;
  /** Told about every retry and every page, for the progress line. */
  log?: (line: string) => void;
}

/** Whether a failed request is worth repeating: the network, a timeout, 429 and 5xx are; other answers will not change. */
class PageError extends Error {
  readonly retry: boolean;
  constructor(message: string, retry: boolean) {
    super(message);
    this.retry = retry;
  }
}

async function getPage(url: URL, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new PageError(`${(error as Error).message}${cause ? ` (${cause})` : ''}`, true);
  }
  const text = await response.text().catch((error: Error) => {
    throw new PageError(`the answer broke off: ${error.message}`, true);
  });
  if (!response.ok)
    throw new PageError(
      `HTTP ${response.status} ${text.slice(0, 200)}`,
      response.status === 429 || response.status >= 500,
    );
  try {
    return JSON.parse(text);
  } catch {
    // A truncated answer from a proxy is as likely as a broken registry: try again.
    throw new PageError(`the answer is not JSON: ${JSON.stringify(text.slice(0, 80))}`, true);
  }
}

/**
 * Every entry of the listing, page by page (`version=latest`, `include_deleted=true` so
 * deletions are seen, `cursor` from `metadata.nextCursor`), each checked on its own: an
 * invalid one is returned among `rejected` with its position and the rest go on.
 */
export async function fetchRegistry(
  base: string,
  { since, limit = 100, attempts = 5, backoffMs = 500, timeoutMs = 30_000, log = () => {} }: FetchOptions = {},
): Promise<{ entries: RegistryEntry[]; rejected: RejectedEntry[]; pages: number }> {
  const entries: RegistryEntry[] = [];
  const rejected: RejectedEntry[] = [];
  let cursor: string | undefined;
  const seenCursors = new Set<string>();
  let overall = 0;
  for (let page = 1; ; page++) {
    const url = new URL('v0.1/servers', base.endsWith('/') ? base : `${base}/`);
    url.searchParams.set('version', 'latest');
    url.searchParams.set('include_deleted', 'true');
    url.searchParams.set('limit', String(limit));
    if (since) url.searchParams.set('updated_since', since);
    if (cursor) url.searchParams.set('cursor', cursor);
    let body: unknown;
    for (let attempt = 1; ; attempt++) {
      try {
        body = await getPage(url, timeoutMs);
        break;
      } catch (error) {
        const { message, retry } = error as PageError;
        if (!retry || attempt >= attempts)
          throw new Error(`${url.href}: ${message}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`);
        const wait = backoffMs * 2 ** (attempt - 1);
        log(`page ${page}: ${message}; trying again in ${(wait / 1000).toFixed(1)} s`);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    const list = serverListSchema.safeParse(body);
    if (!list.success)
      throw new Error(`${url.href}: expected {"servers": [...], "metadata": {...}}, found something else`);
    list.data.servers.forEach((raw, index) => {
      const checked = checkEntry(raw, { page, index, overall: ++overall });
      if ('server' in checked) entries.push(checked);
      else rejected.push(checked);
    });
    log(`page ${page}: ${list.data.servers.length} entries (${overall} so far)`);
    const next = list.data.metadata?.nextCursor;
    if (!next) return { entries, rejected, pages: page };
    if (seenCursors.has(next))
      throw new Error(`${url.href}: the registry sent cursor ${JSON.stringify(next)} a second time`);
    seenCursors.add(next);
    cursor = next;
  }
}

/** The catalogue folder's files, as the sync needs them; a file that is not JSON stops the sync (it would be overwritten blind). */
export function readExisting(dir: string): ExistingFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names
    .filter((n) => isServerSlug(basename(n, '.json')))
    .map((n) => {
      const path = join(dir, n);
      let data: ExistingFile['data'];
      try {
        data = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(`${path}: ${(error as Error).message}; fix or remove it before a sync`);
      }
      if (typeof data?.server?.name !== 'string')
        throw new Error(`${path}: no server.name; fix or remove it before a sync`);
      return { slug: basename(n, '.json'), data };
    });
}

/** Reads the registry, then writes every changed file (each to a temporary file, then renamed). */
export async function syncRegistry(
  dir: string,
  base: string,
  options: FetchOptions & { now?: string } = {},
): Promise<SyncPlan & { pages: number }> {
  const existing = readExisting(dir);
  const { entries, rejected, pages } = await fetchRegistry(base, options);
  const plan = planSync({
    existing,
    entries,
    rejected,
    source: base.replace(/\/+$/, ''),
    now: options.now ?? new Date().toISOString(),
    full: !options.since,
  });
  mkdirSync(dir, { recursive: true });
  for (const { slug, file } of plan.writes) {
    const path = join(dir, `${slug}.json`);
    const temporary = `${path}.tmp-${process.pid}`;
    writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`);
    renameSync(temporary, path);
  }
  return { ...plan, pages };
}
