/**
 * `npm run bench:registry [-- --entries N] [--keep]`: serves N registry entries on loopback
 * (scripts/lib/registry-server.ts, the API as openapi.yaml gives it, 100 a page) and times
 * `registry sync` into an empty folder, then a second sync with nothing changed.
 *
 * `npm run bench:registry -- --scan [--servers N]`: times `scan-all` (sandboxed) over N
 * registry entries (default 24) of eight real npm MCP servers at concurrency 1, 2 and 4, with their packages already in the cache
 * (a first, cold run fetches them and is reported on its own), in servers per minute.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { syncRegistry } from '../src/cli/registry.ts';
import { formatSummary } from '../src/core/registry/sync-plan.ts';
import { makeEntry, startRegistry } from './lib/registry-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '10000' },
    scan: { type: 'boolean', default: false },
    servers: { type: 'string', default: '24' },
    keep: { type: 'boolean', default: false },
  },
});
const work = mkdtempSync(join(tmpdir(), 'mcp-bench-registry-'));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Small, credential-free (or placeholder-tolerant) stdio servers from npm, as registry entries would list them. */
const SERVERS: [string, string, Record<string, unknown>][] = [
  ['@modelcontextprotocol/server-everything', '2026.8.31', {}],
  ['@modelcontextprotocol/server-memory', '2026.8.31', {}],
  ['@modelcontextprotocol/server-sequential-thinking', '2026.8.31', {}],
  [
    '@modelcontextprotocol/server-filesystem',
    '2026.8.31',
    { packageArguments: [{ type: 'positional', valueHint: 'directory', format: 'filepath', isRequired: true }] },
  ],
  [
    '@modelcontextprotocol/server-github',
    '2025.4.8',
    { environmentVariables: [{ name: 'GITHUB_PERSONAL_ACCESS_TOKEN', isRequired: true, isSecret: true }] },
  ],
  [
    '@modelcontextprotocol/server-brave-search',
    '0.6.2',
    { environmentVariables: [{ name: 'BRAVE_API_KEY', isRequired: true, isSecret: true }] },
  ],
  [
    '@modelcontextprotocol/server-slack',
    '2025.4.25',
    {
      environmentVariables: [
        { name: 'SLACK_BOT_TOKEN', isRequired: true, isSecret: true },
        { name: 'SLACK_TEAM_ID', isRequired: true },
      ],
    },
  ],
  [
    '@modelcontextprotocol/server-gitlab',
    '2025.4.25',
    { environmentVariables: [{ name: 'GITLAB_PERSONAL_ACCESS_TOKEN', isRequired: true, isSecret: true }] },
  ],
];

async function benchSync(): Promise<void> {
  const count = Number(values.entries);
  const entries = Array.from({ length: count }, (_, i) =>
    makeEntry(`io.github.bench-${i % 97}/server-${i}`, {
      status: i % 50 === 0 ? 'deprecated' : i % 101 === 0 ? 'deleted' : 'active',
    }),
  );
  const registry = await startRegistry(() => entries);
  const dir = join(work, 'catalogue');
  for (const label of ['first sync (empty folder)', 'second sync (nothing changed)']) {
    const started = performance.now();
    const plan = await syncRegistry(dir, registry.url, {});
    console.log(
      `${label}: ${seconds(performance.now() - started)}, ${plan.pages} pages; ${formatSummary(plan.summary)}`,
    );
  }
  console.log(
    `${count.toLocaleString('en-US')} entries, ${readdirSync(dir).length} files; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (registry and sync in one process)`,
  );
  registry.http.close();
}

function scanAll(dir: string, concurrency: number, cache: string): { ms: number; summary: string } {
  const started = performance.now();
  const run = spawnSync(
    join(ROOT, 'node_modules/.bin/node'),
    ['scripts/catalogue.ts', 'scan-all', '--concurrency', String(concurrency), '--cache', cache],
    { cwd: ROOT, env: { ...process.env, CATALOGUE_DIR: dir }, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return { ms: performance.now() - started, summary: run.stdout.trim() };
}

function benchScan(): void {
  const template = join(work, 'template');
  mkdirSync(template);
  const cache = join(work, 'cache');
  // The eight packages in turn, as many entries as asked: each package is fetched once.
  const files = Array.from({ length: Number(values.servers) }, (_, i) => SERVERS[i % SERVERS.length]!).map(
    ([identifier, version, extra], i) => ({
      server: {
        name: `io.github.bench/${identifier.split('/')[1]}-${i}`,
        description: identifier,
        version,
        packages: [{ registryType: 'npm', identifier, version, transport: { type: 'stdio' }, ...extra }],
      },
      scan: { status: 'not-scanned' },
      tools: [],
    }),
  );
  files.forEach((file, i) => writeFileSync(join(template, `s${i}.json`), JSON.stringify(file)));
  const fresh = (label: string) => {
    const dir = join(work, label);
    cpSync(template, dir, { recursive: true });
    return dir;
  };
  const cold = scanAll(fresh('cold'), 4, cache);
  console.log(
    `cold cache (${files.length} servers, npm install of ${SERVERS.length} packages, concurrency 4): ${seconds(cold.ms)}; ${cold.summary}`,
  );
  for (const concurrency of [1, 2, 4]) {
    const { ms, summary } = scanAll(fresh(`c${concurrency}`), concurrency, cache);
    console.log(
      `concurrency ${concurrency}: ${seconds(ms)} for ${files.length} servers, ${((files.length / ms) * 60_000).toFixed(1)} servers per minute; ${summary}`,
    );
  }
}

try {
  if (values.scan) benchScan();
  else await benchSync();
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
