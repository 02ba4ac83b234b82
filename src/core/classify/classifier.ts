/**
 * The risk classifier (docs/classification.md): deterministic, no network.
 *
 * It reads the tool's action from its name (a verb, then the object the verb acts
 * on), falls back to the description, then to the parameters; annotations are
 * weighed against that reading and never decide it. Every step leaves an evidence
 * line, so the page can say why.
 */
import type { Catalogue } from '../catalogue/check.ts';
import { RISKS, type Category, type Risk, type SignalId } from '../../schemas/taxonomy.ts';
import type { Tool } from '../../schemas/tool.ts';
import { readAction, type Reading } from './action.ts';
import { confidenceOf, type AnnotationFindings } from './confidence.ts';
import { readDefinition, SQL_CONTEXT, type Definition } from './definition.ts';
import { rereadAction } from './reread.ts';
import { detectSignals, type Signal, type SignalInput } from './signals.ts';
import { excerpt } from './words.ts';

export type { Signal } from './signals.ts';
export { CONFIDENCE_BASE } from './confidence.ts';

/** The risk each category carries before any signal (docs/classification.md). */
export const BASE_RISK: Record<Category, Risk> = {
  read: 'low',
  write: 'medium',
  execute: 'high',
  destructive: 'critical',
  financial: 'critical',
};

export interface RiskRaise {
  signal: SignalId;
  from: Risk;
  to: Risk;
}

export interface Classification {
  category: Category;
  risk: Risk;
  /** Signals that raised the risk above the category's base, in order. */
  raisedBy: RiskRaise[];
  signals: Signal[];
  /** 0..1, two decimals. */
  confidence: number;
  confidenceReasons: string[];
  /** "From the tool's definition": what led to the category. */
  evidence: string[];
  /** A curator's `review` decided category and risk. */
  reviewed: boolean;
}

export interface ClassifyContext {
  /** The server's own description, as context for ambiguous words ("query" on a database server is SQL). */
  serverDescription?: string;
  /** Which other server, if any, has a tool of this name (for tool-shadowing evidence). */
  otherServersTool?: (identifier: string) => string | undefined;
}

const SENDING_ACTIONS = new Set([
  'send',
  'share',
  'invite',
  'forward',
  'post',
  'publish',
  'reply',
  'respond',
  'notify',
  'email',
  'sms',
  'message',
  'broadcast',
  'announce',
  'export',
  'tweet',
  'dm',
  'remind',
  'dial',
  'call',
  'text',
  'mail',
  'webhook',
]);

const raise = (risk: Risk, steps: number): Risk => RISKS[Math.min(RISKS.length - 1, RISKS.indexOf(risk) + steps)]!;

/**
 * The tool's action: from its name, its description, its parameters or its annotations; an action read from
 * words is then re-read against the rest of the definition, which can correct it or cast doubt on it.
 */
function readTool(definition: Definition): Reading {
  const reading = readAction(definition);
  if (reading.source === 'name' || reading.source === 'description') rereadAction(definition, reading);
  return reading;
}

/** What the signals read besides the definition: the category, and whether the action sends something out. */
function signalInput(definition: Definition, reading: Reading, context: ClassifyContext): SignalInput {
  const { tool, parameters, nameWords, sqlContext, around } = definition;
  const action = reading.verb ?? '';
  const sends =
    SENDING_ACTIONS.has(action) ||
    (reading.source === 'name' && nameWords.some((w) => SENDING_ACTIONS.has(w) && w !== 'message' && w !== 'email'));
  return {
    tool,
    parameters,
    category: reading.category,
    nameWords,
    sends,
    sqlContext,
    around,
    ...(reading.objectWords ? { objectWords: reading.objectWords } : {}),
    ...(reading.verb ? { verb: reading.verb } : {}),
    ...(context.otherServersTool ? { otherServersTool: context.otherServersTool } : {}),
  };
}

/** The reading's evidence, then what the server, the annotations and the schema's size add to it. */
function evidenceOf(
  definition: Definition,
  reading: Reading,
  signals: Signal[],
  serverDescription: string | undefined,
  { agree, conflicts }: AnnotationFindings,
): string[] {
  const evidence = [...reading.evidence];
  if (definition.sqlContext && signals.some((s) => s.id === 'code')) {
    if (serverDescription && SQL_CONTEXT.test(serverDescription))
      evidence.push(`Server: "${excerpt(serverDescription, 0, 0, 80)}": its queries are database queries.`);
  }
  if (agree.length) evidence.push(`Annotations agree: ${agree.join(', ')}.`);
  for (const c of conflicts)
    evidence.push(`Annotations disagree: ${c}. Annotations come from the server and do not override the definition.`);
  if (definition.truncated)
    evidence.push('The input schema is deeper or larger than the classifier reads; only its first levels were read.');
  return evidence;
}

/**
 * The category's base, raised (never lowered) by the signals that change what the tool can do to the agent:
 * contradicting annotations one class, credentials in the result to at least high, poisoning to critical.
 */
