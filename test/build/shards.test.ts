/**
 * Builds across machines (src/build/shards.ts): three slices of a generated catalogue, built in
 * three folders and merged, are the site one build writes; the merged search finds a tool of each
 * slice; a sharded rebuild after one server changed renders that server's slice only, and a cached
 * build keeps slices the merge takes.
 */
import { readdirSync, readFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { fixtureFiles } from '../../scripts/lib/fixture.ts';
import { readManifest, sliceOf } from '../../src/build/shards.ts';
import { run } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'shards-build-'));
const catalogue = join(work, 'catalogue');
const cache = join(work, 'cache');
const slice = (i: number) => join(cache, `${i}-of-3`);
const env = { CATALOGUE_DIR: catalogue };
const BUILD = 600_000;

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

/** Both folders hold the same files with the same bytes (the Pagefind index included: same records, same index). */
function expectSameSite(actual: string, expected: string): void {
  const list = files(expected);
  expect(files(actual)).toEqual(list);
  const differ = list.filter((f) => !readFileSync(join(actual, f)).equals(readFileSync(join(expected, f))));
  expect(differ).toEqual([]);
}

function build(args: string[]) {
  const result = run('node', ['scripts/build.ts', ...args], env);
  expect(result.status, result.output).toBe(0);
  return result.output;
}

beforeAll(() => {
  mkdirSync(catalogue);
  for (const [name, text] of fixtureFiles({ servers: 24, tools: 240, seed: 7 }))
    writeFileSync(join(catalogue, name), text);
  build(['--shards', '1', '--outDir', join(work, 'single')]);
  for (const i of [1, 2, 3]) build(['--shard', `${i}/3`, '--outDir', slice(i)]);
  const merged = run('node', ['scripts/merge.ts', '--outDir', join(work, 'merged'), slice(1), slice(2), slice(3)], env);
  expect(merged.status, merged.output).toBe(0);
}, BUILD);
afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

test('each slice holds only its own servers: pages, policy files and API documents', () => {
  const servers = readdirSync(catalogue).map((f) => f.replace(/\.json$/, ''));
  for (const i of [1, 2, 3]) {
    const mine = servers.filter((s) => sliceOf(s, 3) === i).sort();
    expect(mine.length).toBeGreaterThan(0);
    expect(readdirSync(join(slice(i), 'tools')).sort()).toEqual(mine);
    expect(readdirSync(join(slice(i), 'servers')).sort()).toEqual(mine);
    expect(readdirSync(join(slice(i), 'api/servers')).sort()).toEqual(mine.map((s) => `${s}.json`));
    // Nothing that lists across the catalogue: the merge renders it.
    expect(readdirSync(slice(i)).sort()).toEqual(['.slice.json', '_astro', 'api', 'servers', 'tools']);
    expect(readManifest(slice(i))?.slice).toBe(`${i}/3`);
  }
});

test('three slices merged are the site a single build writes, byte for byte', () => {
  expectSameSite(join(work, 'merged'), join(work, 'single'));
});

