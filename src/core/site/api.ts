/**
 * The JSON API the build writes (docs/architecture.md, "Addresses"): `/api/catalogue.json` and
 * `/api/servers/<server>.json`. Plain data, no timestamps, so two builds of one
 * catalogue write the same bytes.
 */
import { countBy, type AnalysedServer } from '../analyse.ts';
import { serverGrade } from './grade.ts';
import { definitionHash } from '../catalogue/import.ts';
import { policyLayerPolicy } from '../policy/formats.ts';
import { serverApiPath, serverPath, toolPath } from './paths.ts';

export function catalogueIndex(servers: readonly AnalysedServer[]) {
  const tools = servers.flatMap((s) => s.tools);
  return {
    servers: servers.length,
    tools: tools.length,
    counts: countBy(tools),
    items: servers.map((s) => ({
      slug: s.slug,
      name: s.server.name,
      title: s.title,
      tools: s.tools.length,
      counts: countBy(s.tools),
      grade: serverGrade(s),
      url: serverPath(s.slug),
      api: serverApiPath(s.slug),
    })),
  };
}

export function serverDocument(server: AnalysedServer) {
  return {
    slug: server.slug,
    server: server.server,
    counts: countBy(server.tools),
    grade: serverGrade(server),
    policy: policyLayerPolicy(server.tools.map((t) => t.decision)),
    tools: server.tools.map((t) => {
      const { classification: c } = t;
      return {
        slug: t.slug,
        url: toolPath(server.slug, t.slug),
        ...t.tool,
        definitionHash: definitionHash(t.tool),
        category: c.category,
        risk: c.risk,
        raisedBy: c.raisedBy,
        signals: c.signals,
        confidence: c.confidence,
        confidenceReasons: c.confidenceReasons,
        evidence: c.evidence,
        reviewed: c.reviewed,
        policy: policyLayerPolicy([t.decision]),
        // A refused tool's variant (allowed within limits), for an operator who needs the agent to use it.
        ...(t.decision.variant ? { policyVariant: policyLayerPolicy([t.decision.variant]) } : {}),
      };
    }),
  };
}
