/**
 * Reads the attack-pattern articles straight from `content/attacks/` for code that
 * runs outside Astro's content layer (the search index). Pages use the content
 * collection, which validates the same frontmatter with the same schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { attackSchema, type Attack } from '../schemas/attack.ts';

export interface AttackFile {
  slug: string;
  data: Attack;
  /** The article's Markdown, without its frontmatter. */
  body: string;
}

export function readAttackFiles(dir: string): AttackFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
      if (!match) throw new Error(`${file}: expected frontmatter between --- lines`);
      const result = attackSchema.safeParse(parse(match[1]!));
      if (!result.success)
        throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return { slug: basename(file, '.mdx'), data: result.data, body: text.slice(match[0].length) };
    });
}
