/**
 * `npm run build [-- --outDir DIR] [--incremental]`: the site and its search index.
 * With `--incremental`, Astro keeps a copy of every page in its cache folder
 * (node_modules/.astro) and, on the next incremental build, copies the pages whose
 * data and code are unchanged instead of rendering them again.
 *
 * 1. `astro build` validates the catalogue, writes the search records to a
 *    temporary folder, renders every page and the API, and checks that nothing
 *    was lost.
 * 2. Meanwhile this process (which never loads the catalogue) has Pagefind read
 *    the records on the second core; once Astro has exited it builds and writes
 *    the index into DIR/pagefind.
 *
 * Writing the index is when Pagefind needs the most memory (about 2 GB at 50,000
 * tools, BENCHMARKS.md); waiting for Astro to exit keeps that from adding to
 * Astro's own. Any other arguments go to `astro build` unchanged.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { INCREMENTAL_ENV, RECORDS_DIR_ENV } from '../src/core/build-env.ts';
import { readSearchRecords, RECORDS_COMPLETE, type PendingIndex } from '../src/core/search-index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { outDir: { type: 'string' }, incremental: { type: 'boolean' } },
  strict: false,
});
const args = process.argv.slice(2).filter((arg) => arg !== '--incremental');
// Astro's default output folder; astro.config.mjs does not change it.
const outDir = resolve(ROOT, typeof values.outDir === 'string' ? values.outDir : 'dist');
const records = mkdtempSync(join(tmpdir(), 'mcp-search-records-'));
const started = performance.now();
let reading: Promise<PendingIndex> | undefined;

try {
  const astro = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      [RECORDS_DIR_ENV]: records,
      ...(values.incremental ? { [INCREMENTAL_ENV]: '1' } : {}),
    },
  });
  let status: number | undefined;
  const exited = new Promise<number>((done) => astro.on('close', (code) => done((status = code ?? 1))));
  // The records are written before Astro renders a page; read them while it does.
  while (status === undefined && !existsSync(join(records, RECORDS_COMPLETE))) await sleep(100);
  if (existsSync(join(records, RECORDS_COMPLETE))) {
    reading = readSearchRecords(records);
    reading.catch(() => {}); // reported below, once Astro is done
  }
  if ((await exited) !== 0) {
    process.exitCode = status;
    // Astro failed after writing the records: stop Pagefind, or its process keeps this one alive.
    await reading?.then((index) => index.close()).catch(() => {});
  } else if (!reading) throw new Error('astro build wrote no search records.');
  else {
    const rendered = performance.now();
    const index = await reading;
    await index.write(join(outDir, 'pagefind'));
    const done = performance.now();
    // The benchmark (scripts/bench.ts) reads this line.
    console.log(
      `Pagefind indexed ${index.pages} search records, writing the index ${((done - rendered) / 1000).toFixed(1)} s ` +
        `after Astro finished; site and index written in ${((done - started) / 1000).toFixed(1)} s.`,
    );
  }
} catch (error) {
  await reading?.then((index) => index.close()).catch(() => {});
  throw error;
} finally {
  rmSync(records, { recursive: true, force: true });
}
