/**
 * Which attack patterns abuse which tools. An article names the categories and
 * signals it abuses:
 * - with signals, a tool of one of the categories is exposed when it has one of them
 *   (SSRF needs a URL parameter, path traversal a path);
 * - with none, the article is about those kinds of tool as such, and every tool of
 *   the categories is exposed (a rug pull can happen to any tool, excessive agency to
 *   anything that changes state).
 * So every tool meets at least the articles about its own category, and those about
 * what its signals show.
 */
import type { Attack } from '../../schemas/attack.ts';
import { RISKS } from '../../schemas/taxonomy.ts';
import type { AnalysedServer, AnalysedTool } from '../analyse.ts';
import type { Classification } from '../classify/classifier.ts';

export interface AttackRef {
  slug: string;
  data: Attack;
}

/** What the matching reads of a tool: its category and signals. */
export interface Exposable {
  classification: Pick<Classification, 'category' | 'signals'>;
}

/** 0 when the tool is not exposed; higher for closer matches (each shared signal counts). */
export function exposure(attack: Attack, tool: Exposable): number {
  const { category, signals } = tool.classification;
  if (attack.categories.length > 0 && !attack.categories.includes(category)) return 0;
  const shared = signals.filter((s) => attack.signals.includes(s.id)).length;
  if (shared > 0) return 2 * shared + 1;
  return attack.signals.length === 0 ? 1 : 0;
}

/**
 * The attacks a tool is exposed to, closest match and highest severity first. The cap leaves room
 * for the articles about every tool of a kind (the rug pull) after a tool's many signal matches.
 */
export function attacksFor(tool: Exposable, attacks: readonly AttackRef[], max = 8): AttackRef[] {
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
