/**
 * `catalogue scan-all`: lists the tools of every catalogue server not yet scanned at its
 * current version, each local process inside the bubblewrap sandbox (src/cli/sandbox.ts).
 *
 * npm packages are fetched outside the sandbox with `npm install --ignore-scripts` into a
 * per-package cache folder (no third-party code runs there: npm only downloads and
 * unpacks), then started inside it, read-only and without network. This breaks servers
 * that need their install scripts (native modules built at install) or the network while
 * starting: they fail, and the report quotes their error. PyPI packages run through `uvx`
 * inside the sandbox with network (uv downloads at start). OCI images run with docker or
 * podman, whose container is the sandbox (no network, read-only, no capabilities). A
 * runtime this machine lacks is reported as "runtime not available", never faked.
 */
import { spawn, spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { formatReport, mergeScan, type ChangeReport, type ScanResult } from '../core/catalogue/import.ts';
import { loadCatalogue } from '../build/catalogue-files.ts';
import { toolNameClashes } from '../core/catalogue/check.ts';
import { plural } from '../core/text.ts';
import { describeLaunch, launchesOf, type Launch } from '../core/registry/scan-plan.ts';
import { serverFileSchema } from '../schemas/catalogue.ts';
import type { ScanRecord, ScanStatus } from '../schemas/registry.ts';
import { sandboxed, SANDBOX_HOME } from './sandbox.ts';
import { scanHttp, scanSse, scanStdio, ScanError } from './scan.ts';

export interface ScanAllOptions {
  dir: string;
  /** Servers scanned at once. */
  concurrency: number;
  /** Milliseconds for initialize and for each page of tools. */
  timeoutMs: number;
  /** Milliseconds for fetching one npm package. */
  installTimeoutMs: number;
  /** Only these slugs, scanned even if done. */
  only?: string[];
  /** Also try again servers whose last attempt at this version failed, needed credentials or lacked a runtime. */
  retry?: boolean;
  /** false only with --no-sandbox. */
  sandbox: boolean;
  /** Allow remotes on loopback, private and link-local addresses (off: a registry entry could point at the scanner's own network). */
  allowPrivateRemotes?: boolean;
  /** Where npm packages are installed, one folder per package and version. */
  cacheDir: string;
  /** Progress lines (stderr). */
  log: (line: string) => void;
}

export interface ServerOutcome {
  slug: string;
  name: string;
  version?: string;
  outcome: Exclude<ScanStatus, 'not-scanned'> | 'skipped';
  tools?: number;
  reason?: string;
  via?: string;
  placeholders?: string[];
  /** Tools added, removed and changed against the tools the file held (the definition-hash diff). */
  changes?: ChangeReport;
  seconds?: number;
}

export interface ScanAllReport {
  startedAt: string;
  finishedAt: string;
  sandbox: boolean;
  concurrency: number;
  totals: Record<ServerOutcome['outcome'], number>;
  servers: ServerOutcome[];
}

interface RawFile {
  server: { name: string; version?: string; packages?: unknown[]; remotes?: unknown[] };
  scan?: ScanRecord;
  tools: Record<string, unknown>[];
  [key: string]: unknown;
}

/** Why a server is not scanned this run, or undefined to scan it. */
function skipReason(file: RawFile, options: ScanAllOptions, slug: string): string | undefined {
  if (options.only) return undefined;
  const scan = file.scan;
  if (!scan) return file.tools.length ? 'its tools were written by hand (no scan record)' : undefined;
  if (scan.status === 'not-scanned' || scan.version !== file.server.version) return undefined;
  if (scan.status === 'scanned') return `scanned at version ${scan.version ?? '(none)'}`;
  if (options.retry) return undefined;
  return `${scan.status} at version ${scan.version ?? '(none)'}, ${scan.reason ?? ''} (--retry or --only ${slug} to try again)`;
}

const available = new Map<string, string | undefined>();

/** Undefined when `command` runs here, otherwise why not. Asked once per run. */
function runtimeProblem(command: string, probe: string[]): string | undefined {
  if (!available.has(command)) {
    const run = spawnSync(command, probe, { encoding: 'utf8', timeout: 15_000 });
    available.set(
      command,
      run.error
        ? `${command} is not installed`
        : run.status === 0
          ? undefined
          : `${command} does not work here: ${(run.stderr || run.stdout).trim().split('\n').at(-1)}`,
    );
  }
  return available.get(command);
}

/** The absolute path of a command on PATH, or undefined. */
function locate(command: string): string | undefined {
  const run = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() || undefined : undefined;
}

const installs = new Map<string, Promise<string>>();

/** Installs an npm package (scripts off) into its cache folder once; returns the path of its command. */
function npmPackage(launch: Extract<Launch, { kind: 'npm' }>, options: ScanAllOptions): Promise<string> {
  const spec = `${launch.identifier}@${launch.version ?? 'latest'}`;
  let install = installs.get(spec);
  if (!install) {
    install = installNpm(spec, launch.identifier, options);
    installs.set(spec, install);
  }
  return install;
}

/** The cache folder of one npm package version: `<cache>/npm/<name@version>`, `/` turned into `+`. */
export function npmCacheFolder(cacheDir: string, spec: string): string {
  return join(cacheDir, 'npm', spec.replace(/[^A-Za-z0-9._@-]+/g, '+'));
}

/** Marks a cache folder as complete: a folder without it (an install cut short) is installed again. */
export const INSTALLED_MARK = '.installed';

async function installNpm(spec: string, identifier: string, options: ScanAllOptions): Promise<string> {
  const dir = npmCacheFolder(options.cacheDir, spec);
  const done = join(dir, INSTALLED_MARK);
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
    const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', '--no-package-lock', spec];
    const result = await run('npm', args, dir, options.installTimeoutMs);
    if (result.code !== 0)
      throw new Error(
        `npm install ${spec} failed: ${result.output.trim().split('\n').slice(-3).join(' | ').slice(-400)}`,
      );
    writeFileSync(done, `${new Date().toISOString()}\n`);
  }
  return join(dir, 'node_modules', '.bin', binName(dir, identifier));
}

