/**
 * Issue 21, "unknown is not safe": the registry-shaped catalogue as `scan-all` leaves it
 * (test/build/registry-scanned.ts), built with the project's own build. A server whose tools
 * are not known shows no zero tool figure anywhere (its page, the server list, the home page,
 * its API document), each failure shown names its cause, and no page holds a path or command
 * line of the machine that scanned it.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, run } from './helpers.ts';
import { FAILURES, slug, UNKNOWN, writeScannedCatalogue, writeScannedFleet } from './registry-scanned.ts';

const catalogue = writeScannedCatalogue();
const out = join(tmpdir(), `dist-unknown-${process.pid}`);
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(catalogue, { recursive: true, force: true });
});

const html = (page: string, dir = out) => readFileSync(join(dir, page), 'utf8');
/** The visible text of a built page, tags removed and white space collapsed. */
const text = (page: string, dir = out) =>
  html(page, dir)
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/\s+/g, ' ');
const serverPage = (s: string) => `servers/${s}/index.html`;
const api = (path: string) => JSON.parse(readFileSync(join(out, 'api', path), 'utf8'));

/** A figure of tools that reads as a measurement: "0 tools", "0 can modify or destroy data", "0 critical". */
const ZERO_FIGURE = /(^|[^\d,.])0 (tools?|can modify|critical)\b/;

beforeAll(() => {
  const { status, output } = run('node', ['scripts/build.ts', '--outDir', out], { CATALOGUE_DIR: catalogue });
  expect(status, output).toBe(0);
}, 240_000);

