/**
 * `npm run bench:search -- --dist DIR [--query "flux edit"]`: serves a built site
 * and measures, in Debian's Chromium, what the first search costs a visitor: the
 * bytes downloaded from the first keystroke in the header box until the first
 * results show, and the time from the last keystroke to the results.
 *
 * `--breakdown` lists what the first run downloaded, file by file.
 *
 * `npm run bench:search -- --quality [--set tuning|held-out] [--verbose] [--catalogue DIR --queries FILE]`
 * measures instead whether search finds the page a query means (scripts/lib/search-quality.ts),
 * on the tuning set and the held-out set (both unless `--set` picks one).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';
import { QUALITY_SETS, report, runQuality, type QualitySet } from './lib/search-quality.ts';
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
  },
});
if (values.quality) {
  const own = !values.catalogue && !values.queries;
  const sets = values.set ? [values.set] : own ? Object.keys(QUALITY_SETS) : ['tuning'];
  for (const set of sets) {
    if (!Object.hasOwn(QUALITY_SETS, set))
      throw new Error(`--set must be one of ${Object.keys(QUALITY_SETS).join(', ')}`);
    const outcomes = await runQuality({ set: set as QualitySet, catalogue: values.catalogue, queries: values.queries });
    console.log(own ? `${set} set:` : 'your catalogue:');
    for (const line of report(outcomes, values.verbose)) console.log(`  ${line}`);
  }
  process.exit(0);
}
const dist = resolve(values.dist);

// A plain static server: the same files a host would serve (and no clash with an `astro preview` running).
const { server, base } = await serveStatic(dist);

const pages = readdirSync(join(dist, 'tools'), { recursive: true, encoding: 'utf8' }).filter((p) =>
  p.endsWith('index.html'),
).length;
const indexBytes = readdirSync(join(dist, 'pagefind'), { recursive: true, encoding: 'utf8' }).reduce((n, p) => {
  const s = statSync(join(dist, 'pagefind', p));
  return n + (s.isFile() ? s.size : 0);
}, 0);
const browser = await launchChromium();
const bytes: number[] = [];
const times: number[] = [];
try {
  for (let run = 0; run < Number(values.runs); run++) {
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
          if (values.breakdown && run === 0)
            console.log(`  ${(size / 1024).toFixed(1).padStart(6)} KB ${request.url()}`);
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
      { polling: 'raf' },
    );
    times.push(Date.now() - lastKey);
    await page.waitForTimeout(300);
    bytes.push((await Promise.all(sizes)).reduce((a, b) => a + b, 0));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `site: ${pages.toLocaleString('en-US')} tool pages, Pagefind index ${(indexBytes / 1024 / 1024).toFixed(1)} MB on disk`,
);
console.log(`query "${values.query}", ${values.runs} first visits`);
console.log(
  `bytes downloaded for the first query: median ${(median(bytes) / 1024).toFixed(1)} KB (min ${(Math.min(...bytes) / 1024).toFixed(1)}, max ${(Math.max(...bytes) / 1024).toFixed(1)})`,
);
console.log(
  `first results after the last keystroke: median ${median(times)} ms (min ${Math.min(...times)}, max ${Math.max(...times)})`,
);
