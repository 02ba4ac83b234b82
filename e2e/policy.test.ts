import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BASE, open, sharedChromium } from './browser.ts';

const FLUX = '/tools/mcp-flux-pro/flux_edit_image/';
// The documented policy for one write tool (docs/policies.md), indented as the page shows it (issue 15).
const WRITE_POLICY = `${JSON.stringify(
  JSON.parse(
    '{"version":"1","default":"deny","tools":{"flux_edit_image":{"limits":[{"counter":"flux_edit_image_rate","window":"minute","max":30,"scope":"grant"}]}}}',
  ),
  null,
  2,
)}\n`;

const browser = sharedChromium();

async function toolPage(): Promise<Page> {
  const page = await open(browser(), FLUX);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  return page;
}

describe('the copy button', () => {
  test('puts exactly the policy on the clipboard and announces "Copied"', async () => {
    const page = await toolPage();
    await page.getByRole('button', { name: 'Copy PolicyLayer JSON' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(WRITE_POLICY);
    await expect.poll(() => page.locator('#tool-policy-policylayer [role="status"]').textContent()).toBe('Copied');
    await page.context().close();
  });

  test('copies the server policy exactly as policy.json serves it', async () => {
    const page = await open(browser(), '/servers/mcp-flux-pro/');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
    await page.getByRole('button', { name: 'Copy PolicyLayer JSON' }).click();
    const served = await (await fetch(`${BASE}/servers/mcp-flux-pro/policy.json`)).text();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(served);
    await page.context().close();
  });
});

describe('the format tabs', () => {
  test('switch by mouse', async () => {
    const page = await toolPage();
    await page.getByRole('tab', { name: 'Intercept YAML' }).click();
    expect(await page.locator('#tool-policy-intercept').isVisible()).toBe(true);
    expect(await page.locator('#tool-policy-policylayer').isVisible()).toBe(false);
    expect(await page.getByRole('tab', { name: 'Intercept YAML' }).getAttribute('aria-selected')).toBe('true');
    await page.context().close();
  });

  test('switch by keyboard: arrows, Home and End, focus following', async () => {
    const page = await toolPage();
    await page.getByRole('tab', { name: 'PolicyLayer JSON' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Intercept YAML');
    expect(await page.locator('#tool-policy-intercept').isVisible()).toBe(true);
    await page.keyboard.press('End');
    expect(await page.locator('#tool-policy-claude').isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#tool-policy-policylayer').isVisible()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#tool-policy-claude').isVisible()).toBe(true);
    await page.keyboard.press('Home');
    expect(await page.getByRole('tab', { name: 'PolicyLayer JSON' }).getAttribute('aria-selected')).toBe('true');
    await page.context().close();
  });

  test('without JavaScript every format is shown and the policy can be read', async () => {
    const page = await open(browser(), FLUX, { javaScriptEnabled: false });
    expect(await page.locator('[role="tablist"]').isVisible()).toBe(false);
    for (const id of ['policylayer', 'intercept', 'claude'])
      expect(await page.locator(`#tool-policy-${id}`).isVisible()).toBe(true);
    expect(await page.locator('#tool-policy-policylayer pre').textContent()).toBe(WRITE_POLICY);
    await page.context().close();
  });
});

describe('the flux_edit_image page', () => {
  test('shows Write, Medium, the callback_url signal, the full-policy link, six FAQ entries with JSON-LD and two or more attacks', async () => {
    const page = await open(browser(), FLUX);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Write');
    expect(text).toContain('Medium risk');
    expect(text).toContain('parameter "callback_url"');
    const full = page.getByRole('link', { name: 'See the full Mcp Flux Pro policy for all 6 tools' });
    expect(await full.getAttribute('href')).toBe('/servers/mcp-flux-pro/#policy');
    expect(await page.locator('.faq dt').count()).toBe(6);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld['@type']).toBe('FAQPage');
    expect(ld.mainEntity).toHaveLength(6);
    expect(ld.mainEntity.every((q: { acceptedAnswer: { text: string } }) => q.acceptedAnswer.text.length > 20)).toBe(
      true,
    );
    expect(await page.locator('#attacks ~ ul a[href^="/attacks/"]').count()).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });
});
