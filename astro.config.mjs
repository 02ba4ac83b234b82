// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import catalogue from './src/integrations/catalogue.ts';
import search from './src/integrations/search.ts';
import shards from './src/integrations/shards.ts';
import { currentPart, currentShard } from './src/build/shards.ts';
import { siteUrl } from './src/build/env.ts';
import { STYLE_TO_CLASS } from './src/data/highlight.ts';

// SITE_URL is where the site will be published; canonical URLs and the sitemap use it. Without it they
// point at the development server, which `npm run build` (scripts/build.ts) warns about.
const site = siteUrl();

// `npm run build` renders the pages in one `astro build` per core (src/build/shards.ts). Process 0
// finishes the build; the others only render their share. Each has a cache folder of its own: Astro
// rewrites its content store there as it starts, and two processes must not write one file at once.
const shard = currentShard();
const helper = shard.index > 0;
// A slice of the catalogue (`npm run build -- --shard I/N`) has no sitemap: `npm run merge` writes the site's one.
const slice = currentPart().kind === 'slice';
// The URLs of the pages the other processes rendered, added by shards() before the sitemap is written.
/** @type {string[]} */
const otherPages = [];

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Pages wait on disk writes: rendering a few at once keeps the CPU busy meanwhile.
  build: { format: 'directory', concurrency: 4 },
  ...(helper ? { cacheDir: `./node_modules/.astro-shard-${shard.index}` } : {}),
  // A Content-Security-Policy meta tag with the hashes of the site's own scripts and styles:
  // no other inline script can run, whatever a catalogue string manages to smuggle in.
  // Pagefind compiles its WebAssembly engine, which CSP allows only with 'wasm-unsafe-eval'.
  security: { csp: { scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] } } },
  integrations: [
    catalogue(),
    mdx(),
    shards(otherPages),
    ...(helper || slice ? [] : [sitemap({ filter: (page) => !page.endsWith('/404/'), customPages: otherPages })]),
    search(),
  ],
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro wraps every MDX article it renders in a module that starts with its own marker
          // "use astro:head-inject" (astro/dist/content/vite-plugin-content-assets.js), and Rolldown warns
          // that it may drop such a directive. The code is Astro's, not ours, and nothing in the articles can
          // avoid it: the warning (one per article) says nothing a reader can act on. Only the message is dropped.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  // Code in the attack articles: the same two themes as the policy blocks.
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: 'light',
      transformers: [STYLE_TO_CLASS],
    },
  },
});
