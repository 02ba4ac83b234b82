/**
 * Sharing one site's pages among several `astro build` processes.
 *
 * Astro renders on one thread. `npm run build` (scripts/build.ts) runs one `astro
 * build` per core instead; every process loads and classifies the whole catalogue,
 * but renders only the pages of dynamic routes whose parameters hash to it
 * (`ownShare`). Processes 1…N-1 write into folders of their own and report their
 * pages; process 0 waits for them, moves their pages into its output folder, and
 * then runs the sitemap and the build's check on itself over the whole site.
 *
 * A page's process depends only on its URL, not on its position in the catalogue.
 * Pages of static routes are rendered by every process; merging keeps one copy and
 * fails if two copies differ, so a new route that forgets `ownShare` costs time, not
 * correctness.
 *
 * The same holds across machines, one level up (`Part`): a slice of the catalogue
 * (`npm run build -- --shard I/N`) renders the per-server routes of the servers whose
 * slug hashes to it, and `npm run merge` renders the rest and copies the slices in.
 * A slice's key (`sliceKeys`) says what its files were made from, so that the merge
 * refuses a stale slice and `--shards-cache` reuses a slice that is still current.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import type { AnalysedServer } from '../core/analyse.ts';
import type { Catalogue } from '../core/catalogue/check.ts';
import { serverApiPath, serverPath, serverPolicyPath, toolPath } from '../core/site/paths.ts';
import { relatedTools } from '../core/site/related.ts';
import { CACHE_ENV, MERGE_ENV, SHARD_ENV, SHARDS_DIR_ENV, SLICE_ENV } from './env.ts';

export interface Shard {
  /** 0 for the process that merges and finishes the build. */
  index: number;
  count: number;
  /** Where processes 1…N-1 write (see SHARDS_DIR_ENV); empty with one process. */
  dir: string;
}

/** This process's shard, from the environment scripts/build.ts sets; one shard of one without it. */
export function currentShard(env: NodeJS.ProcessEnv = process.env): Shard {
  const value = env[SHARD_ENV];
  if (!value) return { index: 0, count: 1, dir: '' };
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) throw new Error(`${SHARD_ENV} must be k/N with 0 <= k < N, not ${value}`);
  const dir = env[SHARDS_DIR_ENV] ?? '';
  if (count > 1 && !dir)
    throw new Error(`${SHARD_ENV}=${value} needs ${SHARDS_DIR_ENV}, the folder the processes share.`);
  return { index, count, dir };
}

/** FNV-1a: a small, stable string hash (the shard of a page must not change from one run to the next). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Which of `count` processes renders the pages with these route parameters. */
export function shardOf(params: Record<string, string | number | undefined>, count: number): number {
  return hash(JSON.stringify(params)) % count;
}

/**
 * The paths of a dynamic route (`getStaticPaths`) this process renders: those of its part of the
 * catalogue (`currentPart`), then its process's share of them. A route whose parameters name a
 * `server` is a per-server route (its page, API document, policy file, tool pages): slices render
 * those of their servers, the merge renders every other route.
 */
export function ownShare<T extends { params: Record<string, string | number | undefined> }>(
  paths: readonly T[],
  shard: Shard = currentShard(),
  part: Part = currentPart(),
): T[] {
  const inPart = part.kind === 'whole' ? paths : paths.filter(({ params: { server } }) => inThisPart(part, server));
  return shard.count === 1 ? [...inPart] : inPart.filter((p) => shardOf(p.params, shard.count) === shard.index);
}

/** Whether a route (per server when `server` is set) is this part's to render. */
function inThisPart(part: Exclude<Part, { kind: 'whole' }>, server: string | number | undefined): boolean {
  if (server === undefined) return part.kind !== 'slice';
  if (part.kind === 'merge') return false;
  const slice = sliceOf(String(server), part.count);
  return part.kind === 'slice' ? slice === part.index : staleSlices().stale.includes(slice);
}

/**
 * Which part of the catalogue a build renders: all of it (`npm run build`), the I-th of N slices
 * (`npm run build -- --shard I/N`, on any machine), or what the slices leave to the merge (`npm run
 * merge`: the pages that list across the catalogue, the search records and the index).
 */
export type Part =
  { kind: 'whole' } | { kind: 'slice'; index: number; count: number } | { kind: 'merge'; dirs: string[] } | CachedPart;

