import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { analyseCatalogue } from '../core/analyse.ts';
import { readAttackFiles } from '../build/attack-files.ts';
import type { Catalogue } from '../build/catalogue-files.ts';
import { RECORDS_DIR_ENV } from '../build/env.ts';
import { indexSearchRecords, recordsFolder, writeSearchRecords, writeVocabulary } from '../build/search-index.ts';
import { attackRecords, serverRecords, toolRecords } from '../core/search/records.ts';
import { searchVocabulary, vocabularyParts } from '../core/search/vocabulary.ts';
import { currentPart, currentShard } from '../build/shards.ts';
import { verifyBuild } from '../build/verify-build.ts';
import { ANALYSED_CACHE, CATALOGUE_CACHE } from './catalogue.ts';

/**
 * Analyses the catalogue once for the pages, writes the search records
 * (src/core/search/records.ts: one per tool, server and attack, from the catalogue
 * rather than scraped from the pages), and checks the build lost nothing.
 *
 * Under `npm run build` the records are indexed by scripts/build.ts, in its own
 * process, so Pagefind's memory and Astro's never peak together. Run as a bare
 * `astro build`, this integration indexes them itself at the end: the same index,
 * a higher peak.
 *
 * When `npm run build` shares the pages among several processes (src/build/shards.ts),
 * only process 0 writes the records and checks the build, once the others' pages
 * have been moved in. A slice of the catalogue (`--shard I/N`) writes neither: the
 * merge does, over the whole site, from the whole catalogue.
 */
export default function search(): AstroIntegration {
  const finishes = currentShard().index === 0 && currentPart().kind !== 'slice';
  let catalogue: Catalogue | undefined;
  let toolUrls: string[] = [];
  let folder = '';
  let vocabulary = new Map<string, string>();
  return {
    name: 'mcp-catalogue-search',
    hooks: {
      'astro:build:start': ({ logger }) => {
        catalogue = (globalThis as Record<symbol, unknown>)[CATALOGUE_CACHE] as Catalogue | undefined;
        if (!catalogue) throw new Error('The catalogue integration must run before the search integration.');
        const servers = analyseCatalogue(catalogue);
        // The pages reuse this analysis (src/data/catalogue.ts) rather than doing it again.
        (globalThis as Record<symbol, unknown>)[ANALYSED_CACHE] = servers;
        if (!finishes) return;
        // Written before the pages, so that under `npm run build` Pagefind can read them while Astro finishes.
        const tools = toolRecords(servers);
        toolUrls = tools.map((t) => t.url);
        folder = process.env[RECORDS_DIR_ENV] || recordsFolder();
        writeSearchRecords(folder, [
          ...tools,
          ...serverRecords(servers),
          ...attackRecords(readAttackFiles(resolve('content/attacks'))),
        ]);
        logger.info(`Wrote ${toolUrls.length} tool search records and the others to ${folder}`);
        // The words a misspelt query word is corrected to, written into the site once it is built.
        vocabulary = vocabularyParts(searchVocabulary(servers));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!catalogue || !finishes) return;
        const site = fileURLToPath(dir);
        // Nothing lost: as many pages, API records and search records as the catalogue has tools.
        const problems = verifyBuild(site, catalogue, toolUrls);
        if (problems.length > 0)
          throw new Error(`The build lost or added tools:\n  - ${problems.slice(0, 50).join('\n  - ')}`);
        // The benchmark (scripts/bench.ts) reads this line.
        logger.info(`Checked: ${toolUrls.length} tools, each with one page, one API record and one search record.`);
        writeVocabulary(site, vocabulary);
        if (process.env[RECORDS_DIR_ENV]) return; // scripts/build.ts writes the index
        try {
          const started = performance.now();
          const pages = await indexSearchRecords(folder, join(site, 'pagefind'));
          logger.info(`Pagefind indexed ${pages} records in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    },
  };
}
