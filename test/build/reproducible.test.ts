import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DIST, run } from './helpers.ts';

const again = join(mkdtempSync(join(tmpdir(), 'dist-again-')), 'site');
afterAll(() => rmSync(again, { recursive: true, force: true }));

test('a second build of the same catalogue writes the same bytes', () => {
  const { status, output } = run('node', ['scripts/build.ts', '--outDir', again]);
  expect(status, output).toBe(0);
  const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  const list = files(DIST);
  expect(files(again)).toEqual(list);
  // Every page, API document and search index file: no timestamps, no random ids.
  for (const file of list.filter((f) => /\.(html|json|xml|txt|css|pf_meta|pf_index|pf_fragment|pagefind)$/.test(f))) {
    expect(readFileSync(join(again, file)).equals(readFileSync(join(DIST, file))), file).toBe(true);
  }
});
