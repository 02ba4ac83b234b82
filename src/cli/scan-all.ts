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
import { spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { formatReport, mergeScan, type ChangeReport, type ScanResult } from '../core/catalogue/import.ts';
import { loadCatalogue } from '../build/catalogue-files.ts';
import { toolNameClashes } from '../core/catalogue/check.ts';
import { listPhrase, plural } from '../core/text.ts';
import { causeOf, reasonOf, type Failure } from '../core/registry/cause.ts';
import { describeLaunch, launchesOf, type Launch } from '../core/registry/scan-plan.ts';
import type { MachinePath } from '../core/registry/scrub.ts';
import { serverFileSchema } from '../schemas/catalogue.ts';
import type { ScanRecord, ScanStatus } from '../schemas/registry.ts';
import { machinePaths } from './machine-paths.ts';
import { LaunchError, npmCommand } from './npm-install.ts';
import { sandboxed, SANDBOX_HOME } from './sandbox.ts';
import { scanHttp, scanSse, scanStdio, ScanError, type StdoutNoise } from './scan.ts';

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

type Outcome = Exclude<ScanStatus, 'not-scanned'>;

/** One way of starting a server that did not list its tools, whole: for the operator, never for the catalogue. */
export interface AttemptReport {
  via: string;
  outcome: Outcome;
  /** As the catalogue would have it: two short lines, the machine's paths replaced. */
  reason: string;
  /** What happened, in the scanner's words. */
  summary: string;
  /** Everything the program wrote (its beginning and end when long), as it wrote it. */
  output?: string;
  /** The lines it wrote on stdout that are not JSON, and how many lines the MCP client refused. */
  stdout?: string;
  stdoutNoise?: StdoutNoise;
  /** The command line that started it, the sandbox's included. */
  command?: string;
}

export interface ServerOutcome {
  slug: string;
  name: string;
  version?: string;
  outcome: Outcome | 'skipped';
  tools?: number;
  /** What the catalogue file says (`scan.reason`), or why the server was skipped. */
  reason?: string;
  via?: string;
  placeholders?: string[];
  /** What the scanner decided about the entry on its own (an empty version, say). */
  notes?: string[];
  /** Every launch that was tried and failed, with its whole output. */
  attempts?: AttemptReport[];
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
  const reason = (scan.reason ?? '').replace(/\n/g, ' · ');
  return `${scan.status} at version ${scan.version ?? '(none)'}, ${reason} (--retry or --only ${slug} to try again)`;
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
          : `${command} does not work here: ${causeOf(run.stderr || run.stdout).line ?? `exit ${run.status}`}`,
    );
  }
  return available.get(command);
}

