/**
 * "Related tools": tools of the same category on other servers that act on the
 * same thing, read in each server's context (`toolDomain`): Docker's `pull_image`
 * acts on container images and is no relation of a picture generator's
 * `generate_image`. Built from an index of (category, domain word) → a few tools,
 * so the cost per tool is bounded and the whole pass stays linear in the
 * catalogue's size.
 */
import type { AnalysedServer, AnalysedTool } from '../analyse.ts';
import { toolDomain } from '../classify/domain.ts';

export interface RelatedTool {
  server: AnalysedServer;
  tool: AnalysedTool;
}

/** How many tools one (category, domain word) bucket keeps: enough choice, bounded work. */
const BUCKET = 24;

export function relatedTools(servers: readonly AnalysedServer[], max = 6): Map<AnalysedTool, RelatedTool[]> {
  const buckets = new Map<string, RelatedTool[]>();
  const domains = new Map<AnalysedTool, string[]>();
  for (const server of servers) {
    for (const tool of server.tools) {
      const domain = toolDomain(tool.tool.name, tool.tool.description, server.server.description);
      domains.set(tool, domain);
      for (const word of domain) {
        const key = `${tool.classification.category}:${word}`;
        const list = buckets.get(key) ?? [];
        if (list.length < BUCKET) list.push({ server, tool });
        buckets.set(key, list);
      }
    }
  }

  const result = new Map<AnalysedTool, RelatedTool[]>();
  for (const server of servers) {
    for (const tool of server.tools) {
      const scores = new Map<RelatedTool, number>();
      for (const word of domains.get(tool)!) {
        for (const candidate of buckets.get(`${tool.classification.category}:${word}`) ?? []) {
          if (candidate.server === server) continue;
          scores.set(candidate, (scores.get(candidate) ?? 0) + 1);
        }
      }
      const picked = [...scores]
        .sort((a, b) => b[1] - a[1] || key(a[0]).localeCompare(key(b[0])))
        .slice(0, max)
        .map(([c]) => c);
      result.set(tool, picked);
    }
  }
  return result;
}

const key = (r: RelatedTool) => `${r.server.slug}/${r.tool.slug}`;
