import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { checkInterceptYaml } from '../src/core/policy/builder.ts';
import { axeViolations, BASE, open, sharedChromium } from './browser.ts';

const SERVER = '/servers/notes-wiki/';

const browser = sharedChromium();

/** The server page with its console watched: any error (a refused script, a failed load) fails the test. */
async function serverPage(path = SERVER, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await open(browser(), path, { viewport: { width, height: 800 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  return { page, errors };
}

async function openBuilder(page: Page): Promise<void> {
  const details = page.locator('#builder details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await page.getByText('Open the policy builder').click();
  await page.locator('#builder[data-ready]').waitFor();
}

const builder = (page: Page) => page.getByRole('region', { name: 'Policy builder' });
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const recommended = async () => JSON.parse(await (await fetch(`${BASE}${SERVER}policy.json`)).text());

describe('the policy builder', () => {
  test('loads its code only when it is scrolled into view or opened', async () => {
    const { page, errors } = await serverPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.waitForTimeout(300);
    expect(requested.filter((p) => p.startsWith('/_astro/app.'))).toEqual([]);
    await builder(page).scrollIntoViewIfNeeded();
    await expect.poll(() => requested.some((p) => p.startsWith('/_astro/app.'))).toBe(true);
    await openBuilder(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('Deny on one tool: the copied policy differs from the recommendation in that tool only, and a reload keeps it', async () => {
    const { page, errors } = await serverPage();
    await openBuilder(page);
    const select = builder(page).getByRole('combobox', { name: 'create_page', exact: true });
    expect(await select.inputValue()).toBe('custom');
    expect(await select.locator('option:checked').textContent()).toBe('Custom (recommended)');
    await select.selectOption('deny');
    await expect.poll(() => page.locator('.builder-output pre').textContent()).toContain('create_page is refused');
    await builder(page).getByRole('button', { name: 'Copy policy' }).click();
    const copied = JSON.parse(await clipboard(page));
    const before = await recommended();
    expect(copied.tools.create_page).toEqual({
      deny_if: [{ conditions: [], on_deny: 'create_page is refused by this policy' }],
    });
    expect({ ...copied, tools: { ...copied.tools, create_page: 0 } }).toEqual({
      ...before,
      tools: { ...before.tools, create_page: 0 },
    });
    expect(page.url()).toContain('#builder&t.create_page=d');

    await page.reload();
    await page.locator('#builder[data-ready]').waitFor();
    expect(await builder(page).getByRole('combobox', { name: 'create_page', exact: true }).inputValue()).toBe('deny');
    await builder(page).getByRole('button', { name: 'Copy policy' }).click();
    expect(JSON.parse(await clipboard(page))).toEqual(copied);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('Custom with a rate limit writes an Intercept policy that passes the Intercept check', async () => {
    const { page } = await serverPage();
    await openBuilder(page);
    await builder(page).getByRole('combobox', { name: 'get_page', exact: true }).selectOption('custom');
    const fields = builder(page).getByRole('group', { name: 'Custom rules for get_page' });
    await fields.getByLabel('Calls per minute').fill('7');
    await builder(page).getByLabel('Intercept YAML').check();
    await expect.poll(() => page.locator('.builder-output pre').textContent()).toContain('rate_limit: "7/minute"');
    await builder(page).getByRole('button', { name: 'Copy policy' }).click();
    const yaml = await clipboard(page);
    expect(yaml).toMatch(
      / {2}get_page:\n {4}rules:\n {6}- name: "at most 7 calls per minute"\n {8}rate_limit: "7\/minute"\n/,
    );
    expect(checkInterceptYaml(yaml)).toEqual([]);
    await page.context().close();
  });

  test("Download saves the format on screen under the server's name", async () => {
    const { page } = await serverPage();
    await openBuilder(page);
    await builder(page).getByRole('combobox', { name: 'list_spaces', exact: true }).selectOption('hide');
    await builder(page).getByLabel('Claude Code settings.json').check();
    await builder(page).getByLabel('Claude Code server name').fill('wiki');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      builder(page).getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('notes-wiki.claude-settings.json');
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    // Hidden by hand, hidden for its poisoning markers, and refused by the recommendation: all three under deny.
    expect(saved.permissions.deny).toEqual([
      'mcp__wiki__list_spaces',
      'mcp__wiki__calculate_reading_time',
      'mcp__wiki__delete_page',
    ]);
    expect(page.url()).toContain('name=wiki');
    await page.context().close();
  });

  test('a field that does not parse is marked as it is typed and blocks copying, with the reason', async () => {
    const { page } = await serverPage();
    await openBuilder(page);
    await builder(page).getByRole('button', { name: 'Edit rules of update_page' }).click();
    const fields = builder(page).getByRole('group', { name: 'Custom rules for update_page' });
    const hour = fields.getByLabel('Calls per hour');
    await hour.pressSequentially('1x');
    expect(await hour.getAttribute('aria-invalid')).toBe('true');
    const problem = page.locator(`#${await hour.getAttribute('aria-describedby')}`);
    expect(await problem.textContent()).toContain('whole number');
    const copy = builder(page).getByRole('button', { name: 'Copy policy' });
    await expect.poll(() => copy.isDisabled()).toBe(true);
    expect(await page.locator('#builder-blocked').textContent()).toContain('1 field is not valid');
    await hour.press('Backspace');
    await expect.poll(() => copy.isDisabled()).toBe(false);
    expect(await hour.getAttribute('aria-invalid')).toBe('false');
    await page.context().close();
  });

  test('bulk actions deny the destructive tools and hide the poisoned ones; reset brings the recommendation back', async () => {
    const { page } = await serverPage();
    await openBuilder(page);
    const select = (name: string) => builder(page).getByRole('combobox', { name, exact: true });
    await select('delete_page').selectOption('allow');
    await select('calculate_reading_time').selectOption('allow');
    await builder(page)
      .getByRole('button', { name: /^Deny every destructive tool/ })
      .click();
    await builder(page)
      .getByRole('button', { name: /^Hide every tool with poisoning markers/ })
      .click();
    await expect.poll(() => select('delete_page').inputValue()).toBe('deny');
    expect(await select('calculate_reading_time').inputValue()).toBe('hide');
    await select('get_page').selectOption('hide');
    await builder(page).getByRole('button', { name: 'Reset to the recommendation' }).click();
    await expect.poll(() => select('get_page').inputValue()).toBe('allow');
    await expect.poll(() => page.url().includes('#builder')).toBe(false);
    await builder(page).getByRole('button', { name: 'Copy policy' }).click();
    expect(JSON.parse(await clipboard(page))).toEqual(await recommended());
    await page.context().close();
  });

  test('works from the keyboard alone', async () => {
    const { page } = await serverPage();
    await page.locator('#builder summary').focus();
    await page.keyboard.press('Enter');
    await page.locator('#builder[data-ready]').waitFor();
    const active = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-tool') ?? document.activeElement?.textContent);
    for (let i = 0; i < 10 && (await active()) !== 'get_page'; i++) await page.keyboard.press('Tab');
    expect(await active()).toBe('get_page');
    await page.keyboard.press('ArrowDown');
    expect(await builder(page).getByRole('combobox', { name: 'get_page', exact: true }).inputValue()).toBe('deny');
    for (let i = 0; i < 80 && (await active()) !== 'Copy policy'; i++) await page.keyboard.press('Tab');
    expect(await active()).toBe('Copy policy');
    await page.keyboard.press('Enter');
    await expect.poll(async () => JSON.parse(await clipboard(page)).tools.get_page.deny_if?.length).toBe(1);
    await page.context().close();
  });

  test.each([390, 1280])('axe finds nothing serious or critical with the builder open at %i px', async (width) => {
    const { page, errors } = await serverPage(SERVER, width);
    await openBuilder(page);
    await builder(page).getByRole('button', { name: 'Edit rules of update_page' }).click();
    await builder(page)
      .getByRole('group', { name: 'Custom rules for update_page' })
      .getByLabel('Calls per day')
      .fill('x');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('without JavaScript the page says so, and the recommended policy is still there to copy', async () => {
    const page = await open(browser(), SERVER, { javaScriptEnabled: false });
    expect(await page.locator('#server-policy-policylayer pre').textContent()).toBe(
      `${JSON.stringify(await recommended(), null, 2)}\n`,
    );
    await page.getByText('Open the policy builder').click();
    expect(await builder(page).innerText()).toContain('The builder needs JavaScript');
    await page.context().close();
  });

  test('Deny or Hide on a tool, then the Claude Code settings: the tool is under deny, and nowhere else', async () => {
    const { page, errors } = await serverPage();
    await openBuilder(page);
    await builder(page).getByRole('combobox', { name: 'get_page', exact: true }).selectOption('deny');
    await builder(page).getByRole('combobox', { name: 'list_spaces', exact: true }).selectOption('hide');
    await builder(page).getByLabel('Claude Code settings.json').check();
    await expect.poll(() => page.locator('.builder-output pre').textContent()).toContain('mcp__notes-wiki__get_page');
    await builder(page).getByRole('button', { name: 'Copy policy' }).click();
    const { permissions } = JSON.parse(await clipboard(page)) as { permissions: Record<string, string[]> };
    for (const rule of ['mcp__notes-wiki__get_page', 'mcp__notes-wiki__list_spaces']) {
      expect(permissions.deny).toContain(rule);
      expect([...permissions.allow!, ...permissions.ask!]).not.toContain(rule);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test.each(['0', '-3', '2.5', '1e3', '+4', '0x10', '99999999999999999999'])(
    'a call limit of %j is refused: only a whole number from 1 passes',
    async (typed) => {
      const { page } = await serverPage();
      await openBuilder(page);
      await builder(page).getByRole('button', { name: 'Edit rules of update_page' }).click();
      const hour = builder(page)
        .getByRole('group', { name: 'Custom rules for update_page' })
        .getByLabel('Calls per hour');
      await hour.fill(typed);
      await expect.poll(() => hour.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => builder(page).getByRole('button', { name: 'Copy policy' }).isDisabled()).toBe(true);
      await hour.fill('12');
      await expect.poll(() => hour.getAttribute('aria-invalid')).toBe('false');
      await page.context().close();
    },
  );

  test('one maximum per argument: the stricter of the variant cap and the one typed stays, never both', async () => {
    const { page } = await serverPage('/servers/payments-gateway/');
    await openBuilder(page);
    await builder(page).getByRole('combobox', { name: 'create_refund', exact: true }).selectOption('custom');
    const fields = builder(page).getByRole('group', { name: 'Custom rules for create_refund' });
    const maximum = fields.getByLabel('Maximum for amount');
    const caps = async () => {
      await builder(page).getByRole('button', { name: 'Copy policy' }).click();
      const policy = JSON.parse(await clipboard(page)) as {
        tools: Record<string, { require?: { path: string; op: string; value: number }[] }>;
      };
      return (policy.tools.create_refund!.require ?? []).filter((c) => c.path === 'args.amount' && c.op === 'lte');
    };
    // The variant's own cap on amount is kept by default.
    expect(await caps()).toEqual([{ path: 'args.amount', op: 'lte', value: 10000 }]);
    for (const bad of ['0', '-5', '2.5']) {
      await maximum.fill(bad);
      await expect.poll(() => maximum.getAttribute('aria-invalid')).toBe('true');
    }
    await maximum.fill('500');
    await expect.poll(() => maximum.getAttribute('aria-invalid')).toBe('false');
    await expect.poll(caps).toEqual([{ path: 'args.amount', op: 'lte', value: 500 }]);
    await maximum.fill('50000');
    await expect.poll(caps).toEqual([{ path: 'args.amount', op: 'lte', value: 10000 }]);
    await page.context().close();
  });

  test('a bulk action that finds nothing to change says so', async () => {
    const { page } = await serverPage();
    await openBuilder(page);
    const status = builder(page).locator('[data-bulk-status]');
    const deny = builder(page).getByRole('button', { name: /^Deny every destructive tool/ });
    // The recommendation already refuses every destructive tool.
    await deny.click();
    await expect
      .poll(() => status.textContent())
      .toBe('Nothing changed: every destructive tool already had that choice.');
    await builder(page).getByRole('combobox', { name: 'delete_page', exact: true }).selectOption('allow');
    await deny.click();
    await expect.poll(() => status.textContent()).toBe('1 tool changed.');
    await deny.click();
    await expect
      .poll(() => status.textContent())
      .toBe('Nothing changed: every destructive tool already had that choice.');
    await page.context().close();
  });
});
