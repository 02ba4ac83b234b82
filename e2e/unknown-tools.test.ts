/**
 * A server whose tools are not known (issue 21) in Chromium: its page and the server list pass
 * axe at a desktop and a phone width, and the scan's reason reads as two lines without
 * widening the page. Built from the registry-shaped catalogue as `scan-all` leaves it.
 */
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../test/build/helpers.ts';
import { slug, writeScannedCatalogue } from '../test/build/registry-scanned.ts';
import { serveStatic } from '../scripts/lib/static-server.ts';
import { axeViolations, launch, open } from './browser.ts';

const catalogue = writeScannedCatalogue();
const out = join(tmpdir(), `unknown-site-${process.pid}`);
let server: Server | undefined;
let base = '';
let browser: Browser;

beforeAll(async () => {
  const built = run('node', ['scripts/build.ts', '--outDir', out], { CATALOGUE_DIR: catalogue });
  if (built.status !== 0) throw new Error(built.output);
  ({ server, base } = await serveStatic(out));
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(catalogue, { recursive: true, force: true });
});

describe.each([1280, 390])('at %i px', (width) => {
  const viewport = { viewport: { width, height: 900 } };

  test.each([slug('weather-server'), slug('iotdb'), slug('hostile-reason'), slug('long-reason')])(
    '%s: axe finds nothing serious or critical, and the page does not scroll sideways',
    async (name) => {
      const page = await open(browser, `/servers/${name}/`, viewport, base);
      expect(await axeViolations(page)).toEqual([]);
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
      await page.context().close();
    },
  );

  test('the reason of a failed scan shows as its two lines, one under the other', async () => {
    const page = await open(browser, `/servers/${slug('weather-server')}/`, viewport, base);
    const lines = page.locator('#scan-reason code');
    expect(await lines.allTextContents()).toEqual([
      'npm install @mcp-catalogue-fixture-does-not-exist/weather-server@2.0.1 failed (E404)',
      '404 Not Found - GET https://registry.npmjs.org/@mcp-catalogue-fixture-does-not-exist%2fweather-server',
    ]);
    const [first, second] = [await lines.nth(0).boundingBox(), await lines.nth(1).boundingBox()];
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
    await page.context().close();
  });

  test('the server list: axe finds nothing serious or critical, and a row says "not known"', async () => {
    const page = await open(browser, '/servers/', viewport, base);
    expect(await axeViolations(page)).toEqual([]);
    const row = page.locator('tr', { has: page.locator(`a[href="/servers/${slug('iotdb')}/"]`) });
    const cell = row.locator('td').last();
    expect((await cell.innerText()).trim()).toBe('not known (runtime not available)');
    // On a phone the cell is named by its column, as the figures of other rows are.
    const label = await cell.evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toBe(width < 640 ? '"Tools: "' : 'none');
    await page.context().close();
  });
});
