/**
 * The registry-shaped catalogue (test/catalogues/registry-shaped/) as `catalogue scan-all` leaves it:
 * the scan records test/cli/registry-shaped.test.ts sees a real, sandboxed run write (failures of every
 * kind with their two-line reasons, a runtime the scanner lacks, servers that listed their tools and one
 * that listed none), plus what only older or hostile files hold: a server that asked for credentials, a
 * reason in one long line, markup in a reason, and a failed re-scan beside the tools of an earlier one. The build and browser tests build it without
 * scanning, so they need neither the sandbox nor npm.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registrySlugBase } from '../../src/core/catalogue/slug.ts';
import type { ScanRecord } from '../../src/schemas/registry.ts';
import { ROOT } from './helpers.ts';

const FIXTURE = join(ROOT, 'test/catalogues/registry-shaped/servers');
export const slug = (name: string) => `io-github-fixture-${name}`;

const failed = (reason: string): ScanRecord => ({
  status: 'failed',
  reason,
  version: '1.0.0',
  attemptedAt: '2025-10-02T00:00:00.000Z',
});

/** Each failed server's reason, and the words on its page that name the cause. */
export const FAILURES: Record<string, { reason: string; cause: string }> = {
  'linear-mcp-server': {
    reason:
      'the server exited with code 1 before answering initialize\nError: No API key provided. Set it in the LINEAR_API_KEY environment variable',
    cause: 'LINEAR_API_KEY',
  },
  'mcp-neo4j-cypher': {
    reason: "the server exited with code 1 before answering initialize\nKeyError: 'NEO4J_PASSWORD'",
    cause: 'NEO4J_PASSWORD',
  },
  'opslevel-mcp': {
    reason: 'the server exited with code 1 before answering initialize\nError: OPSLEVEL_API_TOKEN is not set',
    cause: 'OPSLEVEL_API_TOKEN is not set',
  },
  'make-mcp-server': {
    reason: "the server exited with code 1 before answering initialize\nerror: missing required argument 'zone'",
    cause: 'missing required argument',
  },
  'chatty-mcp-server': {
    reason: 'no answer to initialize within 8 s\n3 lines on stdout are not JSON-RPC: hello, this is not JSON-RPC',
    cause: 'are not JSON-RPC',
  },
  'oauth-mcp-server': {
    reason: 'no answer to initialize within 8 s\nnothing on stderr',
    cause: 'no answer to initialize',
  },
  'weather-server': {
    reason:
      'npm install @mcp-catalogue-fixture-does-not-exist/weather-server@2.0.1 failed (E404)\n404 Not Found - GET https://registry.npmjs.org/@mcp-catalogue-fixture-does-not-exist%2fweather-server',
    cause: '404 Not Found',
  },
  'memory-wrong-version': {
    reason:
      'npm install @modelcontextprotocol/server-memory@0.0.0-catalogue-fixture failed (ETARGET)\nNo matching version found for @modelcontextprotocol/server-memory@0.0.0-catalogue-fixture.',
    cause: 'No matching version found',
  },
  'empty-transport': {
    reason:
      'packages[0].transport.type is "" (none given), not a transport of the MCP Registry (stdio, streamable-http, sse)',
    cause: 'transport.type is "" (none given)',
  },
};

const tool = (name: string, description: string, properties: Record<string, unknown> = {}) => ({
  name,
  description,
  inputSchema: { type: 'object', properties },
});

/** The servers that listed tools, with the tools a scan found. */
const SCANNED: Record<string, { tools: object[]; placeholders?: string[] }> = {
  'airtable-mcp-server': {
    placeholders: ['AIRTABLE_API_KEY'],
    tools: [
      tool('list_records', 'Lists the records of an Airtable table.', { baseId: { type: 'string' } }),
      tool('delete_records', 'Deletes records from an Airtable table. This cannot be undone.', {
        recordIds: { type: 'array', items: { type: 'string' } },
      }),
      tool('ping', 'Answers pong.'),
    ],
  },
  'workspace-mcp-server': {
    placeholders: ['--api-key', 'WORKSPACE_ID'],
    tools: [tool('list_documents', 'Lists the documents of a workspace.')],
  },
  // Listed and found none: a measured zero, shown as one.
  'latest-mcp-server': { tools: [] },
};

