import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { makeServerFile, makeTool, writeCatalogue } from '../../test/fixtures.ts';
import { loadCatalogue } from './catalogue-files.ts';
import { verifyBuild } from './verify-build.ts';

const catalogue = loadCatalogue(
  writeCatalogue({ 'demo.json': makeServerFile({ tools: [makeTool({ name: 'a' }), makeTool({ name: 'b' })] }) }),
);

function dist(pages: string[], apiTools: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-'));
  for (const page of pages) {
    mkdirSync(join(dir, page), { recursive: true });
    writeFileSync(join(dir, page, 'index.html'), '');
  }
  mkdirSync(join(dir, 'api/servers'), { recursive: true });
  writeFileSync(
    join(dir, 'api/servers/demo.json'),
    JSON.stringify({ toolsKnown: true, tools: apiTools.map((slug) => ({ slug })) }),
  );
  return dir;
}

test('a complete build has no problems', () => {
  expect(
    verifyBuild(dist(['tools/demo/a', 'tools/demo/b', 'tools/page/2'], ['a', 'b']), catalogue, [
      '/tools/demo/a/',
      '/tools/demo/b/',
    ]),
  ).toEqual([]);
});

test('a missing page, a stray page, a short API document and a doubled search record are all reported', () => {
  expect(
    verifyBuild(dist(['tools/demo/a', 'tools/demo/zzz'], ['a']), catalogue, ['/tools/demo/a/', '/tools/demo/a/']),
  ).toEqual([
    'no page for /tools/demo/b/',
    'a page for /tools/demo/zzz/, which is not in the catalogue',
    'the API document of demo lists 1 tools, the catalogue has 2',
    '2 search records for /tools/demo/a/',
    '0 search records for /tools/demo/b/',
  ]);
});

test('a server whose tools are not known must have `tools: null` in its API document, not an empty list', () => {
  const failed = loadCatalogue(
    writeCatalogue({
      'demo.json': { ...makeServerFile({ tools: [] }), scan: { status: 'failed', reason: 'no answer' } },
    }),
  );
  const api = (doc: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'dist-'));
    mkdirSync(join(dir, 'api/servers'), { recursive: true });
    writeFileSync(join(dir, 'api/servers/demo.json'), JSON.stringify(doc));
    return verifyBuild(dir, failed, []);
  };
  expect(api({ toolsKnown: false, tools: null })).toEqual([]);
  expect(api({ toolsKnown: true, tools: [] })).toEqual([
    'the API document of demo says its tools are known, with a list; the catalogue has them not known',
  ]);
  expect(api({ toolsKnown: false, tools: [] })).toEqual([
    'the API document of demo says its tools are not known, with a list; the catalogue has them not known',
  ]);
});
