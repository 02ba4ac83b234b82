#!/usr/bin/env node
/**
 * `npm run catalogue -- <command>`: build and inspect a catalogue from live MCP servers.
 *
 *   scan --slug S [--server-json F] [--keep-reviews] -- <command> [args…]   scan a stdio server
 *   scan --slug S --url U [--header 'Name: value'] [--server-json F]       scan over Streamable HTTP
 *   import --slug S --tools F [--server-json F]                            from a saved tools/list response
 *   validate [dir]                                                         check a catalogue folder
 *   classify S                                                             category, risk, signals, confidence
 *   policy S [--format policylayer|intercept|claude] [--claude-server-name N]
 *                                                                          the server's recommended policy, as its page shows it
 *   diff OLD_DIR NEW_DIR                                                   tools added, removed and changed
 *   registry sync [--registry URL] [--since RFC3339]                       one file per registry server
 *   scan-all [--concurrency N] [--timeout S] [--report FILE] [--only SLUG…] [--retry] [--no-sandbox]
 *            [--allow-private-remotes] [--cache DIR]                       list every unscanned server's tools, sandboxed
 *
 * Files go to CATALOGUE_DIR (default content/servers), written to a temporary file
 * and renamed, so a failed scan never leaves a partial file.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseCatalogue, serverPolicyTexts } from '../src/core/analyse.ts';
import { formatReport, mergeScan, serverFileFromScan, type ScanResult } from '../src/core/catalogue/import.ts';
import { catalogueDir, checkCatalogue, loadCatalogue } from '../src/build/catalogue-files.ts';
import { formatProblems } from '../src/core/catalogue/problems.ts';
import { plural } from '../src/core/text.ts';
import { isServerSlug } from '../src/core/catalogue/slug.ts';
import { serverFileSchema, type ServerFile } from '../src/schemas/catalogue.ts';
import { scanHttp, scanStdio } from '../src/cli/scan.ts';
import { OFFICIAL_REGISTRY, syncRegistry } from '../src/cli/registry.ts';
import { scanAll } from '../src/cli/scan-all.ts';
import { sandboxWorks } from '../src/cli/sandbox.ts';
import { describePosition, formatSummary } from '../src/core/registry/sync-plan.ts';

const [command, ...rest] = process.argv.slice(2);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`${path}: ${(error as Error).message}`);
  }
}

function slugOf(value: string | undefined): string {
  if (!value || !isServerSlug(value))
    fail('--slug is required: lower-case letters, digits and "-", e.g. --slug my-server');
  return value;
}

/** Writes the server file (keeping reviews from the previous one) and prints what changed. */
function save(slug: string, scan: ScanResult, serverJson: string | undefined, keepReviews: boolean): void {
  const dir = catalogueDir();
  const path = join(dir, `${slug}.json`);
  const registry = serverJson ? (readJson(serverJson) as Record<string, unknown>) : undefined;
  const previous = existsSync(path)
    ? (readJson(path) as { server: ServerFile['server']; registry?: unknown; tools: Record<string, unknown>[] })
    : undefined;
  // A file from `registry sync` keeps the registry's server part as sent (unless --server-json
  // replaces it) and its registry record, and records the scan as scan-all would.
  const synced = previous?.registry !== undefined ? previous : undefined;
  const next =
    synced && !registry
      ? { server: synced.server, tools: scan.tools as ServerFile['tools'] }
      : serverFileFromScan(scan, registry);
  const merged = mergeScan(previous, next, keepReviews);
  const { report } = merged;
  const now = new Date().toISOString();
  const file = synced
    ? {
        server: merged.file.server,
        registry: synced.registry,
        scan: {
          status: 'scanned',
          ...(merged.file.server.version ? { version: merged.file.server.version } : {}),
          attemptedAt: now,
          listedAt: now,
          via: 'catalogue scan',
        },
        tools: merged.file.tools,
      }
    : merged.file;
  const checked = serverFileSchema.safeParse(file);
  if (!checked.success)
    fail(
      `The server's answer is not a valid catalogue file, nothing written:\n${checked.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`);
  renameSync(temporary, path);
  console.log(`${path}: ${plural(file.tools.length, 'tool')}`);
  for (const line of previous ? formatReport(slug, report) : []) console.log(line);
}

