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
import { plural } from '../text.ts';
import { bulkFlags, bulkLists, moneyGuards, pathGuards, reasonRequirement } from './guards.ts';

export { AMOUNT_CAP, capGuard, reasonRequirement } from './guards.ts';

/** The classifier's signal for a tool whose result carries secrets, tokens, passwords or keys. */
export const CREDENTIALS_SIGNAL = 'returns-credentials';

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

/** One test an argument must pass, in the operators both gateways share. */
export interface Check {
  readonly op: 'lte' | 'gte' | 'regex' | 'in' | 'exists';
  readonly value: ConditionValue;
}

/**
 * An argument check, written as what a call may send (docs/policies.md, "Guards fail closed"):
 * every check must hold, so a value the gateway cannot compare (a numeric string, a list, an
 * argument left out) fails it and the call is refused. PolicyLayer carries the checks under
 * `require`, Intercept as one `evaluate` rule; both refuse a call that leaves the argument out,
 * except for `exists: false`, which only an absent argument passes.
 */
export interface Guard {
  /** The recommendation's own kinds, then those a user sets in the policy builder. */
  kind:
    | 'amount-cap'
    | 'quantity-cap'
    | 'ceiling-cap'
    | 'currency'
    | 'path'
    | 'bulk-flag'
    | 'required-list'
    | 'allow-list'
    | 'maximum';
  parameter: string;
  /** Whether the schema requires the parameter: a check on an optional one makes the policy require it. */
  required: boolean;
  /** What the call may send: every check must hold. */
  allow: readonly Check[];
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
  /** The variant of a denied destructive or financial tool: at most 10 an hour and 20 a day. */
  variant: { window: 'hour', max: 10 },
  variantDay: { window: 'day', max: 20 },
  /** A tool that hands out secrets, tokens, passwords or keys: each call is a credential leaving the vault. */
  credentials: { window: 'hour', max: 30 },
} as const satisfies Record<string, RateLimit>;

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
  /** The schema's own bounds of a number, where it states them. */
  minimum?: number;
  maximum?: number;
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
        ...(typeof node.minimum === 'number' ? { minimum: node.minimum } : {}),
        ...(typeof node.maximum === 'number' ? { maximum: node.maximum } : {}),
      };
    });
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
  if (has(CREDENTIALS_SIGNAL)) {
    addLimit(limits, LIMITS.credentials);
    reasons.push(
      `Returns secrets, tokens, passwords or keys: at most ${limitPhrase(LIMITS.credentials)}. Each call puts a credential in the agent's context, where a prompt injection can make it repeat or send it on.`,
    );
  }
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
 * The variant of a denied tool: allowed, at most LIMITS.variant and LIMITS.variantDay, with every
 * argument check the definition allows (money caps, plain relative paths, no bulk flag or list)
 * and its own free-text reason parameter required. What it cannot bound, it says.
 */
function variantOf(
  tool: Tool,
  parameters: TopParameter[],
  has: (id: string) => boolean,
  financial: boolean,
  what: string,
): ToolDecision {
  const limits: RateLimit[] = [];
  addLimit(limits, LIMITS.variant);
  addLimit(limits, LIMITS.variantDay);
  const reasons = [
    `${what}, opened up by an operator: allowed, at most ${limitPhrase(LIMITS.variant)} and ${limitPhrase(LIMITS.variantDay)}.`,
  ];
  signalLimits(limits, reasons, has);
  const money = financial || has('money') ? moneyGuards(parameters, limits) : undefined;
  const paths = pathGuards(parameters, has('path'), true);
  const guards = dedupe([...(money?.guards ?? []), ...paths.guards, ...bulkFlags(parameters)]);
  const lists = bulkLists(parameters, guards);
  guards.push(...lists.guards);
  const requirement = reasonRequirement(parameters);
  if (money) reasons.push(...money.reasons);
  reasons.push(...guards.filter((g) => !money?.guards.includes(g)).map((g) => g.reason));
  reasons.push(...paths.unbounded, ...lists.unbounded);
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

/** One guard per parameter: the first (the money caps come first) wins. */
function dedupe(guards: Guard[]): Guard[] {
  const seen = new Set<string>();
  return guards.filter((g) => !seen.has(g.parameter) && seen.add(g.parameter));
}

/** What the rest of a tool's server says about it. */
export interface ServerContext {
  /**
   * Some tool of the server takes file-system paths (the `path` signal): the same check then
   * goes on every tool of it that takes the same kind of argument (`source`, `destination`, `key`).
   */
  takesPaths?: boolean;
}

export function decide(tool: Tool, classification: Classification, server: ServerContext = {}): ToolDecision {
  const { category } = classification;
  const name = tool.name;
  const has = (id: string) =>
    classification.signals.some((s) => s.id === id) || (id === 'path' && server.takesPaths === true);
  // A tool that hands out credentials is at least high risk, whatever else it does.
  const risk: Risk = has(CREDENTIALS_SIGNAL) && !above(classification.risk, 'medium') ? 'high' : classification.risk;
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
  const paths = pathGuards(parameters, has('path'), category !== 'read');
  const guards = dedupe([...paths.guards, ...(has('bulk') && category !== 'read' ? bulkFlags(parameters) : [])]);
  reasons.push(...guards.map((g) => g.reason), ...paths.unbounded);
  return { tool: name, access: 'allow', limits, guards, requires: [], reasons };
}
