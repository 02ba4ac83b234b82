// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import catalogue from './src/integrations/catalogue.ts';
import search from './src/integrations/search.ts';
import { INCREMENTAL_ENV } from './src/core/build-env.ts';
import { STYLE_TO_CLASS } from './src/lib/highlight.ts';

// SITE_URL is where the site will be published; canonical URLs and the sitemap use it.
const site = process.env.SITE_URL || 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Pages wait on disk writes: rendering a few at once keeps the CPU busy meanwhile.
  build: { format: 'directory', concurrency: 4 },
  // A Content-Security-Policy meta tag with the hashes of the site's own scripts and styles:
  // no other inline script can run, whatever a catalogue string manages to smuggle in.
  // Pagefind compiles its WebAssembly engine, which CSP allows only with 'wasm-unsafe-eval'.
  security: { csp: { scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] } } },
  // `npm run build -- --incremental` (scripts/build.ts): pages whose data and code did not change since the
  // last such build are copied from Astro's cache instead of rendered (cache keys: src/data/catalogue.ts).
  experimental: { incrementalBuild: process.env[INCREMENTAL_ENV] === '1' },
  integrations: [catalogue(), mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') }), search()],
  // Code in the attack articles: the same two themes as the policy blocks.
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: 'light',
      transformers: [STYLE_TO_CLASS],
    },
  },
});