async function main(): Promise<void> {
  switch (command) {
    case 'scan': {
      const split = rest.indexOf('--');
      const { values } = parseArgs({
        args: split >= 0 ? rest.slice(0, split) : rest,
        options: {
          slug: { type: 'string' },
          url: { type: 'string' },
          header: { type: 'string', multiple: true },
          'server-json': { type: 'string' },
          'keep-reviews': { type: 'boolean' },
          timeout: { type: 'string' },
        },
      });
      const slug = slugOf(values.slug);
      const options = { timeoutMs: Number(values.timeout ?? 30) * 1000 };
      let scan: ScanResult;
      if (values.url) {
        const headers = Object.fromEntries(
          (values.header ?? []).map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]),
        );
        scan = await scanHttp(values.url, headers, options);
      } else {
        const argv = split >= 0 ? rest.slice(split + 1) : [];
        if (argv.length === 0) fail('scan needs --url, or a command after --: scan --slug S -- <command> [args…]');
        scan = await scanStdio(argv[0]!, argv.slice(1), options);
      }
      return save(slug, scan, values['server-json'], values['keep-reviews'] ?? false);
    }
    case 'import': {
      const { values } = parseArgs({
        args: rest,
        options: {
          slug: { type: 'string' },
          tools: { type: 'string' },
          'server-json': { type: 'string' },
          'keep-reviews': { type: 'boolean' },
        },
      });
      const slug = slugOf(values.slug);
      if (!values.tools) fail('import needs --tools <tools-list.json>');
      const response = readJson(values.tools) as { tools?: unknown; result?: { tools?: unknown } };
      const tools = response.tools ?? response.result?.tools;
      if (!Array.isArray(tools)) fail(`${values.tools}: expected a tools/list result, {"tools": [...]}`);
      return save(slug, { serverInfo: { name: slug }, tools }, values['server-json'], values['keep-reviews'] ?? false);
    }
    case 'validate': {
      const dir = rest[0] ? resolve(rest[0]) : catalogueDir();
      const { catalogue, problems } = checkCatalogue(dir);
      if (!catalogue) fail(formatProblems(problems, dir));
      console.log(
        `${dir}: ${plural(catalogue.servers.length, 'server')}, ${plural(catalogue.toolCount, 'tool')}, no problems.${catalogue.deleted.length ? ` ${plural(catalogue.deleted.length, 'file')} of servers the registry deleted, kept off the site.` : ''}`,
      );
      return;
    }
    case 'classify':
    case 'policy': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          format: { type: 'string', default: 'policylayer' },
          // The name the user gave the server in Claude Code (`claude mcp add NAME …`): it is part of every rule.
          'claude-server-name': { type: 'string' },
        },
      });
      const slug = slugOf(positionals[0]);
      const server = analyseCatalogue(loadCatalogue(catalogueDir())).find((s) => s.slug === slug);
      if (!server) fail(`No server ${slug} in ${catalogueDir()}`);
      if (command === 'policy') {
        const claudeServerName = values['claude-server-name'] as string | undefined;
        if (claudeServerName !== undefined && claudeServerName.trim() === '')
          fail('--claude-server-name needs the name the server is registered under in Claude Code');
        const texts = serverPolicyTexts(server, claudeServerName === undefined ? {} : { claudeServerName });
        const text = { policylayer: texts.policyJson, intercept: texts.interceptYaml, claude: texts.claudeJson }[
          values.format as string
        ];
        if (!text) fail('--format is policylayer, intercept or claude');
        process.stdout.write(text);
        return;
      }
      const rows = server.tools.map((t) => [
        t.tool.name,
        t.classification.category,
        t.classification.risk,
        t.classification.signals.map((s) => s.id).join(' ') || '-',
        t.classification.confidence.toFixed(2),
      ]);
      const head = ['tool', 'category', 'risk', 'signals', 'confidence'];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const row of [head, ...rows])
        console.log(
          row
            .map((c, i) => c.padEnd(widths[i]!))
            .join('  ')
            .trimEnd(),
        );
      return;
    }
    case 'diff': {
      const [oldDir, newDir] = rest;
      if (!oldDir || !newDir) fail('diff OLD_DIR NEW_DIR');
      const before = new Map(loadCatalogue(resolve(oldDir)).servers.map((s) => [s.slug, s]));
      const after = loadCatalogue(resolve(newDir));
      const lines: string[] = [];
      for (const server of after.servers) {
        const old = before.get(server.slug);
        if (!old) lines.push(`${server.slug}: new server with ${plural(server.tools.length, 'tool')}`);
        else
          lines.push(
            ...formatReport(
              server.slug,
              mergeScan(
                { tools: old.tools.map((t) => t.tool) },
                { server: server.server, tools: server.tools.map((t) => t.tool) },
              ).report,
            ),
          );
        before.delete(server.slug);
      }
      for (const slug of before.keys()) lines.push(`${slug}: server removed`);
      console.log(lines.length ? lines.join('\n') : 'No changes.');
      return;
    }
    case 'registry': {
      const [sub, ...args] = rest;
      if (sub !== 'sync') fail('usage: npm run catalogue -- registry sync [--registry URL] [--since RFC3339]');
      const { values } = parseArgs({
        args,
        options: { registry: { type: 'string', default: OFFICIAL_REGISTRY }, since: { type: 'string' } },
      });
      if (values.since !== undefined && Number.isNaN(Date.parse(values.since)))
        fail(`--since ${values.since}: expected an RFC 3339 time, e.g. 2025-09-01T00:00:00Z`);
      const dir = catalogueDir();
      const started = Date.now();
      const plan = await syncRegistry(dir, values.registry!, {
        ...(values.since ? { since: values.since } : {}),
        log: (line) => console.error(line),
      });
      for (const r of plan.rejected)
        console.log(`rejected ${describePosition(r.position)}${r.name ? ` ${r.name}` : ''}: ${r.reason}`);
      for (const name of plan.deletedNames) console.log(`deleted: ${name}`);
      for (const name of plan.missing) console.log(`no longer listed by the registry (file left as it is): ${name}`);
      console.log(
        `${values.registry}: ${plural(plan.pages, 'page')} in ${((Date.now() - started) / 1000).toFixed(1)} s; ${formatSummary(plan.summary)}; ${plural(plan.writes.length, 'file')} written to ${dir}`,
      );
      return;
    }
    case 'scan-all': {
      const { values } = parseArgs({
        args: rest,
        options: {
          concurrency: { type: 'string', default: '2' },
          timeout: { type: 'string', default: '30' },
          'install-timeout': { type: 'string', default: '300' },
          report: { type: 'string' },
          only: { type: 'string', multiple: true },
          retry: { type: 'boolean' },
          'no-sandbox': { type: 'boolean' },
          'allow-private-remotes': { type: 'boolean' },
          cache: { type: 'string' },
        },
        allowPositionals: true,
      });
      const number = (flag: string, text: string) => {
        const n = Number(text);
        if (!(n > 0)) fail(`--${flag} ${text}: expected a positive number`);
        return n;
      };
      const sandbox = !values['no-sandbox'];
      if (sandbox) {
        const works = sandboxWorks();
        if (!works.ok)
          fail(
            `scan-all runs every server inside bubblewrap, and ${works.reason}. Install it (Debian: apt-get install bubblewrap), or pass --no-sandbox to run third-party servers unconfined on this machine.`,
          );
      }
      const report = await scanAll({
        dir: catalogueDir(),
        concurrency: Math.floor(number('concurrency', values.concurrency!)),
        timeoutMs: number('timeout', values.timeout!) * 1000,
        installTimeoutMs: number('install-timeout', values['install-timeout']!) * 1000,
        ...(values.only ? { only: values.only } : {}),
        retry: values.retry ?? false,
        sandbox,
        allowPrivateRemotes: values['allow-private-remotes'] ?? false,
        cacheDir: resolve(
          values.cache ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mcp-catalogue'),
        ),
        log: (line) => console.error(line),
      });
      if (values.report) writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
      const t = report.totals;
      console.log(
        `${t.scanned} scanned, ${t['needs-auth']} need authentication, ${t['runtime-unavailable']} runtime not available, ${t.failed} failed, ${t.skipped} skipped`,
      );
      return;
    }
    default:
      fail(
        'usage: npm run catalogue -- scan|import|validate|classify|policy|diff|registry sync|scan-all … (see scripts/catalogue.ts)',
      );
  }
}

main().catch((error: Error) => fail(error.message));
