import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { syncRegistry } from '../../src/cli/registry.ts';
import { checkCatalogue } from '../../src/build/catalogue-files.ts';
import { makeEntry, startRegistry, type TestRegistry } from '../../scripts/lib/registry-server.ts';
import { cli } from './run-cli.ts';
import { makeTools, startHttpServer } from './servers.ts';

const started: TestRegistry[] = [];
const closers: (() => void)[] = [];
afterAll(() => {
  started.forEach((r) => r.http.close());
  closers.forEach((close) => close());
});

/** A fresh catalogue folder, removed when the tests end. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sync-'));
  closers.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function registry(...args: Parameters<typeof startRegistry>): Promise<TestRegistry> {
  const r = await startRegistry(...args);
  started.push(r);
  return r;
}

const fast = { limit: 3, backoffMs: 5, timeoutMs: 5000 };
const read = (dir: string, slug: string) => JSON.parse(readFileSync(join(dir, `${slug}.json`), 'utf8'));

/** Seven valid servers, one deprecated and one deleted, and one entry without a name. */
function sample(): Record<string, unknown>[] {
  const nameless = makeEntry('io.github.x/nameless');
  delete (nameless.server as Record<string, unknown>).name;
  return [
    makeEntry('io.github.alice/weather', {
      server: {
        title: 'Weather',
        icons: [{ src: 'https://example.com/icon.png', mimeType: 'image/png', sizes: ['48x48'] }],
        _meta: { 'io.modelcontextprotocol.registry/publisher-provided': { tool: 'publisher-cli' } },
      },
    }),
    makeEntry('io.github.alice/notes'),
    makeEntry('com.example/crm', {
      server: {
        packages: [],
        remotes: [
          { type: 'streamable-http', url: 'https://{host}/mcp', variables: { host: { default: 'crm.example.com' } } },
        ],
      },
    }),
    makeEntry('io.github.bob/old-thing', { status: 'deprecated' }),
    makeEntry('io.github.bob/gone', { status: 'deleted' }),
    makeEntry('io.github.carol/a.b'),
    makeEntry('io.github.carol/a-b'),
    nameless,
  ];
}

