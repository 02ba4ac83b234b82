// @ts-check
// The floor (bench only, `npm run bench -- --floor`): the least an Astro 7 site of this catalogue can
// cost. One page per tool with its title, its description and one Shiki code block, nothing else;
// `pagefind --site` indexes the pages afterwards. The catalogue's build is measured against it.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
});
