/**
 * Without SITE_URL the site's canonical URLs and sitemap point at the development server's
 * address (astro.config.mjs): `npm run build` says so in one line, and builds all the same.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT, run } from './helpers.ts';

const WARNING =
  'Warning: SITE_URL is not set, so canonical URLs and the sitemap point at http://localhost:4321; ' +
  'set it to the address the site will be published at.';

const work = mkdtempSync(join(tmpdir(), 'site-url-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run build` of the tiny catalogue into a folder of its own; SITE_URL "" is SITE_URL unset. */
function build(siteUrl: string) {
  const out = mkdtempSync(join(work, 'dist-'));
  const result = run('node', ['scripts/build.ts', '--outDir', out, '--shards', '1'], {
    CATALOGUE_DIR: join(ROOT, 'test/catalogues/tiny'),
    SITE_URL: siteUrl,
  });
  return { ...result, sitemap: readFileSync(join(out, 'sitemap-0.xml'), 'utf8') };
}

test('without SITE_URL the build warns in one line, and builds', () => {
  const { status, output, sitemap } = build('');
  expect(status, output).toBe(0);
  expect(output.split('\n')).toContain(WARNING);
  expect(output.match(/SITE_URL/g)).toHaveLength(1);
  expect(sitemap).toContain('<loc>http://localhost:4321/</loc>');
});

test('with SITE_URL it says nothing about it, and the sitemap uses it', () => {
  const { status, output, sitemap } = build('https://mcp.internal.example');
  expect(status, output).toBe(0);
  expect(output).not.toContain('SITE_URL');
  expect(sitemap).toContain('<loc>https://mcp.internal.example/</loc>');
  expect(sitemap).not.toContain('localhost');
});
