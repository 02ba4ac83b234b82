import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { analyseCatalogue, countBy } from '../../src/core/analyse.ts';
import { catalogueDir, loadCatalogue } from '../../src/build/catalogue-files.ts';
import { CATEGORIES, RISKS } from '../../src/schemas/taxonomy.ts';
import { DIST, pagesUnder } from './helpers.ts';

const servers = analyseCatalogue(loadCatalogue(catalogueDir()));
const tools = servers.flatMap((s) => s.tools);
const counts = countBy(tools);
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');

/** Tool links in the table of a browse page, across all its pages. */
function listed(section: string): number {
  return pagesUnder(DIST, section)
    .filter((p) => p === `${section}/index.html` || new RegExp(`^${section}/page/\\d+/index.html$`).test(p))
    .reduce((n, p) => n + (read(p).match(/<tr><td><a href="\/tools\//g)?.length ?? 0), 0);
}

describe('browse pages', () => {
  test('/tools/ and its pages list every tool once', () => {
    expect(listed('tools')).toBe(tools.length);
  });
  test.each(CATEGORIES)('/categories/%s/ lists every tool of the category', (c) => {
    expect(listed(`categories/${c}`)).toBe(counts.category[c]);
  });
  test.each(RISKS)('/risk/%s/ lists every tool of the class', (r) => {
    expect(listed(`risk/${r}`)).toBe(counts.risk[r]);
  });
  test('/servers/ and its pages list every server', () => {
    const pages = pagesUnder(DIST, 'servers').filter(
      (p) => p === 'servers/index.html' || /^servers\/page\/\d+\/index.html$/.test(p),
    );
    const total = pages.reduce((n, p) => n + (read(p).match(/<tr><td><a href="\/servers\//g)?.length ?? 0), 0);
    expect(total).toBe(servers.length);
  });
  test('the home page gives the headline figures', () => {
    expect(read('index.html')).toContain(`${servers.length} MCP servers and ${tools.length} tools risk-classified`);
  });
});

describe('site basics', () => {
  test('robots.txt names the sitemap, which lists the tool pages', () => {
    expect(read('robots.txt')).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain('/tools/mcp-flux-pro/flux_edit_image/</loc>');
    expect(sitemap).not.toContain('404');
  });
  test('the sitemap lists every page, whichever build process rendered it', () => {
    const listed = [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
      .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
      .map((f) => `/${f.slice(0, -'index.html'.length)}`);
    expect(listed.sort()).toEqual(pages.sort());
  });
  test('a 404 page exists and is not indexed', () => {
    expect(existsSync(join(DIST, '404.html'))).toBe(true);
    expect(read('404.html')).toContain('<meta name="robots" content="noindex">');
  });
  test.each([
    'index.html',
    'servers/index.html',
    'servers/mcp-flux-pro/index.html',
    'tools/mcp-flux-pro/flux_edit_image/index.html',
    'categories/write/index.html',
    'risk/low/index.html',
    'attacks/index.html',
    'attacks/rug-pull/index.html',
    'how-recommendations-are-made/index.html',
  ])('%s has one canonical URL and one meta description', (path) => {
    const html = read(path);
    const canonical = [...html.matchAll(/<link rel="canonical" href="([^"]+)"/g)].map((m) => m[1]);
    expect(canonical).toHaveLength(1);
    expect(new URL(canonical[0]!).pathname).toBe(`/${path.replace(/index\.html$/, '')}`);
    expect(html.match(/<meta name="description" content="[^"]{20,}"/g)).toHaveLength(1);
  });
  test('pages ship only the header search script, and tool pages the policy block too, under 5 KB before search', () => {
    const scripts = (path: string) =>
      [...read(path).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
        .filter((m) => !m[1]!.includes('application/ld+json'))
        .map((m) => ({ src: /src="([^"]+)"/.exec(m[1]!)?.[1], inline: m[2]!.trim() }));
    for (const path of ['index.html', 'servers/index.html', 'attacks/index.html', 'tools/index.html']) {
      const found = scripts(path);
      expect(found.map((s) => s.src)).toEqual([expect.stringMatching(/^\/_astro\/HeaderSearch[^/]*\.js$/)]);
      expect(found.every((s) => s.inline === '')).toBe(true);
    }
    const tool = scripts('tools/mcp-flux-pro/flux_edit_image/index.html');
    expect(tool).toHaveLength(2);
    // Astro inlines a script this small (the policy block's); the header's is a file.
    const bytes = tool.reduce((n, s) => n + gzipSync(s.src ? readFileSync(join(DIST, s.src)) : s.inline).length, 0);
    expect(bytes).toBeLessThan(5 * 1024);
  });
});
