import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../scripts/lib/chromium.ts';
import { afterAll, beforeAll, inject } from 'vitest';

export const BASE = inject('baseURL');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const launch = launchChromium;

/**
 * The Chromium a test file's tests share, launched before the first and closed after the last:
 * call it at the top of the file and `browser()` in a test.
 */
export function sharedChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium did not start (see the error before this one).');
    return browser;
  };
}

/** `path` of the site at `base`: the preview of `dist/` unless a test serves a site of its own. */
export async function open(
  browser: Browser,
  path: string,
  options: BrowserContextOptions = {},
  base = BASE,
): Promise<Page> {
  const context = await browser.newContext(options);
  // axe-core comes in through the browser's own channel: the site's CSP (rightly) refuses injected script tags.
  await context.addInitScript({ path: axePath });
  const page = await context.newPage();
  const response = await page.goto(`${base}${path}`);
  if (!response || (response.status() >= 400 && !path.includes('does-not-exist')))
    throw new Error(`${path}: HTTP ${response?.status()}`);
  return page;
}

/** axe-core's serious and critical violations on the page, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: () => Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run();
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
