import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogueDir, loadCatalogue } from '../../src/build/catalogue-files.ts';
import { DIST, pagesUnder } from './helpers.ts';

// Reads the dist/ that `npm run build` wrote from the bundled catalogue.
const catalogue = loadCatalogue(catalogueDir());

describe('the build of the bundled catalogue', () => {
  test('has exactly one page per tool', () => {
    const expected = catalogue.servers
      .flatMap((s) => s.tools.map((t) => `tools/${s.slug}/${t.slug}/index.html`))
      .sort();
    expect(
      pagesUnder(DIST, 'tools')
        .filter((p) => !p.startsWith('tools/page/') && p !== 'tools/index.html')
        .sort(),
    ).toEqual(expected);
  });

  test('has exactly one page per server', () => {
    const expected = catalogue.servers.map((s) => `servers/${s.slug}/index.html`).sort();
    const found = pagesUnder(DIST, 'servers').filter(
      (p) => /^servers\/[a-z0-9-]+\/index\.html$/.test(p) && !p.startsWith('servers/page/'),
    );
    expect(found.sort()).toEqual(expected);
  });

  test.each(catalogue.servers.flatMap((s) => s.tools.map((t) => [s.slug, t.tool.name, t.slug] as const)))(
    '%s/%s: the tool page names the tool, links its server and lists its parameters',
    (server, name, slug) => {
      const html = readFileSync(join(DIST, 'tools', server, slug, 'index.html'), 'utf8');
      expect(html).toContain(`<code>${name}</code>`);
      expect(html).toContain(`href="/servers/${server}/"`);
      const tool = catalogue.servers.find((s) => s.slug === server)!.tools.find((t) => t.slug === slug)!.tool;
      for (const parameter of Object.keys(tool.inputSchema.properties ?? {}))
        expect(html).toContain(`<code>${parameter}</code>`);
    },
  );

  test('the home page and the sitemap exist', () => {
    expect(existsSync(join(DIST, 'index.html'))).toBe(true);
    expect(existsSync(join(DIST, 'sitemap-index.xml'))).toBe(true);
  });
});
