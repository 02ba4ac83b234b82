/**
 * The recommendation, decided once per tool and then written out in three formats
 * (PolicyLayer JSON, Intercept YAML, Claude Code permissions) by formats.ts, and put
 * into words, format by format, by effects.ts. Change the rules here; the pages, the
 * "How recommendations are made" page and the README table are all drawn from them.
 *
 * The states are PolicyLayer's own (policylayer.com/docs/writing-policies): Allow,
 * Deny (visible, every call refused), Hide (removed from tools/list and refused), and
 * Custom, which is Allow with limits or argument rules. Neither PolicyLayer JSON nor
 * Intercept YAML can ask a person to approve a call (docs/policies.md): a tool too
 * dangerous to run unattended is denied there, and a second decision, its variant,
 * says how an operator who needs the agent to use it can open it up.
 */
import type { Classification } from '../classify/classifier.ts';
import { RISKS, type Risk } from '../../schemas/taxonomy.ts';
import type { Tool } from '../../schemas/tool.ts';
import { identifierWords } from '../classify/words.ts';
import { plural } from '../text.ts';

export type Access =
  /** Allowed, within its limits and guards. */
  | 'allow'
  /** Visible to the agent, every call refused. */
  | 'deny'
  /** Removed from the agent's tool list and refused: the definition itself is hostile. */
  | 'hide';

export type Window = 'minute' | 'hour' | 'day';

export interface RateLimit {
  window: Window;
  max: number;
}

/** A value a condition compares an argument with: a list for `in`/`not_in`. */
export type ConditionValue = number | string | boolean | readonly (number | string | boolean)[];

/** An argument check that refuses a call, written as its deny and its allow form. */
export interface Guard {
  /** The recommendation's own kinds, then those a user sets in the policy builder (custom.ts). */
  kind: 'amount-cap' | 'path-traversal' | 'bulk-flag' | 'allow-list' | 'maximum';
  parameter: string;
  /**
   * Whether the schema requires the parameter. Intercept treats a condition on an argument the
   * call leaves out as failed (internal/engine), so its form can only guard required parameters.
   */
  required: boolean;
  /** When the call is refused (PolicyLayer `deny_if`). */
  deny: { readonly op: 'gt' | 'contains' | 'eq' | 'not_in'; readonly value: ConditionValue };
  /** When the call may go ahead (Intercept `evaluate`), the same test turned round in RE2-safe terms. */
  allow: { readonly op: 'lte' | 'regex' | 'neq' | 'in'; readonly value: ConditionValue };
  message: string;
  /** For the page: why this guard is there. */
  reason: string;
}

/**
 * An argument every call must send (PolicyLayer `require`, Intercept `exists`), in a variant or a
 * policy built by hand; with a pattern, it must also match it (`regex`, RE2 syntax).
 */
export interface Requirement {
  kind: 'reason' | 'pattern';
  parameter: string;
  pattern?: string;
  message: string;
  reason: string;
}

/**
 * What the recommendation (or the policy builder) decided for one tool. Read-only all the way
 * down: the Intercept writer keeps each decision's YAML block with the decision
 * (src/core/policy/formats.ts), which is only right if nothing changes a decision once made.
 */
export interface ToolDecision {
  readonly tool: string;
  readonly access: Access;
  readonly limits: readonly Readonly<RateLimit>[];
  readonly guards: readonly Readonly<Guard>[];
  readonly requires: readonly Readonly<Requirement>[];
  /** One line per rule applied, for the page and the README table. */
  readonly reasons: readonly string[];
  /** What a refused call is told: for a denied or hidden tool. */
  readonly message?: string;
  /**
   * For a denied tool: the decision for an operator who needs the agent to use it anyway,
   * allowed within tight limits and argument checks. Generated and checked like the first.
   */
  readonly variant?: ToolDecision;
}

/** Calls per window by category, before signals tighten them. Write is 30 a minute (docs/policies.md). */
export const LIMITS = {
  readRaised: { window: 'minute', max: 60 },
  write: { window: 'minute', max: 30 },
  writeRaised: { window: 'minute', max: 10 },
  execute: { window: 'minute', max: 5 },
  query: { window: 'minute', max: 30 },
  recipient: { window: 'hour', max: 100 },
  /** A tool that costs money per call: a loop of calls is a bill (see the runaway-cost article). */
  cost: { window: 'hour', max: 60 },
  /** The variant of a denied destructive or financial tool. */
  variant: { window: 'hour', max: 10 },
} as const satisfies Record<string, RateLimit>;

/** Amount caps: 100 in a currency's main unit, or 10,000 where the schema counts in cents. */
export const AMOUNT_CAP = { major: 100, minor: 10_000 };
const MINOR_UNITS = /\b(cents?|pence|minor units?|smallest (currency )?unit|in cents)\b/i;

/** Accepts a path with no `..` segment in RE2 (Intercept is Go, which has no look-ahead). */
export const NO_PARENT_SEGMENT = '^([^.]|\\.[^.])*\\.?$';

