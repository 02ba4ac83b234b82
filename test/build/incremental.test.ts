import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { makeServerFile, makeTool, writeCatalogue } from '../fixtures.ts';
import { run } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (out: string, path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

test('an incremental build re-renders what changed, and what shows it, and restores the rest', () => {
  const stable = makeServerFile({
    server: { name: 'io.example/stable', title: 'Stable' },
    tools: [makeTool({ name: 'read_notes', description: 'Reads the notes of a project.' })],
  });
  const changing = (description: string) =>
    makeServerFile({
      server: { name: 'io.example/changing', title: 'Changing' },
      tools: [makeTool({ name: 'list_files', description })],
    });
  const catalogue = writeCatalogue({
    'stable.json': stable,
    'changing.json': changing('Lists the files of a folder.'),
  });

  const first = join(work, 'first');
  const built = run('node', ['scripts/build.ts', '--outDir', first, '--incremental'], { CATALOGUE_DIR: catalogue });
  expect(built.status, built.output).toBe(0);

  writeFileSync(
    join(catalogue, 'changing.json'),
    JSON.stringify(changing('Lists the files of a folder, newest first.')),
  );
  const second = join(work, 'second');
  const again = run('node', ['scripts/build.ts', '--outDir', second, '--incremental'], { CATALOGUE_DIR: catalogue });
  expect(again.status, again.output).toBe(0);

  // The changed tool's page, its server's page and API document show the change...
  expect(page(second, 'tools/changing/list_files')).toContain('newest first');
  expect(again.output).not.toMatch(/\/tools\/changing\/list_files\/index\.html \(restored\)/);
  expect(readFileSync(join(second, 'api/servers/changing.json'), 'utf8')).toContain('newest first');
  // ...the other server's pages were copied from the cache, and are what a full build writes.
  expect(again.output).toMatch(/\/servers\/stable\/index\.html \(restored\)/);
  expect(again.output).toMatch(/\/api\/servers\/stable\.json \(restored\)/);
  expect(page(second, 'servers/stable')).toBe(page(first, 'servers/stable'));
}, 120_000);