/** The absolute path of a command on PATH, or undefined. */
function locate(command: string): string | undefined {
  const run = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() || undefined : undefined;
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

type Attempt = { status: Outcome; result?: ScanResult; failure?: Failure & { command?: string } };

/** A launch that threw: credentials wanted (HTTP 401 or 403), or a failure with what the program wrote. */
function failedAttempt(error: unknown): Attempt {
  if (error instanceof LaunchError) return { status: 'failed', failure: error.failure };
  if (!(error instanceof ScanError)) return { status: 'failed', failure: { summary: (error as Error).message } };
  if (error.httpStatus === 401 || error.httpStatus === 403)
    return {
      status: 'needs-auth',
      failure: { summary: `the server answered HTTP ${error.httpStatus} without credentials` },
    };
  const failure: Attempt['failure'] = { summary: error.summary };
  if (error.output !== undefined) failure.output = error.output;
  if (error.stdout) failure.stdout = error.stdout;
  if (error.stdoutNoise) failure.stdoutNoise = error.stdoutNoise;
  if (error.command) failure.command = error.command;
  return { status: 'failed', failure };
}

async function npmAttempt(launch: Extract<Launch, { kind: 'npm' }>, options: ScanAllOptions): Promise<Attempt> {
  const { cacheDir, installTimeoutMs } = options;
  const bin = await npmCommand(launch.identifier, launch.version ?? 'latest', cacheDir, installTimeoutMs);
  const folder = bin.slice(0, bin.indexOf('/node_modules/'));
  return { status: 'scanned', result: await stdio(bin, launch.args, launch.env, [folder], false, options) };
}

async function pypiAttempt(launch: Extract<Launch, { kind: 'pypi' }>, options: ScanAllOptions): Promise<Attempt> {
  const problem = runtimeProblem('uvx', ['--version']);
  if (problem) return { status: 'runtime-unavailable', failure: { summary: `runtime not available: ${problem}` } };
  const spec = launch.version ? `${launch.identifier}==${launch.version}` : launch.identifier;
  const args = ['--from', spec, launch.identifier, ...launch.args];
  // uvx is often installed under a home folder, which the sandbox hides: bind its folder back.
  const uvx = realpathSync(locate('uvx')!);
  // uv downloads the package at start: the only sandboxed runtime with network.
  return { status: 'scanned', result: await stdio(uvx, args, launch.env, [dirname(uvx)], true, options) };
}

async function ociAttempt(launch: Extract<Launch, { kind: 'oci' }>, options: ScanAllOptions): Promise<Attempt> {
  const engine = ['docker', 'podman'].find((c) => !runtimeProblem(c, ['info']));
  if (!engine) {
    const summary = `runtime not available: ${runtimeProblem('docker', ['info'])}; ${runtimeProblem('podman', ['info'])}`;
    return { status: 'runtime-unavailable', failure: { summary } };
  }
  // The container is the sandbox: the publisher's other runtimeArguments (mounts, host network) are not used.
  const args = ['run', '-i', '--rm', '--network', 'none', '--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL'];
  args.push('--security-opt', 'no-new-privileges', '--pids-limit', '256', '--memory', '1g');
  for (const [name, value] of Object.entries(launch.env)) args.push('--env', `${name}=${value}`);
  args.push(launch.image, ...launch.args);
  const container = { timeoutMs: options.timeoutMs, captureStderr: true, env: {} };
  return { status: 'scanned', result: await withCommand([engine, ...args], scanStdio(engine, args, container)) };
}

async function remoteAttempt(launch: Extract<Launch, { kind: 'sse' | 'streamable-http' }>, options: ScanAllOptions) {
  const scanOptions = { timeoutMs: options.timeoutMs };
  if (!options.allowPrivateRemotes) {
    const problem = await privateAddress(launch.url);
    if (problem) return { status: 'failed', failure: { summary: problem } } satisfies Attempt;
  }
  if (launch.kind === 'sse')
    return { status: 'scanned', result: await scanSse(launch.url, scanOptions) } satisfies Attempt;
  try {
    return { status: 'scanned', result: await scanHttp(launch.url, {}, scanOptions) } satisfies Attempt;
  } catch (error) {
    const status = (error as ScanError).httpStatus;
    // Older servers answer Streamable HTTP's POST with 404 or 405 and speak SSE instead.
    if (status !== 404 && status !== 405) throw error;
    return { status: 'scanned', result: await scanSse(launch.url, scanOptions) } satisfies Attempt;
  }
}

async function attempt(launch: Launch, options: ScanAllOptions): Promise<Attempt> {
  try {
    switch (launch.kind) {
      case 'unsupported':
        return { status: launch.status, failure: { summary: launch.reason } };
      case 'npm':
        return await npmAttempt(launch, options);
      case 'pypi':
        return await pypiAttempt(launch, options);
      case 'oci':
        return await ociAttempt(launch, options);
      default:
        return await remoteAttempt(launch, options);
    }
  } catch (error) {
    return failedAttempt(error);
  }
}

/** A scan's result, or its ScanError with the command line that started the server, for the report. */
async function withCommand(argv: string[], scan: Promise<ScanResult>): Promise<ScanResult> {
  try {
    return await scan;
  } catch (error) {
    if (error instanceof ScanError) error.command = argv.join(' ');
    throw error;
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
    const unconfined = { timeoutMs: options.timeoutMs, captureStderr: true, what, env: { HOME: home, ...env } };
    return withCommand([command, ...args], scanStdio(command, args, unconfined));
  }
  const box = sandboxed(command, args, { network, readOnly, env });
  const boxed = {
    timeoutMs: options.timeoutMs,
    captureStderr: true,
    what: `${what} (sandboxed, HOME=${SANDBOX_HOME})`,
  };
  return withCommand([box.command, ...box.args], scanStdio(box.command, box.args, boxed));
}

const PRECEDENCE: Attempt['status'][] = ['scanned', 'needs-auth', 'failed', 'runtime-unavailable'];

/** A server's scan: its tools, or the most telling failure's reason, and every failed attempt for the report. */
interface ServerScan {
  status: Outcome;
  result?: ScanResult;
  reason?: string;
  via?: string;
  placeholders?: string[];
  notes?: string[];
  attempts: AttemptReport[];
}

function attemptReport(a: Attempt & { launch: Launch }, paths: readonly MachinePath[]): AttemptReport {
  const failure = a.failure ?? { summary: a.status };
  return {
    via: describeLaunch(a.launch),
    outcome: a.status,
    reason: reasonOf(failure, paths),
    summary: failure.summary,
    ...(failure.output !== undefined ? { output: failure.output } : {}),
    ...(failure.stdout ? { stdout: failure.stdout } : {}),
    ...(failure.stdoutNoise ? { stdoutNoise: failure.stdoutNoise } : {}),
    ...(failure.command ? { command: failure.command } : {}),
  };
}

/** Tries every launch until one lists the tools; otherwise the most telling failure, its reason in two short lines. */
async function scanServer(file: RawFile, options: ScanAllOptions, paths: readonly MachinePath[]): Promise<ServerScan> {
  const launches = launchesOf(file.server);
  if (launches.length === 0)
    return { status: 'failed', reason: 'the entry lists no package or remote to start', attempts: [] };
  const tried: (Attempt & { launch: Launch })[] = [];
  const notes: string[] = [];
  for (const launch of launches) {
    const result = await attempt(launch, options);
    if ('notes' in launch) notes.push(...launch.notes);
    if (result.status === 'scanned') {
      const placeholders =
        'placeholders' in launch && launch.placeholders.length ? { placeholders: launch.placeholders } : {};
      const attempts = tried.map((a) => attemptReport(a, paths));
      return { ...result, via: describeLaunch(launch), ...placeholders, attempts, ...(notes.length ? { notes } : {}) };
    }
    tried.push({ ...result, launch });
  }
  const best = [...tried].sort((a, b) => PRECEDENCE.indexOf(a.status) - PRECEDENCE.indexOf(b.status))[0]!;
  const attempts = tried.map((a) => attemptReport(a, paths));
  const reason = attempts[tried.indexOf(best)]!.reason;
  return {
    status: best.status,
    reason,
    via: describeLaunch(best.launch),
    attempts,
    ...(notes.length ? { notes } : {}),
  };
}

/** Writes a server file in the sync's key order (server, registry, scan, tools, then anything else), through a temporary file. */
function writeServerFile(path: string, next: RawFile): void {
  const { server, registry, scan, tools, ...rest } = next;
  const ordered = { server, ...(registry ? { registry } : {}), scan, tools, ...rest };
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(ordered, null, 2)}\n`);
  renameSync(temporary, path);
}

/** Writes the file: new tools (reviews kept through the definition-hash diff) or the failure, old tools kept. */
function record(
  path: string,
  slug: string,
  file: RawFile,
  result: ServerScan,
  paths: readonly MachinePath[],
): ServerOutcome {
  const now = new Date().toISOString();
  const version = file.server.version ? { version: file.server.version } : {};
  const via = result.via ? { via: result.via } : {};
  const placeholders = result.placeholders ? { placeholders: result.placeholders } : {};
  const report = {
    slug,
    name: file.server.name,
    ...version,
    ...via,
    ...placeholders,
    ...(result.notes ? { notes: result.notes } : {}),
    ...(result.attempts.length ? { attempts: result.attempts } : {}),
  };
  const tools = result.result?.tools;
  const invalid = tools ? invalidTools(slug, file, tools) : undefined;
  if (result.status === 'scanned' && tools && !invalid) {
    const { file: merged, report: changes } = mergeScan(file, { server: file.server, tools } as never);
    const scan: ScanRecord = {
      status: 'scanned',
      ...version,
      attemptedAt: now,
      listedAt: now,
      ...via,
      ...placeholders,
    };
    writeServerFile(path, { ...file, scan, tools: merged.tools as RawFile['tools'] });
    // A first listing adds every tool: only a re-scan has changes worth reporting.
    const rescan = file.scan?.listedAt || file.tools.length;
    return { ...report, outcome: 'scanned', tools: tools.length, ...(rescan ? { changes } : {}) };
  }
  const status = invalid ? 'failed' : (result.status as Exclude<Outcome, 'scanned'>);
  const reason = invalid ? reasonOf({ summary: invalid }, paths) : (result.reason ?? status);
  const listedAt = file.scan?.listedAt ? { listedAt: file.scan.listedAt } : {};
  writeServerFile(path, { ...file, scan: { status, reason, ...version, attemptedAt: now, ...listedAt, ...via } });
  return { ...report, outcome: status, reason };
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

type Queued = { slug: string; path: string; file: RawFile };

/** The servers to scan and those skipped; an --only slug that is not in the catalogue stops the run, named. */
function plan(options: ScanAllOptions): { queue: Queued[]; skipped: ServerOutcome[] } {
  const catalogue = loadCatalogue(options.dir);
  const known = new Set(catalogue.servers.map((s) => s.slug));
  const unknown = [...new Set(options.only ?? [])].filter((slug) => !known.has(slug));
  if (unknown.length)
    throw new Error(`--only: no server ${listPhrase(unknown.map((s) => JSON.stringify(s)))} in ${options.dir}`);
  const queue: Queued[] = [];
  const skipped: ServerOutcome[] = [];
  for (const server of catalogue.servers) {
    if (options.only && !options.only.includes(server.slug)) continue;
    const path = join(catalogue.dir, server.file);
    const file = JSON.parse(readFileSync(path, 'utf8')) as RawFile;
    const skip = skipReason(file, options, server.slug);
    if (skip) skipped.push({ slug: server.slug, name: file.server.name, outcome: 'skipped', reason: skip });
    else queue.push({ slug: server.slug, path, file });
  }
  return { queue, skipped };
}

/** The progress line of one server: its tools or its reason on one line, and the run's figures so far. */
function progressLine(slug: string, outcome: ServerOutcome, figures: string): string {
  const what =
    outcome.outcome === 'scanned'
      ? plural(outcome.tools!, 'tool')
      : `${outcome.outcome}: ${(outcome.reason ?? '').replace(/\n/g, ' · ')}`;
  const notes = outcome.notes ? ` (${outcome.notes.join('; ')})` : '';
  return `${slug}: ${what}${notes} · ${figures}`;
}

export async function scanAll(options: ScanAllOptions): Promise<ScanAllReport> {
  const startedAt = new Date();
  const { queue, skipped } = plan(options);
  const outcomes: ServerOutcome[] = [...skipped];
  const paths = machinePaths(options.cacheDir);
  const total = queue.length;
  options.log(`${plural(total, 'server')} to scan, ${skipped.length} skipped (done at their current version)`);
  let done = 0;
  let toolsFound = 0;
  let failures = 0;
  const next = queue.values();
  const worker = async () => {
    for (const item of next) {
      const began = Date.now();
      const result = await scanServer(item.file, options, paths);
      const outcome = {
        ...record(item.path, item.slug, item.file, result, paths),
        seconds: (Date.now() - began) / 1000,
      };
      outcomes.push(outcome);
      done++;
      toolsFound += outcome.tools ?? 0;
      if (outcome.outcome !== 'scanned') failures++;
      const elapsed = Date.now() - startedAt.getTime();
      const left = Math.round(((elapsed / done) * (total - done)) / 1000);
      const figures = `${plural(toolsFound, 'tool')} found, ${plural(failures, 'failure')} · about ${left} s left`;
      options.log(`[${done}/${total}] ${progressLine(item.slug, outcome, figures)}`);
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
