/**
 * The search-quality benchmark (`npm run bench:search -- --quality`, issue 17): builds
 * the real search index (the site's own records, src/core/search/records.ts, and its
 * vocabulary, src/core/search/vocabulary.ts) for a catalogue, runs the site's own search
 * code (src/browser/search-client.ts, bundled as the pages bundle it) in Chromium for each
 * query, and scores where the page the query means lands: hits@1, hits@5, mean reciprocal
 * rank and the share of queries with no result at all, for all queries and for each kind
 * (natural queries, server names, typos) apart.
 *
 * Two sets, kept apart: the tuning set (test/search-quality/catalogue.ts and queries.ts),
 * which changes to search are tuned on, and the held-out set (test/search-quality/held-out/),
 * a catalogue in the registry's shape that search is only measured on. `--catalogue DIR
 * --queries FILE` (a JSON list of `{q, meant: "server-slug/tool_name" or "server-slug",
 * kind?}`) checks any other catalogue, such as a real one kept outside the repository.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { analyseCatalogue } from '../../src/core/analyse.ts';
import { readAttackFiles } from '../../src/build/attack-files.ts';
import { loadCatalogue } from '../../src/build/catalogue-files.ts';
import {
  indexSearchRecords,
  recordsFolder,
  writeSearchRecords,
  writeVocabulary,
} from '../../src/build/search-index.ts';
import { attackRecords, serverRecords, toolRecords } from '../../src/core/search/records.ts';
import { searchVocabulary, vocabularyParts } from '../../src/core/search/vocabulary.ts';
import { toolSlug } from '../../src/core/catalogue/slug.ts';
import { QUALITY_SERVERS, serverFile, UNSCANNED_SERVERS } from '../../test/search-quality/catalogue.ts';
import { QUALITY_QUERIES, type QualityQuery, type QueryKind } from '../../test/search-quality/queries.ts';
import { HELD_OUT_SERVERS, heldOutFile } from '../../test/search-quality/held-out/catalogue.ts';
import { HELD_OUT_QUERIES } from '../../test/search-quality/held-out/queries.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface QueryOutcome {
  q: string;
  meant: string;
  kind: QueryKind;
  /** 1-based rank of the meant page among all results, 0 when it is not in the first 50. */
  rank: number;
  results: number;
  top: string[];
  note: string;
  /** The query searched instead, when a word was corrected. */
  corrected: string;
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

/** `server-slug/tool_name` → the tool page's URL, `server-slug` → the server page's, as the site writes them. */
export const meantUrl = (meant: string) => {
  const slash = meant.indexOf('/');
  if (slash < 0) return `/servers/${meant}/`;
  return `/tools/${meant.slice(0, slash)}/${toolSlug(meant.slice(slash + 1))}/`;
};

/** The sets `--set` chooses from: their catalogue files and their queries. */
export const QUALITY_SETS = {
  tuning: {
    files: () => [...QUALITY_SERVERS, ...UNSCANNED_SERVERS].map((s) => [s.slug, serverFile(s)] as const),
    queries: QUALITY_QUERIES,
  },
  'held-out': {
    files: () => HELD_OUT_SERVERS.map((s) => [s.slug, heldOutFile(s)] as const),
    queries: HELD_OUT_QUERIES,
  },
};
export type QualitySet = keyof typeof QUALITY_SETS;

