/**
 * `npm run bench:search -- --dist DIR [--query "flux edit"] [--runs N] [--breakdown]`: serves a
 * built site and measures, in Debian's Chromium, what the first search costs a visitor: the
 * bytes downloaded from the first keystroke in the header box until the first results show,
 * and the time from the last keystroke to the results. `--breakdown` lists what the first
 * run downloaded, file by file.
 *
 * `npm run bench:search -- --tools N [--shell DIR] [--keep]` measures the same on a synthetic
 * catalogue of N tools (`npm run fixture`, seed 1, N/10 servers) without building its pages:
 * the search index and vocabulary are written as the build writes them
 * (scripts/lib/search-quality.ts), into a copy of the pages and scripts of a built site
 * (`--shell`, default `dist`), whose search code is the same for any catalogue. That is how the
 * figures at 250,000 tools are taken, a size whose whole build does not fit this machine.
 *
 * `npm run bench:search -- --quality [--set tuning|held-out] [--verbose] [--catalogue DIR --queries FILE]`
 * measures instead whether search finds the page a query means (scripts/lib/search-quality.ts),
 * on the tuning set and the held-out set (both unless `--set` picks one).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';
import { fixtureFiles } from './lib/fixture.ts';
import { buildSearchIndex, QUALITY_SETS, report, runQuality, type QualitySet } from './lib/search-quality.ts';
import { serveStatic } from './lib/static-server.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    query: { type: 'string', default: 'send email' },
    runs: { type: 'string', default: '5' },
    quality: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    catalogue: { type: 'string' },
    queries: { type: 'string' },
    set: { type: 'string' },
    breakdown: { type: 'boolean', default: false },
    tools: { type: 'string' },
    shell: { type: 'string', default: 'dist' },
    keep: { type: 'boolean', default: false },
  },
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function quality(): Promise<void> {
  const own = !values.catalogue && !values.queries;
  const sets = values.set ? [values.set] : own ? Object.keys(QUALITY_SETS) : ['tuning'];
  for (const set of sets) {
    if (!Object.hasOwn(QUALITY_SETS, set))
      throw new Error(`--set must be one of ${Object.keys(QUALITY_SETS).join(', ')}`);
    const outcomes = await runQuality({ set: set as QualitySet, catalogue: values.catalogue, queries: values.queries });
    console.log(own ? `${set} set:` : 'your catalogue:');
    for (const line of report(outcomes, values.verbose)) console.log(`  ${line}`);
  }
}

/** A site for `--tools N`: a built site's pages and scripts, with the index of a synthetic catalogue. */
async function syntheticSite(tools: number): Promise<{ site: string; work: string; tools: number }> {
  const work = mkdtempSync(join(tmpdir(), 'bench-search-'));
  const catalogue = join(work, 'catalogue');
  const site = join(work, 'site');
  mkdirSync(catalogue);
  for (const [name, text] of fixtureFiles({ servers: Math.max(1, Math.round(tools / 10)), tools, seed: 1 }))
    writeFileSync(join(catalogue, name), text);
  const shell = resolve(values.shell!);
  for (const entry of ['index.html', '404.html', '_astro', 'favicon.svg', 'code-colors.css'])
    cpSync(join(shell, entry), join(site, entry), { recursive: true });
  const started = performance.now();
  const figures = await buildSearchIndex(catalogue, site);
  rmSync(catalogue, { recursive: true, force: true });
  console.log(
    `indexed ${figures.records.toLocaleString('en-US')} records in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `vocabulary: ${figures.words.toLocaleString('en-US')} words, ${kb(figures.vocabularyBytes)} in all, largest part ${kb(figures.largestPart)}`,
  );
  return { site, work, tools: figures.tools };
}

/** Bytes of every file under `dir`. */
const folderBytes = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((n, p) => {
    const s = statSync(join(dir, p));
    return n + (s.isFile() ? s.size : 0);
  }, 0);

/** One first visit: types the query into the header box; the bytes from the first keystroke and the time from the last. */
async function firstSearch(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  base: string,
  run: number,
): Promise<{ bytes: number; ms: number }> {
  // A fresh context each run: an empty cache, as for a first visit.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.waitForLoadState('networkidle');
  // Playwright sees the requests of Pagefind's web worker too (a page's CDP session does not).
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) =>
    sizes.push(
      request.sizes().then((s) => {
        const size = s.responseBodySize + s.responseHeadersSize;
        if (values.breakdown && run === 0) console.log(`  ${kb(size).padStart(9)} ${new URL(request.url()).pathname}`);
        return size;
      }),
    ),
  );
  await page.locator('#site-search-q').click();
  const query = values.query!;
  await page.keyboard.type(query.slice(0, -1), { delay: 60 });
  const lastKey = Date.now();
  await page.keyboard.type(query.slice(-1));
  // The results of the whole query, not those of a prefix still on screen.
  await page.waitForFunction(
    (q) => document.querySelector('.search-popup-status')?.textContent?.includes(`for “${q}”`),
    query,
    // At 250,000 tools the first search downloads about 2 MB: more than Playwright's 30 s default on a busy machine.
    { polling: 'raf', timeout: 180_000 },
  );
  const ms = Date.now() - lastKey;
  await page.waitForTimeout(300);
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return { bytes, ms };
}

async function firstSearches(): Promise<void> {
  const synthetic = values.tools ? await syntheticSite(Number(values.tools)) : undefined;
  const dist = synthetic?.site ?? resolve(values.dist);
  // A plain static server: the same files a host would serve (and no clash with an `astro preview` running).
  const { server, base } = await serveStatic(dist);
  // A site `--tools` wrote has no tool pages: it says how many records its index has.
  const pages = synthetic
    ? `${synthetic.tools.toLocaleString('en-US')} tools`
    : existsSync(join(dist, 'tools'))
      ? `${readdirSync(join(dist, 'tools'), { recursive: true, encoding: 'utf8' })
          .filter((p) => p.endsWith('index.html'))
          .length.toLocaleString('en-US')} tool pages`
      : `${readdirSync(join(dist, 'pagefind', 'fragment')).length.toLocaleString('en-US')} search records`;
  const index = folderBytes(join(dist, 'pagefind'));
  const browser = await launchChromium();
  const runs: { bytes: number; ms: number }[] = [];
  try {
    for (let run = 0; run < Number(values.runs); run++) runs.push(await firstSearch(browser, base, run));
  } finally {
    await browser.close();
    server.close();
    if (synthetic && !values.keep) rmSync(synthetic.work, { recursive: true, force: true });
    else if (synthetic) console.log(`kept: ${synthetic.site}`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const bytes = runs.map((r) => r.bytes);
  const times = runs.map((r) => r.ms);
  console.log(`site: ${pages}, Pagefind index ${(index / 1024 / 1024).toFixed(1)} MB on disk`);
  console.log(`query "${values.query}", ${values.runs} first visits`);
  console.log(
    `bytes downloaded for the first query: median ${kb(median(bytes))} (min ${kb(Math.min(...bytes))}, max ${kb(Math.max(...bytes))})`,
  );
  console.log(
    `first results after the last keystroke: median ${median(times)} ms (min ${Math.min(...times)}, max ${Math.max(...times)})`,
  );
}

if (values.quality) await quality();
else await firstSearches();
