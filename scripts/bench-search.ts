/**
 * `npm run bench:search -- --dist DIR [--query "flux edit"]`: serves a built site
 * and measures, in Debian's Chromium, what the first search costs a visitor: the
 * bytes downloaded from the first keystroke in the header box until the first
 * results show, and the time from the last keystroke to the results.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    query: { type: 'string', default: 'send email' },
    runs: { type: 'string', default: '5' },
  },
});
const dist = resolve(values.dist);

const port = await new Promise<number>((done) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => done(p));
  });
});
const bin = join(ROOT, 'node_modules/.bin');
const server = spawn(join(bin, 'astro'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--outDir', dist], {
  cwd: ROOT,
  env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    if (i > 100) throw new Error('astro preview did not start');
  }
  await new Promise((r) => setTimeout(r, 200));
}

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
      sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)),
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
  server.kill();
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
