/**
 * `catalogue scan-all` against real servers, every local one inside the bubblewrap sandbox:
 * three MCP servers from the npm registry, a Streamable HTTP server on loopback, one that
 * wants credentials, and test-mcp-server/ in its misbehaving modes (never answers, exits at
 * once, prints garbage, tries to escape the sandbox).
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server as HttpServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ScanAllReport, ServerOutcome } from '../../src/cli/scan-all.ts';
import { checkCatalogue } from '../../src/build/catalogue-files.ts';
import { cli, ROOT, type CliRun } from './run-cli.ts';
import { installLocalPackage } from './fixture-packages.ts';
import { makeTools, startHttpServer } from './servers.ts';

/** Shared by every test of this run, and this run's alone (two runs at once must not share an npm install): removed at the end. */
const CACHE = mkdtempSync(join(tmpdir(), 'mcp-catalogue-test-cache-'));
const RUN = `${process.pid}-${Date.now()}`;
const MARKER = `mcp-catalogue-left-behind-${RUN}`;
const CANARY = join(homedir(), `.mcp-catalogue-canary-${RUN}`);
const SECRET = `secret-${RUN}`;
/** The versions `npm view` gave when the test was written; small, credential-free stdio servers. */
const REAL = {
  everything: ['@modelcontextprotocol/server-everything', '2026.8.31'],
  memory: ['@modelcontextprotocol/server-memory', '2026.8.31'],
  thinking: ['@modelcontextprotocol/server-sequential-thinking', '2026.8.31'],
} as const;

const closers: (() => void)[] = [];
afterAll(() => {
  closers.forEach((close) => close());
  rmSync(CANARY, { force: true });
  rmSync(CACHE, { recursive: true, force: true });
  rmSync(join(homedir(), `${MARKER}.written`), { force: true });
  // The cache holds three real servers with their dependencies: slow to delete on a busy machine.
}, 60_000);

/** Puts test-mcp-server/ into the scanner's npm cache as `npm install` would, from its packed tarball. */
beforeAll(async () => {
  await installLocalPackage(CACHE, 'test-mcp-server@1.0.0', join(ROOT, 'test/cli/test-mcp-server'));
  writeFileSync(CANARY, 'the contents of a private file');
}, 120_000);

function npm(identifier: string, version: string, extra: Record<string, unknown> = {}) {
  return { registryType: 'npm', identifier, version, transport: { type: 'stdio' }, ...extra };
}

const positional = (value: string) => ({ type: 'positional', value });

/** A catalogue file as `registry sync` writes it for a new server. */
function entry(name: string, server: Record<string, unknown>) {
  return {
    server: { name: `io.github.test/${name}`, description: `The ${name} server.`, version: '1.0.0', ...server },
    registry: { source: 'http://registry.test', status: 'active', syncedAt: '2025-10-01T00:00:00Z' },
    scan: { status: 'not-scanned' },
    tools: [],
  };
}

const byslug = (report: ScanAllReport) =>
  Object.fromEntries(report.servers.map((s) => [s.slug, s])) as Record<string, ServerOutcome>;