describe('the merged search', () => {
  let server: Server;
  let browser: Browser;
  let base = '';
  const TYPES: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.wasm': 'application/wasm',
  };
  beforeAll(async () => {
    const root = join(work, 'merged');
    server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
      try {
        const body = readFileSync(file);
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test.each([1, 2, 3])('finds a tool of slice %i', async (i) => {
    const pathname = readManifest(slice(i))!.pages.find((p) => p.startsWith('tools/'))!;
    const [, serverSlug, toolSlug] = pathname.split('/');
    const api = JSON.parse(readFileSync(join(slice(i), 'api/servers', `${serverSlug}.json`), 'utf8')) as {
      tools: { slug: string; name: string }[];
    };
    const name = api.tools.find((t) => t.slug === toolSlug)!.name;
    const page = await browser.newPage();
    await page.goto(`${base}/search/?q=${encodeURIComponent(name)}`);
    const link = page.locator(`#search-results a.result-title[href="/${pathname}"]`);
    await link.waitFor({ timeout: 30_000 });
    expect(await link.textContent()).toBe(name);
    await page.close();
  });
});

test.each(['4/3', '0/3', 'x'])('--shard %s is refused in one line', (value) => {
  const { status, output } = run('node', ['scripts/build.ts', '--shard', value, '--outDir', join(work, 'bad')], env);
  expect(status).toBe(2);
  expect(output.trim()).toBe(
    `--shard takes I/N, the I-th of N slices of the catalogue, with 1 <= I <= N (for example 1/3); not "${value}".`,
  );
});

test('npm run merge refuses an incomplete or doubled set of slices', () => {
  const missing = run('node', ['scripts/merge.ts', '--outDir', join(work, 'bad'), slice(1), slice(3)], env);
  expect(missing.status).toBe(2);
  expect(missing.output).toContain('slice 2/3 is missing.');
  const twice = run('node', ['scripts/merge.ts', '--outDir', join(work, 'bad'), slice(1), slice(1), slice(3)], env);
  expect(twice.status).toBe(2);
  expect(twice.output).toContain(`${slice(1)} and ${slice(1)} are both slice 1.`);
});

test(
  'after one server changed, the sharded rebuild renders its slice only, and the site is the one a full build writes',
  () => {
    const file = readdirSync(catalogue).sort()[5]!;
    const data = JSON.parse(readFileSync(join(catalogue, file), 'utf8'));
    data.server.version = '99.0.0';
    writeFileSync(join(catalogue, file), JSON.stringify(data, null, 2));
    const changed = sliceOf(file.replace(/\.json$/, ''), 3);

    // The slice built before the change is refused by name.
    const stale = run('node', ['scripts/merge.ts', '--outDir', join(work, 'stale'), slice(1), slice(2), slice(3)], env);
    expect(stale.status).not.toBe(0);
    expect(stale.output).toContain(
      `Slice ${changed}/3 in ${slice(changed)} was built from other code, another catalogue or another SITE_URL: build it again.`,
    );

    const output = build(['--shards-cache', cache, '--slices', '3', '--outDir', join(work, 'after')]);
    expect(output).toMatch(new RegExp(`^Slices: rebuilt 1 of 3 slices \\(${changed}\\), reused 2\\.`, 'm'));
    build(['--shards', '1', '--outDir', join(work, 'single-after')]);
    expectSameSite(join(work, 'after'), join(work, 'single-after'));
    // The change shows: its server's API document has the new version.
    const api = JSON.parse(readFileSync(join(work, 'after/api/servers', file), 'utf8')) as { version?: string };
    expect(JSON.stringify(api)).toContain('99.0.0');
  },
  BUILD,
);

test(
  'a cached build from an empty cache leaves slices npm run merge takes; built again unchanged, into the same folder, it renders none',
  () => {
    const cold = join(work, 'cold-cache');
    const site = join(work, 'cold');
    const first = build(['--shards-cache', cold, '--slices', '2', '--outDir', site]);
    expect(first).toMatch(/^Slices: rebuilt 2 of 2 slices \(1, 2\), reused 0\./m);
    expectSameSite(site, join(work, 'single-after'));

    // The site's files are the cache's (hard links): emptying the site for the next build leaves the cache whole.
    const again = build(['--shards-cache', cold, '--slices', '2', '--outDir', site]);
    expect(again).toMatch(/^Slices: rebuilt 0 of 2 slices, reused 2\./m);
    expectSameSite(site, join(work, 'single-after'));

    const merged = run(
      'node',
      ['scripts/merge.ts', '--outDir', join(work, 'cold-merged'), join(cold, '1-of-2'), join(cold, '2-of-2')],
      env,
    );
    expect(merged.status, merged.output).toBe(0);
    expectSameSite(join(work, 'cold-merged'), join(work, 'single-after'));
  },
  BUILD,
);
