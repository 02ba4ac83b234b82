/**
 * `npm run preflight`, the first step of `npm test`: checks in a few seconds that the
 * machine has what the tests need beyond Node and npm (scripts/lib/preflight.ts), and
 * stops with one line per missing piece before any test runs.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sandboxWorks } from '../src/cli/sandbox.ts';
import { preflight, type Probe, type Probes } from './lib/preflight.ts';

const run = promisify(execFile);
/**
 * Deadlines. The network's is short: a registry that has not answered in 4 s is as good as
 * unreachable for the tests. A local program answers in well under a second, but can take
 * several on a loaded machine: that is no reason to say it is missing.
 */
const NETWORK_MS = 4_000;
const PROGRAM_MS = 10_000;

/** Why a program could not be run, in a few words. */
function failure(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
  if (e.code === 'ENOENT') return 'not found';
  if (e.code === 'EACCES') return 'not executable';
  if (e.killed) return `no answer in ${PROGRAM_MS / 1000} s`;
  if (typeof e.code === 'number') return `exited with code ${e.code}`;
  return e.message;
}

async function chromium(path: string): Promise<Probe> {
  try {
    const { stdout } = await run(path, ['--version'], { timeout: PROGRAM_MS });
    const version = /\d+(?:\.\d+)+/.exec(stdout)?.[0];
    return version ? { ok: true, detail: version } : { ok: true };
  } catch (error) {
    return { ok: false, reason: `--version: ${failure(error)}` };
  }
}

// The scan tests need the sandbox `catalogue scan-all` makes, so the check is the one it makes itself.
async function bubblewrap(): Promise<Probe> {
  return sandboxWorks();
}

/** The registry npm installs from: what `npm config get registry` prints (npm runs this script, so it is there). */
async function npmRegistry(): Promise<string> {
  // npm_execpath is the npm running `npm test`; a bare `npm` from PATH otherwise.
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli ? [process.execPath, [npmCli]] : ['npm', []];
  const { stdout } = await run(command, [...args, 'config', 'get', 'registry'], { timeout: PROGRAM_MS });
  return stdout.trim();
}

async function registry(): Promise<Probe & { registry: string }> {
  let address: string;
  try {
    address = await npmRegistry();
  } catch (error) {
    return { ok: false, reason: `npm config get registry: ${failure(error)}`, registry: '(unknown)' };
  }
  try {
    // The address `npm ping` asks.
    const response = await fetch(new URL('-/ping', address), { signal: AbortSignal.timeout(NETWORK_MS) });
    await response.body?.cancel();
    if (!response.ok) return { ok: false, reason: `it answered HTTP ${response.status}`, registry: address };
    return { ok: true, registry: address };
  } catch (error) {
    const e = error as Error & { cause?: Error };
    const reason = e.name === 'TimeoutError' ? `no answer in ${NETWORK_MS / 1000} s` : (e.cause?.message ?? e.message);
    return { ok: false, reason, registry: address };
  }
}

const probes: Probes = { chromium, bubblewrap, registry };
const result = await preflight(probes, { chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
for (const line of result.lines) (result.ok ? console.log : console.error)(line);
if (!result.ok) process.exitCode = 1;
