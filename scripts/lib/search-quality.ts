/**
 * The search-quality benchmark (`npm run bench:search -- --quality`, issue 17): builds
 * the real search index (the site's own records, src/core/search/records.ts) for a
 * catalogue, runs the site's own search code (src/browser/search-client.ts, bundled as the
 * pages bundle it) in Chromium for each query, and scores where the tool the query
 * means lands: hits@1, hits@5, mean reciprocal rank and the share of queries with no
 * result at all.
 *
 * By default the catalogue and queries are the ones in test/search-quality/; `--catalogue
 * DIR --queries FILE` (a JSON list of `{q, meant: "server-slug/tool_name"}`) checks any
 * other catalogue, such as a real one kept outside the repository.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { analyseCatalogue } from '../../src/core/analyse.ts';
import { readAttackFiles } from '../../src/build/attack-files.ts';
import { loadCatalogue } from '../../src/build/catalogue-files.ts';
import { indexSearchRecords, recordsFolder, writeSearchRecords } from '../../src/build/search-index.ts';
import { attackRecords, serverRecords, toolRecords } from '../../src/core/search/records.ts';
import { toolSlug } from '../../src/core/catalogue/slug.ts';
import { QUALITY_SERVERS, serverFile } from '../../test/search-quality/catalogue.ts';
import { QUALITY_QUERIES, type QualityQuery } from '../../test/search-quality/queries.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface QueryOutcome {
  q: string;
  meant: string;
  /** 1-based rank of the meant tool among all results, 0 when it is not in the first 50. */
  rank: number;
  results: number;
  top: string[];
  note: string;
}

export interface QualityFigures {
  queries: number;
  hitsAt1: number;
  hitsAt5: number;
  mrr: number;
  empty: number;
}

export function score(outcomes: readonly QueryOutcome[]): QualityFigures {
  const n = outcomes.length;
  return {
    queries: n,
    hitsAt1: outcomes.filter((o) => o.rank === 1).length / n,
    hitsAt5: outcomes.filter((o) => o.rank >= 1 && o.rank <= 5).length / n,
    mrr: outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n,
    empty: outcomes.filter((o) => o.results === 0).length / n,
  };
}

/** `server-slug/tool_name` → the tool page's URL, as the site writes it. */
const meantUrl = (meant: string) => {
  const slash = meant.indexOf('/');
  return `/tools/${meant.slice(0, slash)}/${toolSlug(meant.slice(slash + 1))}/`;
};

export async function runQuality(options: {
  catalogue?: string | undefined;
  queries?: string | undefined;
}): Promise<QueryOutcome[]> {
  const work = mkdtempSync(join(tmpdir(), 'search-quality-'));
  const records = recordsFolder();
  try {
    const dir = options.catalogue ? resolve(options.catalogue) : join(work, 'catalogue');
    if (!options.catalogue) {
      mkdirSync(dir);
      for (const s of QUALITY_SERVERS) writeFileSync(join(dir, `${s.slug}.json`), JSON.stringify(serverFile(s)));
    }
    const queries: QualityQuery[] = options.queries
      ? JSON.parse(readFileSync(resolve(options.queries), 'utf8'))
      : QUALITY_QUERIES;
    const servers = analyseCatalogue(loadCatalogue(dir));
    const site = join(work, 'site');
    writeSearchRecords(records, [
      ...toolRecords(servers),
      ...serverRecords(servers),
      ...attackRecords(readAttackFiles(join(ROOT, 'content/attacks'))),
    ]);
    await indexSearchRecords(records, join(site, 'pagefind'));
    await build({
      entryPoints: [join(ROOT, 'src/browser/search-client.ts')],
      bundle: true,
      format: 'esm',
      outfile: join(site, 'client.js'),
      logLevel: 'error',
    });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>search quality</title>');
    writeFileSync(join(site, '404.html'), '<!doctype html><title>not found</title>');
    return await ask(site, queries);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(records, { recursive: true, force: true });
  }
}

async function ask(site: string, queries: readonly QualityQuery[]): Promise<QueryOutcome[]> {
  const { server, base } = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const outcomes: QueryOutcome[] = [];
    for (const { q, meant } of queries) {
      const found = await page.evaluate(async (query) => {
        const client = await import(/* @vite-ignore */ `${location.origin}/client.js`);
        const pagefind = await client.loadPagefind();
        const state = { ...client.emptyState(), q: query };
        const search = await client.runSearch(pagefind, state);
        const top = await Promise.all(
          search.results.slice(0, 50).map((r: { data(): Promise<{ url: string }> }) => r.data()),
        );
        return { urls: top.map((d) => d.url), total: search.results.length, note: search.note ?? '' };
      }, q);
      const index = found.urls.indexOf(meantUrl(meant));
      outcomes.push({
        q,
        meant,
        rank: index + 1,
        results: found.total,
        top: found.urls.slice(0, 3),
        note: found.note,
      });
    }
    return outcomes;
  } finally {
    await browser.close();
    server.close();
  }
}

export function report(outcomes: readonly QueryOutcome[], verbose: boolean): string[] {
  const figures = score(outcomes);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const lines = verbose
    ? outcomes
        .filter((o) => o.rank !== 1)
        .map(
          (o) =>
            `  ${o.rank ? `#${o.rank}` : 'missed'}: "${o.q}" meant ${o.meant}; ${o.results} results, first ${o.top.join(' ') || '(none)'}`,
        )
    : [];
  return [
    ...lines,
    `${figures.queries} queries: hits@1 ${pct(figures.hitsAt1)}, hits@5 ${pct(figures.hitsAt5)}, MRR ${figures.mrr.toFixed(3)}, no result ${pct(figures.empty)}`,
  ];
}
