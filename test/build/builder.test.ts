import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { analyseCatalogue } from '../../src/core/analyse.ts';
import { catalogueDir, loadCatalogue } from '../../src/build/catalogue-files.ts';
import { builderData } from '../../src/core/policy/builder.ts';
import { DIST } from './helpers.ts';

const servers = analyseCatalogue(loadCatalogue(catalogueDir()));
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
const scriptSources = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);

describe('the policy builder in the built site', () => {
  test.each(servers.map((s) => [s.slug, s] as const))(
    '%s: the page carries the builder region and exactly its data',
    (slug, server) => {
      const html = read(`servers/${slug}/index.html`);
      expect(html).toContain('<section id="builder" class="builder" aria-labelledby="builder-h">');
      const json = /<script type="application\/json" data-builder-data>([\s\S]*?)<\/script>/.exec(html)?.[1];
      expect(JSON.parse(json!)).toEqual(builderData(server));
      // The data cannot end its script element, whatever the catalogue says.
      expect(json).not.toMatch(/<\/?script/i);
    },
  );

  test('server pages load only a small loader; the builder itself is a chunk no page names', () => {
    const html = read('servers/mcp-flux-pro/index.html');
    const loader = scriptSources(html).find((s) => s.includes('PolicyBuilder'));
    expect(loader).toBeDefined();
    const code = readFileSync(join(DIST, loader!));
    expect(gzipSync(code).length).toBeLessThan(1024);
    const chunk = /import\(`\.\/(app\.[^`]+\.js)`\)/.exec(code.toString())?.[1];
    expect(chunk).toBeDefined();
    for (const page of [html, read('tools/mcp-flux-pro/flux_edit_image/index.html'), read('index.html')])
      expect(page).not.toContain(chunk);
  });

  test('tool pages carry none of the builder', () => {
    const html = read('tools/mcp-flux-pro/flux_edit_image/index.html');
    expect(html).not.toContain('data-builder');
    expect(scriptSources(html).some((s) => s.includes('PolicyBuilder'))).toBe(false);
  });
});
