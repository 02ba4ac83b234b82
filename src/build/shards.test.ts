import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CACHE_ENV, MERGE_ENV, SHARD_ENV, SHARDS_DIR_ENV, SLICE_ENV } from './env.ts';
import {
  cacheState,
  checkSliceSet,
  currentPart,
  currentShard,
  finishSlice,
  mergeInto,
  ownShare,
  parseSlice,
  readManifest,
  readReport,
  reportPages,
  setCacheState,
  shardOf,
  sliceFromSite,
  sliceOf,
} from './shards.ts';

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

describe('slices of the catalogue', () => {
  test('--shard takes I/N from 1', () => {
    expect(parseSlice('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseSlice('1/1')).toEqual({ index: 1, count: 1 });
  });
  test.each(['4/3', '0/3', 'x', '1/0', '1/', '-1/3', '1.5/3'])('refuses %s', (value) => {
    expect(() => parseSlice(value)).toThrow(`not ${JSON.stringify(value)}`);
  });

  test('the part comes from the environment', () => {
    expect(currentPart({})).toEqual({ kind: 'whole' });
    expect(currentPart({ [SLICE_ENV]: '2/5' })).toEqual({ kind: 'slice', index: 2, count: 5 });
    expect(currentPart({ [MERGE_ENV]: '["/a","/b"]' })).toEqual({ kind: 'merge', dirs: ['/a', '/b'] });
    expect(currentPart({ [CACHE_ENV]: '{"dir":"/c","count":16}' })).toEqual({ kind: 'cached', dir: '/c', count: 16 });
    expect(() => currentPart({ [SLICE_ENV]: '1/2', [MERGE_ENV]: '[]' })).toThrow('Only one of');
    expect(() => currentPart({ [SLICE_ENV]: '1/2', [CACHE_ENV]: '{}' })).toThrow('Only one of');
  });

  test('a cached build renders the slices whose cached copy is missing, of another N or of another key', () => {
    const dir = join(work, 'cache');
    const manifest = (folder: string, slice: string, key: string) => {
      mkdirSync(join(dir, folder), { recursive: true });
      writeFileSync(join(dir, folder, '.slice.json'), JSON.stringify({ slice, key, pages: [] }));
    };
    manifest('1-of-4', '1/4', 'k1');
    manifest('2-of-4', '2/4', 'old');
    manifest('3-of-4', '3/3', 'k3');
    const part = { kind: 'cached', dir, count: 4 } as const;
    expect(cacheState(part, ['k1', 'k2', 'k3', 'k4'])).toEqual({ keys: ['k1', 'k2', 'k3', 'k4'], stale: [2, 3, 4] });

    // The routes of the stale slices and every route that names no server.
    setCacheState(() => ({ keys: [], stale: [2] }));
    const routes: { params: { server?: string; page?: number } }[] = [
      ...Array.from({ length: 40 }, (_, i) => ({ params: { server: `s${i}` } })),
      { params: { page: 2 } },
    ];
    const mine = ownShare(routes, whole, part);
    expect(mine.length).toBeGreaterThan(0);
    const servers = mine.flatMap((r) => (r.params.server === undefined ? [] : [r.params.server]));
    expect(servers.length).toBeGreaterThan(0);
    expect(servers.every((server) => sliceOf(server, 4) === 2)).toBe(true);
    expect(mine).toContainEqual({ params: { page: 2 } });
  });

  test("a rendered slice's folder is made again from the site, as links, with its manifest", () => {
    const site = join(work, 'cached-site');
    for (const f of ['tools/a/x/index.html', 'servers/a/index.html', '_astro/s.css', 'index.html']) {
      mkdirSync(join(site, f, '..'), { recursive: true });
      writeFileSync(join(site, f), f);
    }
    const folder = join(work, 'cache', '2-of-4');
    sliceFromSite(site, folder, '2/4', 'k2', ['tools/a/x/', 'servers/a/'], ['tools/a/x/', 'servers/a/']);
    expect(readManifest(folder)).toEqual({ slice: '2/4', key: 'k2', pages: ['tools/a/x/', 'servers/a/'] });
    expect(statSync(join(folder, 'tools/a/x/index.html')).ino).toBe(statSync(join(site, 'tools/a/x/index.html')).ino);
    expect(existsSync(join(folder, '_astro/s.css'))).toBe(true);
    expect(existsSync(join(folder, 'index.html'))).toBe(false);
    expect(() => sliceFromSite(site, folder, '2/4', 'k2', ['tools/b/y/'], [])).toThrow(
      'Slice 2/4 has no tools/b/y/index.html',
    );
  });

  const paths = [
    ...Array.from({ length: 300 }, (_, i) => ({ params: { server: `s${i % 30}`, tool: `t${i}` } })),
    ...Array.from({ length: 30 }, (_, i) => ({ params: { server: `s${i}` } })),
    ...Array.from({ length: 20 }, (_, i) => ({ params: { page: i + 2 } })),
  ];
  const whole = { index: 0, count: 1, dir: '' };

  test("a slice renders its servers' routes, all of each server's, and the merge every other route", () => {
    const slices = [1, 2, 3].map((index) => ownShare(paths, whole, { kind: 'slice', index, count: 3 }));
    for (const [k, share] of slices.entries()) {
      expect(share.length).toBeGreaterThan(0);
      expect(share.every((p) => 'server' in p.params && sliceOf(String(p.params.server), 3) === k + 1)).toBe(true);
    }
    expect(slices.flat().length).toBe(330);
    expect(ownShare(paths, whole, { kind: 'merge', dirs: [] })).toEqual(paths.slice(330));
  });

  test("a server's slice depends on its slug alone", () => {
    expect(sliceOf('github', 7)).toBe(sliceOf('github', 7));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[sliceOf(`server-${i}`, 4) - 1]!++;
    for (const n of counts) expect(Math.abs(n - 1000)).toBeLessThan(100);
  });

  test('a slice folder keeps its own files and the assets, and says what it is', () => {
    const dir = join(work, 'slice');
    mkdirSync(join(dir, 'tools/a/x'), { recursive: true });
    mkdirSync(join(dir, 'tools/b/y'), { recursive: true });
    mkdirSync(join(dir, '_astro'), { recursive: true });
    for (const f of ['tools/a/x/index.html', 'tools/b/y/index.html', '_astro/s.css', 'index.html'])
      writeFileSync(join(dir, f), f);
    finishSlice(dir, '1/2', 'k', ['tools/a/x/'], ['tools/a/x/']);
    expect(existsSync(join(dir, 'tools/a/x/index.html'))).toBe(true);
    expect(existsSync(join(dir, '_astro/s.css'))).toBe(true);
    expect(existsSync(join(dir, 'tools/b'))).toBe(false);
    expect(existsSync(join(dir, 'index.html'))).toBe(false);
    expect(readManifest(dir)).toEqual({ slice: '1/2', key: 'k', pages: ['tools/a/x/'] });
    expect(() => finishSlice(dir, '1/2', 'k', ['tools/c/z/'], [])).toThrow('Slice 1/2 has no tools/c/z/index.html');

    // Merged by linking: the slice stays as it was, and its manifest stays out of the site.
    const site = join(work, 'site');
    mkdirSync(site);
    mergeInto(dir, site, { keep: true });
    expect(readFileSync(join(site, 'tools/a/x/index.html'), 'utf8')).toBe('tools/a/x/index.html');
    expect(existsSync(join(site, '.slice.json'))).toBe(false);
    expect(existsSync(join(dir, 'tools/a/x/index.html'))).toBe(true);
    // One file system here: one file under two names, not a copy.
    expect(statSync(join(site, 'tools/a/x/index.html')).ino).toBe(statSync(join(dir, 'tools/a/x/index.html')).ino);
    // A later build empties its output folder by unlinking: the slice keeps its page.
    rmSync(site, { recursive: true });
    expect(readFileSync(join(dir, 'tools/a/x/index.html'), 'utf8')).toBe('tools/a/x/index.html');
  });

  test('the merge wants slices 1…N of one N, each once', () => {
    const m = (slice: string) => ({ slice, key: '', pages: [] });
    expect(checkSliceSet(['a', 'b'], [m('1/2'), m('2/2')])).toEqual([]);
    expect(checkSliceSet(['a', 'b'], [m('1/3'), m('2/3')])).toEqual(['slice 3/3 is missing.']);
    expect(checkSliceSet(['a', 'b'], [m('1/2'), m('1/2')])).toEqual(['a and b are both slice 1.']);
    expect(checkSliceSet(['a', 'b'], [m('1/2'), m('2/3')])).toEqual(['b is slice 2/3, but a is one of 2.']);
    expect(checkSliceSet(['a'], [undefined])[0]).toMatch(/^a is not a slice/);
  });
});
