/**
 * A catalogue written by `registry sync` and `scan-all` (test/catalogues/registry): a scanned
 * server, a deprecated one not scanned yet, one that needs authentication, and one the
 * registry deleted. Built once with a bare `astro build`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pagesUnder, ROOT, run } from './helpers.ts';

const out = mkdtempSync(join(tmpdir(), 'dist-registry-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The visible text of a built page, tags removed and white space collapsed. */
const text = (page: string) =>
  readFileSync(join(out, page), 'utf8')
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');

beforeAll(() => {
  const { status, output } = run('astro', ['build', '--outDir', out], {
    CATALOGUE_DIR: join(ROOT, 'test/catalogues/registry'),
  });
  expect(status, output).toBe(0);
}, 180_000);

describe('a catalogue from the registry', () => {
  test('every server page shows its registry status, version, publication date and when its tools were listed', () => {
    const page = text('servers/io-example-kv-store/index.html');
    expect(page).toContain('Registry status Active');
    expect(page).toContain('Version 2.1.0');
    expect(page).toContain('Published 2025-09-12 (updated 2025-10-03)');
    expect(page).toContain('Tools last listed 2025-10-04');
    expect(page).not.toContain('not known');
  });

  test('a server without tools says why, and a deprecated one is marked', () => {
    const legacy = text('servers/io-example-legacy-search/index.html');
    expect(legacy).toContain('Deprecated in the registry: Replaced by io.example/search.');
    expect(legacy).toContain('Registry status Deprecated');
    expect(legacy).toContain('Tools last listed never');
    expect(legacy).toContain('Tools not known: not scanned yet');
    expect(legacy).toContain('Its tools are not known: the server has not been scanned yet.');
    const crm = text('servers/io-example-crm/index.html');
    expect(crm).toContain('Tools not known: needs credentials');
    expect(crm).toContain('What the server answered: the server answered HTTP 401 without credentials');
  });

  test('a deleted server is on no page and in no API document', () => {
    expect(pagesUnder(out, 'servers').filter((p) => p.includes('retired'))).toEqual([]);
    expect(pagesUnder(out, 'tools').filter((p) => p.includes('retired'))).toEqual([]);
    const api = JSON.parse(readFileSync(join(out, 'api/catalogue.json'), 'utf8'));
    expect(JSON.stringify(api)).not.toContain('retired');
  });

  test('the home page counts the servers whose tools are not known apart', () => {
    const home = text('index.html');
    expect(home).toContain(
      'The tool figures leave out 2 servers whose tools are not known: 1 not scanned yet and 1 needing credentials.',
    );
  });
});
