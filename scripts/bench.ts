/**
 * `npm run bench -- --tools M [--servers N] [--seed S] [--keep]`: generates a
 * synthetic catalogue into a temporary folder, builds it with CATALOGUE_DIR, and
 * prints one line per phase with wall seconds, then the figures the scale budgets
 * are about. Removes everything it made unless --keep is given; --skip-rebuild
 * leaves out the second build, after one server file changed; --shards N sets how
 * many `astro build` processes render the pages (`npm run build -- --shards N`;
 * by default one per core, at most 4). --floor then builds the floor (bench/floor:
 * a bare Astro project, one page per tool with its title, description and one
 * Shiki code block, then `pagefind --site`) on the same catalogue, and prints
 * both builds' wall time and peak memory and our build's ratios to the floor's.
 * --slices N builds as N slices kept in a cache folder (`npm run build --
 * --shards-cache DIR --slices N`), so that the rebuild after one server changed
 * renders that server's slice only.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { analyseCatalogue, serverPolicyTexts, toolPolicyTexts } from '../src/core/analyse.ts';
import { loadCatalogue } from '../src/build/catalogue-files.ts';
import { fixtureFiles } from './lib/fixture.ts';
import { sampleRss } from './lib/rss.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** Ends the run early, on purpose (--skip-rebuild). */
class Skip extends Error {}
const { values } = parseArgs({
  options: {
    tools: { type: 'string', default: '5000' },
    servers: { type: 'string' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'skip-rebuild': { type: 'boolean', default: false },
    shards: { type: 'string' },
    floor: { type: 'boolean', default: false },
    slices: { type: 'string' },
  },
});
const tools = Number(values.tools);
const servers = Number(values.servers ?? Math.max(1, Math.round(tools / 10)));
const work = mkdtempSync(join(tmpdir(), 'mcp-bench-'));
const catalogueDir = join(work, 'catalogue');
const dist = join(work, 'dist');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const lines: string[] = [];
const say = (label: string, value: string) => {
  const line = `${label.padEnd(34)} ${value}`;
  lines.push(line);
  console.log(line);
};

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  return [fn(), performance.now() - start];
}

interface Measured {
  ms: number;
  peak: number;
  output: string;
}