/**
 * A build that keeps its N slices in a cache folder (`npm run build -- --shards-cache DIR --slices
 * N`): it renders the pages that list across the catalogue and the slices whose key changed, and
 * brings the others in from the cache, where it puts back the slices it rendered.
 */
export interface CachedPart {
  kind: 'cached';
  dir: string;
  count: number;
}

/** `I/N` with 1 <= I <= N, as `--shard` takes it; throws a message fit for the command line. */
export function parseSlice(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new Error(
      `--shard takes I/N, the I-th of N slices of the catalogue, with 1 <= I <= N (for example 1/3); not ${JSON.stringify(text)}.`,
    );
  return { index, count };
}

/** This build's part, from the environment scripts/build.ts and scripts/merge.ts set. */
export function currentPart(env: NodeJS.ProcessEnv = process.env): Part {
  const slice = env[SLICE_ENV];
  const merge = env[MERGE_ENV];
  const cache = env[CACHE_ENV];
  if ([slice, merge, cache].filter(Boolean).length > 1)
    throw new Error(`Only one of ${SLICE_ENV}, ${MERGE_ENV} and ${CACHE_ENV} can be set.`);
  if (slice) return { kind: 'slice', ...parseSlice(slice) };
  if (merge) return { kind: 'merge', dirs: JSON.parse(merge) as string[] };
  if (cache) {
    const { dir, count } = JSON.parse(cache) as { dir: string; count: number };
    return { kind: 'cached', dir, count };
  }
  return { kind: 'whole' };
}

/** Where a cached build keeps slice I of N. */
export const cachedSliceDir = (dir: string, index: number, count: number) => join(dir, `${index}-of-${count}`);

/** A cached build's slices: each one's current key, and those (from 1) whose cached copy is missing or stale. */
export interface CacheState {
  keys: string[];
  stale: number[];
}

/**
 * Where a cached build's `CacheState` waits: set once the catalogue is analysed (src/integrations/
 * shards.ts) and read by the page routes' `ownShare`, which Astro runs from its own bundle of this
 * module. Every process of the build works it out the same way, before any of them changes the cache.
 */
const CACHE_STATE = Symbol.for('mcp-catalogue.cache-state');

export function setCacheState(compute: () => CacheState): void {
  let state: CacheState | undefined;
  (globalThis as Record<symbol, unknown>)[CACHE_STATE] = () => (state ??= compute());
}

export function staleSlices(): CacheState {
  const get = (globalThis as Record<symbol, unknown>)[CACHE_STATE] as (() => CacheState) | undefined;
  if (!get) throw new Error('A cached build needs the shards integration, which says which slices to render.');
  return get();
}

/** The key in each cached slice's manifest, or undefined where there is none (or one of another N). */
export function cachedKeys(dir: string, count: number): (string | undefined)[] {
  return Array.from({ length: count }, (_, k) => {
    const manifest = readManifest(cachedSliceDir(dir, k + 1, count));
    return manifest?.slice === `${k + 1}/${count}` ? manifest.key : undefined;
  });
}

/** Compares each slice's current key with its cached copy's. */
export function cacheState(part: CachedPart, keys: string[]): CacheState {
  const cached = cachedKeys(part.dir, part.count);
  return { keys, stale: keys.flatMap((key, k) => (cached[k] === key ? [] : [k + 1])) };
}

/**
 * The slice (from 1) of a server: by a hash of its slug alone, so that its pages and API document
 * stay together and a server keeps its slice whatever the rest of the catalogue does.
 */
export const sliceOf = (serverSlug: string, count: number) => (hash(serverSlug) % count) + 1;

/** The output folder of process k > 0. */
export const shardOutDir = (dir: string, index: number) => join(dir, String(index));

const startedFile = (dir: string, index: number) => join(dir, `${index}.started`);
const reportFile = (dir: string, index: number) => join(dir, `${index}.pages.json`);

/** Process k has synced Astro's content and started building: process k+1 may sync now (src/integrations/shards.ts). */
export function markStarted(shard: Shard): void {
  writeFileSync(startedFile(shard.dir, shard.index), '');
}

export const hasStarted = (dir: string, index: number) => existsSync(startedFile(dir, index));

/** Process k > 0 is done: its pages (pathnames, as Astro reports them) are all in its output folder. */
export function reportPages(shard: Shard, pathnames: readonly string[]): void {
  const file = reportFile(shard.dir, shard.index);
  // Written whole, then renamed: process 0 never reads half a report.
  writeFileSync(`${file}.tmp`, JSON.stringify(pathnames));
  renameSync(`${file}.tmp`, file);
}

