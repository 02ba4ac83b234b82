// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import catalogue from './src/integrations/catalogue.ts';
import search from './src/integrations/search.ts';

// SITE_URL is where the site will be published; canonical URLs and the sitemap use it.
const site = process.env.SITE_URL || 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Pages wait on disk writes: rendering a few at once keeps the CPU busy meanwhile.
  build: { format: 'directory', concurrency: 4 },
  integrations: [catalogue(), mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') }), search()],
  // Code in the attack articles: the same two themes as the policy blocks.
  markdown: { shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: 'light' } },
});
