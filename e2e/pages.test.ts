import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, BASE, launch, open } from './browser.ts';

// One page of every type the site has.
const PAGES = [
  ['home', '/'],
  ['server list', '/servers/'],
  ['server', '/servers/mcp-flux-pro/'],
  ['tool list', '/tools/'],
  ['tool list, page 2', '/tools/page/2/'],
  ['category', '/categories/destructive/'],
  ['risk class', '/risk/critical/'],
  ['tool', '/tools/mcp-flux-pro/flux_edit_image/'],
  ['tool with signals and a review', '/tools/notes-wiki/calculate_reading_time/'],
  ['attack list', '/attacks/'],
  ['attack', '/attacks/tool-poisoning/'],
  ['how recommendations are made', '/how-recommendations-are-made/'],
  ['not found', '/does-not-exist/'],
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (colorScheme) => {
  test.each(PAGES)('%s (%s) has no serious or critical violation', async (_, path) => {
    const page = await open(browser, path, { colorScheme });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('at 360 px wide', () => {
  test.each(PAGES)('%s (%s) does not scroll sideways', async (_, path) => {
    const page = await open(browser, path, { viewport: { width: 360, height: 740 } });
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);
    await page.context().close();
  });
});

describe('under the Content-Security-Policy', () => {
  test.each(PAGES)(
    '%s (%s) loads with no console error, no script error and no request off this host',
    async (_, path) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems: string[] = [];
      page.on(
        'console',
        (m) => m.type() === 'error' && !m.text().includes('404') && problems.push(`console: ${m.text()}`),
      );
      page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
      page.on(
        'request',
        (r) => !r.url().startsWith(BASE) && !r.url().startsWith('data:') && problems.push(`request: ${r.url()}`),
      );
      await page.goto(`${BASE}${path}`);
      await page.waitForLoadState('networkidle');
      expect(
        await page.evaluate(() =>
          document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content'),
        ),
      ).toMatch(/script-src 'self'/);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