function riskOf(category: Category, conflicts: string[], signals: Signal[]): { risk: Risk; raisedBy: RiskRaise[] } {
  let risk = BASE_RISK[category];
  const raisedBy: RiskRaise[] = [];
  const raiseTo = (signal: SignalId, to: Risk) => {
    if (RISKS.indexOf(to) <= RISKS.indexOf(risk)) return;
    raisedBy.push({ signal, from: risk, to });
    risk = to;
  };
  if (conflicts.length > 0) raiseTo('annotation-mismatch', raise(risk, 1));
  if (signals.some((s) => s.id === 'returns-credentials')) raiseTo('returns-credentials', 'high');
  if (signals.some((s) => s.id === 'poisoning')) raiseTo('poisoning', 'critical');
  return { risk, raisedBy };
}

/** A curator's review decides category and risk; the classifier's own reading stays in the evidence and reasons. */
function reviewedClassification(
  review: NonNullable<Tool['review']>,
  category: Category,
  signals: Signal[],
  evidence: string[],
): Classification {
  evidence.unshift(
    `Reviewed by a curator: ${review.category}, ${review.risk} risk${review.note ? ` (${review.note})` : ''}.`,
  );
  return {
    category: review.category,
    risk: review.risk,
    raisedBy: [],
    signals,
    confidence: 1,
    confidenceReasons: [
      'a curator reviewed this tool',
      ...(category !== review.category ? [`the classifier alone read it as ${category}`] : []),
    ],
    evidence,
    reviewed: true,
  };
}

export function classifyTool(tool: Tool, context: ClassifyContext = {}): Classification {
  const definition = readDefinition(tool, context.serverDescription);
  const reading = readTool(definition);
  const { category } = reading;
  const signals = detectSignals(signalInput(definition, reading, context));
  const conflicts = annotationConflicts(tool, category, signals);
  if (conflicts.length > 0) signals.push({ id: 'annotation-mismatch', evidence: conflicts });
  const annotations = { ...annotationAgreement(tool, category), conflicts };
  const evidence = evidenceOf(definition, reading, signals, context.serverDescription, annotations);
  if (tool.review) return reviewedClassification(tool.review, category, signals, evidence);
  const { risk, raisedBy } = riskOf(category, conflicts, signals);
  const { confidence, reasons } = confidenceOf(reading, tool.description, annotations);
  return { category, risk, raisedBy, signals, confidence, confidenceReasons: reasons, evidence, reviewed: false };
}

/** Annotations that claim the tool is safer than its definition shows. */
function annotationConflicts(tool: Tool, category: Category, signals: Signal[]): string[] {
  const a = tool.annotations;
  if (!a) return [];
  const out: string[] = [];
  if (a.readOnlyHint === true && category !== 'read')
    out.push(`readOnlyHint is true, but the definition reads as ${category}`);
  if (a.destructiveHint === false && category === 'destructive')
    out.push('destructiveHint is false, but the definition reads as destructive');
  const reachesOut = signals.find((s) => s.id === 'url' || s.id === 'recipient');
  if (a.openWorldHint === false && reachesOut)
    out.push(
      `openWorldHint is false, but the tool ${reachesOut.id === 'url' ? 'takes a URL' : 'sends to an outside recipient'}`,
    );
  return out;
}

function annotationAgreement(tool: Tool, category: Category): { agree: string[]; cautious: string[] } {
  const a = tool.annotations;
  const agree: string[] = [];
  const cautious: string[] = [];
  if (!a) return { agree, cautious };
  if (a.readOnlyHint === true && category === 'read') agree.push('readOnlyHint is true');
  if (a.readOnlyHint === false && category !== 'read') agree.push('readOnlyHint is false');
  if (a.destructiveHint === true && category === 'destructive') agree.push('destructiveHint is true');
  if (a.destructiveHint === true && category === 'read')
    cautious.push('destructiveHint is true on a tool that reads as read');
  if (a.readOnlyHint === false && category === 'read' && a.destructiveHint !== false)
    cautious.push('readOnlyHint is false on a tool that reads as read');
  return { agree, cautious };
}

/**
 * Classifies every tool of a catalogue in one pass. The only catalogue-wide fact a
 * tool needs is which tool names other servers have (tool shadowing), built once.
 */
export function classifyCatalogue(catalogue: Catalogue): Map<string, Map<string, Classification>> {
  const serversOf = new Map<string, Set<string>>();
  for (const server of catalogue.servers) {
    for (const { tool } of server.tools) {
      let set = serversOf.get(tool.name);
      if (!set) serversOf.set(tool.name, (set = new Set()));
      set.add(server.slug);
    }
  }
  const result = new Map<string, Map<string, Classification>>();
  for (const server of catalogue.servers) {
    const own = new Set(server.tools.map((t) => t.tool.name));
    const otherServersTool = (identifier: string) => {
      if (own.has(identifier)) return undefined;
      const servers = serversOf.get(identifier);
      if (!servers) return undefined;
      for (const s of servers) if (s !== server.slug) return s;
      return undefined;
    };
    const byTool = new Map<string, Classification>();
    for (const { slug, tool } of server.tools) {
      byTool.set(slug, classifyTool(tool, { serverDescription: server.server.description, otherServersTool }));
    }
    result.set(server.slug, byTool);
  }
  return result;
}