export async function runQuality(options: {
  set?: QualitySet | undefined;
  catalogue?: string | undefined;
  queries?: string | undefined;
}): Promise<QueryOutcome[]> {
  const work = mkdtempSync(join(tmpdir(), 'search-quality-'));
  try {
    const set = QUALITY_SETS[options.set ?? 'tuning'];
    const dir = options.catalogue ? resolve(options.catalogue) : join(work, 'catalogue');
    if (!options.catalogue) {
      mkdirSync(dir);
      for (const [slug, file] of set.files()) writeFileSync(join(dir, `${slug}.json`), JSON.stringify(file));
    }
    const queries: QualityQuery[] = options.queries
      ? JSON.parse(readFileSync(resolve(options.queries), 'utf8'))
      : set.queries;
    const site = join(work, 'site');
    await buildSite(dir, site);
    return await ask(site, queries);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What `buildSearchIndex` wrote. */
export interface SearchIndexFigures {
  records: number;
  tools: number;
  /** The vocabulary: how many words, and its parts' bytes on disk (gzipped), all and the largest. */
  words: number;
  vocabularyBytes: number;
  largestPart: number;
}

/**
 * The site's search index for a catalogue, as the build writes it (src/integrations/search.ts):
 * the records indexed by Pagefind into `<site>/pagefind/`, the vocabulary into `<site>/search/words/`.
 */
export async function buildSearchIndex(catalogue: string, site: string): Promise<SearchIndexFigures> {
  const records = recordsFolder();
  try {
    const servers = analyseCatalogue(loadCatalogue(catalogue));
    const tools = toolRecords(servers);
    const all = [...tools, ...serverRecords(servers), ...attackRecords(readAttackFiles(join(ROOT, 'content/attacks')))];
    writeSearchRecords(records, all);
    await indexSearchRecords(records, join(site, 'pagefind'));
    const vocabulary = searchVocabulary(servers);
    const parts = vocabularyParts(vocabulary);
    const sizes = [...parts.values()].map((text) => gzipSync(text, { level: 9 }).length);
    writeVocabulary(site, parts);
    return {
      records: all.length,
      tools: tools.length,
      words: vocabulary.size,
      vocabularyBytes: sizes.reduce((a, b) => a + b, 0),
      largestPart: Math.max(0, ...sizes),
    };
  } finally {
    rmSync(records, { recursive: true, force: true });
  }
}

/** The search part of the site for a catalogue: the index, the vocabulary and the bundled client. */
async function buildSite(catalogue: string, site: string): Promise<void> {
  await buildSearchIndex(catalogue, site);
  await build({
    entryPoints: [join(ROOT, 'src/browser/search-client.ts')],
    bundle: true,
    format: 'esm',
    outfile: join(site, 'client.js'),
    logLevel: 'error',
  });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>search quality</title>');
  writeFileSync(join(site, '404.html'), '<!doctype html><title>not found</title>');
}

async function ask(site: string, queries: readonly QualityQuery[]): Promise<QueryOutcome[]> {
  const { server, base } = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const outcomes: QueryOutcome[] = [];
    for (const { q, meant, kind = 'natural' } of queries) {
      const found = await page.evaluate(async (query) => {
        const client = await import(/* @vite-ignore */ `${location.origin}/client.js`);
        const pagefind = await client.loadPagefind();
        const state = { ...client.emptyState(), q: query };
        const search = await client.runSearch(pagefind, state);
        const top = await Promise.all(
          search.results.slice(0, 50).map((r: { data(): Promise<{ url: string }> }) => r.data()),
        );
        return {
          urls: top.map((d) => d.url),
          total: search.results.length,
          note: search.note ?? '',
          corrected: search.corrected ?? '',
        };
      }, q);
      const index = found.urls.indexOf(meantUrl(meant));
      const { urls, total, note, corrected } = found;
      outcomes.push({ q, meant, kind, rank: index + 1, results: total, top: urls.slice(0, 3), note, corrected });
    }
    return outcomes;
  } finally {
    await browser.close();
    server.close();
  }
}

const KIND_NAMES: Record<QueryKind, string> = { natural: 'natural', server: 'server names', typo: 'typos' };

/** One line of figures: `58 queries: hits@1 86.2 %, hits@5 96.6 %, MRR 0.907, no result 0.0 %`. */
function figuresLine(label: string, outcomes: readonly QueryOutcome[]): string {
  const f = score(outcomes);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return `${label}${f.queries} queries: hits@1 ${pct(f.hitsAt1)}, hits@5 ${pct(f.hitsAt5)}, MRR ${f.mrr.toFixed(3)}, no result ${pct(f.empty)}`;
}

/** The figures for all queries, then for each kind present; with `verbose`, first every query whose page was not first. */
export function report(outcomes: readonly QueryOutcome[], verbose: boolean): string[] {
  const lines = verbose
    ? outcomes
        .filter((o) => o.rank !== 1)
        .map(
          (o) =>
            `  ${o.rank ? `#${o.rank}` : 'missed'}: "${o.q}"${o.corrected ? ` (as "${o.corrected}")` : ''} meant ${o.meant}; ${o.results} results, first ${o.top.join(' ') || '(none)'}`,
        )
    : [];
  const kinds = (Object.keys(KIND_NAMES) as QueryKind[]).filter((k) => outcomes.some((o) => o.kind === k));
  return [
    ...lines,
    figuresLine('all: ', outcomes),
    ...(kinds.length > 1
      ? kinds.map((k) =>
          figuresLine(
            `${KIND_NAMES[k]}: `,
            outcomes.filter((o) => o.kind === k),
          ),
        )
      : []),
  ];
}
