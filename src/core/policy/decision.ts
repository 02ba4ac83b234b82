/**
 * The recommendation, decided once per tool and then written out in three formats
 * (PolicyLayer JSON, Intercept YAML, Claude Code permissions). The rules are the
 * ones the "How recommendations are made" page and the README describe: change
 * them here and there together.
 */
import type { Classification } from '../classify/classifier.ts';
import { RISKS, type Risk } from '../../schemas/taxonomy.ts';
import type { Tool } from '../../schemas/tool.ts';
import { identifierWords } from '../classify/words.ts';

export type Access =
  /** Allowed, within its limits and guards. */
  | 'allow'
  /** Each call needs a person's approval (PolicyLayer: unconditional deny_if; Intercept: deny). */
  | 'approve'
  /** Hidden from the agent and denied: the definition itself is hostile. */
  | 'block';

export interface RateLimit {
  window: 'minute' | 'hour' | 'day';
  max: number;
}

/** An argument check that refuses a call, written as its deny and its allow form. */
export interface Guard {
  kind: 'amount-cap' | 'path-traversal' | 'bulk-flag';
  parameter: string;
  /** When the call is refused (PolicyLayer `deny_if`). */
  deny: { op: 'gt' | 'contains' | 'eq'; value: number | string | boolean };
  /** When the call may go ahead (Intercept `evaluate`), the same test turned round in RE2-safe terms. */
  allow: { op: 'lte' | 'regex' | 'neq'; value: number | string | boolean };
  message: string;
  /** For the page: why this guard is there. */
  reason: string;
}

export interface ToolDecision {
  tool: string;
  access: Access;
  limits: RateLimit[];
  guards: Guard[];
  /** One line per rule applied, for the page and the README table. */
  reasons: string[];
  /** Message for an approval or a block. */
  message?: string;
}

/** Calls per window by category, before signals tighten them. Write is SPEC.md's 30 a minute. */
export const LIMITS = {
  readRaised: { window: 'minute', max: 60 },
  write: { window: 'minute', max: 30 },
  writeRaised: { window: 'minute', max: 10 },
  execute: { window: 'minute', max: 5 },
  approval: { window: 'hour', max: 10 },
  recipient: { window: 'hour', max: 100 },
  query: { window: 'minute', max: 30 },
} as const satisfies Record<string, RateLimit>;

/** Amount caps: 100 in a currency's main unit, or 10,000 where the schema counts in cents. */
export const AMOUNT_CAP = { major: 100, minor: 10_000 };
const MINOR_UNITS = /\b(cents?|pence|minor units?|smallest (currency )?unit|in cents)\b/i;

/** Accepts a path with no `..` segment in RE2 (Intercept is Go, which has no look-ahead). */
export const NO_PARENT_SEGMENT = '^([^.]|\\.[^.])*\\.?$';

const above = (risk: Risk, base: Risk) => RISKS.indexOf(risk) > RISKS.indexOf(base);

interface TopParameter {
  name: string;
  type: string;
  description: string;
  required: boolean;
}

function topParameters(tool: Tool): TopParameter[] {
  const required = new Set(tool.inputSchema.required ?? []);
  return Object.entries(tool.inputSchema.properties ?? {}).map(([name, schema]) => {
    const node = typeof schema === 'object' ? schema : {};
    return {
      name,
      type: typeof node.type === 'string' ? node.type : '',
      description: typeof node.description === 'string' ? node.description : '',
      required: required.has(name),
    };
  });
}

