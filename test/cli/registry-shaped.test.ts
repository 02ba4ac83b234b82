/**
 * `catalogue scan-all` over a registry-shaped catalogue that fails every way the real registry
 * does (test/catalogues/registry-shaped/): registry entries whose npm packages are local test
 * servers that crash for a missing key (or print it on stdout), print a Python traceback, exit with their usage, write
 * garbage on stdout or never answer; a package npm does not have, a version it does not have;
 * a declared variable that is not marked required, placeholders in values; an entry without a
 * version, an unknown package type, an empty transport type. Every local server runs inside
 * the sandbox. The catalogue must say why each failed, in two short lines, and nothing about
 * the machine that scanned it.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkCatalogue } from '../../src/build/catalogue-files.ts';
import type { ScanAllReport, ServerOutcome } from '../../src/cli/scan-all.ts';
import { REASON_LIMIT } from '../../src/core/registry/cause.ts';
import { installTestServerAs } from './fixture-packages.ts';
import { cli, ROOT, type CliRun } from './run-cli.ts';

const FIXTURE = join(ROOT, 'test/catalogues/registry-shaped');
const CACHE = mkdtempSync(join(tmpdir(), 'mcp-catalogue-registry-shaped-cache-'));
const dir = mkdtempSync(join(tmpdir(), 'registry-shaped-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(CACHE, { recursive: true, force: true });
}, 60_000);

const slug = (name: string) => `io-github-fixture-${name}`;
let run: CliRun;
let report: ScanAllReport;
const outcome = (name: string) => report.servers.find((s) => s.slug === slug(name)) as ServerOutcome;
const file = (name: string) => JSON.parse(readFileSync(join(dir, `${slug(name)}.json`), 'utf8'));

beforeAll(async () => {
  cpSync(join(FIXTURE, 'servers'), dir, { recursive: true });
  const packages = JSON.parse(readFileSync(join(FIXTURE, 'packages.json'), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  await Promise.all(
    Object.entries(packages)
      .filter(([spec]) => spec !== '//')
      .map(([spec, mode]) => installTestServerAs(CACHE, spec, mode)),
  );
  const options = '--concurrency 4 --timeout 8 --report'.split(' ');
  run = await cli(['scan-all', ...options, join(dir, 'report.out'), '--cache', CACHE], dir);
  report = JSON.parse(readFileSync(join(dir, 'report.out'), 'utf8'));
}, 300_000);

describe('scan-all over registry-shaped entries that fail every way', () => {
  test('it runs to the end and counts every outcome', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(report.sandbox).toBe(true);
    expect(report.totals).toEqual({ scanned: 3, 'needs-auth': 0, 'runtime-unavailable': 1, failed: 9, skipped: 0 });
  });

  test.each([
    [
      'linear-mcp-server',
      'the server exited with code 1 before answering initialize\nError: No API key provided. Set it in the LINEAR_API_KEY environment variable',
    ],
    ['mcp-neo4j-cypher', "the server exited with code 1 before answering initialize\nKeyError: 'NEO4J_PASSWORD'"],
    ['opslevel-mcp', 'the server exited with code 1 before answering initialize\nError: OPSLEVEL_API_TOKEN is not set'],
    [
      'make-mcp-server',
      "the server exited with code 1 before answering initialize\nerror: missing required argument 'zone'",
    ],
    [
      'chatty-mcp-server',
      /^no answer to initialize within 8 s\n\d+ lines on stdout are not JSON-RPC: hello, this is not JSON-RPC$/,
    ],
    ['oauth-mcp-server', 'no answer to initialize within 8 s\nnothing on stderr'],
    [
      'weather-server',
      'npm install @mcp-catalogue-fixture-does-not-exist/weather-server@2.0.1 failed (E404)\n404 Not Found - GET https://registry.npmjs.org/@mcp-catalogue-fixture-does-not-exist%2fweather-server',
    ],
    [
      'memory-wrong-version',
      'npm install @modelcontextprotocol/server-memory@0.0.0-catalogue-fixture failed (ETARGET)\nNo matching version found for @modelcontextprotocol/server-memory@0.0.0-catalogue-fixture.',
    ],
    [
      'empty-transport',
      'packages[0].transport.type is "" (none given), not a transport of the MCP Registry (stdio, streamable-http, sse)',
    ],
  ])('%s failed, and its file says why in two short lines', (name, reason) => {
    const scan = file(name).scan;
    expect(scan.status).toBe('failed');
    expect(scan.reason).toMatch(typeof reason === 'string' ? new RegExp(`^${escape(reason)}$`) : reason);
    expect(outcome(name)).toMatchObject({ outcome: 'failed', reason: scan.reason });
  });

  test('an unknown package type with an empty version is a runtime the scanner lacks, not a version error', () => {
    expect(file('iotdb').scan).toMatchObject({
      status: 'runtime-unavailable',
      reason: 'packages[0].registryType is "unknown": the scanner runs npm, pypi and oci packages only',
    });
  });

  test('every reason in the catalogue: at most two lines, at most 200 characters', () => {
    const reasons = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).scan.reason as string | undefined)
      .filter((r) => r !== undefined);
    expect(reasons).toHaveLength(10);
    for (const reason of reasons) {
      expect(reason.length).toBeLessThanOrEqual(REASON_LIMIT);
      expect(reason.split('\n').length).toBeLessThanOrEqual(2);
    }
  });

  test('no catalogue file holds a path or command line of the scanning machine', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(13);
    for (const name of files) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const machine of [homedir(), tmpdir(), CACHE, ROOT, dir, 'bwrap', '--ro-bind', '<npm-log>'])
        expect(text, `${name} holds ${machine}`).not.toContain(machine);
    }
  });

  test('the report keeps the whole output and the sandbox command line', () => {
    const [crash] = outcome('linear-mcp-server').attempts!;
    expect(crash!.output).toContain('at readConfig (file://');
    expect(crash!.output).toContain('Node.js v');
    expect(crash!.command).toMatch(/^bwrap --ro-bind \/ \/ /);
    const [missing] = outcome('weather-server').attempts!;
    expect(missing!.output).toContain('Note that you can also install from a');
    expect(missing!.output).toMatch(/A complete log of this run can be found in: \//);
  });

  test('declared variables not marked required, and placeholders in values, get placeholders: the servers list their tools', () => {
    expect(file('airtable-mcp-server').scan).toMatchObject({ status: 'scanned', placeholders: ['AIRTABLE_API_KEY'] });
    expect(file('airtable-mcp-server').tools.map((t: { name: string }) => t.name)).toContain('ping');
    expect(file('workspace-mcp-server').scan).toMatchObject({
      status: 'scanned',
      placeholders: ['--api-key', 'WORKSPACE_ID'],
    });
  });

  test('an entry with an empty version is scanned at the latest, and the report says none was given', () => {
    expect(file('latest-mcp-server').scan).toMatchObject({
      status: 'scanned',
      via: 'npm @catalogue-fixture/latest-mcp-server@latest',
    });
    expect(outcome('latest-mcp-server').notes).toEqual([
      'packages[0].version is "" (none given): the latest version is scanned',
    ]);
    expect(run.stderr).toContain('(packages[0].version is "" (none given): the latest version is scanned)');
  });

  test('the written catalogue validates', () => {
    expect(checkCatalogue(dir).problems).toEqual([]);
  });

  test('--only A B scans both, whatever their state; an unknown slug is named', async () => {
    const again = await cli(
      [
        'scan-all',
        '--only',
        slug('linear-mcp-server'),
        slug('airtable-mcp-server'),
        '--cache',
        CACHE,
        '--report',
        join(dir, 'only.out'),
      ],
      dir,
    );
    expect(again.status, again.stderr).toBe(0);
    const only: ScanAllReport = JSON.parse(readFileSync(join(dir, 'only.out'), 'utf8'));
    expect(only.servers.map((s) => [s.slug, s.outcome])).toEqual([
      [slug('airtable-mcp-server'), 'scanned'],
      [slug('linear-mcp-server'), 'failed'],
    ]);
    const unknown = await cli(
      ['scan-all', '--only', slug('linear-mcp-server'), 'no-such-server', '--cache', CACHE],
      dir,
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('--only: no server "no-such-server" in');
  }, 120_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
