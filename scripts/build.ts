/**
 * `npm run build [-- --outDir DIR] [--shards N]`: the site and its search index.
 *
 * 1. One `astro build` per core (at most 4; `--shards N` to choose) validates and
 *    classifies the whole catalogue and renders its share of the pages (src/build/shards.ts).
 *    Astro renders on one thread, so this is what puts the other cores to work.
 *    Process 0 also writes the search records to a temporary folder (in memory,
 *    src/build/search-index.ts) before it renders; once the others are done it
 *    moves their pages into DIR, writes the sitemap and checks that nothing was lost.
 * 2. This process (which never loads the catalogue) has Pagefind read the records
 *    once only process 0 is left, and build and write the index into DIR/pagefind
 *    once it has exited.
 *
 * Astro's processes, Pagefind reading and Pagefind writing (its memory peak: about
 * 2.4 GB at 50,000 tools, BENCHMARKS.md) come one after the other, so their memory
 * never adds up. Any other arguments go to `astro build` unchanged.
 *
 * Across machines: `--shard I/N` builds only the I-th of N slices of the catalogue (the pages and
 * API files of the servers whose slug hashes to it; src/build/shards.ts) into DIR, for `npm run
 * merge` (scripts/merge.ts) to assemble. `--shards-cache DIR [--slices N]` keeps N slices in
 * DIR/<I>-of-<N>/: the build renders the pages that list across the catalogue and only the slices
 * whose inputs changed, and takes the others from DIR (src/build/shards.ts, `CachedPart`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { CACHE_ENV, RECORDS_DIR_ENV, SHARD_ENV, SHARDS_DIR_ENV, SLICE_ENV } from '../src/build/env.ts';
import { readSearchRecords, RECORDS_COMPLETE, recordsFolder, type PendingIndex } from '../src/build/search-index.ts';
import { cachedKeys, hasReported, hasStarted, parseSlice, shardOutDir, SLICE_MANIFEST } from '../src/build/shards.ts';
import {
  countPages,
  filesPhrase,
  lineSplitter,
  meaningful,
  parseLine,
  phaseLine,
  phaseOf,
  seconds,
  type Phase,
} from './lib/build-log.ts';
import { cacheSummary, DEFAULT_SLICES } from './lib/shards-cache.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    outDir: { type: 'string' },
    shards: { type: 'string' },
    shard: { type: 'string' },
    'shards-cache': { type: 'string' },
    slices: { type: 'string' },
  },
  strict: false,
});
/** A mistake on the command line: said in one line, without a stack trace. */
function usage(message: string): never {
  console.error(message);
  process.exit(2);
}
const shards = values.shards === undefined ? Math.min(availableParallelism(), 4) : Number(values.shards);
if (!Number.isInteger(shards) || shards < 1) usage(`--shards must be a whole number from 1, not ${values.shards}.`);
let slice: string | undefined;
if (values.shard !== undefined) {
  try {
    const { index, count } = parseSlice(String(values.shard));
    slice = `${index}/${count}`;
  } catch (error) {
    usage((error as Error).message);
  }
}
let cache: { dir: string; count: number } | undefined;
if (values['shards-cache'] !== undefined) {
  if (slice) usage('--shard builds one slice, --shards-cache all of them: give one or the other.');
  if (typeof values['shards-cache'] !== 'string') usage('--shards-cache needs a folder.');
  const count = values.slices === undefined ? DEFAULT_SLICES : Number(values.slices);
  if (!Number.isInteger(count) || count < 1) usage(`--slices must be a whole number from 1, not ${values.slices}.`);
  cache = { dir: resolve(values['shards-cache']), count };
  mkdirSync(cache.dir, { recursive: true });
} else if (values.slices !== undefined) usage('--slices goes with --shards-cache DIR.');
const cachedBefore = cache && cachedKeys(cache.dir, cache.count);
// What goes to astro build: everything but this script's own options (and, for processes 1…N-1, --outDir).
const ours = (arg: string, name: string) => arg === `--${name}` || arg.startsWith(`--${name}=`);
function astroArgs(dropOutDir: boolean): string[] {
  const args = process.argv.slice(2);
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (
      ['shards', 'shard', 'shards-cache', 'slices'].some((name) => ours(arg, name)) ||
      (dropOutDir && ours(arg, 'outDir'))
    ) {
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

/**
 * The last build's files. They are moved out of the output folder at once (a rename per top-level
 * entry, into a folder beside it) and removed by this process while Astro works, once process 0 has
 * found the catalogue valid: Astro would otherwise unlink them one by one before it bundles, in
 * process 0's path (8.3 s of a 20,000-tool rebuild's 60 s; BENCHMARKS.md). A build that fails before
 * that (a broken catalogue) puts them back, as Astro leaves the folder alone then. Where a rename
 * fails (another file system, no permission), what is left is emptied by Astro, as before.
 */
const previous = (() => {
  let entries: string[];
  let aside: string;
  try {
    entries = readdirSync(outDir);
    if (entries.length === 0) return undefined;
    aside = mkdtempSync(join(dirname(outDir), `.${basename(outDir)}-previous-`));
  } catch {
    return undefined;
  }
  try {
    for (const name of entries) renameSync(join(outDir, name), join(aside, name));
  } catch {
    // the rest stays for Astro to empty
  }
  return aside;
})();
let removing: Promise<void> | undefined;
let built = false;
function removePrevious(): void {
  if (previous) removing ??= rm(previous, { recursive: true, force: true });
}
function restorePrevious(): void {
  if (!previous || removing) return;
  for (const name of readdirSync(previous))
    if (!existsSync(join(outDir, name))) renameSync(join(previous, name), join(outDir, name));
  rmSync(previous, { recursive: true, force: true });
}
// Inside the project, next to Astro's cache: Astro puts a process's server bundle in its output folder
// only when that folder is inside the project, so the processes' bundles never meet.
const shared = shards > 1 ? mkdtempSync(join(ROOT, 'node_modules', '.build-shards-')) : '';
const started = performance.now();
let reading: Promise<PendingIndex> | undefined;

// What this script prints (scripts/lib/build-log.ts): a line per phase, a progress line only on a
// terminal (a log file or CI gets plain lines), and of Astro's own log only its warnings and errors.
const tty = process.stdout.isTTY === true;
let progress = '';
let pages = 0;
function print(line: string, stream: NodeJS.WriteStream = process.stdout): void {
  if (progress) process.stdout.write('\r\x1b[K');
  stream.write(`${line}\n`);
  if (progress) process.stdout.write(progress);
}
const phase = (p: Phase) => print(phaseLine(p, performance.now() - started));
let renderingSince: number | undefined;
const ticker = tty
  ? setInterval(() => {
      if (renderingSince === undefined) return;
      progress = `Rendering pages: ${pages.toLocaleString('en-US')} so far (${seconds(performance.now() - renderingSince)})`;
      process.stdout.write(`\r\x1b[K${progress}`);
    }, 200)
  : undefined;
ticker?.unref();

function stopProgress(): void {
  clearInterval(ticker);
  renderingSince = undefined;
  if (progress) process.stdout.write('\r\x1b[K');
  progress = '';
}
let errorShown = false;

// Astro's `site` (astro.config.mjs) falls back to the development server's address without SITE_URL:
// a site built so would point its canonical URLs and sitemap there. Said once, not a failure: a
// build to look at locally needs no address (README, "Build from your own catalogue").
if (!process.env.SITE_URL)
  print(
    'Warning: SITE_URL is not set, so canonical URLs and the sitemap point at http://localhost:4321; ' +
      'set it to the address the site will be published at.',
    process.stderr,
  );

/** The files a build wrote, as a visitor sees them: HTML pages and the rest (JSON, XML, CSS…), not Astro's bundles or the index. */
function countFiles(dir: string): { html: number; other: number } {
  let html = 0;
  let other = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
    if (path.startsWith('pagefind/') || path.startsWith('_astro/') || entry.name === SLICE_MANIFEST) continue;
    if (entry.name.endsWith('.html')) html++;
    else other++;
  }
  return { html, other };
}

interface Build {
  child: ChildProcess;
  status?: number;
  exited: Promise<number>;
  /** Everything it printed but the page list (kept whole for process 0, the end for the others), shown if it fails. */
  log: string[];
  /** How it ended, for the message when it fails. */
  ending?: string;
}

/** Reads a process's log: counts its pages, and for process 0 prints the phases and the warnings. */
function follow(build: Build, index: number): (line: string) => void {
  // A warning's or an error's lines that follow it (a code frame, a list of problems) go with it.
  let showing = false;
  return (text) => {
    const rendered = countPages(text);
    if (rendered > 0) {
      renderingSince ??= performance.now();
      pages += rendered;
      return;
    }
    build.log.push(text);
    if (index > 0 && build.log.length > 400) build.log.shift();
    // The helpers' warnings are process 0's too: each is shown once.
    if (index > 0) return;
    const line = parseLine(text);
    if (line.level === 'none') {
      if (showing) print(text, process.stderr);
      return;
    }
    showing = (line.level === 'warn' || line.level === 'error') && meaningful(line);
    if (line.level === 'error') errorShown = true;
    if (showing) print(`${line.level === 'warn' ? 'Warning' : 'Error'} [${line.label}] ${line.text}`, process.stderr);
    const p = phaseOf(line, ROOT);
    if (!p) return;
    if (p.label === 'Catalogue') removePrevious();
    phase(p);
  };
}

/**
 * How each `astro build` process collects garbage (docs/architecture.md, "How a build runs"). Astro
 * turns every page into an ArrayBuffer, and by default V8 starts a full collection each time such
 * memory outside its heap has grown by a fixed amount (about every 1,300 pages here), whatever the
 * heap's size. Each collection marks the whole analysed catalogue again, so the collector's share
 * grew with the catalogue (8 % of the time at 20,000 tools, 23 % at 125,000; BENCHMARKS.md). The
 * first flag counts that memory in V8's own limit, which grows with what is live; the second sets
 * that limit at 1.5 times what is live, the memory this trades for time.
 */
const ASTRO_NODE_FLAGS = ['--external-memory-accounted-in-global-limit', '--heap-growing-percent=50'];

function astroBuild(index: number): Build {
  const helper = index > 0;
  const args = helper ? [...astroArgs(true), '--outDir', shardOutDir(shared, index)] : astroArgs(false);
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const child = spawn(process.execPath, [...ASTRO_NODE_FLAGS, astro, 'build', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      [SHARD_ENV]: `${index}/${shards}`,
      ...(slice ? { [SLICE_ENV]: slice } : {}),
      ...(cache ? { [CACHE_ENV]: JSON.stringify(cache) } : {}),
      ...(shared ? { [SHARDS_DIR_ENV]: shared } : {}),
      ...(helper ? {} : { [RECORDS_DIR_ENV]: records }),
    },
  });
  const build: Build = {
    child,
    log: [],
    exited: new Promise<number>((done) =>
      child.on('close', (code, signal) => {
        build.ending = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
        done((build.status = code ?? 1));
      }),
    ),
  };
  const onLine = follow(build, index);
  for (const stream of [child.stdout, child.stderr]) {
    const lines = lineSplitter(onLine);
    stream.setEncoding('utf8').on('data', lines.push).on('end', lines.end);
  }
  return build;
}

