/**
 * How scan-all fetches an npm package: `npm install --ignore-scripts` into a cache folder of
 * its own, outside the sandbox. npm only downloads and unpacks there; no third-party code runs
 * (no install script). The server then runs from that folder inside the sandbox.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Failure } from '../core/registry/cause.ts';
import { HeadAndTail } from '../core/registry/output.ts';

/** A launch that failed before any server ran (an install, a package without a command), with what it wrote. */
export class LaunchError extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(failure.output ? `${failure.summary}: ${failure.output}` : failure.summary);
    this.failure = failure;
  }
}

/** The cache folder of one npm package version: `<cache>/npm/<name@version>`, `/` turned into `+`. */
export function npmCacheFolder(cacheDir: string, spec: string): string {
  return join(cacheDir, 'npm', spec.replace(/[^A-Za-z0-9._@-]+/g, '+'));
}

/** Marks a cache folder as complete: a folder without it (an install cut short) is installed again. */
export const INSTALLED_MARK = '.installed';

const installs = new Map<string, Promise<string>>();

/** Installs `identifier@version` (scripts off) into its cache folder once per run; returns the path of its command. */
export function npmCommand(identifier: string, version: string, cacheDir: string, timeoutMs: number): Promise<string> {
  const spec = `${identifier}@${version}`;
  let install = installs.get(spec);
  if (!install) {
    install = installNpm(spec, identifier, cacheDir, timeoutMs);
    installs.set(spec, install);
  }
  return install;
}

async function installNpm(spec: string, identifier: string, cacheDir: string, timeoutMs: number): Promise<string> {
  const dir = npmCacheFolder(cacheDir, spec);
  const done = join(dir, INSTALLED_MARK);
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
    const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', '--no-package-lock', spec];
    const result = await run('npm', args, dir, timeoutMs);
    if (result.timedOut)
      throw new LaunchError({
        summary: `npm install ${spec} did not finish within ${timeoutMs / 1000} s`,
        output: result.output,
      });
    if (result.code !== 0) throw new LaunchError({ summary: `npm install ${spec} failed`, output: result.output });
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
  throw new LaunchError({
    summary: names.length
      ? `the package has several commands (${names.join(', ')}) and none is named ${unscoped}`
      : 'the package has no command (no "bin")',
  });
}

/** Runs a command outside the sandbox (npm only), with a deadline that kills its whole process group. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = new HeadAndTail();
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => output.append(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.append(d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (error) => output.append(`${error.message}\n`));
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output: output.text(), timedOut });
    });
  });
}
