/**
 * A server's grade, A to F (issue 16): one answer to "how safe is this server?",
 * with the reasons that set it.
 *
 * A grade is a summary, never a second classification: it reads only what the
 * classifier already decided for each tool (risk class and signals, a curator's
 * review included) and the server's provenance (repository, version, packages,
 * remotes, registry status). Fix a classification and the grade moves with it.
 *
 * How it is computed: a server starts at {@link FULL_SCORE} points; each finding
 * takes points away and names its figure ("3 of 12 tools (25%) are critical");
 * the score's letter comes from {@link LETTER_FLOORS}. A few findings also cap the
 * letter whatever the score ({@link GradeReason.ceiling}): a server that hides
 * instructions for the agent is an F however tidy the rest is. The scale has no E,
 * as in most A–F scales: A, B, C, D, F.
 *
 * A server without tools gets no letter: when its tools are not known (not scanned yet,
 * needing credentials, lacking a runtime, failed: src/core/site/tools-status.ts) a letter
 * from provenance alone would read as a verdict on tools nobody has seen, an A above all;
 * when a scan listed none, there is nothing to summarise. The one reason says which.
 */
import type { RegistryStatus, ScanStatus } from '../../schemas/registry.ts';
import { safeExternalUrl } from '../untrusted.ts';
import type { SignalId } from '../../schemas/taxonomy.ts';
import type { AnalysedServer, AnalysedTool } from '../analyse.ts';
import { plural } from '../text.ts';
import { unknownGradeText, unknownTools } from './tools-status.ts';

export const LETTERS = ['A', 'B', 'C', 'D', 'F'] as const;
export type Letter = (typeof LETTERS)[number];

export const FULL_SCORE = 100;

/** The lowest score of each letter; below the last is F. */
export const LETTER_FLOORS: readonly { letter: Exclude<Letter, 'F'>; min: number }[] = [
  { letter: 'A', min: 90 },
  { letter: 'B', min: 80 },
  { letter: 'C', min: 65 },
  { letter: 'D', min: 50 },
];

/**
 * What each finding costs. A share-based finding costs its weight times the share of
 * tools it concerns (every tool critical: the full weight), and at least one point,
 * so that every finding is listed. A server whose every tool is critical, and nothing
 * else against it, is a D: a dangerous server is not a dishonest one, and an F takes
 * more (poisoning, annotations that lie, no provenance, more risky inputs).
 */
export const POINTS = {
  /** Any tool with tool-poisoning markers; also caps the grade at F. */
  poisoning: 50,
  /** Per tool whose annotations claim it is safer than its definition shows… */
  annotationMismatch: 10,
  /** …up to this many points in all. */
  annotationMismatchMax: 30,
  /** Every tool critical (destructive, financial, or raised to critical by a signal). */
  criticalShare: 50,
  /** Every tool takes code, a query or a shell command… */
  codeShare: 40,
  /** …and each one at least this much: one `evaluate` tool among many still runs anything it is given. */
  codePerTool: 5,
  /** Every tool takes a URL or endpoint. */
  urlShare: 20,
  /** Every tool has an empty or very short description. */
  shortDescriptionShare: 20,
  noRepository: 10,
  noVersion: 5,
  /** Only a remote endpoint: the code that runs is not published as a package. */
  onlyRemote: 5,
  /** Neither a package nor a remote: nothing says where the server comes from. */
  noPackageOrRemote: 10,
  /** Deprecated in the registry; also caps the grade at D. */
  deprecated: 20,
  /** Deleted from the registry; also caps the grade at F. */
  deleted: 50,
} as const;

export type GradeReasonId =
  | 'tools-not-known'
  | 'no-tools'
  | 'poisoning'
  | 'annotation-mismatch'
  | 'critical-share'
  | 'code'
  | 'url'
  | 'short-description'
  | 'no-repository'
  | 'no-version'
  | 'only-remote'
  | 'no-package-or-remote'
  | 'registry-deprecated'
  | 'registry-deleted';