describe('registry sync', () => {
  test('reads every page, writes one file per server with the server part as sent, and reports the invalid entry', async () => {
    const r = await registry(sample);
    const dir = tempDir();
    const plan = await syncRegistry(dir, r.url, { ...fast, now: '2025-10-01T00:00:00Z' });
    expect(plan.summary).toEqual({ new: 5, updated: 0, unchanged: 0, deprecated: 1, deleted: 1, rejected: 1 });
    expect(plan.pages).toBe(3);
    expect(r.requests.map((u) => u.searchParams.get('cursor') !== null)).toEqual([false, true, true]);
    for (const u of r.requests) {
      expect(u.searchParams.get('version')).toBe('latest');
      expect(u.searchParams.get('include_deleted')).toBe('true');
      expect(u.searchParams.get('limit')).toBe('3');
    }
    expect(plan.rejected).toEqual([
      { position: { page: 1, index: 0, overall: 1 }, reason: expect.stringMatching(/^\$\.server\.name: /) },
    ]);
    expect(plan.deletedNames).toEqual(['io.github.bob/gone (not in the catalogue)']);
    // The two carol names make the same readable slug: both get their hash, whatever the order.
    expect(readdirSync(dir).sort()).toEqual([
      'com-example-crm.json',
      expect.stringMatching(/^io-github-alice-notes\.json$/),
      'io-github-alice-weather.json',
      'io-github-bob-old-thing.json',
      expect.stringMatching(/^io-github-carol-a-b-[0-9a-f]{8}\.json$/),
      expect.stringMatching(/^io-github-carol-a-b-[0-9a-f]{8}\.json$/),
    ]);
    const weather = read(dir, 'io-github-alice-weather');
    expect(weather.server).toEqual(sample()[0]!.server);
    expect(Object.keys(weather.server)).toEqual(Object.keys(sample()[0]!.server as object));
    expect(weather.registry).toEqual({
      source: r.url,
      status: 'active',
      publishedAt: '2025-09-01T10:00:00Z',
      updatedAt: '2025-09-01T10:00:00Z',
      isLatest: true,
      syncedAt: '2025-10-01T00:00:00Z',
    });
    expect(weather.scan).toEqual({ status: 'not-scanned' });
    expect(weather.tools).toEqual([]);
    expect(read(dir, 'io-github-bob-old-thing').registry.status).toBe('deprecated');
    // The loader takes every file, tools or not.
    const { catalogue, problems } = checkCatalogue(dir);
    expect(problems).toEqual([]);
    expect(catalogue!.servers).toHaveLength(6);
    expect(catalogue!.toolCount).toBe(0);
  });

  test('a second sync keeps tools and reviews, re-marks a new version for scanning, and takes a server off the site when deleted', async () => {
    let entries = sample();
    const r = await registry(() => entries);
    const dir = tempDir();
    await syncRegistry(dir, r.url, fast);
    const path = join(dir, 'io-github-alice-notes.json');
    const scanned = read(dir, 'io-github-alice-notes');
    scanned.scan = { status: 'scanned', version: '1.0.0', listedAt: '2025-09-02T00:00:00Z' };
    scanned.tools = [
      {
        name: 'add_note',
        inputSchema: { type: 'object' },
        review: { category: 'write', risk: 'medium', note: 'Checked.' },
      },
    ];
    scanned.curatorNote = 'kept';
    writeFileSync(path, JSON.stringify(scanned));
    writeFileSync(
      join(dir, 'io-github-alice-weather.json'),
      JSON.stringify({ ...read(dir, 'io-github-alice-weather'), tools: [] }),
    );

    entries = [
      ...sample().filter((e) => !/notes|weather|old-thing/.test(JSON.stringify(e.server))),
      makeEntry('io.github.alice/notes', { version: '1.1.0', updatedAt: '2025-10-02T00:00:00Z' }),
      makeEntry('io.github.alice/weather', { status: 'deleted', updatedAt: '2025-10-02T00:00:00Z' }),
      makeEntry('io.github.bob/old-thing', { status: 'deprecated' }),
    ];
    const plan = await syncRegistry(dir, r.url, fast);
    expect(plan.summary).toEqual({ new: 0, updated: 1, unchanged: 4, deprecated: 0, deleted: 2, rejected: 1 });
    expect(plan.deletedNames).toContain('io.github.alice/weather (io-github-alice-weather.json kept, off the site)');
    const notes = read(dir, 'io-github-alice-notes');
    expect(notes.server.version).toBe('1.1.0');
    expect(notes.tools[0].review.note).toBe('Checked.');
    expect(notes.curatorNote).toBe('kept');
    expect(notes.scan).toMatchObject({ status: 'not-scanned', version: '1.0.0', listedAt: '2025-09-02T00:00:00Z' });
    expect(notes.scan.reason).toMatch(/version 1\.1\.0 is published/);
    const { catalogue } = checkCatalogue(dir);
    expect(catalogue!.servers.map((s) => s.slug)).not.toContain('io-github-alice-weather');
    expect(catalogue!.deleted).toEqual(['io-github-alice-weather.json']);
  });

  test('--since asks only for what changed (updated_since), and the deleted ones come with it', async () => {
    const r = await registry(() => [
      makeEntry('io.github.a/old', { updatedAt: '2025-01-01T00:00:00Z' }),
      makeEntry('io.github.a/new', { updatedAt: '2025-11-01T00:00:00Z' }),
      makeEntry('io.github.a/removed', { status: 'deleted', updatedAt: '2025-11-02T00:00:00Z' }),
    ]);
    const dir = tempDir();
    const plan = await syncRegistry(dir, r.url, { ...fast, since: '2025-10-01T00:00:00Z' });
    expect(r.requests[0]!.searchParams.get('updated_since')).toBe('2025-10-01T00:00:00Z');
    expect(plan.summary).toMatchObject({ new: 1, deleted: 1 });
    expect(readdirSync(dir)).toEqual(['io-github-a-new.json']);
  });

  test('a server the registry no longer lists at all is named, and its file left as it is', async () => {
    let entries = [makeEntry('io.github.a/stays'), makeEntry('io.github.a/vanishes')];
    const r = await registry(() => entries);
    const dir = tempDir();
    await syncRegistry(dir, r.url, fast);
    const before = readFileSync(join(dir, 'io-github-a-vanishes.json'), 'utf8');
    entries = [makeEntry('io.github.a/stays')];
    const plan = await syncRegistry(dir, r.url, fast);
    expect(plan.missing).toEqual(['io.github.a/vanishes (io-github-a-vanishes.json)']);
    expect(readFileSync(join(dir, 'io-github-a-vanishes.json'), 'utf8')).toBe(before);
    // An incremental sync cannot tell: it names nothing.
    expect((await syncRegistry(dir, r.url, { ...fast, since: '2020-01-01T00:00:00Z' })).missing).toEqual([]);
  });

  test('network errors and 503 are retried with backoff; a 404 is not', async () => {
    const r = await registry(() => [makeEntry('io.github.a/one')], { failures: ['reset', 503] });
    const dir = tempDir();
    const log: string[] = [];
    const plan = await syncRegistry(dir, r.url, { ...fast, log: (l) => log.push(l) });
    expect(plan.summary.new).toBe(1);
    expect(r.requests).toHaveLength(3);
    expect(log.filter((l) => l.includes('trying again'))).toHaveLength(2);

    const missing = await registry(() => [], { failures: [404] });
    await expect(syncRegistry(dir, missing.url, fast)).rejects.toThrow(/HTTP 404/);
    expect(missing.requests).toHaveLength(1);
  });

  test("`catalogue scan` of a synced server keeps the registry's server part and record, and records the scan", async () => {
    const r = await registry(() => [makeEntry('io.github.alice/paged', { server: { title: 'Paged' } })]);
    const dir = tempDir();
    await syncRegistry(dir, r.url, fast);
    const before = read(dir, 'io-github-alice-paged');
    const { url, http } = await startHttpServer(() => makeTools(2), 10);
    closers.push(() => http.close());
    const { status, out } = await cli(['scan', '--slug', 'io-github-alice-paged', '--url', url], dir);
    expect(status, out).toBe(0);
    const after = read(dir, 'io-github-alice-paged');
    expect(after.server).toEqual(before.server);
    expect(after.registry).toEqual(before.registry);
    expect(after.scan).toMatchObject({ status: 'scanned', version: '1.0.0', via: 'catalogue scan' });
    expect(after.tools).toHaveLength(2);
  }, 60_000);

  test('the CLI prints each rejected entry with its position, the deleted ones and the summary', async () => {
    const r = await registry(sample);
    const dir = tempDir();
    const { out } = await cli(['registry', 'sync', '--registry', r.url], dir);
    expect(out).toMatch(/^rejected entry 1 \(page 1, item 1\): \$\.server\.name: /m);
    expect(out).toContain('deleted: io.github.bob/gone (not in the catalogue)');
    expect(out).toMatch(/5 new, 0 updated, 0 unchanged, 1 deprecated, 1 deleted, 1 rejected; 6 files written/);
  }, 60_000);
});
