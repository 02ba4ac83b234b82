/**
 * `npm run build [-- --outDir DIR]`: the site, then its search index, each in its
 * own process.
 *
 * 1. `astro build` validates the catalogue, renders every page and the API, checks
 *    that nothing was lost, and writes the search records to a temporary folder.
 * 2. Once Astro has exited, this process (which never loads the catalogue) has
 *    Pagefind index those records into DIR/pagefind.
 *
 * Two stages rather than one because Pagefind's memory peaks while it writes the
 * index: at 50,000 tools about 2 GB, on top of Astro's 2 GB had both lived at once
 * (BENCHMARKS.md). Any other arguments go to `astro build` unchanged.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { indexSearchRecords, RECORDS_DIR_ENV } from '../src/core/search-index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const { values } = parseArgs({ args, options: { outDir: { type: 'string' } }, strict: false });
// Astro's default output folder; astro.config.mjs does not change it.
const outDir = resolve(ROOT, typeof values.outDir === 'string' ? values.outDir : 'dist');
const records = mkdtempSync(join(tmpdir(), 'mcp-search-records-'));

try {
  const started = performance.now();
  const astro = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, [RECORDS_DIR_ENV]: records },
  });
  if (astro.status !== 0) process.exitCode = astro.status ?? 1;
  else {
    const rendered = performance.now();
    const pages = await indexSearchRecords(records, join(outDir, 'pagefind'));
    const done = performance.now();
    // The benchmark (scripts/bench.ts) reads this line.
    console.log(
      `Pagefind indexed ${pages} search records in ${((done - rendered) / 1000).toFixed(1)} s; ` +
        `site and index written in ${((done - started) / 1000).toFixed(1)} s.`,
    );
  }
} finally {
  rmSync(records, { recursive: true, force: true });
}
