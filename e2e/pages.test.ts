import { describe, expect, test } from 'vitest';
import { axeViolations, BASE, open, sharedChromium } from './browser.ts';

// One page of every type the site has.
const PAGES = [
  ['home', '/'],
  ['server list', '/servers/'],
  ['server', '/servers/mcp-flux-pro/'],
  // Its server.json lists icons on another host: never loaded (privacy, and the CSP).
  ['server with icons', '/servers/weather-maps/'],
  ['tool list', '/tools/'],
  ['tool list, page 2', '/tools/page/2/'],
  ['category', '/categories/destructive/'],
  ['risk class', '/risk/critical/'],
  ['tool', '/tools/mcp-flux-pro/flux_edit_image/'],
  ['tool with signals and a review', '/tools/notes-wiki/calculate_reading_time/'],
  ['tool with an output schema and annotations', '/tools/weather-maps/get_forecast/'],
  ['financial tool', '/tools/payments-gateway/create_refund/'],
  ['attack list', '/attacks/'],
  ['attack', '/attacks/tool-poisoning/'],
  ['how recommendations are made', '/how-recommendations-are-made/'],
  ['not found', '/does-not-exist/'],
] as const;

const browser = sharedChromium();

// Every page type at a desktop and a phone width, in both themes (issue 15): tables that scroll on a
// phone must be focusable regions, and every colour pair must keep its contrast in both themes.
describe.each([
  ['light', 1280],
  ['dark', 1280],
  ['light', 390],
  ['dark', 390],
] as const)('axe-core in the %s theme at %i px', (colorScheme, width) => {
  test.each(PAGES)('%s (%s) has no serious or critical violation', async (_, path) => {
    const page = await open(browser(), path, { colorScheme, viewport: { width, height: 900 } });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('at 390 px wide, a tool page', () => {
  test('shows each parameter and each returned field as a block, every column named and nothing cut off', async () => {
    const page = await open(browser(), '/tools/weather-maps/get_forecast/', { viewport: { width: 390, height: 844 } });
    for (const [label, third] of [
      ['Parameters of get_forecast', 'Required: '],
      ['Fields get_forecast returns', 'Always present: '],
    ] as const) {
      const region = page.getByRole('region', { name: label });
      const [scroll, client] = await region.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(scroll, label).toBeLessThanOrEqual(client);
      // The column names are generated content, which innerText leaves out: read them from the style.
      const labels = await region
        .locator('tbody tr')
        .first()
        .locator('td')
        .evaluateAll((cells) => cells.map((c) => getComputedStyle(c, '::before').content));
      expect(labels.slice(1, 3)).toEqual(['"Type: "', `"${third}"`]);
    }
    await page.context().close();
  });
});

describe('at 390 px wide, a table wider than the screen', () => {
  test.each([
    ['/how-recommendations-are-made/', 'What each format does, by class of tool'],
    // The tool and server listings no longer scroll on a phone: their rows are cards (e2e/phones.test.ts).
  ])('on %s scrolls inside a labelled region that the keyboard reaches', async (path, label) => {
    const page = await open(browser(), path, { viewport: { width: 390, height: 844 } });
    const region = page.getByRole('region', { name: label });
    const [scroll, client] = await region.evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scroll).toBeGreaterThan(client);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    // Arrow keys may scroll smoothly: wait for it.
    await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('at 360 px wide', () => {
  test.each(PAGES)('%s (%s) does not scroll sideways', async (_, path) => {
    const page = await open(browser(), path, { viewport: { width: 360, height: 740 } });
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
      const context = await browser().newContext();
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