/** The command npx would run: the package's only bin, or the one named like the package. */
function binName(dir: string, identifier: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules', identifier, 'package.json'), 'utf8')) as {
    name?: string;
    bin?: string | Record<string, string>;
  };
  const unscoped = identifier.replace(/^@[^/]+\//, '');
  if (typeof manifest.bin === 'string') return unscoped;
  const names = Object.keys(manifest.bin ?? {});
  if (names.length === 1) return names[0]!;
  if (names.includes(unscoped)) return unscoped;
  throw new Error(
    names.length
      ? `the package has several commands (${names.join(', ')}) and none is named ${unscoped}`
      : 'the package has no command (no "bin")',
  );
}

/** Runs a command outside the sandbox (npm only), with a deadline that kills its whole process group. */
function run(
  command: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      output += `\n(no result within ${timeoutMs / 1000} s)`;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (error) => (output += error.message));
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['::ffff:0:0', 96],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

/** Refuses a remote whose host is (or resolves to) a loopback, private or link-local address. */
async function privateAddress(url: string): Promise<string | undefined> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true }).catch(() => []);
  const hit = addresses.find((a) => PRIVATE.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4'));
  return hit ? `${host} is a private address (${hit.address}); --allow-private-remotes allows it` : undefined;
}

type Attempt = { status: Exclude<ScanStatus, 'not-scanned'>; reason?: string; result?: ScanResult };

async function attempt(launch: Launch, options: ScanAllOptions): Promise<Attempt> {
  const scanOptions = { timeoutMs: options.timeoutMs };
  const failed = (error: unknown): Attempt => {
    const status =
      error instanceof ScanError && (error.httpStatus === 401 || error.httpStatus === 403) ? 'needs-auth' : 'failed';
    const message = (error as Error).message;
    return {
      status,
      reason:
        status === 'needs-auth'
          ? `the server answered HTTP ${(error as ScanError).httpStatus} without credentials`
          : message,
    };
  };
  try {
    switch (launch.kind) {
      case 'unsupported':
        return { status: launch.status, reason: launch.reason };
      case 'npm': {
        const bin = await npmPackage(launch, options);
        const folder = bin.slice(0, bin.indexOf('/node_modules/'));
        return { status: 'scanned', result: await stdio(bin, launch.args, launch.env, [folder], false, options) };
      }
      case 'pypi': {
        const problem = runtimeProblem('uvx', ['--version']);
        if (problem) return { status: 'runtime-unavailable', reason: `runtime not available: ${problem}` };
        const spec = launch.version ? `${launch.identifier}==${launch.version}` : launch.identifier;
        const args = ['--from', spec, launch.identifier, ...launch.args];
        // uvx is often installed under a home folder, which the sandbox hides: bind its folder back.
        const uvx = realpathSync(locate('uvx')!);
        // uv downloads the package at start: the only sandboxed runtime with network.
        return { status: 'scanned', result: await stdio(uvx, args, launch.env, [dirname(uvx)], true, options) };
      }
      case 'oci': {
        const engine = ['docker', 'podman'].find((c) => !runtimeProblem(c, ['info']));
        if (!engine)
          return {
            status: 'runtime-unavailable',
            reason: `runtime not available: ${runtimeProblem('docker', ['info'])}; ${runtimeProblem('podman', ['info'])}`,
          };
        // The container is the sandbox: the publisher's runtimeArguments (mounts, host network) are not used.
        const args = ['run', '-i', '--rm', '--network', 'none', '--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL'];
        args.push('--security-opt', 'no-new-privileges', '--pids-limit', '256', '--memory', '1g');
        for (const [name, value] of Object.entries(launch.env)) args.push('--env', `${name}=${value}`);
        const result = await scanStdio(engine, [...args, launch.image, ...launch.args], {
          ...scanOptions,
          captureStderr: true,
          env: {},
        });
        return { status: 'scanned', result };
      }
      default: {
        if (!options.allowPrivateRemotes) {
          const problem = await privateAddress(launch.url);
          if (problem) return { status: 'failed', reason: problem };
        }
        if (launch.kind === 'sse') return { status: 'scanned', result: await scanSse(launch.url, scanOptions) };
        try {
          return { status: 'scanned', result: await scanHttp(launch.url, {}, scanOptions) };
        } catch (error) {
          const status = (error as ScanError).httpStatus;
          // Older servers answer Streamable HTTP's POST with 404 or 405 and speak SSE instead.
          if (status !== 404 && status !== 405) throw error;
          return { status: 'scanned', result: await scanSse(launch.url, scanOptions) };
        }
      }
    }
  } catch (error) {
    return failed(error);
  }
}