/** Older and hostile files: a reason in one long line, markup in a reason, credentials asked for. */
const EXTRA: Record<string, { from: string; scan: ScanRecord }> = {
  'long-reason': {
    from: 'linear-mcp-server',
    scan: failed(`the server exited with code 1: ${'Error: LONG_REASON_KEY missing. '.repeat(30)}`),
  },
  'hostile-reason': {
    from: 'linear-mcp-server',
    scan: failed('<script>alert("reason")</script> exited\n<img src=x onerror=alert(1)> HOSTILE_KEY is not set'),
  },
  'needs-auth': {
    from: 'oauth-mcp-server',
    scan: { status: 'needs-auth', reason: 'the server answered HTTP 401 without credentials', version: '1.1.0' },
  },
};

type File = { server: { name: string; version?: string }; scan: ScanRecord; tools: object[] };
const read = (name: string): File => JSON.parse(readFileSync(join(FIXTURE, `${slug(name)}.json`), 'utf8'));

/** Writes the catalogue into a fresh temporary folder and returns it. */
export function writeScannedCatalogue(): string {
  const dir = mkdtempSync(join(tmpdir(), 'registry-scanned-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const write = (name: string, file: File) => writeFileSync(join(dir, `${slug(name)}.json`), JSON.stringify(file));
  for (const [name, { reason }] of Object.entries(FAILURES)) write(name, { ...read(name), scan: failed(reason) });
  write('iotdb', {
    ...read('iotdb'),
    scan: {
      status: 'runtime-unavailable',
      reason: 'packages[0].registryType is "unknown": the scanner runs npm, pypi and oci packages only',
    },
  });
  for (const [name, { tools, placeholders }] of Object.entries(SCANNED)) {
    const listed = { status: 'scanned' as const, version: '1.0.0', listedAt: '2025-10-02T00:00:00.000Z' };
    write(name, { ...read(name), scan: { ...listed, ...(placeholders ? { placeholders } : {}) }, tools });
  }
  for (const [name, { from, scan }] of Object.entries(EXTRA)) {
    const original = read(from);
    write(name, { ...original, server: { ...original.server, name: `io.github.fixture/${name}` }, scan });
  }
  // A re-scan at a new version that failed: the tools of the earlier scan stay, known and graded.
  const airtable = read('airtable-mcp-server');
  write('failed-rescan', {
    ...airtable,
    server: { ...airtable.server, name: 'io.github.fixture/failed-rescan', version: '1.5.0' },
    scan: { ...failed(FAILURES['linear-mcp-server']!.reason), version: '1.5.0', listedAt: '2025-09-20T00:00:00.000Z' },
    tools: SCANNED['airtable-mcp-server']!.tools,
  });
  return dir;
}

/** Every server of the catalogue whose tools are not known. */
export const UNKNOWN = [...Object.keys(FAILURES), 'iotdb', ...Object.keys(EXTRA)].map(slug);

/**
 * The same catalogue at registry scale: every server of `writeScannedCatalogue` published again by
 * `owners` other owners (`io.github.owner-N/<name>`, the registry's commonest shape), so each kind
 * of failure, state and scan appears hundreds of times. Returns the folder.
 */
export function writeScannedFleet(owners: number): string {
  const dir = writeScannedCatalogue();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const original = JSON.parse(readFileSync(join(dir, file), 'utf8')) as File;
    const own = original.server.name.slice(original.server.name.indexOf('/') + 1);
    for (let n = 1; n <= owners; n++) {
      const name = `io.github.owner-${n}/${own}`;
      writeFileSync(
        join(dir, `${registrySlugBase(name)}.json`),
        JSON.stringify({ ...original, server: { ...original.server, name } }),
      );
    }
  }
  return dir;
}
