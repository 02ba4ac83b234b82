/**
 * The environment variables `npm run build` (scripts/build.ts) hands to `astro build`,
 * named once for the script, the Astro config and the modules that read them.
 */

/** The folder the build writes the search records to, for the indexing stage that runs after Astro has exited. */
export const RECORDS_DIR_ENV = 'MCP_CATALOGUE_SEARCH_RECORDS';

/** `1` for `npm run build -- --incremental`: Astro's incremental build, with the cache keys of src/data/catalogue.ts. */
export const INCREMENTAL_ENV = 'MCP_CATALOGUE_INCREMENTAL';
