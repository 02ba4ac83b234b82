/**
 * `npm run build [-- --outDir DIR] [--shards N]`: the site and its search index.
 *
 * 1. One `astro build` per core (at most 4; `--shards N` to choose) validates and
 *    classifies the whole catalogue and renders its share of the pages (src/core/shards.ts).
 *    Astro renders on one thread, so this is what puts the other cores to work.
 *    Process 0 also writes the search records to a temporary folder (in memory,
 *    src/core/search-index.ts) before it renders; once the others are done it
 *    moves their pages into DIR, writes the sitemap and checks that nothing was lost.
 * 2. This process (which never loads the catalogue) has Pagefind read the records
 *    once only process 0 is left, and build and write the index into DIR/pagefind
 *    once it has exited.
 *
 * Astro's processes, Pagefind reading and Pagefind writing (its memory peak: about
 * 2.4 GB at 50,000 tools, BENCHMARKS.md) come one after the other, so their memory
 * never adds up. Any other arguments go to `astro build` unchanged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { RECORDS_DIR_ENV, SHARD_ENV, SHARDS_DIR_ENV } from '../src/core/build-env.ts';
import { readSearchRecords, RECORDS_COMPLETE, recordsFolder, type PendingIndex } from '../src/core/search-index.ts';
import { hasReported, hasStarted, shardOutDir } from '../src/core/shards.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { outDir: { type: 'string' }, shards: { type: 'string' } },
  strict: false,
});
const shards = values.shards === undefined ? Math.min(availableParallelism(), 4) : Number(values.shards);
if (!Number.isInteger(shards) || shards < 1)
  throw new Error(`--shards must be a whole number from 1, not ${values.shards}`);
// What goes to astro build: everything but this script's own options (and, for processes 1…N-1, --outDir).
const ours = (arg: string, name: string) => arg === `--${name}` || arg.startsWith(`--${name}=`);
function astroArgs(dropOutDir: boolean): string[] {
  const args = process.argv.slice(2);
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (ours(arg, 'shards') || (dropOutDir && ours(arg, 'outDir'))) {
      if (!arg.includes('=')) i++; // and its value
      continue;
    }
    kept.push(arg);
  }
  return kept;
}
// Astro's default output folder; astro.config.mjs does not change it.
const outDir = resolve(ROOT, typeof values.outDir === 'string' ? values.outDir : 'dist');
const records = recordsFolder();
// Inside the project, next to Astro's cache: Astro puts a process's server bundle in its output folder
// only when that folder is inside the project, so the processes' bundles never meet.
const shared = shards > 1 ? mkdtempSync(join(ROOT, 'node_modules', '.build-shards-')) : '';
const started = performance.now();
let reading: Promise<PendingIndex> | undefined;

interface Build {
  child: ChildProcess;
  status?: number;
  exited: Promise<number>;
  /** The end of a helper's log (only process 0's goes to the terminal), shown if it fails. */
  tail: string[];
  /** How it ended, for the message when it fails. */
  ending?: string;
}

function astroBuild(index: number): Build {
  const helper = index > 0;
  const args = helper ? [...astroArgs(true), '--outDir', shardOutDir(shared, index)] : astroArgs(false);
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...args], {
    cwd: ROOT,
    stdio: helper ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: {
      ...process.env,
      [SHARD_ENV]: `${index}/${shards}`,
      ...(shared ? { [SHARDS_DIR_ENV]: shared } : {}),
      ...(helper ? {} : { [RECORDS_DIR_ENV]: records }),
    },
  });
  const build: Build = {
    child,
    tail: [],
    exited: new Promise<number>((done) =>
      child.on('close', (code, signal) => {
        build.ending = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
        done((build.status = code ?? 1));
      }),
    ),
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8').on('data', (text: string) => {
      build.tail.push(text);
      if (build.tail.length > 200) build.tail.shift();
    });
  }
  return build;
}

const builds: Build[] = [];
const running = () => builds.filter((b) => b.status === undefined);
// A process other than 0 that exits without reporting its pages has failed too: process 0 would wait for them.
const failed = () =>
  builds.find((b, k) => b.status !== undefined && (b.status !== 0 || (k > 0 && !hasReported(shared, k))));

try {
  // All at once: each process loads and checks the catalogue, then (src/integrations/shards.ts) waits
  // for the one before it to sync Astro's content files before syncing its own.
  for (let k = 0; k < shards; k++) builds.push(astroBuild(k));
  // Pagefind reads the records (about 700 MB at 50,000 tools) once only process 0 is left.
  while (!failed() && running().length > 0) {
    if (!reading && existsSync(join(records, RECORDS_COMPLETE)) && running().every((b) => b === builds[0])) {
      reading = readSearchRecords(records);
      reading.catch(() => {}); // reported below, once Astro is done
    }
    await sleep(100);
  }
  const failure = failed();
  if (failure) {
    const first = builds[0]!;
    // While process 0 is still checking the catalogue, let it finish: a broken catalogue is then
    // reported once, by process 0, whichever process noticed first.
    while (shared && first.status === undefined && !hasStarted(shared, 0)) await sleep(100);
    // The others would wait on the failed process (process 0) or work for nothing.
    for (const b of running()) b.child.kill();
    await Promise.all(builds.map((b) => b.exited));
    // Process 0's log is on the terminal already; another's is shown when it failed first.
    if (failure !== first && !(first.status !== 0 && first.ending?.startsWith('exited'))) {
      process.stderr.write(failure.tail.join(''));
      const why = failure.status === 0 ? 'exited without reporting its pages' : failure.ending;
      console.error(
        `\nastro build process ${builds.indexOf(failure)} of ${shards} ${why}; the end of its log is above.`,
      );
    }
    process.exitCode = failure.status || 1;
    // Astro failed after writing the records: stop Pagefind, or its process keeps this one alive.
    await reading?.then((index) => index.close()).catch(() => {});
  } else {
    reading ??= existsSync(join(records, RECORDS_COMPLETE)) ? readSearchRecords(records) : undefined;
    if (!reading) throw new Error('astro build wrote no search records.');
    const rendered = performance.now();
    const index = await reading;
    await index.write(join(outDir, 'pagefind'));
    const done = performance.now();
    // The benchmark (scripts/bench.ts) reads this line.
    console.log(
      `Pagefind indexed ${index.pages} search records, writing the index ${((done - rendered) / 1000).toFixed(1)} s ` +
        `after Astro finished; site and index written in ${((done - started) / 1000).toFixed(1)} s ` +
        `by ${builds.length} astro build process(es).`,
    );
  }
} catch (error) {
  for (const b of running()) b.child.kill();
  await reading?.then((index) => index.close()).catch(() => {});
  throw error;
} finally {
  rmSync(records, { recursive: true, force: true });
  if (shared) rmSync(shared, { recursive: true, force: true });
}
