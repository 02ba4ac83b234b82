/**
 * The hostile catalogue (test/catalogues/hostile): markup and script in every field,
 * javascript:/data: URLs, bidirectional and zero-width characters, a 200 KB
 * description, 2,000 parameters, a schema 100 levels deep and one that refers to
 * itself. It is built, served, and every page is opened in Chromium.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, run } from '../test/build/helpers.ts';
import { launch } from './browser.ts';
import { serveStatic } from '../scripts/lib/static-server.ts';

const out = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'site');
let server: Server | undefined;
let base = '';
let browser: Browser;

/**
 * The page with the values of text-bearing attributes blanked. Catalogue text in an
 * attribute (a meta description) is quoted and harmless, but a scan for tags must
 * not mistake it for markup. Attribute values are the only place `="` appears:
 * text has its quotes escaped.
 */
const markup = (html: string) =>
  html.replace(/\s(content|title|aria-label|alt|placeholder|value|download)="[^"]*"/g, ' $1=""');

const pages = () =>
  readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.html') && !p.startsWith('pagefind'))
    .sort();

beforeAll(async () => {
  const built = run('node', ['scripts/build.ts', '--outDir', out], {
    CATALOGUE_DIR: resolve(ROOT, 'test/catalogues/hostile'),
  });
  if (built.status !== 0) throw new Error(built.output);
  ({ server, base } = await serveStatic(out));
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('the built HTML of a hostile catalogue', () => {
  test('no catalogue text became markup: no event handlers, no foreign elements, no script or data URLs', () => {
    for (const page of pages()) {
      const html = markup(readFileSync(join(out, page), 'utf8'));
      const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
      expect(
        tags.filter((t) => /\son[a-z]+\s*=/i.test(t)),
        page,
      ).toEqual([]);
      expect(
        tags.filter((t) => /^<(img|iframe|object|embed|base|form(?![^>]*role="search"))\b/i.test(t)),
        page,
      ).toEqual([]);
      expect(
        tags.filter((t) => /^<svg\b/i.test(t) && !t.includes('class="bars"')),
        page,
      ).toEqual([]);
      expect(
        tags.filter((t) => /\s(href|src|action)="\s*(javascript|data|vbscript):/i.test(t)),
        page,
      ).toEqual([]);
    }
  });

  test("every script is the site's own: data (JSON-LD, the policy builder's) that stays JSON, or code whose hash the CSP lists", () => {
    for (const page of pages()) {
      const raw = readFileSync(join(out, page), 'utf8');
      const csp = /http-equiv="content-security-policy" content="([^"]+)"/.exec(raw)?.[1] ?? '';
      for (const [, attrs, body] of markup(raw).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        // A data block never runs, so the CSP need not list it; it must only stay JSON.
        if (/type="application\/(ld\+)?json"/.test(attrs!)) {
          expect(body, page).not.toMatch(/<\/?script|<!--/i);
          expect(() => JSON.parse(body!), page).not.toThrow();
        } else if (body!.trim()) {
          const hash = createHash('sha256').update(body!).digest('base64');
          expect(csp, page).toContain(`'sha256-${hash}'`);
        } else {
          expect(attrs, page).toMatch(/src="\/_astro\//);
        }
      }
    }
  });

  test('the JSON-LD keeps the hostile description as text', () => {
    const html = readFileSync(join(out, 'tools/markup-everywhere/describe_xss/index.html'), 'utf8');
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(JSON.stringify(ld)).toContain('Its own description is quoted in full');
    expect(html).toContain('Returns &lt;/script&gt;&lt;script&gt;alert(9)&lt;/script&gt;');
  });

  test('a 200 KB description is cut on the page, with the full text in the API', () => {
    const html = readFileSync(join(out, 'tools/huge-and-deep/long_description/index.html'), 'utf8');
    expect(html.length).toBeLessThan(40_000);
    expect(html).toContain('The description is 200,000 characters long');
    const api = JSON.parse(readFileSync(join(out, 'api/servers/huge-and-deep.json'), 'utf8'));
    expect(api.tools.find((t: { name: string }) => t.name === 'long_description').description).toHaveLength(200_000);
  });

  test('2,000 parameters give a bounded table and a note', () => {
    const html = readFileSync(join(out, 'tools/huge-and-deep/many_parameters/index.html'), 'utf8');
    expect(html.match(/<td><code>param_\d+<\/code><\/td>/g)).toHaveLength(100);
    expect(html).toContain('The first 100 of 2,000 parameters are shown');
  });

  test('tool names that differ only by "." and "-" get a page each', () => {
    expect(pages()).toEqual(
      expect.arrayContaining([
        'tools/markup-everywhere/dot.name/index.html',
        'tools/markup-everywhere/dot-name/index.html',
      ]),
    );
  });
});

describe('every page of the hostile catalogue in Chromium', () => {
  test('opens with no dialog, no script error, no CSP violation and no request off this host', async () => {
    const problems: string[] = [];
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('dialog', (d) => {
      problems.push(`dialog on ${page.url()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`script error on ${page.url()}: ${e.message}`));
    page.on(
      'console',
      (m) =>
        m.type() === 'error' && !m.text().includes('404') && problems.push(`console on ${page.url()}: ${m.text()}`),
    );
    page.on('request', (r) => !r.url().startsWith(base) && problems.push(`request from ${page.url()}: ${r.url()}`));
    for (const file of pages().filter((p) => p !== '404.html')) {
      await page.goto(`${base}/${file.replace(/index\.html$/, '')}`);
      await page.waitForLoadState('networkidle');
    }
    // Search renders excerpts of hostile text, too.
    await page.goto(`${base}/search/?q=script`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results .result').length > 0);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
