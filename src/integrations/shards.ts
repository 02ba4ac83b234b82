import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  currentShard,
  hasStarted,
  markStarted,
  mergeInto,
  readReport,
  reportPages,
  shardOutDir,
} from '../build/shards.ts';

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
 */
export default function shards(otherPages: string[]): AstroIntegration {
  const shard = currentShard();
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
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (shard.count === 1) return;
        if (shard.index > 0) {
          reportPages(
            shard,
            pages.map((p) => p.pathname),
          );
          return;
        }
        let merged = 0;
        for (let k = 1; k < shard.count; k++) {
          let report: string[] | undefined;
          while (!(report = readReport(shard.dir, k))) await sleep(100);
          mergeInto(shardOutDir(shard.dir, k), fileURLToPath(dir));
          // As the sitemap itself turns a page's pathname into its URL.
          for (const pathname of report) otherPages.push(new URL(pathname.replace(/^\//, ''), base).href);
          merged += report.length;
        }
        logger.info(`Moved in the ${merged} pages the other ${shard.count - 1} build process(es) rendered.`);
      },
    },
  };
}
