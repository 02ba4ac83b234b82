import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolve } from 'node:path';
import type { AnalysedServer } from '../core/analyse.ts';
import { catalogueDir, isBundledSample, type Catalogue } from '../build/catalogue-files.ts';
import {
  buildContext,
  cachedSliceDir,
  cacheState,
  currentPart,
  currentShard,
  finishSlice,
  hasStarted,
  markStarted,
  mergeInto,
  readManifest,
  readReport,
  reportPages,
  setCacheState,
  shardOutDir,
  sliceFromSite,
  sliceKeys,
  slicePages,
  staleSlices,
  type Part,
  type SliceManifest,
} from '../build/shards.ts';
import { siteUrl } from '../build/env.ts';
import { ANALYSED_CACHE, CATALOGUE_CACHE } from './catalogue.ts';

/**
 * One of the `astro build` processes of `npm run build` (src/build/shards.ts). They
 * start together and load the catalogue at once, but sync Astro's content files
 * (in .astro/, shared) one after the other: two processes writing them at once can
 * collide. Processes 1…N-1 report their pages when done. Process 0 waits for every
 * report, moves the other processes' pages into its own output folder, and adds
 * their URLs to `otherPages`, the sitemap's `customPages`: this integration must
 * come before the sitemap and the search integration's check, which then see the
 * whole site. scripts/build.ts stops process 0 if another process fails, so it
 * never waits on a report that will not come.
 *
 * Across machines (`--shard I/N`, `npm run merge`), process 0 of a slice then keeps only the
 * slice's own pages and writes its manifest; process 0 of the merge copies every slice in, as it
 * moves its helpers' pages, once it has checked each slice was built from this code and catalogue.
 */
export default function shards(otherPages: string[]): AstroIntegration {
  const shard = currentShard();
  const part = currentPart();
  let base: URL | undefined;
  return {
    name: 'mcp-catalogue-shards',
    hooks: {
      // After the catalogue integration has loaded the catalogue, before Astro syncs its content.
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' || shard.index === 0) return;
        if (!hasStarted(shard.dir, shard.index - 1))
          logger.info(`Waiting for build process ${shard.index - 1} to sync.`);
        while (!hasStarted(shard.dir, shard.index - 1)) await sleep(100);
      },
      'astro:config:done': ({ config }) => {
        base = new URL(config.base.replace(/\/?$/, '/'), config.site);
      },
      'astro:build:start': () => {
        if (shard.count > 1) markStarted(shard);
        // Worked out when a route first asks, once the search integration has analysed the catalogue.
        if (part.kind === 'cached') {
          const { count } = part;
          setCacheState(() => {
            const { catalogue, servers, context } = analysed();
            return cacheState(part, sliceKeys(catalogue, servers, count, context));
          });
        }
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const others = shard.count > 1 ? await gatherProcesses(fileURLToPath(dir), pages, logger) : [];
        if (shard.index === 0 && part.kind !== 'whole')
          finishPart(fileURLToPath(dir), part, [...pages.map((p) => p.pathname), ...others], logger, addToSitemap);
      },
    },
  };

  /** As the sitemap itself turns a page's pathname into its URL. */
  function addToSitemap(pathnames: readonly string[]): void {
    for (const pathname of pathnames) otherPages.push(new URL(pathname.replace(/^\//, ''), base).href);
  }

  /** Process 0 moves the others' pages in; returns their pathnames. */
  async function gatherProcesses(
    dir: string,
    pages: { pathname: string }[],
    logger: AstroIntegrationLogger,
  ): Promise<string[]> {
    const gathered: string[] = [];
    if (shard.index > 0) {
      reportPages(
        shard,
        pages.map((p) => p.pathname),
      );
      return gathered;
    }
    for (let k = 1; k < shard.count; k++) {
      let report: string[] | undefined;
      while (!(report = readReport(shard.dir, k))) await sleep(100);
      mergeInto(shardOutDir(shard.dir, k), dir);
      addToSitemap(report);
      // One at a time: a spread of 125,000 pathnames (250,000 tools on two processes) overflows the stack.
      for (const pathname of report) gathered.push(pathname);
    }
    logger.info(`Moved in the ${gathered.length} pages the other ${shard.count - 1} build process(es) rendered.`);
    return gathered;
  }
}

/**
 * A slice keeps only its pages and says what it was built from; the merge checks and copies the
 * slices in. `rendered`: the pathnames of the pages this build rendered, as Astro reports them.
 */
function finishPart(
  dir: string,
  part: Exclude<Part, { kind: 'whole' }>,
  rendered: readonly string[],
  logger: AstroIntegrationLogger,
  addToSitemap: (pathnames: readonly string[]) => void,
) {
  const { catalogue, servers, context } = analysed();
  if (part.kind === 'cached') {
    const { keys, stale } = staleSlices();
    const pages = new Set(rendered.map((p) => p.replace(/^\//, '')));
    let reused = 0;
    for (let index = 1; index <= part.count; index++) {
      const folder = cachedSliceDir(part.dir, index, part.count);
      if (stale.includes(index)) {
        const files = slicePages(catalogue, index, part.count);
        const own = files.filter((f) => pages.has(f));
        sliceFromSite(dir, folder, `${index}/${part.count}`, keys[index - 1]!, files, own);
      } else {
        const manifest = readManifest(folder)!;
        mergeInto(folder, dir, { keep: true });
        addToSitemap(manifest.pages);
        reused += manifest.pages.length;
      }
    }
    logger.info(
      `Rendered ${stale.length} of ${part.count} slices and brought in the ${reused} pages of the other ${part.count - stale.length} from ${part.dir}.`,
    );
    return;
  }
  if (part.kind === 'slice') {
    const key = sliceKeys(catalogue, servers, part.count, context)[part.index - 1]!;
    const files = slicePages(catalogue, part.index, part.count);
    // The sitemap lists what Astro reports as pages (not the API files).
    const own = new Set(files);
    const pages = rendered.map((p) => p.replace(/^\//, '')).filter((p) => own.has(p));
    finishSlice(dir, `${part.index}/${part.count}`, key, files, pages);
    logger.info(`Slice ${part.index}/${part.count}: ${files.length} pages and API files.`);
    return;
  }
  // Every slice is checked before any is copied in; scripts/merge.ts has checked they are 1…N of one N.
  const manifests = part.dirs.map(readManifest) as SliceManifest[];
  const keys = sliceKeys(catalogue, servers, manifests.length, context);
  manifests.forEach((manifest, k) => {
    const from = part.dirs[k]!;
    if (manifest.key !== keys[Number(manifest.slice.split('/')[0]) - 1])
      throw new Error(
        `Slice ${manifest.slice} in ${resolve(from)} was built from other code, another catalogue or another SITE_URL: build it again.`,
      );
  });
  let brought = 0;
  part.dirs.forEach((from, k) => {
    mergeInto(from, dir, { keep: true });
    addToSitemap(manifests[k]!.pages);
    brought += manifests[k]!.pages.length;
  });
  // Linked where the slices share the site's file system, copied where they do not (`mergeInto`).
  logger.info(`Brought in the ${brought} pages of ${part.dirs.length} slice(s).`);
}

/** The catalogue the build loaded and analysed, and what else a slice's key is made of. */
function analysed() {
  const globals = globalThis as Record<symbol, unknown>;
  return {
    catalogue: globals[CATALOGUE_CACHE] as Catalogue,
    servers: globals[ANALYSED_CACHE] as AnalysedServer[],
    context: buildContext(process.cwd(), siteUrl(), isBundledSample(catalogueDir())),
  };
}
