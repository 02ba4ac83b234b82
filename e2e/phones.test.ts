import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations, BASE, open, sharedChromium } from './browser.ts';

// The site on a phone: a 390 px screen that is touched, not hovered (issue "Phones").
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const REFUND = '/tools/payments-gateway/create_refund/';

// Each listing, with the heading of its key column: the name a visitor looks for.
const LISTINGS = [
  ['/tools/', 'Tool'],
  ['/categories/destructive/', 'Tool'],
  ['/servers/', 'Server'],
  ['/servers/mcp-flux-pro/', 'Tool'],
] as const;

const browser = sharedChromium();

async function visit(path: string, options: BrowserContextOptions, run: (page: Page) => Promise<void>) {
  const page = await open(browser(), path, options);
  try {
    await run(page);
  } finally {
    await page.context().close();
  }
}

describe('at 390 px on a touch screen, a listing', () => {
  test.each(LISTINGS)(
    '%s shows every %s name whole, without the page or the table scrolling sideways',
    async (path, key) =>
      visit(path, PHONE, async (page) => {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        const result = await page.evaluate((heading) => {
          const table = [...document.querySelectorAll('main table')].find(
            (t) => t.querySelector('thead th')?.textContent?.trim() === heading,
          );
          if (!table) return null;
          const wrap = table.closest('.table-wrap')!;
          const cells = [...table.querySelectorAll('tbody tr > td:first-child')].map((cell) => {
            const box = cell.getBoundingClientRect();
            return { text: cell.textContent!.trim(), left: box.left, right: box.right, width: box.width };
          });
          return { hidden: wrap.scrollWidth - wrap.clientWidth, cells };
        }, key);
        expect(result, `a table whose first column is "${key}"`).not.toBeNull();
        expect(result!.hidden, 'width of the table hidden sideways').toBeLessThanOrEqual(0);
        expect(result!.cells.length).toBeGreaterThan(0);
        const cut = result!.cells.filter((c) => c.width === 0 || c.left < 0 || c.right > 390);
        expect(cut.map((c) => c.text)).toEqual([]);
      }),
  );

  test.each([...LISTINGS.map(([path]) => path), REFUND])('%s has no serious or critical axe violation', async (path) =>
    visit(path, PHONE, async (page) => {
      expect(await axeViolations(page)).toEqual([]);
    }),
  );
});

