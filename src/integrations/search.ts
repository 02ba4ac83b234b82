import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { analyseCatalogue, type AnalysedServer } from '../core/analyse.ts';
import { readAttackFiles } from '../core/attack-files.ts';
import type { Catalogue } from '../core/loader.ts';
import { attackRecords, serverRecords, toolRecords } from '../core/search-records.ts';
import { verifyBuild } from '../core/verify-build.ts';
import { ANALYSED_CACHE, CATALOGUE_CACHE } from './catalogue.ts';

/**
 * Builds the Pagefind index during `astro build`. The records come from the
 * catalogue (src/core/search-records.ts), not from the written pages, so Pagefind's
 * own process indexes on the second core while Astro renders on the first, and
 * the index is written when the pages are done.
 */
export default function search(): AstroIntegration {
  let indexing: Promise<{ index: pagefind.PagefindIndex; records: number; tools: string[] }> | undefined;
  let catalogue: Catalogue | undefined;
  let started = 0;
  return {
    name: 'mcp-catalogue-search',
    hooks: {
      'astro:build:start': () => {
        catalogue = (globalThis as Record<symbol, unknown>)[CATALOGUE_CACHE] as Catalogue | undefined;
        if (!catalogue) throw new Error('The catalogue integration must run before the search integration.');
        const servers: AnalysedServer[] = analyseCatalogue(catalogue);
        // The pages reuse this analysis (src/data/catalogue.ts) rather than doing it again.
        (globalThis as Record<symbol, unknown>)[ANALYSED_CACHE] = servers;
        started = performance.now();
        // Not awaited: Pagefind works while Astro renders; build:done waits for it.
        indexing = (async () => {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const tools = toolRecords(servers);
          const records = [
            ...tools,
            ...serverRecords(servers),
            ...attackRecords(readAttackFiles(resolve('content/attacks'))),
          ];
          // One at a time, in catalogue order: the index comes out the same for the same catalogue.
          for (const { url, html } of records) {
            const added = await index.addHTMLFile({ url, content: html });
            if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
          }
          return { index, records: records.length, tools: tools.map((t) => t.url) };
        })();
        indexing.catch(() => {}); // reported in build:done
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) return;
        const { index, records, tools } = await indexing;
        const site = fileURLToPath(dir);
        // Nothing lost: as many pages, API records and search records as the catalogue has tools.
        const problems = verifyBuild(site, catalogue!, tools);
        if (problems.length > 0)
          throw new Error(`The build lost or added tools:\n  - ${problems.slice(0, 50).join('\n  - ')}`);
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length > 0)
          throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        // The benchmark (scripts/bench.ts) reads this line.
        logger.info(`Checked: ${tools.length} tools, each with one page, one API record and one search record.`);
        logger.info(
          `Pagefind indexed ${records} pages (${tools.length} tools); index written ${((performance.now() - started) / 1000).toFixed(1)} s after the build started`,
        );
      },
    },
  };
}
