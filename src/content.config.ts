import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { attackSchema } from './schemas/attack.ts';

// Attack articles are few and authored with the site, so Astro's content layer suits them.
// Server files are not loaded here: see src/integrations/catalogue.ts for why.
export const collections = {
  attacks: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/attacks' }), schema: attackSchema }),
};
