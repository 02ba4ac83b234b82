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
import { unknownTools } from './tools-status.ts';

/**
 * Whether the server's tools are known, and when not, why (issue 21): `toolsKnown: false` comes with
 * `tools: null` and `counts: null`, never an empty list or zeros, which a client would read as "no tools".
 * `unknown.status` is the scan status (`not-scanned`, `needs-auth`, `runtime-unavailable`, `failed`) and
 * `unknown.reason` the scan's reason as the server page shows it, at most two lines joined by `\n`.
 */
function toolsState(server: AnalysedServer) {
  const unknown = unknownTools(server);
  if (!unknown) return { toolsKnown: true as const };
  return {
    toolsKnown: false as const,
    unknown: { status: unknown.status, ...(unknown.reason.length ? { reason: unknown.reason.join('\n') } : {}) },
  };
}

export function catalogueIndex(servers: readonly AnalysedServer[]) {
  const tools = servers.flatMap((s) => s.tools);
  return {
    servers: servers.length,
    /** The tools of the servers whose tools are known; `serversWithToolsNotKnown` says how many are left out. */
    tools: tools.length,
    serversWithToolsNotKnown: servers.filter((s) => unknownTools(s)).length,
    counts: countBy(tools),
    items: servers.map((s) => {
      const state = toolsState(s);
      return {
        slug: s.slug,
        name: s.server.name,
        title: s.title,
        ...state,
        tools: state.toolsKnown ? s.tools.length : null,
        counts: state.toolsKnown ? countBy(s.tools) : null,
        grade: serverGrade(s),
        url: serverPath(s.slug),
        api: serverApiPath(s.slug),
      };
    }),
  };
}

export function serverDocument(server: AnalysedServer) {
  const state = toolsState(server);
  return {
    slug: server.slug,
    server: server.server,
    ...state,
    counts: state.toolsKnown ? countBy(server.tools) : null,
    grade: serverGrade(server),
    policy: state.toolsKnown ? policyLayerPolicy(server.tools.map((t) => t.decision)) : null,
    tools: state.toolsKnown ? server.tools.map((t) => toolDocument(server, t)) : null,
  };
}

function toolDocument(server: AnalysedServer, t: AnalysedServer['tools'][number]) {
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
}
