import { z } from 'zod';
import { categorySchema, riskSchema, signalSchema } from './taxonomy.ts';

/** Frontmatter of an attack-pattern article, `content/attacks/<slug>.mdx` (docs/architecture.md, "Attack patterns"). */
export const attackSchema = z
  .object({
    title: z.string().min(1),
    /** One or two plain sentences: shown in lists and as the page's meta description. */
    summary: z.string().min(1).max(300),
    severity: riskSchema,
    /** The tool categories it abuses. */
    categories: z.array(categorySchema),
    /** The risk signals it abuses. */
    signals: z.array(signalSchema),
    references: z.array(z.object({ title: z.string().min(1), url: z.url({ protocol: /^https?$/ }) }).strict()).min(1),
  })
  .strict()
  .refine((a) => a.categories.length + a.signals.length > 0, { error: 'at least one category or signal' });

export type Attack = z.infer<typeof attackSchema>;
