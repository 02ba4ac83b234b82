/**
 * `npm run lint:house`: the house rules over every file git tracks (scripts/lib/house.ts).
 * Prints one line per breach and exits 1, or one summary line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  coreImportProblems,
  folderMapProblems,
  longBlocks,
  MAX_FUNCTION_LINES,
  OUTSIDE_REFERENCE,
} from './lib/house.ts';

const ROOT = resolve(import.meta.dirname, '..');
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && !f.startsWith('content/servers/') && !f.startsWith('test/catalogues/') && !f.endsWith('.json'));

const problems: string[] = [];
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(resolve(ROOT, file), 'utf8');
  } catch {
    continue; // deleted in the working tree
  }
  const code = /\.(ts|astro|mjs)$/.test(file) && !/\.test\.ts$/.test(file);
  if (code && /^(src|scripts)\//.test(file)) {
    for (const b of longBlocks(file, text))
      problems.push(`${file}:${b.line} ${b.name} is ${b.lines} lines (at most ${MAX_FUNCTION_LINES})`);
  }
  if (code && file.startsWith('src/core/')) problems.push(...coreImportProblems(file, text));
  if (!file.startsWith('scripts/lib/house.') && OUTSIDE_REFERENCE.test(text))
    problems.push(`${file} cites a design document outside the repository (${OUTSIDE_REFERENCE.exec(text)![0]})`);
}
const subfolders = (dir: string) =>
  readdirSync(resolve(ROOT, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${dir}/${d.name}`);
problems.push(
  ...folderMapProblems(readFileSync(resolve(ROOT, 'README.md'), 'utf8'), (path) => existsSync(resolve(ROOT, path)), [
    ...subfolders('src'),
    ...subfolders('src/core'),
  ]),
);
for (const p of problems) console.log(p);
console.log(
  problems.length ? `${problems.length} house rule(s) broken.` : `House rules hold over ${files.length} files.`,
);
process.exitCode = problems.length ? 1 : 0;
