/**
 * `npm run bench:builder [-- --tools 1000 --runs 20 --keep DIR [--reuse]]`: how fast the policy builder of a
 * big server answers (issue #16: under 100 ms). Writes a synthetic catalogue of one server of that
 * many tools (`npm run fixture`), builds it, opens its page in Debian's Chromium, opens the builder
 * and times, from the change event until the next frame after the output shows the change: a tool
 * set to Hide (or Allow) and back, in each format, and a rate limit typed into a Custom field. The
 * check that enables Copy runs in the task after (src/browser/builder/output.ts); its time is reported too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { fixtureFiles } from './lib/fixture.ts';
import { serveStatic } from './lib/static-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    tools: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '20' },
    keep: { type: 'string' },
    /** With --keep: measure the site a previous run built there. */
    reuse: { type: 'boolean', default: false },
  },
});
const tools = Number(values.tools);
const runs = Number(values.runs);
const work = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), 'bench-builder-'));
const catalogue = join(work, 'catalogue');
const dist = join(work, 'dist');

spawnSync('mkdir', ['-p', catalogue]);
let slug = '';
for (const [name, text] of fixtureFiles({ servers: 1, tools, seed: 1 })) {
  writeFileSync(join(catalogue, name), text);
  slug = name.replace(/\.json$/, '');
}
if (!(values.reuse && values.keep)) {
  console.log(`building one server of ${tools.toLocaleString('en-US')} tools (${slug}) into ${dist} …`);
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', dist], {
    cwd: ROOT,
    env: { ...process.env, CATALOGUE_DIR: catalogue },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    process.exit(1);
  }
}

/** Milliseconds from a change event on `selector` to the frame after the output shows something new. */
function timeChange(page: Page, selector: string, value: string, event: 'change' | 'input'): Promise<number> {
  return page.evaluate(
    ([selector, value, event]) =>
      new Promise<number>((done, fail) => {
        const field = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
        const output = document.querySelector('.builder-output pre')!;
        const before = output.textContent;
        const start = performance.now();
        field.value = value;
        field.dispatchEvent(new Event(event, { bubbles: true }));
        const wait = () => {
          if (performance.now() - start > 10_000) fail(new Error(`${selector} = ${value}: the output did not change`));
          else if (output.textContent === before) requestAnimationFrame(wait);
          else requestAnimationFrame(() => done(performance.now() - start));
        };
        requestAnimationFrame(wait);
      }),
    [selector, value, event] as const,
  );
}

/**
 * CPU time (user + system, ms) of every process this script started: Chromium's browser, GPU and
 * renderer processes. Other programs on a shared machine stretch wall times, not this.
 */
function cpuOfChildren(): number {
  const stats = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        // Fields after the command name, which is in parentheses and may hold spaces.
        const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return [{ pid: Number(d), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) }];
      } catch {
        return [];
      }
    });
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const s of stats)
      if (mine.has(s.ppid) && !mine.has(s.pid)) {
        mine.add(s.pid);
        grew = true;
      }
  }
  // Linux counts in clock ticks of 10 ms (USER_HZ 100).
  return stats.filter((s) => s.pid !== process.pid && mine.has(s.pid)).reduce((n, s) => n + s.ticks * 10, 0);
}

const { server, base } = await serveStatic(dist);
const browser = await launchChromium();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** The builder's own measures (src/browser/builder/output.ts) since the last call: JavaScript time, before layout and paint. */
async function measures(page: Page): Promise<string> {
  const found = await page.evaluate(() => {
    const all = performance.getEntriesByType('measure').map((m) => [m.name, m.duration] as const);
    performance.clearMeasures();
    return all;
  });
  const names = [...new Set(found.map(([n]) => n))];
  return names
    .map((n) => {
      const xs = found.filter(([m]) => m === n).map(([, d]) => d);
      return `${n.replace('builder: ', '')} ${median(xs).toFixed(1)} ms`;
    })
    .join(', ');
}
const line = (label: string, xs: number[]) =>
  console.log(
    `${label}: median ${median(xs).toFixed(1)} ms, min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)} (${xs.length} changes)`,
  );
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}/servers/${slug}/`);
  const opened = Date.now();
  await page.getByText('Open the policy builder').click();
  await page.locator('#builder[data-ready]').waitFor();
  await measures(page);
  console.log(`builder open and drawn in ${Date.now() - opened} ms (code loaded, ${tools} rows, first policy)`);
  for (const format of ['policylayer', 'intercept', 'claude']) {
    await page.locator(`input[name="builder-format"][value="${format}"]`).check();
    const times: number[] = [];
    const cpu = cpuOfChildren();
    for (let i = 0; i < runs; i++) {
      const select = `#builder-tool-${(i * 37) % tools}`;
      const back = await page.locator(select).inputValue();
      // Hide changes every format (Claude Code denies a hidden tool), so the output always moves.
      times.push(await timeChange(page, select, back === 'hide' ? 'allow' : 'hide', 'change'));
      await timeChange(page, select, back, 'change');
    }
    // Each run is two changes, there and back.
    const cpuPerChange = (cpuOfChildren() - cpu) / (2 * runs);
    line(`a tool's select changed, ${format} shown`, times);
    console.log(`  of which JavaScript (medians): ${await measures(page)}`);
    console.log(`  Chromium's CPU time per change, all its processes: ${cpuPerChange.toFixed(1)} ms`);
  }
  await page.locator(`input[name="builder-format"][value="policylayer"]`).check();
  await page.locator('#builder-tool-1').selectOption('custom');
  const field = '#builder-1-limit-day';
  await page.locator(field).waitFor();
  const typed: number[] = [];
  const cpu = cpuOfChildren();
  for (let i = 1; i <= runs; i++) typed.push(await timeChange(page, field, String(i), 'input'));
  const cpuPerChange = (cpuOfChildren() - cpu) / runs;
  line('a rate limit typed in a Custom field', typed);
  console.log(`  of which JavaScript (medians): ${await measures(page)}`);
  console.log(`  Chromium's CPU time per change, all its processes: ${cpuPerChange.toFixed(1)} ms`);
} finally {
  await browser.close();
  server.close();
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
console.log(`${new Date().toISOString().slice(0, 10)}, Chromium via playwright-core, ${tools} tools`);
