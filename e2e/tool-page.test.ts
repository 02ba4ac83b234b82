import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { open, sharedChromium } from './browser.ts';

const FLUX = '/tools/mcp-flux-pro/flux_edit_image/';
const REFUND = '/tools/payments-gateway/create_refund/';
const FORECAST = '/tools/weather-maps/get_forecast/';

const browser = sharedChromium();

/** Whether every visible code block of the policy shows its lines whole: nothing hidden sideways. */
const policyFits = (page: Page) =>
  page
    .locator('.policy pre')
    .evaluateAll((blocks) =>
      blocks.filter((b) => b.getClientRects().length > 0).every((b) => b.scrollWidth <= b.clientWidth),
    );

describe('the policy block', () => {
  test.each([
    [1280, FLUX],
    [1280, REFUND],
    [1280, FORECAST],
    [390, FLUX],
    [390, REFUND],
  ])('at %i px, %s shows the policy indented and whole, without scrolling sideways', async (width, path) => {
    const page = await open(browser(), path, { viewport: { width, height: 900 } });
    const text = await page.locator('#tool-policy-policylayer pre').textContent();
    expect(text).toMatch(/^\{\n {2}"version": "1",\n {2}"default": "deny",\n/);
    for (const tab of ['PolicyLayer JSON', 'Intercept YAML', 'Claude Code settings.json']) {
      await page.getByRole('tab', { name: tab }).first().click();
      expect(await policyFits(page), tab).toBe(true);
    }
    await page.context().close();
  });

  test('the copy button is an action, not a tab: it looks unlike them', async () => {
    const page = await open(browser(), FLUX);
    const look = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => {
          const s = getComputedStyle(e);
          return `${s.backgroundColor} ${s.color} ${s.borderTopWidth}`;
        });
    const copy = await look('#tool-policy-policylayer [data-copy]');
    expect(copy).not.toBe(await look('[role="tab"][aria-selected="true"]'));
    expect(copy).not.toBe(await look('[role="tab"][aria-selected="false"]'));
    await page.context().close();
  });

  test('the chosen format is remembered on the next tool page, and a refused storage changes nothing', async () => {
    const page = await open(browser(), FLUX);
    await page.getByRole('tab', { name: 'Intercept YAML' }).first().click();
    await page.goto(page.url().replace(FLUX, REFUND));
    expect(await page.getByRole('tab', { name: 'Intercept YAML' }).first().getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#tool-policy-intercept').isVisible()).toBe(true);
    expect(await page.locator('#tool-policy-policylayer').isVisible()).toBe(false);
    await page.context().close();

    const blocked = await browser().newContext();
    await blocked.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new Error('storage refused');
        },
      });
    });
    const fresh = await blocked.newPage();
    const errors: string[] = [];
    fresh.on('pageerror', (e) => errors.push(e.message));
    await fresh.goto(page.url());
    await fresh.getByRole('tab', { name: 'Claude Code settings.json' }).first().click();
    expect(await fresh.locator('#tool-policy-claude').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await blocked.close();
  });

  test('"How to control it" near the top leads to the controls and the policy', async () => {
    const page = await open(browser(), REFUND, { viewport: { width: 1280, height: 900 } });
    const link = page.getByRole('link', { name: 'How to control it ↓' });
    expect(await link.getAttribute('href')).toBe('#control');
    // Within the first screen.
    expect((await link.boundingBox())!.y).toBeLessThan(900);
    await link.click();
    expect(page.url()).toMatch(/#control$/);
    await page.context().close();
  });
});

describe('what the definition says', () => {
  test('the output schema is a table of the fields it returns, and every annotation is shown as a claim', async () => {
    const page = await open(browser(), FORECAST);
    const returns = page.getByRole('region', { name: 'Fields get_forecast returns' });
    const fields = await returns.locator('tbody tr td:first-child').allTextContents();
    expect(fields).toEqual(['location', 'units', 'days', 'issued_at']);
    expect(await returns.locator('tbody tr', { hasText: 'issued_at' }).textContent()).toContain('string (date-time)');
    const claims = await page.locator('#annotations ~ .claims dt').allTextContents();
    expect(claims.map((c) => c.split(':')[0])).toEqual([
      'title',
      'readOnlyHint',
      'destructiveHint',
      'idempotentHint',
      'openWorldHint',
      'cacheSeconds',
    ]);
    const text = await page.locator('.claims').innerText();
    expect(text).toContain('Claims it changes nothing in its environment.');
    expect(text).toContain('An annotation MCP does not define; shown as written.');
    await page.context().close();
  });

  test('a tool without them says so', async () => {
    const page = await open(browser(), REFUND);
    const main = await page.locator('main').innerText();
    expect(main).toContain('The definition does not say (it has no output schema).');
    expect(main).toContain('The server sets no annotations on this tool.');
    await page.context().close();
  });
});

describe('attack patterns', () => {
  test.each([FLUX, REFUND, FORECAST, '/tools/web-browser/evaluatejavascript/'])(
    '%s links at least two, and the rug pull (any definition can change)',
    async (path) => {
      const page = await open(browser(), path);
      const links = await page
        .locator('#attacks + ul a[href^="/attacks/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links.length).toBeGreaterThanOrEqual(2);
      expect(links).toContain('/attacks/rug-pull/');
      await page.context().close();
    },
  );

  test('a financial tool links financial abuse and excessive agency', async () => {
    const page = await open(browser(), REFUND);
    const links = await page.locator('#attacks + ul a').allTextContents();
    expect(links).toEqual(expect.arrayContaining(['Financial abuse', 'Excessive agency']));
    await page.context().close();
  });
});

describe('how to load a policy', () => {
  test.each([1280, 390])(
    'at %i px, each format of the recommendation says how to load it, with the server’s own launch command',
    async (width) => {
      const page = await open(browser(), REFUND, { viewport: { width, height: 900 } });
      const alone = page.locator('.policy-context').first();
      expect(await alone.textContent()).toContain("refuses every call to the server's 12 other tools");
      expect(await alone.getByRole('link').getAttribute('href')).toBe('/servers/payments-gateway/#policy');
      const load = async (tab: string, key: string, summary: string) => {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        const details = page.locator(`#tool-policy-${key} details.policy-load`);
        expect(await details.locator('summary').innerText()).toBe(summary);
        await details.locator('summary').click();
        expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
        return details;
      };
      const policyLayer = await load('PolicyLayer JSON', 'policylayer', 'How to load the PolicyLayer JSON');
      expect(await policyLayer.innerText()).toContain('switch its policy builder to Raw JSON');
      expect(await policyLayer.getByRole('link').getAttribute('href')).toBe(
        'https://policylayer.com/docs/writing-policies',
      );
      const intercept = await load('Intercept YAML', 'intercept', 'How to load the Intercept YAML');
      expect(await intercept.locator('pre.command').textContent()).toBe(
        'intercept -c payments-gateway.yaml -- npx -y @corvidpay/mcp-server@2.3.0',
      );
      expect(await intercept.innerText()).toContain('forwarded to the server unchecked');
      const claude = await load('Claude Code settings.json', 'claude', 'How to load the Claude Code settings.json');
      expect(await claude.innerText()).toContain('~/.claude/settings.json');
      expect(await policyFits(page)).toBe(true);
      await page.context().close();
    },
  );
});
