import type { AstroIntegration } from 'astro';
import { catalogueDir, loadCatalogue, type Catalogue } from '../build/catalogue-files.ts';
import { CatalogueError } from '../core/catalogue/problems.ts';

/** Where the validated catalogue waits for the page modules, which run in the same process. */
export const CATALOGUE_CACHE = Symbol.for('mcp-catalogue.loaded');
/** Where the classified catalogue waits for them (set by the search integration). */
export const ANALYSED_CACHE = Symbol.for('mcp-catalogue.analysed');

/**
 * Validates the whole catalogue before Astro renders a page, so that a broken
 * catalogue fails the build with the full problem list and no `dist/` is written,
 * instead of failing half-way through rendering (or, as Astro's own `file()` loader
 * would, logging and building a smaller site).
 */
export default function catalogue(): AstroIntegration {
  return {
    name: 'mcp-catalogue',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const dir = catalogueDir();
        try {
          const loaded: Catalogue = loadCatalogue(dir);
          (globalThis as Record<symbol, unknown>)[CATALOGUE_CACHE] = loaded;
          logger.info(`${loaded.servers.length} servers, ${loaded.toolCount} tools from ${dir}`);
        } catch (error) {
          if (error instanceof CatalogueError) {
            // A plain message without Astro's stack trace: the list is the whole story.
            logger.error(error.message);
            const failure = new Error(`The catalogue has ${error.problems.length} problem(s); see the list above.`);
            failure.stack = failure.message;
            throw failure;
          }
          throw error;
        }
      },
    },
  };
}