/**
 * What a finding is about. `capability`: what the tools can do (critical tools, code, URLs) — a payments server
 * with honest definitions has only these. `trust`: signs the server's word cannot be taken as it is (poisoning,
 * annotations that contradict the definition, vague descriptions, unknown provenance, the registry's status).
 */
export type GradeReasonKind = 'capability' | 'trust';
export const GRADE_REASON_KINDS = ['capability', 'trust'] as const satisfies readonly GradeReasonKind[];

/** How each kind of finding is headed on a server page. */
export const GRADE_KIND_LABELS: Record<GradeReasonKind, string> = {
  capability: 'What its tools can do',
  trust: 'Signs to weigh before trusting it',
};

const KIND_OF: Record<GradeReasonId, GradeReasonKind> = {
  'critical-share': 'capability',
  code: 'capability',
  url: 'capability',
  'tools-not-known': 'trust',
  'no-tools': 'capability',
  poisoning: 'trust',
  'annotation-mismatch': 'trust',
  'short-description': 'trust',
  'no-repository': 'trust',
  'no-version': 'trust',
  'only-remote': 'trust',
  'no-package-or-remote': 'trust',
  'registry-deprecated': 'trust',
  'registry-deleted': 'trust',
};

export interface GradeReason {
  id: GradeReasonId;
  kind: GradeReasonKind;
  /** The finding with its figure, e.g. `3 of 12 tools (25%) are critical`. */
  text: string;
  /**
   * What the finding rests on, tool by tool, where a figure is not enough: for poisoning, each tool with the
   * sentence and why it is an instruction; for contradicting annotations, what each one claims.
   */
  evidence?: string[];
  /** Points it takes from {@link FULL_SCORE}. */
  points: number;
  /** The best letter the server can have while this finding stands. */
  ceiling?: Letter;
}

export interface Grade {
  /** `null`: not graded (tools not known, or none listed); the one reason says which. */
  letter: Letter | null;
  /** 0..{@link FULL_SCORE}; `null` when not graded. */
  score: number | null;
  /** Every finding that lowered the grade, the costliest first; empty for a clean A. */
  reasons: GradeReason[];
}

export interface GradeOptions {
  /**
   * The server's registry status, from a registry sync. Absent means unknown (a
   * hand-written catalogue file), which costs nothing: only a registry's own
   * "deprecated" or "deleted" lowers the grade.
   */
  registryStatus?: RegistryStatus;
  /** The status of the server's `scan` record: without tools, whether they are not known or a scan listed none. */
  scanStatus?: ScanStatus;
}

/** How many tool names a reason lists before "and N more". */
const NAMED_TOOLS = 3;
/** How many evidence lines a reason quotes for each tool it names. */
const LINES_PER_TOOL = 2;

/** A finding without its kind, which {@link KIND_OF} adds. */
type Finding = Omit<GradeReason, 'kind'>;

/**
 * A signal's evidence for the first tools it concerns, each line after the tool's name. Lines that quote a
 * sentence come before those that point at a character, which say less to a reader.
 */
function evidenceOf(tools: readonly AnalysedTool[], id: SignalId): string[] {
  return tools.slice(0, NAMED_TOOLS).flatMap((t) => {
    const lines = t.classification.signals.find((s) => s.id === id)?.evidence ?? [];
    const quoting = [...lines.filter((l) => l.includes('"')), ...lines.filter((l) => !l.includes('"'))];
    return quoting.slice(0, LINES_PER_TOOL).map((line) => `${t.tool.name}: ${line}`);
  });
}