describe('a server whose tools are not known', () => {
  test.each(UNKNOWN)('%s: its page says so and shows no tool figure, tool table or policy', (server) => {
    const page = text(serverPage(server));
    expect(page).toMatch(/Tools not known: (scan failed|runtime not available|needs credentials)/);
    expect(page).toContain('Not graded: tools not known');
    expect(page).toContain('No recommended policy yet');
    expect(page).not.toMatch(ZERO_FIGURE);
    expect(page).not.toMatch(/Grade [A-F]/);
    const markup = html(serverPage(server));
    for (const part of ['id="by-category"', 'id="by-risk"', '<table', 'id="server-policy"', 'policy.json'])
      expect(markup).not.toContain(part);
    expect(existsSync(join(out, 'servers', server, 'policy.json'))).toBe(false);
  });

  test.each(Object.entries(FAILURES))('%s: its page shows the reason as its two lines, naming the cause', (name, f) => {
    const page = text(serverPage(slug(name)));
    expect(page).toContain('Why the scan failed:');
    expect(page).toContain(f.cause);
    // Each line in an element of its own, as the scan wrote it (quotes escaped as HTML).
    const lines = f.reason.split('\n');
    const escaped = (line: string) =>
      line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const codes = [...html(serverPage(slug(name))).matchAll(/<code[^>]*>([^<]*)<\/code>/g)].map((m) =>
      m[1]!.replace(/&#39;/g, "'").replace(/&#34;/g, '&quot;'),
    );
    for (const line of lines) expect(codes).toContain(escaped(line));
  });

  test('a runtime the scanner lacks and credentials asked for are told apart from a failure', () => {
    const iotdb = text(serverPage(slug('iotdb')));
    expect(iotdb).toContain('Tools not known: runtime not available');
    expect(iotdb).toContain(
      'Why it could not be started: packages[0].registryType is "unknown": the scanner runs npm, pypi and oci packages only',
    );
    const auth = text(serverPage(slug('needs-auth')));
    expect(auth).toContain('Tools not known: needs credentials');
    expect(auth).toContain('What the server answered: the server answered HTTP 401 without credentials');
  });

  test('a reason in one long line is cut at 200 characters, not 500', () => {
    const page = text(serverPage(slug('long-reason')));
    const line = `the server exited with code 1: ${'Error: LONG_REASON_KEY missing. '.repeat(30)}`.trim();
    expect(page).toContain(`${line.slice(0, 200)}…`);
    expect(page).not.toContain(line.slice(0, 201));
  });

  test('markup in a reason stays text', () => {
    const markup = html(serverPage(slug('hostile-reason')));
    expect(markup).toContain('&lt;script&gt;alert(&quot;reason&quot;)&lt;/script&gt; exited');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt; HOSTILE_KEY is not set');
    expect(markup).not.toContain('<img src=x');
    expect(markup).not.toContain('<script>alert');
  });

  test('the server list shows "not known" and why in place of its three figures, on every such row', () => {
    const list = html('servers/index.html');
    expect(text('servers/index.html')).toContain('17 servers, by name. 13 of them have tools not known.');
    const rows = list.split('<tr').slice(2);
    expect(rows).toHaveLength(17);
    for (const server of UNKNOWN) {
      const row = rows.find((r) => r.includes(`href="/servers/${server}/"`))!;
      expect(row, server).toMatch(
        /<td colspan="3"[^>]*data-label="Tools"[^>]*>\s*not known \((scan failed|runtime not available|needs credentials)\)/,
      );
      expect(row.replace(/<[^>]+>/g, ' '), server).not.toMatch(/\s0\s/);
    }
  });

  test('the home page counts only the tools that are known, and says how many servers it leaves out and why', () => {
    const home = text('index.html');
    expect(home).toContain('7 tools');
    expect(home).toContain('13 servers with tools not known');
    expect(home).toContain(
      'The tool figures leave out 13 servers whose tools are not known: 1 needing credentials, 1 with a runtime the scanner lacks and 11 whose scan failed.',
    );
  });

  test.each(UNKNOWN)('%s: its API document has no tool list, no counts and no policy, and says why', (server) => {
    const doc = api(`servers/${server}.json`);
    expect(doc).toMatchObject({ slug: server, toolsKnown: false, tools: null, counts: null, policy: null });
    expect(['failed', 'runtime-unavailable', 'needs-auth']).toContain(doc.unknown.status);
    expect(doc.grade).toMatchObject({ letter: null, score: null });
    expect(doc.grade.reasons[0].id).toBe('tools-not-known');
  });

  test('the catalogue index: no zero for them, and how many there are', () => {
    const index = api('catalogue.json');
    expect(index).toMatchObject({ servers: 17, tools: 7, serversWithToolsNotKnown: 13 });
    const unknown = index.items.filter((i: { toolsKnown: boolean }) => !i.toolsKnown);
    expect(unknown.map((i: { slug: string }) => i.slug).sort()).toEqual([...UNKNOWN].sort());
    for (const item of unknown) expect(item).toMatchObject({ tools: null, counts: null });
    expect(index.items.find((i: { slug: string }) => i.slug === slug('weather-server')).unknown).toEqual({
      status: 'failed',
      reason: FAILURES['weather-server']!.reason,
    });
  });
});

describe('servers whose tools are known', () => {
  test('a scan that listed none shows a measured zero, and is not graded for having none', () => {
    const page = text(serverPage(slug('latest-mcp-server')));
    expect(page).toContain('0 tools, 0 can modify or destroy data');
    expect(page).toContain('Not graded: no tools');
    expect(page).toContain('The server listed no tools when it was scanned.');
    expect(api(`servers/${slug('latest-mcp-server')}.json`)).toMatchObject({ toolsKnown: true, tools: [] });
  });

  test('a failed re-scan keeps the tools of the earlier one, says they may be out of date, and why the scan failed', () => {
    const page = text(serverPage(slug('failed-rescan')));
    expect(page).toContain('3 tools, 1 can modify or destroy data');
    expect(page).toContain(
      'The last scan, at version 1.5.0, failed: the tools below are from an earlier scan (2025-09-20) and may be out of date.',
    );
    expect(page).toContain(
      'Why the scan failed: the server exited with code 1 before answering initialize Error: No API key provided.',
    );
    expect(page).toMatch(/Grade [A-F]: \d+ of 100 points/);
    expect(api(`servers/${slug('failed-rescan')}.json`)).toMatchObject({ toolsKnown: true });
  });

  test('a scanned server shows its figures, tools and policy', () => {
    const page = text(serverPage(slug('airtable-mcp-server')));
    expect(page).toContain('3 tools, 1 can modify or destroy data');
    expect(page).toMatch(/Grade [A-F]: \d+ of 100 points/);
    expect(page).not.toContain('not known');
    expect(existsSync(join(out, 'servers', slug('airtable-mcp-server'), 'policy.json'))).toBe(true);
  });
});

/** Every HTML page and JSON document of a built site, Pagefind's files aside. */
const builtPages = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (p) => (p.endsWith('.html') || p.endsWith('.json')) && !p.startsWith('pagefind'),
  );

