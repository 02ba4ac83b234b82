/** Runs `npm run catalogue -- …` as a child, without blocking this process: the test servers live in it. */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const bin = join(ROOT, 'node_modules/.bin');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as they came. */
  out: string;
}

export function cli(args: string[], dir: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(join(bin, 'node'), ['scripts/catalogue.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, CATALOGUE_DIR: dir, PATH: `${bin}:${process.env.PATH}`, ...env },
    });
    const run = { stdout: '', stderr: '', out: '' };
    child.stdout.on('data', (d) => ((run.stdout += d), (run.out += d)));
    child.stderr.on('data', (d) => ((run.stderr += d), (run.out += d)));
    child.on('close', (status) => done({ status, ...run }));
  });
}