function stdio(
  command: string,
  args: string[],
  env: Record<string, string>,
  readOnly: string[],
  network: boolean,
  options: ScanAllOptions,
): Promise<ScanResult> {
  const what = `the server started with "${[command, ...args].join(' ')}"`;
  if (!options.sandbox) {
    // Unconfined (--no-sandbox): at least a HOME of its own, and of the caller's environment only the SDK's short list (PATH, USER…).
    const home = join(options.cacheDir, 'home');
    mkdirSync(home, { recursive: true });
    return scanStdio(command, args, {
      timeoutMs: options.timeoutMs,
      captureStderr: true,
      what,
      env: { HOME: home, ...env },
    });
  }
  const box = sandboxed(command, args, { network, readOnly, env });
  return scanStdio(box.command, box.args, {
    timeoutMs: options.timeoutMs,
    captureStderr: true,
    what: `${what} (sandboxed, HOME=${SANDBOX_HOME})`,
  });
}

const PRECEDENCE: Attempt['status'][] = ['scanned', 'needs-auth', 'failed', 'runtime-unavailable'];

/** Tries every launch until one lists the tools; otherwise the most telling failure, with every attempt's reason. */
async function scanServer(
  file: RawFile,
  options: ScanAllOptions,
): Promise<Attempt & { via?: string; placeholders?: string[] }> {
  const launches = launchesOf(file.server);
  if (launches.length === 0) return { status: 'failed', reason: 'the entry lists no package or remote to start' };
  const attempts: (Attempt & { launch: Launch })[] = [];
  for (const launch of launches) {
    const result = await attempt(launch, options);
    if (result.status === 'scanned') {
      const placeholders = 'placeholders' in launch ? launch.placeholders : [];
      return { ...result, via: describeLaunch(launch), ...(placeholders.length ? { placeholders } : {}) };
    }
    attempts.push({ ...result, launch });
  }
  const best = [...attempts].sort((a, b) => PRECEDENCE.indexOf(a.status) - PRECEDENCE.indexOf(b.status))[0]!;
  const reason =
    attempts.length === 1 ? best.reason : attempts.map((a) => `${describeLaunch(a.launch)}: ${a.reason}`).join('; ');
  return {
    status: best.status,
    ...(reason ? { reason: reason.slice(0, 2000) } : {}),
    via: describeLaunch(best.launch),
  };
}

