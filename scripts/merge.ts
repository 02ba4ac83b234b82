/**
 * `npm run merge -- --outDir OUT DIR…`: assembles the slices `npm run build -- --shard I/N` wrote
 * (on any machine) into the site one `npm run build` writes, byte for byte but for nothing.
 *
 * It checks the folders are slices 1…N of one N, each once, then runs the build (scripts/build.ts)
 * in its merge part (src/build/shards.ts): that build loads the whole catalogue, refuses a slice
 * built from other code or another catalogue, renders the pages that list across the catalogue,
 * copies the slices' pages in, writes the one sitemap, checks the whole site (every tool has one
 * page, one API record, one search record) and has Pagefind index every search record.
 * `--shards N` sets its `astro build` processes (1 by default: it renders few pages).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MERGE_ENV } from '../src/build/env.ts';
import { checkSliceSet, readManifest } from '../src/build/shards.ts';

const ROOT = resolve(import.meta.dirname, '..');

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run merge -- --outDir OUT DIR… (the folders of npm run build -- --shard I/N)`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    options: { outDir: { type: 'string' }, shards: { type: 'string', default: '1' } },
    allowPositionals: true,
  });
} catch (error) {
  usage((error as Error).message);
}
const { values, positionals } = parsed;
if (!values.outDir) usage('--outDir is missing: where the merged site goes.');
if (positionals.length === 0) usage('No slice folders given.');
const outDir = resolve(values.outDir);
const dirs = positionals.map((dir) => resolve(dir));
for (const dir of dirs) {
  if (!existsSync(dir)) usage(`${dir} does not exist.`);
  if (dir === outDir) usage(`${dir} is a slice: the merged site must go elsewhere.`);
}
const problems = checkSliceSet(dirs, dirs.map(readManifest));
if (problems.length > 0) usage(problems.join('\n'));

const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', outDir, '--shards', values.shards], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, [MERGE_ENV]: JSON.stringify(dirs) },
});
child.on('close', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
