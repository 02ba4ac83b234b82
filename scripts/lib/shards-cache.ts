/**
 * What `npm run build -- --shards-cache DIR [--slices N]` says about its cache: which slices it
 * rendered and which it reused. The build itself decides, from each slice's key (src/build/shards.ts,
 * `CachedPart`); this compares the keys in the slices' manifests (`cachedKeys`) before and after it.
 */

/**
 * Slices by default: rendering a slice again costs about 1/N of the pages, and a slice more costs only
 * a folder and its manifest, so a sync that touched a few servers renders a small part of the site.
 */
export const DEFAULT_SLICES = 16;

/** One line: how many slices the build rendered (and which) and how many it reused. */
export function cacheSummary(before: readonly (string | undefined)[], after: readonly (string | undefined)[]): string {
  const rendered = after.flatMap((key, k) => (key === undefined || key !== before[k] ? [k + 1] : []));
  const list = rendered.length > 0 && rendered.length <= 20 ? ` (${rendered.join(', ')})` : '';
  return `Slices: rebuilt ${rendered.length} of ${after.length} slices${list}, reused ${after.length - rendered.length}.`;
}
