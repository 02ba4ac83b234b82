/**
 * Everything a server page shows, in the order it shows it: the page file only renders this
 * (docs/architecture.md, "From catalogue file to page").
 */
import { countBy, serverPolicyTexts, type AnalysedServer, type PolicyTexts } from '../core/analyse.ts';
import { claudeServerNameNote, serverEffects } from '../core/policy/effects.ts';
import { DESCRIPTION_LIMIT, mcpServerName } from '../core/site/explain.ts';
import { FULL_SCORE, reasonsByKind, serverGrade, type Grade, type GradeReason } from '../core/site/grade.ts';
import { serverListPath, serverPolicyPath } from '../core/site/paths.ts';
import { clip, figure, plural } from '../core/text.ts';
import { safeExternalUrl } from '../core/untrusted.ts';
import { CATEGORIES, CATEGORY_LABELS, RISKS, RISK_LABELS } from '../schemas/taxonomy.ts';
import type { CatalogueServer } from '../core/catalogue/check.ts';
import { byRisk, catalogueServer, type ToolView } from './catalogue.ts';

/** What a server page says about the server's registry entry and its tools' freshness (issue 14). */
export interface ServerStatusView {
  /** Absent for a file written by hand (not from a registry). */
  registryStatus?: 'active' | 'deprecated';
  statusMessage?: string;
  version?: string;
  /** `YYYY-MM-DD`, or the registry's text when it is not a date. */
  published?: string;
  updated?: string;
  /** When the tools shown were listed (`YYYY-MM-DD`), or why there is no such date. */
  listed: string;
  /** Why the page has no tools, or why the ones shown may be out of date; absent when they are current. */
  toolsNote?: string;
}

const day = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value.slice(0, 40) : new Date(time).toISOString().slice(0, 10);
};

/** Why a server has no tools (or old ones), in words; undefined when its tools are current. */
function toolsNote(server: CatalogueServer): string | undefined {
  const scan = server.scan;
  if (!scan) return server.tools.length ? undefined : 'Not scanned yet: nobody has listed this server’s tools.';
  const reason = scan.reason ? `: ${scan.reason.slice(0, 500)}` : '.';
  switch (scan.status) {
    case 'scanned':
      return server.tools.length ? undefined : 'The server listed no tools when it was scanned.';
    case 'not-scanned':
      return server.tools.length
        ? `Not scanned at version ${server.server.version ?? '(none)'} yet: the tools below were listed at version ${scan.version ?? '(unknown)'}.`
        : 'Not scanned yet: nobody has listed this server’s tools.';
    case 'needs-auth':
      return `Needs authentication${scan.reason ? reason : ': the server would not list its tools without credentials.'}`;
    case 'runtime-unavailable':
      return `Runtime not available: the scanner could not start this server${reason}`;
    case 'failed':
      return `Scan failed${reason}`;
  }
}

export function serverStatus(slug: string): ServerStatusView {
  const server = catalogueServer(slug);
  const { registry, scan } = server;
  const note = toolsNote(server);
  const listed =
    day(scan?.listedAt) ?? (!scan && server.tools.length ? 'not recorded (the tools were written by hand)' : 'never');
  const published = day(registry?.publishedAt);
  const updated = day(registry?.updatedAt);
  return {
    ...(registry && registry.status !== 'deleted' ? { registryStatus: registry.status } : {}),
    ...(registry?.statusMessage ? { statusMessage: registry.statusMessage.slice(0, 500) } : {}),
    ...(server.server.version ? { version: server.server.version } : {}),
    ...(published ? { published } : {}),
    ...(updated ? { updated } : {}),
    listed,
    ...(note ? { toolsNote: note } : {}),
  };
}

/** A link the server gives about itself: linked only when it is an http(s) address. */
export interface ServerLink {
  label: string;
  /** As written in the catalogue. */
  text: string;
  /** Set only for an http(s) address. */
  href?: string;
}

export interface CountBar {
  key: string;
  label: string;
  value: number;
}

