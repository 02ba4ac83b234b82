/**
 * Which attack patterns abuse which tools. An article names the categories and
 * signals it abuses; a tool is exposed to it when it has one of the signals in one
 * of the categories, or when it belongs to a category the article is about and that
 * category is dangerous on its own (execute, destructive, financial).
 */
import type { Attack } from '../schemas/attack.ts';
import { RISKS, type Category } from '../schemas/taxonomy.ts';
import type { AnalysedServer, AnalysedTool } from './analyse.ts';

export interface AttackRef {
  slug: string;
  data: Attack;
}

const DANGEROUS_ALONE = new Set<Category>(['execute', 'destructive', 'financial']);

/** 0 when the tool is not exposed; higher for closer matches. */
export function exposure(attack: Attack, tool: AnalysedTool): number {
  const { category, signals } = tool.classification;
  const inCategory = attack.categories.length === 0 || attack.categories.includes(category);
  const shared = signals.filter((s) => attack.signals.includes(s.id)).length;
  if (shared > 0 && inCategory) return 2 * shared + 1;
  if (inCategory && DANGEROUS_ALONE.has(category) && attack.categories.length > 0) return 1;
  return 0;
}

/** The attacks a tool is exposed to, closest match and highest severity first. */
export function attacksFor(tool: AnalysedTool, attacks: readonly AttackRef[], max = 5): AttackRef[] {
  return attacks
    .map((a) => ({ a, score: exposure(a.data, tool) }))
    .filter((x) => x.score > 0)
    .sort(
      (x, y) =>
        y.score - x.score ||
        RISKS.indexOf(y.a.data.severity) - RISKS.indexOf(x.a.data.severity) ||
        x.a.slug.localeCompare(y.a.slug),
    )
    .slice(0, max)
    .map((x) => x.a);
}

export interface ExposedTool {
  server: AnalysedServer;
  tool: AnalysedTool;
}

/** For each attack: how many tools are exposed, and the riskiest few. One pass over the tools. */
export function exposedTools(
  servers: readonly AnalysedServer[],
  attacks: readonly AttackRef[],
  top = 12,
): Map<string, { count: number; top: ExposedTool[] }> {
  const result = new Map(attacks.map((a) => [a.slug, { count: 0, top: [] as (ExposedTool & { score: number })[] }]));
  const rank = (t: ExposedTool & { score: number }) => RISKS.indexOf(t.tool.classification.risk) * 100 + t.score;
  for (const server of servers) {
    for (const tool of server.tools) {
      for (const attack of attacks) {
        const score = exposure(attack.data, tool);
        if (score === 0) continue;
        const entry = result.get(attack.slug)!;
        entry.count++;
        const candidate = { server, tool, score };
        // Keep only the best `top`: insertion into a short sorted list, never a sort of everything.
        if (entry.top.length < top || rank(candidate) > rank(entry.top[entry.top.length - 1]!)) {
          entry.top.push(candidate);
          entry.top.sort((a, b) => rank(b) - rank(a));
          if (entry.top.length > top) entry.top.pop();
        }
      }
    }
  }
  return new Map(
    [...result].map(([slug, { count, top: list }]) => [
      slug,
      { count, top: list.map(({ server, tool }) => ({ server, tool })) },
    ]),
  );
}
