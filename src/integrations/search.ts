import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind index right after Astro writes the pages, so `astro build`
 * (and `npm run build`) always ships a search index that matches the site. Only
 * pages marked `data-pagefind-body` (tools, servers, attack patterns) are indexed.
 *
 * (Handing pages to Pagefind while they render, from a middleware, was tried: on two
 * cores the two compete for the CPU and the build took as long; this is simpler.)
 */
export default function search(): AstroIntegration {
  return {
    name: 'mcp-catalogue-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length > 0)
          throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        // The benchmark (scripts/bench.ts) reads this line.
        logger.info(
          `Pagefind indexed ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
