import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DIST, run } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'dist-again-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

// `npm run build` renders with one `astro build` per core (src/build/shards.ts): one process and
// three must write the same site as the default did, and as each other.
test.each([1, 3])('a build of the same catalogue by %i astro build process(es) writes the same bytes', (shards) => {
  const again = join(work, String(shards));
  // CI set: Astro colours its own log then (test/build/helpers.ts), which the build must not pass on.
  const { status, output, raw } = run('node', ['scripts/build.ts', '--outDir', again, '--shards', String(shards)], {
    CI: 'true',
  });
  expect(status, output).toBe(0);
  expect(output).toContain(`by ${shards} astro build process(es)`);
  // A short log (issue 15): a line per phase, no page list, no colour codes when it is not a terminal,
  // and a total that is what was written.
  expect(raw).toBe(output);
  expect(output.trimEnd().split('\n').length, output).toBeLessThanOrEqual(100);
  const written = files(again).filter((f) => !/^(pagefind|_astro)\//.test(f) && statSync(join(again, f)).isFile());
  const html = written.filter((f) => f.endsWith('.html')).length;
  expect(output).toMatch(
    new RegExp(
      `^Pages: +${html.toLocaleString('en-US')} HTML pages and ${(written.length - html).toLocaleString('en-US')} other files by ${shards} astro build process`,
      'm',
    ),
  );
  expect(output).not.toMatch(/MODULE_LEVEL_DIRECTIVE|Shiki syntax highlighting|├─/);
  const list = files(DIST);
  expect(files(again)).toEqual(list);
  // Every page, API document, sitemap and search index file: no timestamps, no random ids.
  for (const file of list.filter((f) => /\.(html|json|xml|txt|css|pf_meta|pf_index|pf_fragment|pagefind)$/.test(f))) {
    expect(readFileSync(join(again, file)).equals(readFileSync(join(DIST, file))), file).toBe(true);
  }
});