export const hasReported = (dir: string, index: number) => existsSync(reportFile(dir, index));

/** Process k's report, or undefined while it is still building. */
export function readReport(dir: string, index: number): string[] | undefined {
  const file = reportFile(dir, index);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : undefined;
}

/**
 * Moves everything under `from` into `to` (with `keep`, links it instead: a slice folder stays as
 * it was). What only `from` has is moved (a whole folder in one rename where `to` lacks it). A file
 * both have must have the same bytes: the pages and assets every process writes. Throws naming the
 * first file that differs. A slice's manifest is never carried over.
 */
export function mergeInto(from: string, to: string, { keep = false } = {}): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name === SLICE_MANIFEST) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (!existsSync(target)) {
      if (keep) linkTree(source, target);
      else move(source, target);
    } else if (entry.isDirectory() && lstatSync(target).isDirectory()) mergeInto(source, target, { keep });
    else if (!readFileSync(source).equals(readFileSync(target)))
      throw new Error(`Two builds wrote different versions of ${target} (the other is ${source}).`);
  }
}

/**
 * Puts `source` (a file or a folder) at `target` and leaves it in place: as hard links where both
 * are on one file system, which takes a few seconds for the 2 GB of pages of a 50,000-tool catalogue
 * where copying them took most of a minute (BENCHMARKS.md); as copies elsewhere. A linked file is
 * one file under two names, so nothing may edit a merged site's files in place: every build empties
 * its output folder first (unlinking, never truncating), and README says so for the steps after it.
 */
function linkTree(source: string, target: string): void {
  if (lstatSync(source).isDirectory()) {
    mkdirSync(target);
    for (const name of readdirSync(source)) linkTree(join(source, name), join(target, name));
    return;
  }
  try {
    linkSync(source, target);
  } catch (error) {
    // Another file system, or one without hard links.
    if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(source, target);
  }
}

function move(source: string, target: string): void {
  try {
    renameSync(source, target);
  } catch (error) {
    // Another file system (a user's --outDir elsewhere): copy instead.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(source, target, { recursive: true });
    rmSync(source, { recursive: true, force: true });
  }
}

/** What a slice says about itself, in `<slice folder>/.slice.json`; `npm run merge` reads it. */
export interface SliceManifest {
  /** `I/N`. */
  slice: string;
  /** What it was built from (`sliceKeys`): the merge refuses a slice whose key is not the current one. */
  key: string;
  /** Its pages' pathnames as Astro reports them (not the API files), for the sitemap. */
  pages: string[];
}

export const SLICE_MANIFEST = '.slice.json';

export function readManifest(dir: string): SliceManifest | undefined {
  const file = join(dir, SLICE_MANIFEST);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SliceManifest) : undefined;
}

/**
 * The pages a slice owns, as pathnames (`servers/x/`, `api/servers/x.json`): per server, its page,
 * policy file and API document, and its tools' pages.
 */
export function slicePages(catalogue: Catalogue, index: number, count: number): string[] {
  return catalogue.servers
    .filter((s) => sliceOf(s.slug, count) === index)
    .flatMap((s) => [
      serverPath(s.slug),
      serverPolicyPath(s.slug),
      serverApiPath(s.slug),
      ...s.tools.map((t) => toolPath(s.slug, t.slug)),
    ])
    .map((url) => url.slice(1));
}

/** The file a pathname is written to. */
const fileOf = (pathname: string) => (pathname.endsWith('/') ? `${pathname}index.html` : pathname);

/**
 * Leaves in a slice's output folder only its own files (`slicePages`) and Astro's assets (the pages
 * every build renders belong to the merge, which renders them from the whole catalogue), then writes
 * its manifest. Throws if one of its files is missing.
 */
export function finishSlice(dir: string, slice: string, key: string, files: readonly string[], pages: string[]): void {
  const keep = new Set(files.map(fileOf));
  for (const file of keep) if (!existsSync(join(dir, file))) throw new Error(`Slice ${slice} has no ${file}.`);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (entry.isFile() && !path.startsWith('_astro/') && !keep.has(path)) rmSync(join(dir, path));
  }
  removeEmptyFolders(dir);
  const manifest: SliceManifest = { slice, key, pages };
  writeFileSync(join(dir, SLICE_MANIFEST), `${JSON.stringify(manifest)}\n`);
}

