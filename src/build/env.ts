/**
 * The environment variables `npm run build` (scripts/build.ts) hands to `astro build`,
 * named once for the script, the Astro config and the modules that read them.
 */

/** The folder the build writes the search records to, for the indexing stage that runs after Astro has exited. */
export const RECORDS_DIR_ENV = 'MCP_CATALOGUE_SEARCH_RECORDS';

/**
 * `k/N`: this `astro build` is the k-th (from 0) of N processes `npm run build` runs at once,
 * one per core, each rendering its share of the pages (src/build/shards.ts). Unset: one process renders all.
 */
export const SHARD_ENV = 'MCP_CATALOGUE_SHARD';

/**
 * With more than one process: the folder where processes 1…N-1 write their pages
 * (`<dir>/<k>/`) and say when they have started and finished (src/build/shards.ts).
 */
export const SHARDS_DIR_ENV = 'MCP_CATALOGUE_SHARDS_DIR';

/**
 * `I/N` (from 1): this build is the I-th of N slices of the catalogue, built on any machine by
 * `npm run build -- --shard I/N`: only the pages and API files of the servers whose slug hashes to
 * slice I (src/build/shards.ts). `npm run merge` assembles the slices.
 */
export const SLICE_ENV = 'MCP_CATALOGUE_SLICE';

/**
 * The slice folders `npm run merge` assembles, as a JSON array of absolute paths: this build renders
 * only the pages that list across the catalogue, the search records and the index, and copies the
 * slices' pages in before the sitemap and the check.
 */
export const MERGE_ENV = 'MCP_CATALOGUE_MERGE';

/**
 * The address the site will be published at (`SITE_URL`): canonical URLs and the sitemap use it, and
 * a slice's key (src/build/shards.ts) includes it. Without it, the development server's.
 */
export const siteUrl = (env: NodeJS.ProcessEnv = process.env) => env.SITE_URL || 'http://localhost:4321';

/**
 * `{"dir": …, "count": N}`: this build keeps N slices of the catalogue in a cache folder
 * (`npm run build -- --shards-cache DIR --slices N`). It renders the pages that list across the
 * catalogue and the slices whose key changed, brings the other slices in from the cache, and puts
 * the slices it rendered back into it (src/build/shards.ts).
 */
export const CACHE_ENV = 'MCP_CATALOGUE_SLICE_CACHE';
