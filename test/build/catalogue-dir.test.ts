import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { pagesUnder, ROOT, run } from './helpers.ts';

const outDirs: string[] = [];
const outDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dist-'));
  outDirs.push(dir);
  return dir;
};
afterAll(() => outDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const BROKEN = join(ROOT, 'test/catalogues/broken');
const EXPECTED_PROBLEMS = [
  'syntax-error.json line 5, column 5: expected valid JSON, found a syntax error (comma expected)',
  'two-schema-errors.json $.tools[0].name (tool "lookup order"): expected a tool name of 1 to 128 characters',
  'two-schema-errors.json $.tools[1].inputSchema (tool "cancel_order"): expected an object, found the string "object"',
];

describe('CATALOGUE_DIR', () => {
  test('builds another catalogue, search index included, with a bare `astro build` too', () => {
    const out = outDir();
    // Not through scripts/build.ts: run alone, the search integration indexes the records itself.
    const { status, output } = run('astro', ['build', '--outDir', out], {
      CATALOGUE_DIR: join(ROOT, 'test/catalogues/tiny'),
    });
    expect(status, output).toBe(0);
    expect(output).toMatch(/Pagefind indexed \d+ records/);
    expect(existsSync(join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(
      pagesUnder(out, 'tools')
        .filter((p) => p.split('/').length === 4)
        .sort(),
    ).toEqual(['tools/notes/deletenote/index.html', 'tools/notes/list_notes/index.html']);
    // Another catalogue is not the made-up sample: no page says it is.
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('data-sample-notice');
  });

  test('npm run validate lists all three problems of a broken catalogue and exits 1', () => {
    const { status, output } = run('node', ['scripts/validate.ts'], { CATALOGUE_DIR: BROKEN });
    expect(status).toBe(1);
    expect(output).toContain('3 problems in 2 files');
    for (const line of EXPECTED_PROBLEMS) expect(output).toContain(line);
  });

  test('the build fails on a broken catalogue with the same list and writes nothing', () => {
    const out = join(outDir(), 'site');
    const { status, output } = run('node', ['scripts/build.ts', '--outDir', out], { CATALOGUE_DIR: BROKEN });
    expect(status).not.toBe(0);
    for (const line of EXPECTED_PROBLEMS) expect(output).toContain(line);
    expect(existsSync(out)).toBe(false);
  });

  test('npm run validate summarises a good catalogue in one line', () => {
    const { status, output } = run('node', ['scripts/validate.ts', join(ROOT, 'test/catalogues/tiny')]);
    expect(status).toBe(0);
    expect(output.trim()).toMatch(/: 1 server, 2 tools, no problems\.$/);
  });
});

describe('a catalogue broken every way at once (test/catalogues/broken-all)', () => {
  const dir = join(ROOT, 'test/catalogues/broken-all');
  const expected = [
    'Bad_Name.json (file name): expected a name of lower-case letters',
    'array.json $: expected an object, found an array of 0 items',
    'bom.json byte 0: expected UTF-8 JSON without a byte order mark',
    'case-clash.json $.tools[1].name: expected a name whose page address (/getuser/) no other tool of the server has, found "GetUser", which clashes with tools[0] "getUser"',
    'duplicate-key.json $.server.description (line 1, column 68): expected each key once in an object',
    'duplicate-names.json $.tools[1].name: expected a tool name used once in the server, found "same"',
    'empty.json (file): expected a JSON object, found an empty file',
    'invalid-json.json line 4, column 1: expected valid JSON',
    'latin1.json byte 65: expected UTF-8 text, found the byte 0xE9',
    'missing-fields.json $.server.description: expected a string, found nothing',
    'missing-fields.json $.tools[0].inputSchema (tool "t"): expected an object, found nothing',
    'non-object-input.json $.tools[0].inputSchema (tool "t"): expected an object, found the string "object"',
    'wrong-types.json $.server.description: expected a string, found number 42',
    'wrong-types.json $.tools[0].annotations.readOnlyHint (tool "t"): expected a boolean, found the string "yes"',
  ];

  test('npm run validate lists all 14 problems and exits 1', () => {
    const { status, output } = run('node', ['scripts/validate.ts', dir]);
    expect(status).toBe(1);
    expect(output).toContain('14 problems in 12 files');
    for (const line of expected) expect(output).toContain(line);
  });

  test('the build lists the same problems and writes nothing', () => {
    const out = join(outDir(), 'site');
    const { status, output } = run('node', ['scripts/build.ts', '--outDir', out], { CATALOGUE_DIR: dir });
    expect(status).not.toBe(0);
    for (const line of expected) expect(output).toContain(line);
    expect(existsSync(out)).toBe(false);
  });
});