describe('the header search box', () => {
  test('shows no keyboard hint on a touch screen', async () =>
    visit('/tools/', PHONE, async (page) => {
      await expect.poll(() => page.locator('.search-key').isVisible()).toBe(false);
      expect(await page.locator('#site-search-q').getAttribute('placeholder')).not.toMatch(/press|\//i);
    }));

  test('shows the "/" key on a desktop until the box is used, and names it to screen readers', async () =>
    visit('/tools/', DESKTOP, async (page) => {
      expect(await page.locator('.search-key').isVisible()).toBe(true);
      expect(await page.locator('#site-search-q').getAttribute('aria-keyshortcuts')).toBe('/');
      await page.keyboard.press('/');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
      expect(await page.locator('.search-key').isVisible()).toBe(false);
    }));
});

describe('placeholders', () => {
  // An input's placeholder fits if its text, in the input's font, is no wider than the input's content box.
  // (Typing the placeholder in and reading scrollWidth would count the search field's clear button as well,
  // which takes no room while the box is empty: global.css.)
  const clipped = (page: Page) =>
    page.locator('input[placeholder]').evaluateAll((inputs) => {
      const canvas = document.createElement('canvas').getContext('2d')!;
      return (inputs as HTMLInputElement[])
        .filter((i) => i.getClientRects().length > 0)
        .flatMap((i) => {
          canvas.font = getComputedStyle(i, '::placeholder').font;
          const text = canvas.measureText(i.placeholder).width;
          const { paddingLeft, paddingRight } = getComputedStyle(i);
          const room = i.clientWidth - parseFloat(paddingLeft) - parseFloat(paddingRight);
          return text <= room ? [] : [`${i.id}: "${i.placeholder}" needs ${Math.ceil(text)} px, has ${room}`];
        });
    });

  const SMALL_PHONE = { ...PHONE, viewport: { width: 320, height: 700 } };
  test.each([
    [390, '/', PHONE],
    [390, '/search/', PHONE],
    [390, '/tools/', PHONE],
    [320, '/', SMALL_PHONE],
    [320, '/search/', SMALL_PHONE],
    [320, '/tools/', SMALL_PHONE],
    [1280, '/', DESKTOP],
    [1280, '/search/', DESKTOP],
  ] as const)('at %i px on %s fit their box', async (_, path, options) =>
    visit(path, options, async (page) => {
      expect(await clipped(page)).toEqual([]);
    }),
  );
});

describe('the site nav', () => {
  // Its links' tops: one value when they share a line.
  const lines = (page: Page) =>
    page
      .locator('.site-header nav li')
      .evaluateAll((items) => new Set(items.map((li) => Math.round(li.getBoundingClientRect().top))).size);

  test.each([390, 360])('keeps its four links on one line at %i px', async (width) =>
    visit('/tools/', { ...PHONE, viewport: { width, height: 800 } }, async (page) => {
      expect(await page.locator('.site-header nav li').count()).toBe(4);
      expect(await lines(page)).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }),
  );

  test('keeps its desktop size at 1280 px', async () =>
    visit('/tools/', DESKTOP, async (page) => {
      expect(await lines(page)).toBe(1);
      expect(
        await page
          .locator('.site-header nav a')
          .first()
          .evaluate((a) => getComputedStyle(a).fontSize),
      ).toBe('16px');
    }));
});

describe('search at 390 and 1280 px', () => {
  test.each([
    [390, PHONE],
    [1280, DESKTOP],
  ] as const)(
    'a corrected typo on the search page, and the header box open on it, pass axe-core at %i px',
    async (width, options) =>
      visit('/search/?q=delte%20file', options, async (page) => {
        await page.waitForFunction(() =>
          document.querySelector('#search-status')?.textContent?.startsWith('Showing results for “delete file”'),
        );
        expect(await axeViolations(page)).toEqual([]);
        await page.locator('#site-search-q').fill('refnud');
        await page.waitForFunction(() =>
          document.querySelector('.search-popup-status')?.textContent?.startsWith('Showing results for “refund”'),
        );
        expect(await page.locator('.search-popup').isVisible()).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        // The open box's results stay within the screen.
        const box = (await page.locator('.search-popup').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }),
  );
});

describe('the policy tabs of a critical tool', () => {
  // Every tab of a row on the same line, and the row no wider than its box (it may scroll within itself).
  const rows = (page: Page) =>
    page.locator('[role="tablist"]').evaluateAll((lists) =>
      lists.map((list) => ({
        name: list.getAttribute('aria-label'),
        lines: new Set([...list.querySelectorAll('[role="tab"]')].map((t) => (t as HTMLElement).offsetTop)).size,
        overflow: list.scrollWidth - list.clientWidth,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      })),
    );

  test('stay on one line that fits at 390 px', async () =>
    visit(REFUND, PHONE, async (page) => {
      expect(await rows(page)).toEqual([
        { name: 'Policy format', lines: 1, overflow: 0, page: 0 },
        { name: 'Policy format (variant)', lines: 1, overflow: 0, page: 0 },
      ]);
    }));

  test('stay on one line at 320 px, scrolling within their row rather than widening the page', async () =>
    visit(REFUND, { ...PHONE, viewport: { width: 320, height: 700 } }, async (page) => {
      for (const row of await rows(page)) expect(row, row.name ?? '').toMatchObject({ lines: 1, page: 0 });
    }));

  test('and buttons tell the recommendation from the variant: every accessible name is unique', async () =>
    visit(REFUND, PHONE, async (page) => {
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
      };
      const names = (role: string) =>
        nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value ?? '');
      for (const role of ['button', 'tab', 'tablist']) {
        const all = names(role);
        expect(
          all.filter((n, i) => all.indexOf(n) !== i),
          `${role}s named twice`,
        ).toEqual([]);
      }
      expect(names('button')).toEqual(
        expect.arrayContaining(['Copy PolicyLayer JSON', 'Copy PolicyLayer JSON (variant)']),
      );
      // The copy buttons of the panels not shown are named apart too.
      const copies = await page.locator('[data-copy]').evaluateAll((b) => b.map((e) => e.getAttribute('aria-label')));
      expect(copies).toHaveLength(6);
      expect(new Set(copies).size).toBe(6);
    }));
});

describe('an API address that does not exist', () => {
  test('has a JSON document to answer with, which points to the real ones', async () => {
    const response = await fetch(`${BASE}/api/404.json`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: string; status: number; documents: { catalogue: string } };
    expect(body).toMatchObject({ error: 'not_found', status: 404 });
    expect((await fetch(`${BASE}${body.documents.catalogue}`)).status).toBe(200);
  });
});