/**
 * Parameters a condition can address. Both gateways read `args.a.b` as the field `b` inside `a`,
 * so a parameter whose own name has a dot (or is empty, or holds control characters) is never guarded.
 */
const ADDRESSABLE = /^[A-Za-z0-9_-]+$/;

const above = (risk: Risk, base: Risk) => RISKS.indexOf(risk) > RISKS.indexOf(base);

export interface TopParameter {
  name: string;
  type: string;
  description: string;
  required: boolean;
  /** The schema's `enum`, when every value is a string, number or boolean. */
  enum?: (string | number | boolean)[];
}

const isScalar = (v: unknown): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v);

/** The top-level parameters a condition can address, as the policy rules and the policy builder read them. */
export function topParameters(tool: Tool): TopParameter[] {
  const required = new Set(tool.inputSchema.required ?? []);
  return Object.entries(tool.inputSchema.properties ?? {})
    .filter(([name]) => ADDRESSABLE.test(name))
    .map(([name, schema]) => {
      const node = typeof schema === 'object' ? schema : {};
      const values = node.enum;
      return {
        name,
        type: typeof node.type === 'string' ? node.type : '',
        description: typeof node.description === 'string' ? node.description : '',
        required: required.has(name),
        ...(Array.isArray(values) && values.length > 0 && values.every(isScalar) ? { enum: values } : {}),
      };
    });
}

const hasWord = (p: TopParameter, words: readonly string[]) => identifierWords(p.name).some((w) => words.includes(w));

function amountCap(parameters: TopParameter[]): Guard | undefined {
  const amount = parameters.find(
    (p) => (p.type === 'number' || p.type === 'integer') && hasWord(p, ['amount', 'price', 'total', 'budget', 'value']),
  );
  if (!amount) return undefined;
  const minor = MINOR_UNITS.test(amount.description);
  const cap = minor ? AMOUNT_CAP.minor : AMOUNT_CAP.major;
  const shown = minor ? `${cap.toLocaleString('en-US')} (${cap / 100} in the main unit)` : cap.toLocaleString('en-US');
  return capGuard(
    'amount-cap',
    amount,
    cap,
    shown,
    `Moves money through ${amount.name}: amounts above ${shown} are refused.`,
  );
}

/** A number the call may not exceed: the amount cap here, a maximum an operator sets in the policy builder. */
export function capGuard(
  kind: 'amount-cap' | 'maximum',
  p: Pick<TopParameter, 'name' | 'required'>,
  max: number,
  shown: string,
  reason: string,
): Guard {
  return {
    kind,
    parameter: p.name,
    required: p.required,
    deny: { op: 'gt', value: max },
    allow: { op: 'lte', value: max },
    message: `${p.name} above ${shown} is refused`,
    reason,
  };
}

function pathGuards(parameters: TopParameter[]): Guard[] {
  return parameters
    .filter(
      (p) =>
        p.type === 'string' &&
        hasWord(p, ['path', 'dir', 'directory', 'folder', 'file', 'filename', 'filepath', 'cwd']),
    )
    .map((p) => ({
      kind: 'path-traversal',
      parameter: p.name,
      required: p.required,
      deny: { op: 'contains', value: '..' },
      allow: { op: 'regex', value: NO_PARENT_SEGMENT },
      message: `${p.name} may not climb out of its folder with ".."`,
      reason: `Takes a file-system path (${p.name}): paths with ".." are refused.`,
    }));
}

function bulkFlag(parameters: TopParameter[]): Guard | undefined {
  const flag = parameters.find((p) => p.type === 'boolean' && hasWord(p, ['all', 'everything', 'recursive', 'force']));
  if (!flag) return undefined;
  return {
    kind: 'bulk-flag',
    parameter: flag.name,
    required: flag.required,
    deny: { op: 'eq', value: true },
    allow: { op: 'neq', value: true },
    message: `${flag.name}: true acts on everything at once and is refused; name the items instead`,
    reason: `Works in bulk through a flag (${flag.name}): calls that set it are refused.`,
  };
}

/** A free-text reason the tool itself asks for: the variant (and the policy builder) makes the agent give one. */
export function reasonRequirement(parameters: TopParameter[]): Requirement | undefined {
  const reason = parameters.find((p) => p.type === 'string' && hasWord(p, ['reason', 'justification', 'memo']));
  if (!reason) return undefined;
  return {
    kind: 'reason',
    parameter: reason.name,
    message: `${reason.name} is required: say why this call is made`,
    reason: `Has a reason parameter (${reason.name}): every call must give one, so the log says why.`,
  };
}

/** At most one limit per window (Intercept refuses two rate limits of one window), the tighter kept. */
function addLimit(limits: RateLimit[], limit: RateLimit): void {
  const same = limits.findIndex((l) => l.window === limit.window);
  if (same === -1) limits.push({ ...limit });
  else limits[same]!.max = Math.min(limits[same]!.max, limit.max);
}

