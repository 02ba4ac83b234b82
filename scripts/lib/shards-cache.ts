/**
 * `npm run build -- --shards-cache DIR [--slices N] [--outDir OUT]`: a sharded build that reuses
 * what has not changed. Slice I of N lives in `DIR/<I>-of-<N>/`, with its key in its manifest
 * (src/build/shards.ts, `sliceKeys`: its servers' files and analysis, the code, SITE_URL). A slice
 * whose key is the current one is reused; the others are built again, one after the other (each
 * uses every core), then `npm run merge` assembles them all into OUT. After a registry sync that
 * touched a few servers, only their slices are rendered again.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyseCatalogue } from '../../src/core/analyse.ts';
import { CatalogueError } from '../../src/core/catalogue/problems.ts';
import { catalogueDir, isBundledSample, loadCatalogue } from '../../src/build/catalogue-files.ts';
import { siteUrl } from '../../src/build/env.ts';
import { buildContext, readManifest, sliceKeys } from '../../src/build/shards.ts';

export interface CachedBuild {
  root: string;
  /** The cache folder. */
  cache: string;
  slices: number;
  /** The command line of `npm run build`: its --outDir, and what goes on to each slice's build. */
  args: string[];
}

/** The current key of each slice, from the catalogue and the code. */
function currentKeys(root: string, slices: number): string[] {
  const dir = catalogueDir();
  const catalogue = loadCatalogue(dir);
  return sliceKeys(catalogue, analyseCatalogue(catalogue), slices, buildContext(root, siteUrl(), isBundledSample(dir)));
}

function run(root: string, script: string, args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' });
    child.on('close', (code) => done(code ?? 1));
  });
}

/** Splits off --outDir, --shards-cache and --slices (this module's); the rest goes to each slice's build. */
function splitArgs(args: readonly string[]): { outDir: string | undefined; rest: string[] } {
  let outDir: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = /^--(outDir|shards-cache|slices)(=|$)/.exec(arg);
    if (!name) {
      rest.push(arg);
      continue;
    }
    const value = name[2] === '=' ? arg.slice(arg.indexOf('=') + 1) : args[++i];
    if (name[1] === 'outDir') outDir = value;
  }
  return { outDir, rest };
}

/** Builds the slices whose key changed, merges them all; returns the exit code. */
export async function cachedBuild({ root, cache, slices, args }: CachedBuild): Promise<number> {
  const started = performance.now();
  let keys: string[];
  try {
    keys = currentKeys(root, slices);
  } catch (error) {
    if (!(error instanceof CatalogueError)) throw error;
    console.error(error.message);
    return 1;
  }
  const { outDir, rest } = splitArgs(args);
  const folders = keys.map((_, k) => join(cache, `${k + 1}-of-${slices}`));
  const rebuilt: number[] = [];
  for (const [k, folder] of folders.entries()) {
    const manifest = readManifest(folder);
    if (manifest?.slice === `${k + 1}/${slices}` && manifest.key === keys[k]) continue;
    rebuilt.push(k + 1);
    rmSync(folder, { recursive: true, force: true });
    const code = await run(root, 'scripts/build.ts', [...rest, '--shard', `${k + 1}/${slices}`, '--outDir', folder]);
    if (code !== 0) return code;
  }
  const sliced = performance.now();
  // scripts/bench.ts and test/build/shards.test.ts read this line.
  console.log(
    `Slices: rebuilt ${rebuilt.length} of ${slices} slices${rebuilt.length ? ` (${rebuilt.join(', ')})` : ''}, ` +
      `reused ${slices - rebuilt.length}, in ${((sliced - started) / 1000).toFixed(1)} s; merging.`,
  );
  const code = await run(root, 'scripts/merge.ts', ['--outDir', resolve(root, outDir ?? 'dist'), ...folders]);
  if (code === 0) console.log(`Sharded build finished in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return code;
}
