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