/**
 * Makes `folder` a slice again from a site that holds its files (a cached build rendered it): links
 * its own files (`files`, as `slicePages` names them) and Astro's assets, and writes its manifest.
 */
export function sliceFromSite(
  site: string,
  folder: string,
  slice: string,
  key: string,
  files: readonly string[],
  pages: string[],
): void {
  rmSync(folder, { recursive: true, force: true });
  const own = files.map(fileOf);
  for (const file of own) if (!existsSync(join(site, file))) throw new Error(`Slice ${slice} has no ${file}.`);
  for (const file of existsSync(join(site, '_astro')) ? [...own, '_astro'] : own) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    linkTree(join(site, file), join(folder, file));
  }
  const manifest: SliceManifest = { slice, key, pages };
  writeFileSync(join(folder, SLICE_MANIFEST), `${JSON.stringify(manifest)}\n`);
}

function removeEmptyFolders(dir: string): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && removeEmptyFolders(join(dir, entry.name)))
      rmSync(join(dir, entry.name), { recursive: true });
    else empty = false;
  }
  return empty;
}

/**
 * Checks the manifests of the folders given to `npm run merge`: each one is a slice, all of one N,
 * each of 1…N exactly once. Returns the problems, as sentences.
 */
export function checkSliceSet(dirs: readonly string[], manifests: readonly (SliceManifest | undefined)[]): string[] {
  const problems: string[] = [];
  const seen = new Map<number, string>();
  let count: number | undefined;
  manifests.forEach((manifest, k) => {
    if (!manifest) {
      problems.push(`${dirs[k]} is not a slice (no ${SLICE_MANIFEST}; see npm run build -- --shard I/N).`);
      return;
    }
    const { index, count: n } = parseSlice(manifest.slice);
    count ??= n;
    if (n !== count) problems.push(`${dirs[k]} is slice ${manifest.slice}, but ${dirs[0]} is one of ${count}.`);
    const other = seen.get(index);
    if (other) problems.push(`${other} and ${dirs[k]} are both slice ${index}.`);
    seen.set(index, dirs[k]!);
  });
  if (count !== undefined && problems.length === 0)
    for (let i = 1; i <= count; i++) if (!seen.has(i)) problems.push(`slice ${i}/${count} is missing.`);
  return problems;
}

/**
 * What a slice's files are made of, as one hash per slice: the code (`codeHash`), the address the
 * site is published at, and for each of the slice's servers its file's bytes, its analysis and the
 * related tools its pages link to. A server's analysis and related tools depend on other servers
 * (the classifier reads the whole catalogue), so they are in the key as they come out rather than
 * the other files: a change elsewhere that alters what a slice's pages show changes its key too.
 */
export function sliceKeys(
  catalogue: Catalogue,
  servers: readonly AnalysedServer[],
  count: number,
  context: string,
): string[] {
  const related = relatedTools(servers);
  const hashes = Array.from({ length: count }, () => createHash('sha256').update(context).update(`\0${count}`));
  catalogue.servers.forEach((file, k) => {
    const server = servers[k]!;
    const links = server.tools.map((tool) =>
      (related.get(tool) ?? []).map((r) => [
        r.server.slug,
        r.server.title,
        r.tool.slug,
        r.tool.tool.name,
        r.tool.classification.risk,
      ]),
    );
    hashes[sliceOf(file.slug, count) - 1]!.update(`\0${file.slug}\0`)
      .update(readFileSync(join(catalogue.dir, file.file)))
      .update(JSON.stringify(server))
      .update(JSON.stringify(links));
  });
  return hashes.map((h) => h.digest('hex'));
}

/** The project files a build's output depends on, beyond the catalogue: for `sliceKeys`. */
const CODE = ['src', 'public', 'content/attacks', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** A hash of the code, the site address and whether the catalogue is the bundled sample (pages say so). */
export function buildContext(root: string, site: string, sample: boolean): string {
  const hash = createHash('sha256').update(`${site}\0${sample}`);
  for (const top of CODE) {
    const path = join(root, top);
    if (!existsSync(path)) continue;
    const files = lstatSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, encoding: 'utf8' })
          .map((p) => join(top, p))
          .filter((p) => lstatSync(join(root, p)).isFile())
          .sort()
      : [top];
    for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(join(root, file)));
  }
  return hash.digest('hex');
}
