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
import {
  reasonLines,
  unknownHeading,
  unknownSummary,
  unknownTools,
  REASON_LABELS,
  UNKNOWN_LABELS,
  type UnknownTools,
} from '../core/site/tools-status.ts';
import { byRisk, type ToolView } from './catalogue.ts';

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
  /** Why the tools shown may be out of date, or that a scan listed none; absent when they are current. */
  toolsNote?: string;
  /** The reason of the last scan, which failed, beside the tools of an earlier one. */
  reason?: { label: string; lines: string[] };
}

const day = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value.slice(0, 40) : new Date(time).toISOString().slice(0, 10);
};

/**
 * Why the tools shown may be out of date, or that a scan listed none; undefined when they are current, and for
 * a server whose tools are not known, which its page says in its own section ({@link UnknownToolsView}).
 */
function toolsNote(server: AnalysedServer): string | undefined {
  const scan = server.scan;
  if (!scan || server.tools.length === 0) {
    return scan?.status === 'scanned' ? 'The server listed no tools when it was scanned.' : undefined;
  }
  // A failed attempt records its own version; the tools shown are those of the last scan that listed them.
  const attempt = `The last scan, at version ${scan.version ?? '(not recorded)'},`;
  const earlier = `the tools below are from an earlier scan${scan.listedAt ? ` (${day(scan.listedAt)})` : ''} and may be out of date`;
  switch (scan.status) {
    case 'scanned':
      return undefined;
    case 'not-scanned':
      return `Not scanned at version ${server.server.version ?? '(none)'} yet: the tools below were listed at version ${scan.version ?? '(unknown)'}.`;
    case 'needs-auth':
      return `${attempt} needed credentials: ${earlier}.`;
    case 'runtime-unavailable':
      return `${attempt} could not start the server (runtime not available): ${earlier}.`;
    case 'failed':
      return `${attempt} failed: ${earlier}.`;
  }
}

/** The last scan's reason beside tools it did not list (a failed re-scan), headed as on a page without tools. */
function staleReason(server: AnalysedServer): { label: string; lines: string[] } | undefined {
  const scan = server.scan;
  if (!scan || server.tools.length === 0 || scan.status === 'scanned' || scan.status === 'not-scanned')
    return undefined;
  const lines = reasonLines(scan.reason);
  return lines.length ? { label: REASON_LABELS[scan.status], lines } : undefined;
}

export function serverStatus(server: AnalysedServer): ServerStatusView {
  const { registry, scan } = server;
  const note = toolsNote(server);
  const reason = staleReason(server);
  const listed =
    day(scan?.listedAt) ?? (!scan && server.tools.length ? 'not recorded (the tools were written by hand)' : 'never');
  const published = day(registry?.publishedAt);
  const updated = day(registry?.updatedAt);
  return {
    ...(registry && registry.status !== 'deleted' ? { registryStatus: registry.status } : {}),
    ...(registry?.statusMessage ? { statusMessage: clip(registry.statusMessage, DESCRIPTION_LIMIT) } : {}),
    ...(server.server.version ? { version: server.server.version } : {}),
    ...(published ? { published } : {}),
    ...(updated ? { updated } : {}),
    listed,
    ...(note ? { toolsNote: note } : {}),
    ...(reason ? { reason } : {}),
  };
}

/**
 * What a server page shows in place of tool figures, tools and policy when the tools are not known, under
 * the summary heading (`Tools not known: scan failed`).
 */
export interface UnknownToolsView {
  /** Why, and that no figure on the page means "none". */
  summary: string;
  /** What the reason lines are, e.g. `Why the scan failed`; absent without a reason. */
  reasonLabel?: string;
  /** The scan's reason, at most two lines, each shown on its own. */
  reason: string[];
}

