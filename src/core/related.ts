/**
 * "Related tools": tools of the same category on other servers, preferring those
 * whose names share words (`send_email` beside other `send_email`s). Built from an
 * index of (category, word) → a few tools, so the cost per tool is bounded and the
 * whole pass stays linear in the catalogue's size.
 */
import type { AnalysedServer, AnalysedTool } from './analyse.ts';
import { identifierWords } from './classify/words.ts';

export interface RelatedTool {
  server: AnalysedServer;
  tool: AnalysedTool;
}

/** How many tools one (category, word) bucket keeps: enough choice, bounded work. */
const BUCKET = 24;

export function relatedTools(servers: readonly AnalysedServer[], max = 6): Map<AnalysedTool, RelatedTool[]> {
  const buckets = new Map<string, RelatedTool[]>();
  const byCategory = new Map<string, RelatedTool[]>();
  for (const server of servers) {
    for (const tool of server.tools) {
      const entry = { server, tool };
      const category = tool.classification.category;
      for (const word of new Set(identifierWords(tool.tool.name))) {
        const key = `${category}:${word}`;
        const list = buckets.get(key) ?? [];
        if (list.length < BUCKET) list.push(entry);
        buckets.set(key, list);
      }
      const all = byCategory.get(category) ?? [];
      if (all.length < BUCKET * 4) all.push(entry);
      byCategory.set(category, all);
    }
  }

  const result = new Map<AnalysedTool, RelatedTool[]>();
  for (const server of servers) {
    for (const tool of server.tools) {
      const category = tool.classification.category;
      const scores = new Map<RelatedTool, number>();
      for (const word of new Set(identifierWords(tool.tool.name))) {
        for (const candidate of buckets.get(`${category}:${word}`) ?? []) {
          if (candidate.server === server) continue;
          scores.set(candidate, (scores.get(candidate) ?? 0) + 1);
        }
      }
      const picked = [...scores]
        .sort((a, b) => b[1] - a[1] || key(a[0]).localeCompare(key(b[0])))
        .slice(0, max)
        .map(([c]) => c);
      // Too few namesakes: fill from the category, starting at a place fixed by the tool's own name.
      const pool = byCategory.get(category) ?? [];
      for (
        let i = 0, start = hash(tool.tool.name) % Math.max(1, pool.length);
        picked.length < max && i < pool.length;
        i++
      ) {
        const c = pool[(start + i) % pool.length]!;
        if (c.server !== server && !picked.includes(c)) picked.push(c);
      }
      result.set(tool, picked);
    }
  }
  return result;
}

const key = (r: RelatedTool) => `${r.server.slug}/${r.tool.slug}`;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