/** Writes the file: new tools (reviews kept through the definition-hash diff) or the failure, old tools kept. */
function record(
  path: string,
  slug: string,
  file: RawFile,
  result: Awaited<ReturnType<typeof scanServer>>,
): ServerOutcome {
  const now = new Date().toISOString();
  const base = { slug, name: file.server.name, ...(file.server.version ? { version: file.server.version } : {}) };
  const via = result.via ? { via: result.via } : {};
  let outcome: ServerOutcome;
  let next: RawFile;
  const tools = result.result?.tools;
  const invalid = tools ? invalidTools(slug, file, tools) : undefined;
  if (result.status === 'scanned' && tools && !invalid) {
    const { file: merged, report } = mergeScan(file, { server: file.server, tools } as never);
    const scan: ScanRecord = {
      status: 'scanned',
      ...(file.server.version ? { version: file.server.version } : {}),
      attemptedAt: now,
      listedAt: now,
      ...via,
      ...(result.placeholders ? { placeholders: result.placeholders } : {}),
    };
    next = { ...file, scan, tools: merged.tools as RawFile['tools'] };
    outcome = {
      ...base,
      outcome: 'scanned',
      tools: tools.length,
      ...via,
      ...(result.placeholders ? { placeholders: result.placeholders } : {}),
      // A first listing adds every tool: only a re-scan has changes worth reporting.
      ...(file.scan?.listedAt || file.tools.length ? { changes: report } : {}),
    };
  } else {
    const status = invalid ? 'failed' : (result.status as Exclude<ScanStatus, 'not-scanned' | 'scanned'>);
    const reason = (invalid ?? result.reason ?? status).slice(0, 1000);
    const scan: ScanRecord = {
      status,
      reason,
      ...(file.server.version ? { version: file.server.version } : {}),
      attemptedAt: now,
      ...(file.scan?.listedAt ? { listedAt: file.scan.listedAt } : {}),
      ...via,
    };
    next = { ...file, scan };
    outcome = { ...base, outcome: status, reason, ...via };
  }
  // Key order as the sync writes it: server, registry, scan, tools, then anything else.
  const { server, registry, scan, tools: kept, ...rest } = next;
  const ordered = { server, ...(registry ? { registry } : {}), scan, tools: kept, ...rest };
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(ordered, null, 2)}\n`);
  renameSync(temporary, path);
  return outcome;
}

/** Why a server's tools cannot go into its file (the loader would reject them), or undefined. */
function invalidTools(slug: string, file: RawFile, tools: Record<string, unknown>[]): string | undefined {
  const candidate = { ...file, tools };
  const parsed = serverFileSchema.safeParse(candidate);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  if (issue) return `the server listed an invalid tool: ${issue.path.join('.')}: ${issue.message}`;
  const clash = toolNameClashes(`${slug}.json`, candidate)[0];
  return clash ? `the server listed clashing tools: ${clash.path}: ${clash.found}` : undefined;
}

export async function scanAll(options: ScanAllOptions): Promise<ScanAllReport> {
  const startedAt = new Date();
  const catalogue = loadCatalogue(options.dir);
  const known = new Set(catalogue.servers.map((s) => s.slug));
  for (const slug of options.only ?? [])
    if (!known.has(slug)) throw new Error(`--only ${slug}: no such server in ${options.dir}`);
  const outcomes: ServerOutcome[] = [];
  const queue: { slug: string; path: string; file: RawFile }[] = [];
  for (const server of catalogue.servers) {
    if (options.only && !options.only.includes(server.slug)) continue;
    const path = join(catalogue.dir, server.file);
    const file = JSON.parse(readFileSync(path, 'utf8')) as RawFile;
    const skip = skipReason(file, options, server.slug);
    if (skip) outcomes.push({ slug: server.slug, name: file.server.name, outcome: 'skipped', reason: skip });
    else queue.push({ slug: server.slug, path, file });
  }
  const total = queue.length;
  options.log(`${plural(total, 'server')} to scan, ${outcomes.length} skipped (done at their current version)`);
  let done = 0;
  let toolsFound = 0;
  let failures = 0;
  const next = queue.values();
  const worker = async () => {
    for (const item of next) {
      const began = Date.now();
      const result = await scanServer(item.file, options);
      const outcome = { ...record(item.path, item.slug, item.file, result), seconds: (Date.now() - began) / 1000 };
      outcomes.push(outcome);
      done++;
      toolsFound += outcome.tools ?? 0;
      if (outcome.outcome !== 'scanned') failures++;
      const elapsed = Date.now() - startedAt.getTime();
      const left = Math.round(((elapsed / done) * (total - done)) / 1000);
      options.log(
        `[${done}/${total}] ${item.slug}: ${outcome.outcome === 'scanned' ? plural(outcome.tools!, 'tool') : `${outcome.outcome}: ${outcome.reason}`} · ${plural(toolsFound, 'tool')} found, ${plural(failures, 'failure')} · about ${left} s left`,
      );
      if (outcome.changes) for (const line of formatReport(item.slug, outcome.changes)) options.log(line);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, total)) }, worker));
  const totals = { scanned: 0, 'needs-auth': 0, 'runtime-unavailable': 0, failed: 0, skipped: 0 };
  for (const o of outcomes) totals[o.outcome]++;
  outcomes.sort((a, b) => (a.slug < b.slug ? -1 : 1));
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    sandbox: options.sandbox,
    concurrency: options.concurrency,
    totals,
    servers: outcomes,
  };
}
