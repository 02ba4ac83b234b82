import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { ROOT } from './helpers.ts';

// A build stopped from outside (Ctrl-C, a CI job's deadline) must not leave its search records behind:
// they are in memory (/dev/shm), about 1 GB at 250,000 tools, until the machine restarts.
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

test('a build stopped by SIGTERM stops its astro processes and removes its records and scratch folder', async () => {
  const out = mkdtempSync(join(tmpdir(), 'mcp-stopped-'));
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
