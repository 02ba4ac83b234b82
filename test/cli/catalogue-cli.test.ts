import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkCatalogue } from '../../src/build/catalogue-files.ts';
import { cli, ROOT } from './run-cli.ts';
import { makeTools, startHttpServer } from './servers.ts';

const bin = join(ROOT, 'node_modules/.bin');

const servers: { close: () => void }[] = [];
const folders: string[] = [];
afterAll(() => {
  servers.forEach((s) => s.close());
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** A folder of this run's own, removed when the tests end. */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

describe('npm run catalogue -- scan', () => {
  test('scans the reference server "everything" over stdio into a file that validates', async () => {
    const dir = tempDir('scan-');
    const { status, out } = await cli(['scan', '--slug', 'everything', '--', join(bin, 'mcp-server-everything')], dir);
    expect(status, out).toBe(0);
    const { catalogue, problems } = checkCatalogue(dir);
    expect(problems).toEqual([]);
    expect(catalogue!.servers[0]!.server.title).toBe('Everything Reference Server');
    expect(catalogue!.toolCount).toBeGreaterThanOrEqual(10);
    expect(catalogue!.servers[0]!.tools.map((t) => t.tool.name)).toContain('echo');
  }, 90_000);

  test('follows nextCursor over Streamable HTTP: 25 tools in pages of 10', async () => {
    const { url, http } = await startHttpServer(() => makeTools(25), 10);
    servers.push(http);
    const dir = tempDir('scan-');
    const { status, out } = await cli(['scan', '--slug', 'paged', '--url', url, '--header', 'X-Test: yes'], dir);
    expect(status, out).toBe(0);
    const file = JSON.parse(readFileSync(join(dir, 'paged.json'), 'utf8'));
    expect(file.tools.map((t: { name: string }) => t.name)).toEqual(makeTools(25).map((t) => t.name));
    expect(file.server.description).toBe('A test server that pages its tools.');
  }, 90_000);

  test('a re-scan reports a changed tool, names the field, and clears its review', async () => {
    let version = 1;
    const { url, http } = await startHttpServer(
      () => makeTools(3, (i) => (i === 1 && version === 2 ? 'Now also deletes items.' : `Returns item ${i}.`)),
      10,
    );
    servers.push(http);
    const dir = tempDir('scan-');
    expect((await cli(['scan', '--slug', 'changing', '--url', url], dir)).status).toBe(0);
    const path = join(dir, 'changing.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    for (const tool of file.tools) tool.review = { category: 'read', risk: 'low', note: 'Checked.' };
    writeFileSync(path, JSON.stringify(file));
    version = 2;
    const { status, out } = await cli(['scan', '--slug', 'changing', '--url', url], dir);
    expect(status, out).toBe(0);
    expect(out).toContain('changing: changed get_item_1 (description)');
    const after = JSON.parse(readFileSync(path, 'utf8'));
    expect(after.tools.map((t: { review?: unknown }) => Boolean(t.review))).toEqual([true, false, true]);
    // `catalogue diff` tells the same story between two folders.
    const older = tempDir('older-');
    writeFileSync(join(older, 'changing.json'), JSON.stringify(file));
    const diff = await cli(['diff', older, dir], dir);
    expect(diff.out.trim().split('\n').at(-1)).toBe('changing: changed get_item_1 (description)');
  }, 90_000);

  test('a server that dies in the middle of the list: a clear error and no file', async () => {
    const dir = tempDir('scan-');
    const { status, out } = await cli(
      [
        'scan',
        '--slug',
        'crashing',
        '--timeout',
        '10',
        '--',
        join(bin, 'node'),
        join(ROOT, 'test/cli/crashing-server.ts'),
      ],
      dir,
    );
    expect(status).toBe(1);
    expect(out).toMatch(/Scanning the server started with .* failed/);
    expect(existsSync(join(dir, 'crashing.json'))).toBe(false);
  }, 90_000);

  test('a command that is not an MCP server at all fails cleanly too', async () => {
    const dir = tempDir('scan-');
    const { status, out } = await cli(
      [
        'scan',
        '--slug',
        'not-mcp',
        '--timeout',
        '5',
        '--',
        join(bin, 'node'),
        '-e',
        'console.log("hello, not JSON-RPC"); setTimeout(() => {}, 60000)',
      ],
      dir,
    );
    expect(status).toBe(1);
    expect(out).toMatch(/failed/);
    expect(existsSync(join(dir, 'not-mcp.json'))).toBe(false);
  }, 90_000);
});

describe('npm run catalogue -- policy', () => {
  const dir = tempDir('policy-');
  writeFileSync(
    join(dir, 'files.json'),
    JSON.stringify({
      server: { name: 'io.example/files', description: 'Files.' },
      tools: [
        { name: 'files.read', description: 'Reads a file.', inputSchema: { type: 'object' } },
        { name: 'files.delete', description: 'Deletes a file.', inputSchema: { type: 'object' } },
      ],
    }),
  );

  test('prints the server policy exactly as the server page shows it', async () => {
    const { analyseCatalogue, serverPolicyTexts } = await import('../../src/core/analyse.ts');
    const { loadCatalogue } = await import('../../src/build/catalogue-files.ts');
    const texts = serverPolicyTexts(analyseCatalogue(loadCatalogue(dir))[0]!);
    for (const [format, text] of [
      ['policylayer', texts.policyJson],
      ['intercept', texts.interceptYaml],
      ['claude', texts.claudeJson],
    ] as const) {
      const { status, out } = await cli(['policy', 'files', '--format', format], dir);
      expect(status, out).toBe(0);
      expect(out).toBe(text);
    }
  }, 60_000);

  test('--claude-server-name writes the name the server has in Claude Code, normalised as Claude Code does', async () => {
    const { status, out } = await cli(
      ['policy', 'files', '--format', 'claude', '--claude-server-name', 'team.files'],
      dir,
    );
    expect(status, out).toBe(0);
    const { permissions } = JSON.parse(out) as { permissions: Record<string, string[]> };
    expect([...permissions.allow!, ...permissions.ask!, ...permissions.deny!].sort()).toEqual([
      'mcp__team_files__files_delete',
      'mcp__team_files__files_read',
    ]);
  }, 60_000);

  test("--variant puts every refused tool's variant in its place, each block as the tool page shows it", async () => {
    const { analyseCatalogue, toolVariantTexts } = await import('../../src/core/analyse.ts');
    const { loadCatalogue } = await import('../../src/build/catalogue-files.ts');
    const { checkInterceptYaml } = await import('../../src/core/policy/intercept/index.ts');
    const server = analyseCatalogue(loadCatalogue(dir))[0]!;
    const refused = server.tools.find((t) => t.tool.name === 'files.delete')!;
    expect(refused.decision.access).toBe('deny');
    const variant = toolVariantTexts(server, refused)!;

    const json = await cli(['policy', 'files', '--format', 'policylayer', '--variant'], dir);
    expect(json.status, json.out).toBe(0);
    const policy = JSON.parse(json.out) as { tools: Record<string, unknown> };
    expect(policy.tools['files.delete']).toEqual(variant.policy.tools['files.delete']);
    expect(Object.keys(policy.tools).sort()).toEqual(['files.delete', 'files.read']);

    const yaml = await cli(['policy', 'files', '--format', 'intercept', '--variant'], dir);
    expect(yaml.status, yaml.out).toBe(0);
    expect(checkInterceptYaml(yaml.out)).toEqual([]);
    const block = variant.interceptYaml.slice(variant.interceptYaml.indexOf('tools:\n') + 'tools:\n'.length);
    expect(yaml.out).toContain(block);
    expect(yaml.out).toContain('with the variant of each refused tool');

    const claude = await cli(['policy', 'files', '--format', 'claude', '--variant'], dir);
    expect(claude.status, claude.out).toBe(0);
    const { permissions } = JSON.parse(claude.out) as { permissions: Record<string, string[]> };
    expect(permissions.ask).toContain('mcp__files__files_delete');
    expect(permissions.deny).toEqual([]);
  }, 60_000);
});