function names(tools: readonly AnalysedTool[]): string {
  const shown = tools.slice(0, NAMED_TOOLS).map((t) => t.tool.name);
  const rest = tools.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

export function letterFor(score: number): Letter {
  return LETTER_FLOORS.find((f) => score >= f.min)?.letter ?? 'F';
}

const worse = (a: Letter, b: Letter): Letter => (LETTERS.indexOf(a) >= LETTERS.indexOf(b) ? a : b);

/** The tools a grade is about, with the figures its findings quote ("3 of 12 tools (25%)"). */
interface ToolCount {
  tools: readonly AnalysedTool[];
  total: number;
  withSignal(id: SignalId): AnalysedTool[];
  ofTools(n: number): string;
  share(n: number): string;
}

function toolCount(tools: readonly AnalysedTool[]): ToolCount {
  const total = tools.length;
  const ofTools = (n: number) => `${n.toLocaleString('en-US')} of ${plural(total, 'tool')}`;
  return {
    tools,
    total,
    withSignal: (id) => tools.filter((t) => t.classification.signals.some((s) => s.id === id)),
    ofTools,
    share: (n) => `${ofTools(n)} (${Math.round((n / total) * 100)}%)`,
  };
}

/**
 * A finding that costs its weight times the share of tools it concerns, and at least
 * `perTool` points per tool up to the weight (see {@link POINTS}). `verbs`: the finding
 * for one tool and for several ("is critical", "are critical").
 */
function shareReason(
  count: ToolCount,
  id: GradeReasonId,
  found: readonly AnalysedTool[],
  weight: number,
  verbs: [string, string],
  perTool = 1,
): Finding[] {
  if (found.length === 0) return [];
  const { total } = count;
  return [
    {
      id,
      text: `${count.share(found.length)} ${verbs[found.length === 1 ? 0 : 1]}: ${names(found)}`,
      points: Math.max(Math.round((found.length / total) * weight), Math.min(weight, found.length * perTool)),
    },
  ];
}

function poisoningReasons(count: ToolCount): Finding[] {
  const poisoned = count.withSignal('poisoning');
  if (poisoned.length === 0) return [];
  return [
    {
      id: 'poisoning',
      text: `${count.ofTools(poisoned.length)} ${poisoned.length === 1 ? 'carries' : 'carry'} tool-poisoning markers: ${names(poisoned)}`,
      evidence: evidenceOf(poisoned, 'poisoning'),
      points: POINTS.poisoning,
      ceiling: 'F',
    },
  ];
}

function annotationMismatchReasons(count: ToolCount): Finding[] {
  const contradicted = count.withSignal('annotation-mismatch');
  if (contradicted.length === 0) return [];
  return [
    {
      id: 'annotation-mismatch',
      text: `${count.ofTools(contradicted.length)} ${contradicted.length === 1 ? 'has annotations that contradict its' : 'have annotations that contradict their'} definition: ${names(contradicted)}`,
      evidence: evidenceOf(contradicted, 'annotation-mismatch'),
      points: Math.min(POINTS.annotationMismatchMax, contradicted.length * POINTS.annotationMismatch),
    },
  ];
}

/** What the tools can do, each finding by the share of tools it concerns. */
function shareReasons(count: ToolCount): Finding[] {
  const critical = count.tools.filter((t) => t.classification.risk === 'critical');
  return [
    ...shareReason(count, 'critical-share', critical, POINTS.criticalShare, ['is critical', 'are critical']),
    ...shareReason(
      count,
      'code',
      count.withSignal('code'),
      POINTS.codeShare,
      ['takes code, a query or a shell command', 'take code, a query or a shell command'],
      POINTS.codePerTool,
    ),
    ...shareReason(count, 'url', count.withSignal('url'), POINTS.urlShare, [
      'takes a URL or endpoint',
      'take a URL or endpoint',
    ]),
    ...shareReason(count, 'short-description', count.withSignal('short-description'), POINTS.shortDescriptionShare, [
      'has an empty or very short description',
      'have an empty or very short description',
    ]),
  ];
}

/** Where the server comes from: a repository, a version, a package or a remote. */
function provenanceReasons(s: AnalysedServer['server']): Finding[] {
  const reasons: Finding[] = [];
  if (!safeExternalUrl(s.repository?.url))
    reasons.push({
      id: 'no-repository',
      text: s.repository?.url ? 'the repository link is not an http(s) address' : 'no repository link',
      points: POINTS.noRepository,
    });
  if (!s.version?.trim()) reasons.push({ id: 'no-version', text: 'no version', points: POINTS.noVersion });
  const packages = s.packages?.length ?? 0;
  const remotes = s.remotes?.length ?? 0;
  if (packages === 0 && remotes > 0)
    reasons.push({
      id: 'only-remote',
      text: 'only a remote endpoint, no package to install and inspect',
      points: POINTS.onlyRemote,
    });
  else if (packages === 0)
    reasons.push({
      id: 'no-package-or-remote',
      text: 'no package and no remote: nothing says where the server comes from',
      points: POINTS.noPackageOrRemote,
    });
  return reasons;
}

function registryReasons({ registryStatus }: GradeOptions): Finding[] {
  if (registryStatus === 'deprecated')
    return [{ id: 'registry-deprecated', text: 'deprecated in the registry', points: POINTS.deprecated, ceiling: 'D' }];
  if (registryStatus === 'deleted')
    return [{ id: 'registry-deleted', text: 'deleted from the registry', points: POINTS.deleted, ceiling: 'F' }];
  return [];
}

/** The grade of a server without tools: no letter, and why. */
function notGraded(scanStatus: ScanStatus | undefined): Grade {
  const unknown = unknownTools({ tools: [], ...(scanStatus ? { scan: { status: scanStatus } } : {}) });
  const reason: GradeReason = unknown
    ? { id: 'tools-not-known', kind: KIND_OF['tools-not-known'], text: unknownGradeText(unknown.status), points: 0 }
    : { id: 'no-tools', kind: KIND_OF['no-tools'], text: 'not graded: the server listed no tools', points: 0 };
  return { letter: null, score: null, reasons: [reason] };
}

export function gradeServer(server: Pick<AnalysedServer, 'server' | 'tools'>, options: GradeOptions = {}): Grade {
  const { tools } = server;
  if (tools.length === 0) return notGraded(options.scanStatus);
  const count = toolCount(tools);
  const reasons: GradeReason[] = [
    ...poisoningReasons(count),
    ...annotationMismatchReasons(count),
    ...shareReasons(count),
    ...provenanceReasons(server.server),
    ...registryReasons(options),
  ].map(({ id, ...rest }) => ({ id, kind: KIND_OF[id], ...rest }));
  // Stable: equal costs keep the order above (tools before provenance).
  reasons.sort((a, b) => b.points - a.points);
  const score = Math.max(0, FULL_SCORE - reasons.reduce((sum, r) => sum + r.points, 0));
  const letter = reasons.reduce<Letter>((l, r) => (r.ceiling ? worse(l, r.ceiling) : l), letterFor(score));
  return { letter, score, reasons };
}

const grades = new WeakMap<object, Grade>();

/**
 * The grade every page, the API and the search index show, computed once per server.
 * The one place to pass the registry status once server files carry it (a registry sync
 * writing `registry: {status}` beside `server`): `gradeServer(server, { registryStatus })`.
 */
export function serverGrade(server: AnalysedServer): Grade {
  let grade = grades.get(server);
  if (!grade) {
    grade = gradeServer(server, {
      ...(server.registry ? { registryStatus: server.registry.status } : {}),
      ...(server.scan ? { scanStatus: server.scan.status } : {}),
    });
    grades.set(server, grade);
  }
  return grade;
}

/** A grade's reasons in two lists, by kind, the list with the costliest reason first; empty lists left out. */
export function reasonsByKind(grade: Grade): { kind: GradeReasonKind; label: string; reasons: GradeReason[] }[] {
  return GRADE_REASON_KINDS.map((kind) => ({
    kind,
    label: GRADE_KIND_LABELS[kind],
    reasons: grade.reasons.filter((r) => r.kind === kind),
  }))
    .filter((group) => group.reasons.length > 0)
    .sort((a, b) => b.reasons[0]!.points - a.reasons[0]!.points);
}

/**
 * How a grade reads where there is room for a word only (search filters): the letter, or why there is
 * none, so that a search for ungraded servers tells those nobody has seen from those with no tools.
 */
export const NOT_GRADED_LABELS = { 'tools-not-known': 'Tools not known', 'no-tools': 'No tools' } as const;

export function gradeLabel(grade: Grade): string {
  if (grade.letter) return grade.letter;
  return grade.reasons[0]?.id === 'no-tools' ? NOT_GRADED_LABELS['no-tools'] : NOT_GRADED_LABELS['tools-not-known'];
}