export function limitPhrase(limit: RateLimit): string {
  return `${plural(limit.max, 'call')} per ${limit.window}`;
}

/** Limits every allowed tool gets from its signals, whatever its category. */
function signalLimits(limits: RateLimit[], reasons: string[], has: (id: string) => boolean): void {
  if (has('recipient')) {
    addLimit(limits, LIMITS.recipient);
    reasons.push(`Sends to outside recipients: at most ${limitPhrase(LIMITS.recipient)}.`);
  }
  if (has('cost')) {
    addLimit(limits, LIMITS.cost);
    reasons.push(`Costs money per call: at most ${limitPhrase(LIMITS.cost)}, so a loop cannot run up a bill.`);
  }
}

/**
 * The variant of a denied tool: allowed, at most LIMITS.variant, with every argument check the
 * definition allows (amount cap, no "..", no bulk flag) and its own reason parameter required.
 */
function variantOf(
  tool: Tool,
  parameters: TopParameter[],
  has: (id: string) => boolean,
  financial: boolean,
  what: string,
): ToolDecision {
  const guards = [
    financial || has('money') ? amountCap(parameters) : undefined,
    ...(has('path') ? pathGuards(parameters) : []),
    has('bulk') ? bulkFlag(parameters) : undefined,
  ].filter((g): g is Guard => g !== undefined);
  const requirement = reasonRequirement(parameters);
  const limits: RateLimit[] = [];
  const reasons = [`${what}, opened up by an operator: allowed, at most ${limitPhrase(LIMITS.variant)}.`];
  addLimit(limits, LIMITS.variant);
  signalLimits(limits, reasons, has);
  reasons.push(...guards.map((g) => g.reason));
  if (requirement) reasons.push(requirement.reason);
  return {
    tool: tool.name,
    access: 'allow',
    limits,
    guards,
    requires: requirement ? [requirement] : [],
    reasons,
  };
}

export function decide(tool: Tool, classification: Classification): ToolDecision {
  const { category, risk } = classification;
  const name = tool.name;
  const has = (id: string) => classification.signals.some((s) => s.id === id);
  const parameters = topParameters(tool);

  // Even a reviewed tool: a curator's verdict cannot make a hostile description safe to show an agent.
  if (has('poisoning')) {
    return {
      tool: name,
      access: 'hide',
      limits: [],
      guards: [],
      requires: [],
      reasons: ['Its definition carries tool-poisoning markers: hidden from the agent and every call refused.'],
      message: `${name} is hidden by policy: its definition carries tool-poisoning markers`,
    };
  }

  const deny = (what: string, effect: string): ToolDecision => ({
    tool: name,
    access: 'deny',
    limits: [],
    guards: [],
    requires: [],
    reasons: [`${what}: visible to the agent, every call refused. An operator who needs it can use the variant.`],
    message: `${name} ${effect}, so this policy refuses every call. An operator can allow it within limits (see the variant on its catalogue page).`,
    variant: variantOf(tool, parameters, has, category === 'financial', what),
  });

  switch (category) {
    case 'destructive':
      return deny('Destructive', 'deletes or overwrites what may not come back');
    case 'financial':
      return deny('Financial', 'can move money or commit spend');
    case 'execute':
      if (above(risk, 'high'))
        return deny(`Execute, raised to ${risk} risk`, 'runs code or commands and its definition contradicts itself');
  }

  const limits: RateLimit[] = [];
  const reasons: string[] = [];
  switch (category) {
    case 'read':
      if (above(risk, 'low')) {
        addLimit(limits, LIMITS.readRaised);
        reasons.push(`Read, raised to ${risk} risk: allowed, at most ${limitPhrase(LIMITS.readRaised)}.`);
      } else if (has('code')) {
        addLimit(limits, LIMITS.query);
        reasons.push(`Read, but it runs a query it is given: allowed, at most ${limitPhrase(LIMITS.query)}.`);
      } else {
        reasons.push('Read, low risk: allowed with no limit.');
      }
      break;
    case 'write': {
      const limit = above(risk, 'medium') ? LIMITS.writeRaised : LIMITS.write;
      addLimit(limits, limit);
      reasons.push(`Write, ${risk} risk: allowed, at most ${limitPhrase(limit)}.`);
      break;
    }
    case 'execute':
      addLimit(limits, LIMITS.execute);
      reasons.push(`Execute: allowed, at most ${limitPhrase(LIMITS.execute)}.`);
      break;
  }
  signalLimits(limits, reasons, has);
  const guards = has('path') ? pathGuards(parameters) : [];
  const flag = has('bulk') && category !== 'read' ? bulkFlag(parameters) : undefined;
  if (flag) guards.push(flag);
  reasons.push(...guards.map((g) => g.reason));
  return { tool: name, access: 'allow', limits, guards, requires: [], reasons };
}