const builds: Build[] = [];
const running = () => builds.filter((b) => b.status === undefined);
// A process other than 0 that exits without reporting its pages has failed too: process 0 would wait for them.
const failed = () =>
  builds.find((b, k) => b.status !== undefined && (b.status !== 0 || (k > 0 && !hasReported(shared, k))));

/** The records and the processes' scratch folder: gone however the build ends. */
function removeScratch(): void {
  rmSync(records, { recursive: true, force: true });
  if (shared) rmSync(shared, { recursive: true, force: true });
}

// Stopped from outside (Ctrl-C, a CI job's deadline): stop Astro's processes, which would go on
// rendering, and remove the records, which live in memory (/dev/shm, about 1 GB at 250,000 tools)
// and would stay there until the machine restarts. The usual exit code for a signal.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.once(signal, () => {
    for (const b of running()) b.child.kill(signal);
    removeScratch();
    if (removing) rmSync(previous!, { recursive: true, force: true });
    else restorePrevious();
    console.error(`\nStopped by ${signal}: removed the search records and the build processes' scratch folder.`);
    process.exit(code);
  });

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
    stopProgress();
    // Process 0's errors are on the terminal already (all of its log, if it failed without saying
    // why); another's log is shown when it failed first.
    if (first.status !== 0 && first.ending?.startsWith('exited') && !errorShown)
      process.stderr.write(`${first.log.join('\n')}\n`);
    if (failure !== first && !(first.status !== 0 && first.ending?.startsWith('exited'))) {
      process.stderr.write(`${failure.log.join('\n')}\n`);
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
    // A slice writes no search records: the merge indexes the whole catalogue's.
    if (!reading && !slice) throw new Error('astro build wrote no search records.');
    const rendered = performance.now();
    stopProgress();
    const written = countFiles(outDir);
    print(
      phaseLine(
        {
          label: 'Pages',
          text: `${filesPhrase(written.html, written.other)} by ${builds.length} astro build process${builds.length === 1 ? '' : 'es'}`,
        },
        rendered - started,
      ),
    );
    if (reading) {
      const index = await reading;
      // Pagefind holds what it read: the records (about 1 GB of memory at 250,000 tools, in /dev/shm)
      // go before it writes the index, its memory peak (BENCHMARKS.md).
      rmSync(records, { recursive: true, force: true });
      await index.write(join(outDir, 'pagefind'));
      const done = performance.now();
      // The benchmark (scripts/bench.ts) reads this line.
      console.log(
        `Pagefind indexed ${index.pages} search records, writing the index ${((done - rendered) / 1000).toFixed(1)} s ` +
          `after Astro finished; site and index written in ${((done - started) / 1000).toFixed(1)} s ` +
          `by ${builds.length} astro build process(es).`,
      );
    } else console.log(`Slice ${slice} written to ${outDir} in ${((rendered - started) / 1000).toFixed(1)} s.`);
    // scripts/bench.ts and test/build/shards.test.ts read this line.
    if (cache) console.log(cacheSummary(cachedBefore!, cachedKeys(cache.dir, cache.count)));
    built = true;
  }
} catch (error) {
  stopProgress();
  for (const b of running()) b.child.kill();
  await reading?.then((index) => index.close()).catch(() => {});
  throw error;
} finally {
  removeScratch();
  // A failed build whose processes never found the catalogue valid had not begun removing them.
  if (built) removePrevious();
  else restorePrevious();
  await removing;
}