function guardsFor(tool: Tool, classification: Classification): { guards: Guard[]; reasons: string[] } {
  const guards: Guard[] = [];
  const reasons: string[] = [];
  const has = (id: string) => classification.signals.some((s) => s.id === id);
  const parameters = topParameters(tool);

  if (classification.category === 'financial') {
    const amount = parameters.find(
      (p) =>
        (p.type === 'number' || p.type === 'integer') &&
        identifierWords(p.name).some((w) => ['amount', 'price', 'total', 'budget'].includes(w)),
    );
    if (amount) {
      const minor = MINOR_UNITS.test(amount.description);
      const cap = minor ? AMOUNT_CAP.minor : AMOUNT_CAP.major;
      const shown = minor
        ? `${cap.toLocaleString('en-US')} (${cap / 100} in the main unit)`
        : cap.toLocaleString('en-US');
      guards.push({
        kind: 'amount-cap',
        parameter: amount.name,
        deny: { op: 'gt', value: cap },
        allow: { op: 'lte', value: cap },
        message: `${amount.name} above ${shown} is refused, whoever approves it`,
        reason: `Financial with an amount parameter (${amount.name}): amounts above ${shown} are refused outright.`,
      });
    }
  }
  if (has('path')) {
    for (const p of parameters) {
      const words = identifierWords(p.name);
      if (p.type !== 'string' || !p.required) continue;
      if (!words.some((w) => ['path', 'dir', 'directory', 'folder', 'file', 'filename', 'filepath', 'cwd'].includes(w)))
        continue;
      guards.push({
        kind: 'path-traversal',
        parameter: p.name,
        deny: { op: 'contains', value: '..' },
        allow: { op: 'regex', value: NO_PARENT_SEGMENT },
        message: `${p.name} may not climb out of its folder with ".."`,
        reason: `Takes a file-system path (${p.name}): paths with ".." are refused.`,
      });
    }
  }
  if (has('bulk') && classification.category !== 'read') {
    const flag = parameters.find(
      (p) =>
        p.type === 'boolean' &&
        identifierWords(p.name).some((w) => ['all', 'everything', 'recursive', 'force'].includes(w)),
    );
    if (flag) {
      guards.push({
        kind: 'bulk-flag',
        parameter: flag.name,
        deny: { op: 'eq', value: true },
        allow: { op: 'neq', value: true },
        message: `${flag.name}: true acts on everything at once and is refused; name the items instead`,
        reason: `Works in bulk through a flag (${flag.name}): calls that set it are refused.`,
      });
    }
  }
  for (const g of guards) reasons.push(g.reason);
  return { guards, reasons };
}

export function decide(tool: Tool, classification: Classification): ToolDecision {
  const { category, risk } = classification;
  const name = tool.name;
  const has = (id: string) => classification.signals.some((s) => s.id === id);

  // Even a reviewed tool: a curator's verdict cannot make a hostile description safe to show an agent.
  if (has('poisoning')) {
    return {
      tool: name,
      access: 'block',
      limits: [],
      guards: [],
      reasons: ['Its definition carries tool-poisoning markers: hidden from the agent and denied.'],
      message: `${name} is blocked: its definition carries tool-poisoning markers`,
    };
  }

  const { guards, reasons } = guardsFor(tool, classification);
  const limits: RateLimit[] = [];
  let access: Access = 'allow';
  let message: string | undefined;

  switch (category) {
    case 'read':
      if (above(risk, 'low')) {
        limits.push(LIMITS.readRaised);
        reasons.unshift(`Read, raised to ${risk} risk: allowed, at most ${LIMITS.readRaised.max} calls a minute.`);
      } else if (has('code')) {
        limits.push(LIMITS.query);
        reasons.unshift(`Read, but it runs a query it is given: allowed, at most ${LIMITS.query.max} calls a minute.`);
      } else {
        reasons.unshift('Read, low risk: allowed with no limit.');
      }
      break;
    case 'write': {
      const limit = above(risk, 'medium') ? LIMITS.writeRaised : LIMITS.write;
      limits.push(limit);
      reasons.unshift(`Write, ${risk} risk: allowed, at most ${limit.max} calls a minute.`);
      break;
    }
    case 'execute':
      limits.push(LIMITS.execute);
      if (above(risk, 'high')) {
        access = 'approve';
        message = `${name} runs code or commands and its definition contradicts itself: a person must approve each call`;
        reasons.unshift(
          `Execute, raised to ${risk} risk: each call needs approval, and at most ${LIMITS.execute.max} a minute.`,
        );
      } else {
        reasons.unshift(`Execute: a tight limit of ${LIMITS.execute.max} calls a minute.`);
      }
      break;
    case 'destructive':
      access = 'approve';
      limits.push(LIMITS.approval);
      message = `${name} deletes or overwrites data: a person must approve each call`;
      reasons.unshift(`Destructive: each call needs a person's approval, and at most ${LIMITS.approval.max} an hour.`);
      break;
    case 'financial':
      access = 'approve';
      limits.push(LIMITS.approval);
      message = `${name} moves money: a person must approve each call`;
      reasons.unshift(`Financial: each call needs a person's approval, and at most ${LIMITS.approval.max} an hour.`);
      break;
  }
  if (has('recipient') && access === 'allow' && !limits.some((l) => l.window === LIMITS.recipient.window)) {
    limits.push(LIMITS.recipient);
    reasons.push(`Sends to outside recipients: also at most ${LIMITS.recipient.max} calls an hour.`);
  }
  return { tool: name, access, limits, guards, reasons, ...(message ? { message } : {}) };
}
