import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SHARD_ENV, SHARDS_DIR_ENV } from './env.ts';
import { currentShard, mergeInto, ownShare, readReport, reportPages, shardOf } from './shards.ts';

const work = mkdtempSync(join(tmpdir(), 'shards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('currentShard', () => {
  test('one process renders everything when scripts/build.ts did not say otherwise', () => {
    expect(currentShard({})).toEqual({ index: 0, count: 1, dir: '' });
  });
  test('reads k/N and the shared folder', () => {
    expect(currentShard({ [SHARD_ENV]: '1/3', [SHARDS_DIR_ENV]: '/x' })).toEqual({ index: 1, count: 3, dir: '/x' });
  });
  test.each(['3/3', '1', 'a/b', '0/0', '-1/2'])('refuses %s', (value) => {
    expect(() => currentShard({ [SHARD_ENV]: value, [SHARDS_DIR_ENV]: '/x' })).toThrow(SHARD_ENV);
  });
  test('several processes need the shared folder', () => {
    expect(() => currentShard({ [SHARD_ENV]: '0/2' })).toThrow(SHARDS_DIR_ENV);
  });
});

describe('ownShare', () => {
  const paths = Array.from({ length: 10_000 }, (_, i) => ({ params: { server: `s${i % 97}`, tool: `t${i}` } }));

  test('every page goes to exactly one process, and the shares are even', () => {
    const shares = [0, 1, 2].map((index) => ownShare(paths, { index, count: 3, dir: '/x' }));
    expect(
      shares
        .flat()
        .map((p) => p.params.tool)
        .sort(),
    ).toEqual(paths.map((p) => p.params.tool).sort());
    for (const share of shares) expect(Math.abs(share.length - paths.length / 3)).toBeLessThan(paths.length * 0.03);
  });

  test("a page's process depends on its parameters, not on its place in the list", () => {
    const one = { params: { server: 'a', tool: 'b' } };
    expect(shardOf(one.params, 4)).toBe(shardOf({ server: 'a', tool: 'b' }, 4));
    const shuffled = [...paths].reverse();
    const mine = (list: typeof paths) =>
      new Set(ownShare(list, { index: 1, count: 2, dir: '/x' }).map((p) => p.params.tool));
    expect(mine(shuffled)).toEqual(mine(paths));
  });

  test('with one process, all of them', () => {
    expect(ownShare(paths, { index: 0, count: 1, dir: '' })).toHaveLength(paths.length);
  });
});

describe('mergeInto', () => {
  const tree = (root: string, files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  };

  test('moves what only the other folder has, keeps one copy of identical files', () => {
    const from = join(work, 'a-from');
    const to = join(work, 'a-to');
    tree(from, {
      'tools/s/one/index.html': 'one',
      'tools/t/two/index.html': 'two',
      'index.html': 'home',
      '_astro/x.js': 'js',
    });
    tree(to, { 'tools/s/three/index.html': 'three', 'index.html': 'home', '_astro/x.js': 'js' });
    mergeInto(from, to);
    expect(readFileSync(join(to, 'tools/s/one/index.html'), 'utf8')).toBe('one');
    expect(readFileSync(join(to, 'tools/t/two/index.html'), 'utf8')).toBe('two');
    expect(readFileSync(join(to, 'tools/s/three/index.html'), 'utf8')).toBe('three');
    expect(existsSync(join(from, 'tools/s/one'))).toBe(false);
  });

  test('fails, naming the file, when two processes wrote different versions of it', () => {
    const from = join(work, 'b-from');
    const to = join(work, 'b-to');
    tree(from, { 'api/catalogue.json': '{"tools":1}' });
    tree(to, { 'api/catalogue.json': '{"tools":2}' });
    expect(() => mergeInto(from, to)).toThrow(/different versions of .*api\/catalogue\.json/);
  });
});

test('a report is read back whole, and not before it is written', () => {
  const shard = { index: 2, count: 3, dir: work };
  expect(readReport(work, 2)).toBeUndefined();
  reportPages(shard, ['tools/a/b/', 'servers/a/']);
  expect(readReport(work, 2)).toEqual(['tools/a/b/', 'servers/a/']);
});
