import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

/** Runs a project command as `npm run` would: the pinned Node first on PATH. */
export function run(command: string, args: string[], env: Record<string, string> = {}) {
  const bin = join(ROOT, 'node_modules/.bin');
  const result = spawnSync(join(bin, command), args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env },
  });
  // Astro colours its log when CI is set (CI machines are not terminals), so tests that
  // read the log see it without escape codes whatever the environment.
  const raw = `${result.stdout}${result.stderr}`;
  return { status: result.status, output: stripVTControlCharacters(raw), raw };
}

/** Every `index.html` under `dist/<prefix>/`, as paths relative to `dist/`. */
export function pagesUnder(dist: string, prefix: string): string[] {
  const root = join(dist, prefix);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('index.html'))
    .map((p) => join(prefix, p));
}
