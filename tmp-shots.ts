import { createRequire } from 'node:module';
import { launchChromium } from './scripts/lib/chromium.ts';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BASE = 'http://127.0.0.1:4392';
const pages = [
  ['server-f', '/servers/weather-maps/'],
  ['server-a', '/servers/eflowcode-image-mcp/'],
  ['server-d', '/servers/payments-gateway/'],
  ['server-c', '/servers/shell-exec/'],
  ['servers', '/servers/'],
  ['how', '/how-recommendations-are-made/#grades'],
  ['search', '/search/?grade=F'],
];
const browser = await launchChromium();
for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1280, 390]) {
    for (const [name, path] of pages) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      await ctx.addInitScript({ path: axePath });
      const page = await ctx.newPage();
      await page.goto(BASE + path!);
      await page.waitForTimeout(name === 'search' ? 1500 : 200);
      if (name === 'how') await page.locator('#grades').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/grade-shots/${name}-${width}-${scheme}.png`, fullPage: name !== 'how' && name !== 'servers' && name !== 'search' ? false : false });
      const v = await page.evaluate(async () => (await (window as any).axe.run()).violations.map((x: any) => `${x.id} ${x.impact} ${x.nodes.slice(0,3).map((n: any) => n.target.join(' ')).join(', ')}`));
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      console.log(scheme, width, name, v.length ? v : 'axe clean', sideways ? 'SCROLLS SIDEWAYS' : '');
      await ctx.close();
    }
  }
}
await browser.close();
