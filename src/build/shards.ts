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
 */
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARD_ENV, SHARDS_DIR_ENV } from './env.ts';

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

/** The paths of a dynamic route (`getStaticPaths`) this process renders. */
export function ownShare<T extends { params: Record<string, string | number | undefined> }>(
  paths: readonly T[],
  shard: Shard = currentShard(),
): T[] {
  return shard.count === 1 ? [...paths] : paths.filter((p) => shardOf(p.params, shard.count) === shard.index);
}

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
 * Moves everything under `from` into `to`. What only `from` has is moved (a whole
 * folder in one rename where `to` lacks it). A file both have must have the same
 * bytes: the pages and assets every process writes. Throws naming the first file
 * that differs.
 */
export function mergeInto(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (!existsSync(target)) move(source, target);
    else if (entry.isDirectory() && lstatSync(target).isDirectory()) mergeInto(source, target);
    else if (!readFileSync(source).equals(readFileSync(target)))
      throw new Error(`Two build processes wrote different versions of ${target} (the other is ${source}).`);
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
