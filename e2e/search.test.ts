import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { analyseCatalogue, countBy } from '../src/core/analyse.ts';
import { catalogueDir, loadCatalogue } from '../src/build/catalogue-files.ts';
import { axeViolations, BASE, open, sharedChromium } from './browser.ts';

const servers = analyseCatalogue(loadCatalogue(catalogueDir()));
const tools = servers.flatMap((s) => s.tools);
const critical = countBy(tools).risk.critical;
const serverTitles = new Set(servers.filter((s) => s.tools.length > 0).map((s) => s.title));

const browser = sharedChromium();

const titles = (page: Page) => page.locator('#search-results .result-title').allTextContents();
const settled = (page: Page) =>
  page.waitForFunction(
    () =>
      /result|Nothing/.test(document.getElementById('search-status')?.textContent ?? '') ||
      !document.getElementById('search-empty')?.hidden,
  );

describe('the search page', () => {
  test('"flux edit" finds flux_edit_image first', async () => {
    const page = await open(browser(), '/search/?q=flux%20edit');
    await settled(page);
    expect((await titles(page))[0]).toBe('flux_edit_image');
    await page.context().close();
  });

  test('a tool name is found by its parts: "refund" finds create_refund', async () => {
    const page = await open(browser(), '/search/?q=refund');
    await settled(page);
    expect(await titles(page)).toContain('create_refund');
    await page.context().close();
  });

  test('filtering by Critical shows only critical tools, as many as the catalogue has', async () => {
    const page = await open(browser(), '/search/?type=Tool');
    await settled(page);
    await page.getByLabel('Critical', { exact: true }).check();
    await page.waitForFunction(
      (n) => document.getElementById('search-status')?.textContent?.startsWith(`${n} result`),
      critical,
    );
    expect(await page.locator('#search-status').textContent()).toBe(`${critical} results.`);
    // Every result shown is critical; load them all to check every one.
    for (let shown = 20; await page.locator('#search-more').isVisible(); shown += 20) {
      await page.locator('#search-more').click();
      await expect.poll(() => page.locator('#search-results .result').count()).toBe(Math.min(critical, shown + 20));
    }
    await expect.poll(() => page.locator('#search-results .result').count()).toBe(critical);
    const risks = await page.locator('#search-results .result .badge[class*="r-"]').allTextContents();
    expect(risks.every((r) => r === 'Critical risk')).toBe(true);
    expect(new URL(page.url()).searchParams.getAll('risk')).toEqual(['Critical']);
    expect(await page.locator('[data-facet="risk"] label:text-is("Critical") + .count').textContent()).toBe(
      String(critical),
    );
    await page.context().close();
  });

  test('the URL restores query, filters and sort after a reload, and Back undoes a filter', async () => {
    const page = await open(browser(), '/search/?q=delete&category=Destructive&sort=risk');
    await settled(page);
    expect(await page.locator('#search-q').inputValue()).toBe('delete');
    expect(await page.getByLabel('Destructive', { exact: true }).isChecked()).toBe(true);
    expect(await page.locator('#search-sort').inputValue()).toBe('risk');
    const before = await titles(page);
    // Riskiest first: the risk badges never go up the list.
    const order = ['Critical risk', 'High risk', 'Medium risk', 'Low risk'];
    const risks = (await page.locator('#search-results .result .badge[class*="r-"]').allTextContents()).map((r) =>
      order.indexOf(r),
    );
    expect(risks.length).toBeGreaterThan(1);
    expect(risks).toEqual([...risks].sort((a, b) => a - b));
    await page.reload();
    await settled(page);
    expect(await titles(page)).toEqual(before);
    await page.getByLabel('Critical', { exact: true }).check();
    await page.waitForURL(/risk=Critical/);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('risk=Critical'));
    await expect.poll(() => page.getByLabel('Critical', { exact: true }).isChecked()).toBe(false);
    await page.context().close();
  });

  test('an empty result says so and offers to remove a filter', async () => {
    const page = await open(browser(), '/search/?q=flux&category=Financial');
    await page.waitForFunction(() => !document.getElementById('search-empty')?.hidden);
    expect(await page.locator('#search-empty').textContent()).toContain('Nothing matches “flux” with these filters.');
    await page.getByRole('button', { name: 'Remove Category: Financial' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#search-results .result').length > 0);
    expect(new URL(page.url()).searchParams.getAll('category')).toEqual([]);
    await page.context().close();
  });

  test('each result shows name, server, risk, category and an excerpt', async () => {
    const page = await open(browser(), '/search/?q=flux%20edit');
    await settled(page);
    const first = page.locator('#search-results .result').first();
    expect(await first.locator('.result-info').textContent()).toBe('Tool on Mcp Flux Pro');
    expect(await first.locator('.badge').allTextContents()).toEqual(['Medium risk', 'Write']);
    expect((await first.locator('.result-excerpt').textContent())!.length).toBeGreaterThan(20);
    await page.context().close();
  });

  test.each(['light', 'dark'] as const)('passes axe-core in the %s theme', async (colorScheme) => {
    const page = await open(browser(), '/search/?q=delete&risk=Critical', { colorScheme });
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('search finds what people type (issue 17)', () => {
  test('when no tool matches every word, it shows the tools that match most of them and says so', async () => {
    const page = await open(browser(), '/search/?q=get%20kubernetes%20pod%20logs');
    await settled(page);
    expect(await page.locator('#search-status').textContent()).toContain(
      'No tool matches all of: get, kubernetes, pod, logs; showing tools that match most of them.',
    );
    expect((await titles(page))[0]).toBe('getPodLogs');
    await page.context().close();
  });

  test('sorted riskiest first, the fallback still shows the tools that match most of the words', async () => {
    const page = await open(browser(), '/search/?q=get%20kubernetes%20pod%20logs&sort=risk');
    await settled(page);
    expect(await page.locator('#search-status').textContent()).toContain('No tool matches all of');
    expect(await titles(page)).toContain('getPodLogs');
    await page.context().close();
  });

  test('a long query that matches little still answers, with the words that match', async () => {
    const page = await open(
      browser(),
      '/search/?q=please%20quickly%20delete%20every%20old%20wiki%20page%20version%20forever%20today',
    );
    await settled(page);
    expect(await page.locator('#search-status').textContent()).toContain('No tool matches all of');
    expect((await titles(page)).length).toBeGreaterThan(0);
    await page.context().close();
  });

  test('a query naming the server finds that server’s tool, ranked by the other words', async () => {
    const page = await open(browser(), '/search/?q=gitforge%20create%20issue');
    await settled(page);
    const first = page.locator('#search-results .result').first();
    expect(await first.locator('.result-title').textContent()).toBe('create_issue');
    expect(await first.locator('.result-info').textContent()).toBe('Tool on GitForge');
    await page.context().close();
  });

  test('a plural finds the singular: "create pages" finds create_page first', async () => {
    const page = await open(browser(), '/search/?q=create%20pages');
    await settled(page);
    expect((await titles(page))[0]).toBe('create_page');
    await page.context().close();
  });

  test('an equivalent verb finds the tool: "remove a wiki page" finds delete_page first', async () => {
    const page = await open(browser(), '/search/?q=remove%20a%20wiki%20page');
    await settled(page);
    expect((await titles(page))[0]).toBe('delete_page');
    await page.context().close();
  });

  test('the header box shows the same first result and the same note', async () => {
    const page = await open(browser(), '/');
    await page.locator('#site-search-q').fill('get kubernetes pod logs');
    await page.waitForFunction(() =>
      document.querySelector('.search-popup-status')?.textContent?.includes('No tool matches all of'),
    );
    expect(await page.locator('#site-search-results .result-title').first().textContent()).toBe('getPodLogs');
    await page.context().close();
  });
});

describe('names, typos and what a tool does (search on a registry catalogue)', () => {
  const status = (page: Page) => page.locator('#search-status').textContent();

  test('a misspelt word is corrected, with a link that searches the words as typed', async () => {
    const page = await open(browser(), '/search/?q=delte%20file');
    await settled(page);
    expect(await status(page)).toMatch(
      /^Showing results for “delete file”; search for “delte file” instead\. \d+ results? for “delete file”/,
    );
    expect((await titles(page)).slice(0, 5)).toContain('delete_file');
    await page.locator('#search-status a').click();
    await page.waitForURL(/verbatim=1/);
    await settled(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('delte file');
    expect(await status(page)).not.toContain('Showing results for');
    await page.context().close();
  });

  test('the header box corrects the same word and says so', async () => {
    const page = await open(browser(), '/');
    await page.locator('#site-search-q').fill('delte file');
    await page.waitForFunction(() =>
      document.querySelector('.search-popup-status')?.textContent?.startsWith('Showing results for “delete file”'),
    );
    expect(await page.locator('.search-popup-status a').getAttribute('href')).toBe(
      '/search/?q=delte%20file&verbatim=1',
    );
    await page.context().close();
  });

  test('"github" is no longer every server published from a GitHub account', async () => {
    const page = await open(browser(), '/search/?q=github');
    await settled(page);
    const infos = await page.locator('#search-results .result-info').allTextContents();
    expect(infos.filter((i) => i === 'Server')).toEqual([]);
    await page.context().close();
  });

  test('a registry name typed whole, or the owner, finds its server first, shown by its site title', async () => {
    const untitled = servers.find((s) => !s.server.title && s.tools.length > 0)!;
    for (const q of [untitled.server.name, untitled.server.name.split('/')[0]!.split('.').at(-1)!]) {
      const page = await open(browser(), `/search/?q=${encodeURIComponent(q)}`);
      await settled(page);
      const first = page.locator('#search-results .result').first();
      expect(await first.locator('.result-info').textContent()).toBe('Server');
      expect(await first.locator('.result-title').textContent()).toBe(untitled.server.name);
      await page.context().close();
    }
  });

  test('its owner and its own name together find a server first, then its tools', async () => {
    const page = await open(browser(), '/search/?q=beaconly%20push%20notify');
    await settled(page);
    const first = page.locator('#search-results .result').first();
    expect(await first.locator('.result-info').textContent()).toBe('Server');
    expect(await first.locator('.result-title').textContent()).toBe('Beaconly Push');
    await page.context().close();
  });

  test('"charge a card" finds the tool that charges before the one that reads a charge', async () => {
    const page = await open(browser(), '/search/?q=charge%20a%20card');
    await settled(page);
    const found = await titles(page);
    expect(found[0]).toBe('create_charge');
    expect(found.indexOf('get_charge')).not.toBe(0);
    await page.context().close();
  });

  test('"wipe database" finds tools that wipe, drop_table among the first five, and no read', async () => {
    const page = await open(browser(), '/search/?q=wipe%20database');
    await settled(page);
    const found = await titles(page);
    expect(found.slice(0, 5)).toContain('drop_table');
    expect(found.slice(0, 5)).not.toContain('list_schemas');
    const categories = await page.locator('#search-results .result .badge[class*="c-"]').allTextContents();
    expect(categories.slice(0, 3).every((c) => c === 'Destructive')).toBe(true);
    await page.context().close();
  });
});

describe('search results and filters (issue 15)', () => {
  test('excerpts are the description’s readable text, with no filter values run together', async () => {
    const page = await open(browser(), '/search/?q=delete');
    await settled(page);
    const excerpts = await page.locator('#search-results .result-excerpt').allTextContents();
    expect(excerpts.length).toBeGreaterThan(5);
    for (const text of excerpts)
      expect(text).not.toMatch(
        /Tool(Low|Medium|High|Critical)|(Low|Medium|High|Critical)(Read|Write|Execute|Destructive|Financial)/,
      );
    await page.goto(`${BASE}/search/?q=flux%20edit`);
    await settled(page);
    const flux = tools.find((t) => t.tool.name === 'flux_edit_image')!;
    const excerpt = (await page.locator('#search-results .result-excerpt').first().textContent())!;
    expect(flux.tool.description.replace(/\s+/g, ' ')).toContain(excerpt.replace(/…$/, ''));
    // The query's words are marked, and only they.
    const marks = await page.locator('#search-results .result-excerpt').first().locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => /^(flux|edit)/i.test(m))).toBe(true);
    await page.context().close();
  });

  test('every server is reachable in the server facet: "Show all" and a find box', async () => {
    const page = await open(browser(), '/search/?type=Tool');
    await settled(page);
    const options = page.locator('[data-facet="server"] .facet-option label');
    expect(await options.count()).toBe(12);
    await page.getByRole('button', { name: `Show all ${serverTitles.size} servers` }).click();
    expect(new Set(await options.allTextContents())).toEqual(serverTitles);
    await page.reload();
    await settled(page);
    await page.getByLabel('Find a server').fill('flux');
    expect(await options.allTextContents()).toEqual(['Mcp Flux Pro']);
    await page.context().close();
  });

  test('facet values in the address are read in any case', async () => {
    const page = await open(browser(), '/search/?risk=critical&type=tool');
    await page.waitForFunction(
      (n) => document.getElementById('search-status')?.textContent?.startsWith(`${n} result`),
      critical,
    );
    expect(await page.getByLabel('Critical', { exact: true }).isChecked()).toBe(true);
    expect(await page.locator('[data-facet="risk"] input').count()).toBe(
      await page.locator('[data-facet="risk"] label').count(),
    );
    expect(await page.locator('[data-facet="risk"] label:text-is("critical")').count()).toBe(0);
    expect(new URL(page.url()).searchParams.getAll('risk')).toEqual(['Critical']);
    await page.context().close();
  });

  test('options without results are left out, and counts stay on one line', async () => {
    const page = await open(browser(), '/search/?q=flux');
    await settled(page);
    const counts = await page.locator('#search-facets .count').allTextContents();
    expect(counts.length).toBeGreaterThan(3);
    expect(counts.every((c) => Number(c.replace(/,/g, '')) > 0)).toBe(true);
    const oneLine = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#search-facets .count')].every(
        (c) => c.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(c).fontSize),
      ),
    );
    expect(oneLine).toBe(true);
    await page.context().close();
  });

  test('on a phone the results come first and the filters open on demand', async () => {
    const page = await open(browser(), '/search/?q=delete', { viewport: { width: 390, height: 844 } });
    await settled(page);
    expect(await page.locator('#search-filters').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('#search-facets').isVisible()).toBe(false);
    const top = (await page.locator('#search-results .result').first().boundingBox())!.y;
    expect(top).toBeLessThan(844);
    await page.locator('#search-filters summary').click();
    expect(await page.locator('#search-facets').isVisible()).toBe(true);
    await page.context().close();
  });

  test.each([390, 1280])('passes axe-core at %i px, with both search forms named apart', async (width) => {
    const page = await open(browser(), '/search/?q=delete', { viewport: { width, height: 900 } });
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    const names = await page
      .locator('form[role="search"]')
      .evaluateAll((forms) => forms.map((f) => f.getAttribute('aria-label')));
    expect(names).toEqual(['Site search', 'Search the catalogue']);
    await page.context().close();
  });
});

describe('the header search box', () => {
  test('works by keyboard alone: "/" focuses, typing shows results, arrows move, Enter opens', async () => {
    const page = await open(browser(), '/servers/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('flux edit');
    await page.waitForSelector('#site-search-results [role="option"]');
    expect(await page.locator('#site-search-q').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const active = await page.locator('#site-search-q').getAttribute('aria-activedescendant');
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(`#${active} .result-title`).textContent()).toBe('flux_edit_image');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${BASE}/tools/mcp-flux-pro/flux_edit_image/`);
    await page.context().close();
  });

  test('Escape closes the results', async () => {
    const page = await open(browser(), '/');
    await page.locator('#site-search-q').fill('refund');
    await page.waitForSelector('#site-search-results [role="option"]');
    await page.keyboard.press('Escape');
    expect(await page.locator('.search-popup').isVisible()).toBe(false);
    expect(await page.locator('#site-search-q').getAttribute('aria-expanded')).toBe('false');
    await page.context().close();
  });

  test('Enter without a chosen result opens the search page with the query', async () => {
    const page = await open(browser(), '/attacks/');
    await page.locator('#site-search-q').fill('send email');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${BASE}/search/?q=send+email`);
    await settled(page);
    expect(await page.locator('#search-q').inputValue()).toBe('send email');
    await page.context().close();
  });

  test.each(['light', 'dark'] as const)('open, it passes axe-core in the %s theme', async (colorScheme) => {
    const page = await open(browser(), '/tools/', { colorScheme });
    await page.locator('#site-search-q').fill('delete');
    await page.waitForSelector('#site-search-results [role="option"]');
    await page.keyboard.press('ArrowDown');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
