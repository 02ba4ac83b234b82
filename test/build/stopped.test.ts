import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { ROOT, run } from './helpers.ts';

// What a build leaves beside its site: nothing. It moves the last build's files aside to remove them
// while Astro works (scripts/build.ts), and a build stopped from outside (Ctrl-C, a CI job's deadline)
// must not leave its search records behind either: they are in memory (/dev/shm), about 1 GB at
// 250,000 tools, until the machine restarts.
const SHM = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const SCRATCH = join(ROOT, 'node_modules');
const named = (dir: string, prefix: string) => readdirSync(dir).filter((name) => name.startsWith(prefix));

/** The processes whose command line mentions `text`. */
function processesWith(text: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text)) found.push(Number(pid));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** The folders a build moves the last build's files into, beside `out`, while it removes them. */
const previousOf = (out: string) => named(dirname(out), `.${basename(out)}-previous-`);

test('a build into a folder with an older site leaves only the new site, and nothing beside it', () => {
  const out = mkdtempSync(join(tmpdir(), 'mcp-again-'));
  try {
    mkdirSync(join(out, 'tools/gone'), { recursive: true });
    writeFileSync(join(out, 'tools/gone/index.html'), 'an older build');
    writeFileSync(join(out, 'stale.html'), 'an older build');
    const built = run('node', ['scripts/build.ts', '--outDir', out], {
      CATALOGUE_DIR: resolve(ROOT, 'test/catalogues/tiny'),
    });
    expect(built.status, built.output).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'stale.html'))).toBe(false);
    expect(existsSync(join(out, 'tools/gone'))).toBe(false);
    expect(previousOf(out)).toEqual([]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a build that finds the catalogue broken leaves the older site where it was', () => {
  const out = mkdtempSync(join(tmpdir(), 'mcp-broken-'));
  try {
    writeFileSync(join(out, 'index.html'), 'an older build');
    const built = run('node', ['scripts/build.ts', '--outDir', out], {
      CATALOGUE_DIR: resolve(ROOT, 'test/catalogues/broken'),
    });
    expect(built.status).not.toBe(0);
    expect(built.output).toContain('problem');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('an older build');
    expect(previousOf(out)).toEqual([]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a build stopped by SIGTERM stops its astro processes and removes its records and scratch folder', async () => {
  const out = mkdtempSync(join(tmpdir(), 'mcp-stopped-'));
  // An older site, which the build moves aside to remove it: gone too once the build is stopped.
  writeFileSync(join(out, 'stale.html'), 'an older build');
  const recordsBefore = new Set(named(SHM, 'mcp-search-records-'));
  const scratchBefore = new Set(named(SCRATCH, '.build-shards-'));
  const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', out, '--shards', '2'], {
    cwd: ROOT,
    env: { ...process.env, CATALOGUE_DIR: resolve(ROOT, 'test/catalogues/tiny') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ended = new Promise<number | string>((done) => child.on('close', (code, signal) => done(code ?? signal!)));
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    // Stopped once process 0 has written the records, while Astro is still bundling and rendering.
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('Search records:')) done();
      });
      void ended.then(() => fail(new Error(`The build ended before it could be stopped:\n${output}`)));
    });
    const records = named(SHM, 'mcp-search-records-').filter((name) => !recordsBefore.has(name));
    const scratch = named(SCRATCH, '.build-shards-').filter((name) => !scratchBefore.has(name));
    expect(records).toHaveLength(1);
    expect(scratch).toHaveLength(1);
    expect(processesWith(scratch[0]!).length).toBeGreaterThan(0); // the helper process, before

    child.kill('SIGTERM');
    expect(await ended).toBe(143);
    expect(output).toContain('Stopped by SIGTERM');
    expect(existsSync(join(SHM, records[0]!))).toBe(false);
    expect(existsSync(join(SCRATCH, scratch[0]!))).toBe(false);
    expect(previousOf(out)).toEqual([]);
    // Both astro build processes end too (they had SIGTERM as well), not left rendering into nothing.
    for (let tries = 0; tries < 100 && processesWith(scratch[0]!).length + processesWith(out).length > 0; tries++)
      await sleep(100);
    expect(processesWith(scratch[0]!)).toEqual([]);
    expect(processesWith(out)).toEqual([]);
  } finally {
    child.kill('SIGKILL');
    rmSync(out, { recursive: true, force: true });
  }
});