export interface ServerPage {
  title: string;
  metaDescription: string;
  crumbs: { label: string; href?: string }[];
  heading: string;
  name: string;
  version?: string;
  grade: Grade;
  gradeHeading: string;
  /**
   * The grade's reasons in two labelled lists: what the tools can do, and signs to weigh before trusting the
   * server; the list with the costliest reason first, each reason with its evidence.
   */
  gradeGroups: { id: string; label: string; reasons: GradeReason[] }[];
  status: ServerStatusView;
  /** Undefined when the server gives no description. */
  description?: string;
  links: ServerLink[];
  packages: string[];
  remotes: string[];
  summaryHeading: string;
  byCategory: CountBar[];
  byRisk: CountBar[];
  rows: ToolView[];
  tableCaption: string;
  policyHeading: string;
  effects: string[];
  claudeNote: string;
  policy: { texts: PolicyTexts; slug: string; download: { href: string; filename: string } };
}

/** Up to 20 package or remote entries, each as its first six plain fields: `registryType: npm · identifier: …`. */
function entries(list: Record<string, unknown>[] | undefined): string[] {
  return (list ?? []).slice(0, 20).map((entry) =>
    Object.entries(entry)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
      .slice(0, 6)
      .map(([k, v]) => `${k}: ${String(v).slice(0, 200)}`)
      .join(' · '),
  );
}

function links(server: AnalysedServer): ServerLink[] {
  const s = server.server;
  const link = (label: string, text: string | undefined): ServerLink[] => {
    if (!text) return [];
    const href = safeExternalUrl(text);
    return [{ label, text: href ?? text, ...(href ? { href } : {}) }];
  };
  return [...link('Source', s.repository?.url), ...link('Website', s.websiteUrl)];
}

function gradeHeading(grade: Grade): string {
  return grade.letter ? `Grade ${grade.letter}: ${grade.score} of ${FULL_SCORE} points` : 'Not graded yet';
}

export function serverPage(server: AnalysedServer): ServerPage {
  const s = server.server;
  const counts = countBy(server.tools);
  const tools = plural(server.tools.length, 'tool');
  const modifying = figure(server.tools.length - counts.category.read);
  const grade = serverGrade(server);
  const lowRisk = (t: AnalysedServer['tools'][number]) => t.classification.risk === 'low';
  return {
    title: `${mcpServerName(server.title)}: ${tools}, risk-classified`,
    metaDescription: `The ${tools} of the ${mcpServerName(server.title)}, ${modifying} of which can modify or destroy data, with a recommended policy for all of them.`,
    crumbs: [{ label: 'Servers', href: serverListPath() }, { label: server.title }],
    heading: server.title,
    name: s.name,
    ...(s.version ? { version: s.version } : {}),
    grade,
    gradeHeading: gradeHeading(grade),
    gradeGroups: reasonsByKind(grade).map(({ kind, label, reasons }) => ({ id: `grade-${kind}`, label, reasons })),
    status: serverStatus(server.slug),
    ...(s.description.trim() ? { description: clip(s.description, DESCRIPTION_LIMIT) } : {}),
    links: links(server),
    packages: entries(s.packages),
    remotes: entries(s.remotes),
    summaryHeading: `${tools}, ${modifying} can modify or destroy data`,
    byCategory: CATEGORIES.map((c) => ({ key: c, label: CATEGORY_LABELS[c], value: counts.category[c] })),
    byRisk: RISKS.map((r) => ({ key: r, label: RISK_LABELS[r], value: counts.risk[r] })),
    rows: server.tools.map((tool) => ({ server, tool })).sort(byRisk),
    tableCaption: `Tools of ${server.title}`,
    policyHeading: `The full ${server.title} policy for all ${tools}`,
    effects: serverEffects(server.tools.map((t) => ({ decision: t.decision, lowRisk: lowRisk(t) }))).map((e) => e.text),
    claudeNote: claudeServerNameNote(server.slug),
    policy: {
      texts: serverPolicyTexts(server),
      slug: server.slug,
      download: { href: serverPolicyPath(server.slug), filename: `${server.slug}.policy.json` },
    },
  };
}