function unknownView(unknown: UnknownTools): UnknownToolsView {
  return {
    summary: unknownSummary(unknown),
    ...(unknown.reason.length ? { reasonLabel: REASON_LABELS[unknown.status] } : {}),
    reason: unknown.reason,
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
  /** Why the server is not graded, as a sentence; absent when it has a letter. */
  notGraded?: string;
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
  /** Set when the server's tools are not known: the page then shows this instead of figures, tools and policy. */
  unknown?: UnknownToolsView;
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
  if (grade.letter) return `Grade ${grade.letter}: ${grade.score} of ${FULL_SCORE} points`;
  return grade.reasons[0]?.id === 'no-tools' ? 'Not graded: no tools' : 'Not graded: tools not known';
}

/** Why a server without tools has no grade, for a reader who expects a letter. */
function notGradedText(grade: Grade): string {
  return grade.reasons[0]?.id === 'no-tools'
    ? 'A grade sums up what a server’s tools can do, and a scan of this one found none.'
    : 'A grade sums up what a server’s tools can do, and nobody has seen this server’s tools yet.';
}

/** The page's title, description and summary heading: the tool figures, or that the tools are not known. */
function headlines(server: AnalysedServer, unknown: UnknownTools | undefined) {
  const name = mcpServerName(server.title);
  if (unknown) {
    return {
      title: `${name}: tools not known`,
      metaDescription: `The ${name}: its tools are not known (${UNKNOWN_LABELS[unknown.status]}), so they are neither counted nor classified.`,
      summaryHeading: unknownHeading(unknown),
    };
  }
  const tools = plural(server.tools.length, 'tool');
  const modifying = figure(server.tools.length - countBy(server.tools).category.read);
  return {
    title: `${name}: ${tools}, risk-classified`,
    metaDescription: `The ${tools} of the ${name}, ${modifying} of which can modify or destroy data, with a recommended policy for all of them.`,
    summaryHeading: `${tools}, ${modifying} can modify or destroy data`,
  };
}

export function serverPage(server: AnalysedServer): ServerPage {
  const s = server.server;
  const counts = countBy(server.tools);
  const grade = serverGrade(server);
  const missing = unknownTools(server);
  const unknown = missing && unknownView(missing);
  const lowRisk = (t: AnalysedServer['tools'][number]) => t.classification.risk === 'low';
  return {
    ...headlines(server, missing),
    crumbs: [{ label: 'Servers', href: serverListPath() }, { label: server.title }],
    heading: server.title,
    name: s.name,
    ...(s.version ? { version: s.version } : {}),
    grade,
    gradeHeading: gradeHeading(grade),
    ...(grade.letter ? {} : { notGraded: notGradedText(grade) }),
    gradeGroups: grade.letter
      ? reasonsByKind(grade).map(({ kind, label, reasons }) => ({ id: `grade-${kind}`, label, reasons }))
      : [],
    status: serverStatus(server),
    ...(s.description.trim() ? { description: clip(s.description, DESCRIPTION_LIMIT) } : {}),
    links: links(server),
    packages: entries(s.packages),
    remotes: entries(s.remotes),
    ...(unknown ? { unknown } : {}),
    byCategory: CATEGORIES.map((c) => ({ key: c, label: CATEGORY_LABELS[c], value: counts.category[c] })),
    byRisk: RISKS.map((r) => ({ key: r, label: RISK_LABELS[r], value: counts.risk[r] })),
    rows: server.tools.map((tool) => ({ server, tool })).sort(byRisk),
    tableCaption: `Tools of ${server.title}`,
    policyHeading: `The full ${server.title} policy for all ${plural(server.tools.length, 'tool')}`,
    effects: serverEffects(server.tools.map((t) => ({ decision: t.decision, lowRisk: lowRisk(t) }))).map((e) => e.text),
    claudeNote: claudeServerNameNote(server.slug),
    policy: {
      texts: serverPolicyTexts(server),
      slug: server.slug,
      download: { href: serverPolicyPath(server.slug), filename: `${server.slug}.policy.json` },
    },
  };
}