/** No path or command line of the machine that scanned (or built) the catalogue in `dir`. */
function expectNoMachinePaths(dir: string, catalogueDir: string) {
  const pages = builtPages(dir);
  expect(pages.length).toBeGreaterThan(40);
  for (const page of pages) {
    const body = readFileSync(join(dir, page), 'utf8');
    for (const machine of [
      homedir(),
      ROOT,
      catalogueDir,
      `${tmpdir()}/`,
      'bwrap',
      '--ro-bind',
      '<npm-log>',
      '<sandbox>',
    ])
      expect(body, `${page} holds ${machine}`).not.toContain(machine);
  }
}

test('no page holds a path or command line of the scanning machine', () => expectNoMachinePaths(out, catalogue));

/**
 * At registry scale: the same servers published by 20 more owners each (357 servers, 273 of them
 * with tools not known), listed over several pages of the server list. What holds for one of each
 * kind holds for every one of them.
 */
describe('hundreds of registry servers, most of them never listed', () => {
  const fleet = writeScannedFleet(20);
  const fleetOut = join(tmpdir(), `dist-unknown-fleet-${process.pid}`);
  const own = (server: string) => UNKNOWN.find((u) => server.endsWith(u.replace(/^io-github-fixture-/, '-')));
  const unknown = readdirSync(fleet)
    .map((f) => f.replace(/\.json$/, ''))
    .filter((s) => own(s) !== undefined);
  afterAll(() => {
    rmSync(fleetOut, { recursive: true, force: true });
    rmSync(fleet, { recursive: true, force: true });
  });
  beforeAll(() => {
    const { status, output } = run('node', ['scripts/build.ts', '--outDir', fleetOut], { CATALOGUE_DIR: fleet });
    expect(status, output).toBe(0);
  }, 600_000);

  test('no page, list row, home figure or API document shows a zero for a server never listed', () => {
    expect(unknown).toHaveLength(UNKNOWN.length * 21);
    for (const server of unknown) {
      const page = text(serverPage(server), fleetOut);
      expect(page, server).toMatch(/Tools not known: (scan failed|runtime not available|needs credentials)/);
      expect(page, server).not.toMatch(ZERO_FIGURE);
      const doc = JSON.parse(readFileSync(join(fleetOut, 'api', 'servers', `${server}.json`), 'utf8'));
      expect(doc, server).toMatchObject({ toolsKnown: false, tools: null, counts: null });
    }
    const lists = builtPages(fleetOut).filter((p) => /^servers\/(page\/\d+\/)?index\.html$/.test(p));
    expect(lists.length).toBeGreaterThan(1);
    const rows = lists.flatMap((l) => html(l, fleetOut).split('<tr').slice(2));
    for (const server of unknown) {
      const row = rows.find((r) => r.includes(`href="/servers/${server}/"`));
      expect(row, server).toMatch(/not known \((scan failed|runtime not available|needs credentials)\)/);
      expect(row!.replace(/<[^>]+>/g, ' '), server).not.toMatch(/\s0\s/);
    }
    expect(text('index.html', fleetOut)).toContain(`${unknown.length} servers with tools not known`);
  });

  test('every failure names its cause, on every copy', () => {
    for (const server of unknown) {
      const cause = Object.entries(FAILURES).find(([name]) => slug(name) === own(server))?.[1].cause;
      if (cause) expect(text(serverPage(server), fleetOut), server).toContain(cause);
    }
  });

  test('no page holds a path or command line of the scanning machine', () => expectNoMachinePaths(fleetOut, fleet));
});
