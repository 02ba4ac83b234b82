/**
 * The paths of the scanning machine that must not reach the public catalogue: where its home,
 * caches, temporary folder and this project are, and the sandbox's private paths. Each is
 * replaced by a placeholder (src/core/registry/scrub.ts) before a reason is written.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { MachinePath } from '../core/registry/scrub.ts';
import { SANDBOX_HOME } from './sandbox.ts';

/** This project's folder (where the pinned Node lives, under node_modules). */
const PROJECT = resolve(import.meta.dirname, '../..');

/** npm's own cache folder (`~/.npm` unless configured), asked once. */
let npmCache: string | undefined;
function npmCacheDir(): string {
  npmCache ??= spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8', timeout: 15_000 }).stdout?.trim() ?? '';
  return npmCache;
}

const real = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

/** Every machine path with its placeholder, each also as its real path (a temporary folder behind a link, say). */
export function machinePaths(cacheDir: string): MachinePath[] {
  const paths: MachinePath[] = [
    { path: cacheDir, as: '<cache>' },
    { path: process.env.XDG_CACHE_HOME ?? '', as: '<cache>' },
    { path: npmCacheDir(), as: '<npm-cache>' },
    { path: PROJECT, as: '<project>' },
    // Where the operator ran it from, unless that is the home folder itself.
    { path: process.cwd() === homedir() ? '' : process.cwd(), as: '<project>' },
    { path: homedir(), as: '<home>' },
    { path: tmpdir(), as: '<tmp>' },
    // Inside the sandbox: its private /tmp, and its HOME there.
    { path: '/tmp', as: '<tmp>' },
    { path: SANDBOX_HOME, as: '<home>' },
  ].filter((p) => p.path);
  return [...paths, ...paths.map((p) => ({ ...p, path: real(p.path) }))];
}