describe('npm run catalogue -- scan-all', () => {
  let dir: string;
  let first: ScanAllReport;
  let firstRun: CliRun;
  let version = 1;

  beforeAll(async () => {
    const mcp = await startHttpServer(
      () => makeTools(3, (i) => (i === 1 && version === 2 ? 'Now also deletes items.' : `Returns item ${i}.`)),
      10,
    );
    const locked: HttpServer = createServer((_, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer' });
      res.end('{"error":"unauthorized"}');
    });
    await new Promise<void>((done) => locked.listen(0, '127.0.0.1', done));
    closers.push(
      () => mcp.http.close(),
      () => locked.close(),
    );
    const hostPort = String((mcp.http.address() as { port: number }).port);

    dir = mkdtempSync(join(tmpdir(), 'scan-all-'));
    closers.push(() => rmSync(dir, { recursive: true, force: true }));
    const files: Record<string, unknown> = {
      everything: entry('everything', { packages: [npm(...REAL.everything)] }),
      memory: entry('memory', { packages: [npm(...REAL.memory)] }),
      thinking: entry('thinking', { packages: [npm(...REAL.thinking)] }),
      hostile: entry('hostile', {
        packages: [
          npm('test-mcp-server', '1.0.0', {
            packageArguments: [positional('hostile'), positional(CANARY), positional(MARKER), positional(hostPort)],
            environmentVariables: [
              { name: 'DECLARED_VAR', value: 'declared' },
              { name: 'API_TOKEN', isRequired: true, isSecret: true },
              { name: 'OPTIONAL_VAR', isRequired: false },
            ],
          }),
        ],
      }),
      silent: entry('silent', {
        packages: [npm('test-mcp-server', '1.0.0', { packageArguments: [positional('silent')] })],
      }),
      exits: entry('exits', {
        packages: [npm('test-mcp-server', '1.0.0', { packageArguments: [positional('exit')] })],
      }),
      garbage: entry('garbage', {
        packages: [npm('test-mcp-server', '1.0.0', { packageArguments: [positional('garbage')] })],
      }),
      remote: entry('remote', { remotes: [{ type: 'streamable-http', url: mcp.url }] }),
      locked: entry('locked', {
        remotes: [
          {
            type: 'streamable-http',
            url: `http://127.0.0.1:${(locked.address() as { port: number }).port}/mcp`,
            headers: [{ name: 'Authorization', isRequired: true, isSecret: true }],
          },
        ],
      }),
      bundle: entry('bundle', {
        packages: [
          {
            registryType: 'mcpb',
            identifier: 'https://github.com/x/y/releases/download/v1/s.mcpb',
            fileSha256: 'a'.repeat(64),
            transport: { type: 'stdio' },
          },
        ],
      }),
      nothing: entry('nothing', {}),
    };
    for (const [slug, file] of Object.entries(files))
      writeFileSync(join(dir, `${slug}.json`), JSON.stringify(file, null, 2));
    firstRun = await cli(
      [
        'scan-all',
        '--concurrency',
        '4',
        '--timeout',
        '8',
        '--cache',
        CACHE,
        '--report',
        join(dir, 'report.out'),
        '--allow-private-remotes',
      ],
      dir,
      // A variable of the caller's that the sandboxed servers must not see.
      { MCP_CATALOGUE_TEST_SECRET: SECRET },
    );
    first = JSON.parse(readFileSync(join(dir, 'report.out'), 'utf8'));
  }, 300_000);

  test('lists the tools of three real npm servers inside the sandbox', () => {
    expect(firstRun.status, firstRun.stderr).toBe(0);
    const s = byslug(first);
    expect(s.everything).toMatchObject({ outcome: 'scanned', via: `npm ${REAL.everything.join('@')}` });
    expect(s.everything!.tools).toBeGreaterThanOrEqual(5);
    expect(s.memory).toMatchObject({ outcome: 'scanned' });
    expect(s.thinking).toMatchObject({ outcome: 'scanned', tools: 1 });
    const memory = JSON.parse(readFileSync(join(dir, 'memory.json'), 'utf8'));
    expect(memory.tools.map((t: { name: string }) => t.name)).toContain('read_graph');
    expect(memory.scan).toMatchObject({ status: 'scanned', version: '1.0.0', via: `npm ${REAL.memory.join('@')}` });
    expect(memory.scan.listedAt).toBe(memory.scan.attemptedAt);
  });

  test('the sandbox holds: no HOME file, no caller environment, no network, no process left behind', () => {
    const hostile = JSON.parse(readFileSync(join(dir, 'hostile.json'), 'utf8'));
    const saw = Object.fromEntries(
      hostile.tools.map((t: { name: string; description: string }) => [t.name, t.description]),
    );
    expect(saw.read_home_canary).toMatch(/^failed: ENOENT/);
    expect(saw.write_home).toBe('wrote'); // into the sandbox's own empty tmpfs, which vanishes with it:
    expect(existsSync(join(homedir(), `${MARKER}.written`))).toBe(false);
    // What the entry declares (placeholders for the secret and the optional variable), HOME, PATH, and PWD from bwrap's --chdir.
    expect(saw.environment).toBe('API_TOKEN DECLARED_VAR HOME OPTIONAL_VAR PATH PWD');
    expect(saw.environment).not.toContain('MCP_CATALOGUE_TEST_SECRET');
    expect(saw.home).toBe('/tmp/home');
    expect(saw.network).toMatch(/^failed: /);
    expect(saw.left_behind).toMatch(/^started \d+$/);
    expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toContain(MARKER);
    expect(byslug(first).hostile!.placeholders).toEqual(['API_TOKEN', 'OPTIONAL_VAR']);
    expect(hostile.scan.placeholders).toEqual(['API_TOKEN', 'OPTIONAL_VAR']);
  });

  test.each([
    ['silent', /no answer to initialize within 8 s/],
    ['exits', /^the server exited with code 0 before answering initialize\nnothing on stderr$/],
    [
      'garbage',
      /^no answer to initialize within 8 s\n\d+ lines on stdout are not JSON-RPC: hello, this is not JSON-RPC$/,
    ],
  ])('a server that %s fails with its reason, and its file says so', (slug, reason) => {
    const outcome = byslug(first)[slug]!;
    expect(outcome.outcome).toBe('failed');
    expect(outcome.reason).toMatch(reason);
    const file = JSON.parse(readFileSync(join(dir, `${slug}.json`), 'utf8'));
    expect(file.scan).toMatchObject({ status: 'failed', version: '1.0.0' });
    expect(file.tools).toEqual([]);
  });

  test('remotes: Streamable HTTP on loopback is listed, a 401 needs authentication, an unknown runtime is not faked', () => {
    const s = byslug(first);
    expect(s.remote).toMatchObject({ outcome: 'scanned', tools: 3 });
    expect(s.locked).toMatchObject({
      outcome: 'needs-auth',
      reason: 'the server answered HTTP 401 without credentials',
    });
    expect(s.bundle).toMatchObject({ outcome: 'runtime-unavailable' });
    expect(s.bundle!.reason).toBe(
      'packages[0].registryType is "mcpb": the scanner runs npm, pypi and oci packages only',
    );
    expect(s.nothing).toMatchObject({ outcome: 'failed', reason: 'the entry lists no package or remote to start' });
    expect(first.totals).toEqual({ scanned: 5, 'needs-auth': 1, 'runtime-unavailable': 1, failed: 4, skipped: 0 });
    expect(firstRun.stderr).toMatch(/\[11\/11\] /);
    // Servers without tools are still a valid catalogue.
    expect(checkCatalogue(dir).problems).toEqual([]);
  });

  test('a second run skips what is done; a new version is scanned again and its changes reported', async () => {
    const again = await cli(['scan-all', '--cache', CACHE, '--report', join(dir, 'again.out')], dir);
    expect(again.status, again.stderr).toBe(0);
    const report: ScanAllReport = JSON.parse(readFileSync(join(dir, 'again.out'), 'utf8'));
    expect(report.totals.skipped).toBe(11);
    expect(byslug(report).locked!.reason).toMatch(/^needs-auth at version 1\.0\.0/);

    const path = join(dir, 'remote.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.tools[0].review = { category: 'read', risk: 'low', note: 'Checked.' };
    file.tools[1].review = { category: 'read', risk: 'low', note: 'Checked.' };
    file.server.version = '1.1.0';
    writeFileSync(path, JSON.stringify(file));
    version = 2;
    const third = await cli(
      ['scan-all', '--cache', CACHE, '--report', join(dir, 'third.out'), '--allow-private-remotes'],
      dir,
    );
    expect(third.stderr).toContain('remote: changed get_item_1 (description)');
    const after = JSON.parse(readFileSync(path, 'utf8'));
    expect(after.tools.map((t: { review?: unknown }) => Boolean(t.review))).toEqual([true, false, false]);
    expect(after.scan.version).toBe('1.1.0');
  }, 120_000);

  test('a remote on a private address is refused unless allowed', async () => {
    const { status, stdout } = await cli(
      ['scan-all', '--cache', CACHE, '--only', 'remote', '--report', join(dir, 'private.out')],
      dir,
    );
    expect(status).toBe(0);
    expect(stdout).toContain('1 failed');
    const report: ScanAllReport = JSON.parse(readFileSync(join(dir, 'private.out'), 'utf8'));
    expect(report.servers[0]!.reason).toMatch(/^127\.0\.0\.1 is a private address/);
  }, 60_000);
});