/** Runs `npm run build` (scripts/build.ts) on the catalogue; returns wall time, peak RSS of the whole tree, and its output. */
function build(): Promise<Measured> {
  const flags = [
    ...(values.shards ? ['--shards', values.shards] : []),
    ...(values.slices ? ['--shards-cache', join(work, 'slices'), '--slices', values.slices] : []),
  ];
  return measure(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', dist, ...flags]);
}

/** Builds the floor (bench/floor) on the same catalogue, then has Pagefind index it, as one measured run. */
function floor(): Promise<Measured> {
  const out = join(work, 'floor');
  const node = JSON.stringify(process.execPath);
  const astro = JSON.stringify(join(ROOT, 'node_modules/astro/bin/astro.mjs'));
  const pagefind = JSON.stringify(join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'));
  return measure('/bin/sh', [
    '-c',
    `${node} ${astro} build --root bench/floor --outDir ${JSON.stringify(out)} && ${node} ${pagefind} --site ${JSON.stringify(out)}`,
  ]);
}

/** Runs a command on the catalogue: wall time, peak RSS of its whole tree (and /dev/shm), and its output. */
function measure(command: string, args: string[]): Promise<Measured> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, CATALOGUE_DIR: catalogueDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const rss = sampleRss(child.pid!);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const peak = rss.stop();
      if (code !== 0) fail(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`));
      else done({ ms: performance.now() - start, peak, output });
    });
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile());
}

/** JavaScript a page loads before anyone searches: its module scripts and what they import statically. */
function initialScripts(html: string): { files: number; raw: number; gzip: number } {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  while (queue.length) {
    const src = queue.shift()!;
    if (seen.has(src)) continue;
    seen.add(src);
    const code = readFileSync(join(dist, src), 'utf8');
    raw += Buffer.byteLength(code);
    gzip += gzipSync(code).length;
    // Static imports only (`import{…}from"./x.js"`); `import("…")` loads later, on use.
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[^"'()]*?from\s*)?["']([^"']+)["']/g))
      queue.push(resolve('/', dirname(src), m[1]!));
  }
  const inline = [
    ...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g),
  ].map((m) => m[1]!);
  for (const code of inline) {
    raw += Buffer.byteLength(code);
    gzip += gzipSync(code).length;
  }
  return { files: seen.size + inline.length, raw, gzip };
}

try {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${mb(totalmem())} RAM, Node ${process.version}`,
  );
  const [, generate] = time(() => {
    mkdirSync(catalogueDir, { recursive: true });
    for (const [name, text] of fixtureFiles({ servers, tools, seed: Number(values.seed) }))
      writeFileSync(join(catalogueDir, name), text);
  });
  say(
    'catalogue',
    `${tools.toLocaleString('en-US')} tools on ${servers.toLocaleString('en-US')} servers (generated in ${seconds(generate)})`,
  );

  const [catalogue, load] = time(() => loadCatalogue(catalogueDir));
  // Measured on their own; the build below does this work again, inside its own time.
  say('load + validate', seconds(load));
  const [, classify] = time(() => {
    for (const s of analyseCatalogue(catalogue)) {
      serverPolicyTexts(s);
      for (const t of s.tools) toolPolicyTexts(s, t);
    }
  });
  say('classify + policies (3 formats)', seconds(classify));

  const cold = await build();
  // scripts/build.ts says how long the index took once Astro had finished (Pagefind read the records
  // while the first Astro process finished the site), and how many Astro processes rendered the pages.
  const indexed =
    /Pagefind indexed (\d+) search records, writing the index ([\d.]+) s after Astro finished; .* by (\d+) astro build/.exec(
      cold.output,
    );
  const pagefindMs = indexed ? Number(indexed[2]) * 1000 : NaN;
  say('astro build (pages, API, records)', `${seconds(cold.ms - pagefindMs)} (${indexed?.[3] ?? '?'} processes)`);
  say('pagefind, after astro', indexed ? `${seconds(pagefindMs)} (${indexed[1]} records)` : 'not reported');
  say('total build, wall (all of it)', seconds(cold.ms));
  say('peak memory, whole build', `${mb(cold.peak)} (RSS of all processes + /dev/shm)`);
  if (values.floor) {
    const bare = await floor();
    say('floor: build + pagefind, wall', seconds(bare.ms));
    say('floor: peak memory', mb(bare.peak));
    say(
      'ratio to the floor',
      `time ${(cold.ms / bare.ms).toFixed(2)}×, peak memory ${(cold.peak / bare.peak).toFixed(2)}×`,
    );
  }

  const files = walk(dist);
  const pages = files.filter((f) => f.endsWith('.html'));
  const toolPages = pages.filter(
    (f) => f.startsWith(join(dist, 'tools')) && f.split('/').length - dist.split('/').length === 4,
  );
  const size = (list: string[]) => list.reduce((n, f) => n + statSync(f).size, 0);
  say('pages written', pages.length.toLocaleString('en-US'));
  say('files in dist/', files.length.toLocaleString('en-US'));
  say('size of dist/', mb(size(files)));
  say('size of the Pagefind index', mb(size(files.filter((f) => f.startsWith(join(dist, 'pagefind'))))));
  const step = Math.max(1, Math.floor(toolPages.length / 1000));
  const gz = toolPages
    .filter((_, i) => i % step === 0)
    .map((f) => gzipSync(readFileSync(f)).length)
    .sort((a, b) => a - b);
  say(
    'tool page HTML, gzipped',
    `median ${kb(gz[Math.floor(gz.length / 2)]!)}, largest ${kb(gz[gz.length - 1]!)} (${gz.length} sampled)`,
  );
  const js = initialScripts(readFileSync(toolPages[0]!, 'utf8'));
  say('JS a tool page loads before search', `${kb(js.gzip)} gzipped (${kb(js.raw)} raw, ${js.files} scripts)`);

  if (values['skip-rebuild']) throw new Skip();
  // Rebuild after one server file changed: a new tool appended to the first server.
  const first = readdirSync(catalogueDir).sort()[0]!;
  const file = join(catalogueDir, first);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  data.tools.push({
    name: 'bench_added_tool',
    description: 'Added by the benchmark to measure a rebuild.',
    inputSchema: { type: 'object', properties: {} },
  });
  writeFileSync(file, JSON.stringify(data, null, 2));
  const again = await build();
  say(
    'rebuild after one server changed',
    `${seconds(again.ms)} (${((100 * again.ms) / cold.ms).toFixed(0)}% of the cold build)`,
  );
  // With --slices, the cache says how many slices the change made it build again (scripts/lib/shards-cache.ts).
  const slices = /^Slices: (rebuilt \d+ of \d+ slices)/m.exec(again.output);
  if (slices) say('slices built again', slices[1]!);
} catch (error) {
  if (!(error instanceof Skip)) throw error;
} finally {
  if (values.keep) console.log(`kept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
