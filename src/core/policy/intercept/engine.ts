/**
 * internal/engine (engine.go, operators.go, resolve.go) and the part of internal/proxy/handler.go
 * that decides a call: the engine's verdict, then the counter reservations of stateful rules.
 */
import type { Condition, Config, Rule, StateDef } from './config.ts';
import { formatV, GoInt, goQuote as goQuoted, stringMapGet, toFloat64 } from './go.ts';
import { compileRegexp } from './validate.ts';

export interface Decision {
  allowed: boolean;
  rule: string;
  message: string;
}

/**
 * A StateResolver: the current value of `state.<scope>.<counter>`. Intercept's stores answer
 * (0, exists) for a counter never written or from an earlier window.
 */
export type StateResolver = (path: string) => { value: unknown; exists: boolean };

/** Engine.Evaluate. Without a resolver, state conditions pass (engine.New with a nil resolver). */
export function evaluate(config: Config, name: string, args: unknown, state?: StateResolver): Decision {
  for (const hidden of config.hide)
    if (hidden === name || hidden === '*')
      return { allowed: false, rule: '(hidden)', message: `Tool ${goQuoted(name)} is hidden by policy` };
  if (config.default === 'deny' && !config.tools.has(name))
    return { allowed: false, rule: '(default deny)', message: `Tool ${goQuoted(name)} is not permitted by policy` };
  for (const r of matchingRules(config, name)) {
    if (r.action === 'deny') return { allowed: false, rule: r.name, message: r.onDeny };
    if (r.action === 'evaluate' && !r.conditions.every((c) => evaluateCondition(args, c, state)))
      return { allowed: false, rule: r.name, message: r.onDeny };
  }
  return { allowed: true, rule: '', message: '' };
}

/** Tool-specific rules, then the wildcard's (unless the tool is literally named "*"). */
function matchingRules(config: Config, name: string): Rule[] {
  const rules = [...(config.tools.get(name)?.rules ?? [])];
  if (name !== '*') rules.push(...(config.tools.get('*')?.rules ?? []));
  return rules;
}

function evaluateCondition(args: unknown, c: Condition, state: StateResolver | undefined): boolean {
  if (c.path.startsWith('state.') && !state) return true;
  const { value, exists } = resolvePath(args, c.path, state);
  if (c.op === 'exists') {
    if (typeof c.value !== 'boolean') return false;
    return (exists && value !== null && value !== undefined) === c.value;
  }
  // A path the call does not send fails the condition, whatever the operator.
  if (!exists) return false;
  return evalOp(c.op, value, c.value);
}

function resolvePath(
  args: unknown,
  path: string,
  state: StateResolver | undefined,
): { value: unknown; exists: boolean } {
  if (path.startsWith('args.')) return resolveArgs(args, path.slice('args.'.length));
  if (path.startsWith('state.') && state) return state(path);
  return { value: undefined, exists: false };
}

/** ResolveArgs: walks a dotted path through nested objects; any missing segment means absent. */
export function resolveArgs(args: unknown, path: string): { value: unknown; exists: boolean } {
  let current = args;
  for (const part of path.split('.')) {
    const next = stringMapGet(current, part);
    if (!next.found) return { value: undefined, exists: false };
    current = next.value;
  }
  return { value: current, exists: true };
}

/** evalOp: the operators of operators.go. */
export function evalOp(op: string, actual: unknown, expected: unknown): boolean {
  switch (op) {
    case 'eq':
      return evalEq(actual, expected);
    case 'neq':
      return !evalEq(actual, expected);
    case 'in':
      return evalIn(actual, expected);
    case 'not_in':
      return !evalIn(actual, expected);
    case 'lt':
      return numericCmp(actual, expected, (a, b) => a < b);
    case 'lte':
      return numericCmp(actual, expected, (a, b) => a <= b);
    case 'gt':
      return numericCmp(actual, expected, (a, b) => a > b);
    case 'gte':
      return numericCmp(actual, expected, (a, b) => a >= b);
    case 'regex':
      return evalRegex(actual, expected);
    case 'contains':
      return evalContains(actual, expected);
    default:
      return false;
  }
}

/** Numbers compare as float64; anything else compares by its `%v` text (so "5" eq 5 is true). */
function evalEq(actual: unknown, expected: unknown): boolean {
  const a = toFloat64(actual);
  const e = toFloat64(expected);
  if (a !== undefined && e !== undefined) return a === e;
  return formatV(actual) === formatV(expected);
}

function evalIn(actual: unknown, expected: unknown): boolean {
  return Array.isArray(expected) && expected.some((item) => evalEq(actual, item));
}

function numericCmp(actual: unknown, expected: unknown, cmp: (a: number, b: number) => boolean): boolean {
  const a = toFloat64(actual);
  const e = toFloat64(expected);
  return a !== undefined && e !== undefined && cmp(a, e);
}

/** regexp.MatchString: unanchored, RE2; a pattern that does not compile never matches. */
function evalRegex(actual: unknown, expected: unknown): boolean {
  if (typeof actual !== 'string' || typeof expected !== 'string') return false;
  const re = compileRegexp(expected);
  return typeof re !== 'string' && re.test(actual);
}

function evalContains(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string') return typeof expected === 'string' && actual.includes(expected);
  return Array.isArray(actual) && actual.some((item) => evalEq(item, expected));
}

// ---------------------------------------------------------------------------------------------
// The proxy's handler: what a client sees for one tools/call

/** Counter values for the current windows, keyed `<scope>.<counter>` as Intercept's stores key them. */
export type Counters = Readonly<Record<string, number>>;

export interface CallVerdict {
  allowed: boolean;
  /** The rule that refused the call: "(hidden)", "(default deny)", a rule name. */
  rule?: string;
  /** The text the client receives. */
  message?: string;
  hidden?: boolean;
  /** Counters an allowed call adds to (key → amount), to carry into the next call's counters. */
  reserved?: Record<string, number>;
}

/**
 * Handler.Handle without the transport: the engine with a state store holding `counters`, then
 * the reservation of every stateful rule's counter (its own `lt`/`lte` condition is the limit).
 * A call the engine lets through can still be refused there: a rate limit of 30 lets the 30th
 * call pass the engine's `lte 30` (the counter reads 29) and the reservation; the 31st passes
 * the engine (30 ≤ 30) and fails the reservation (30 + 1 > 30).
 */
export function handleCall(config: Config, name: string, args: unknown, counters: Counters = {}): CallVerdict {
  const resolver: StateResolver = (path) => {
    const key = path.slice('state.'.length);
    return { value: new GoInt(BigInt(Math.trunc(counters[key] ?? 0))), exists: true };
  };
  const decision = evaluate(config, name, args, resolver);
  if (!decision.allowed)
    return {
      allowed: false,
      rule: decision.rule,
      message: decision.message || `Denied by rule ${goQuoted(decision.rule)}`,
      ...(decision.rule === '(hidden)' ? { hidden: true } : {}),
    };
  const reserved: Record<string, number> = {};
  for (const { rule, scope } of statefulRules(config, name)) {
    const state = rule.state!;
    const key = `${scope}.${state.counter}`;
    const amount = increment(state, args);
    // A failed increment_from lookup is an internal error; Intercept refuses the call.
    if (amount === undefined) return { allowed: false, rule: rule.name, message: 'Internal policy error' };
    const limit = extractLimit(rule, scope);
    if (limit === undefined) continue;
    // Reservations are made one by one and all rolled back when one is refused.
    const current = (counters[key] ?? 0) + (reserved[key] ?? 0);
    if (current + amount > limit)
      return { allowed: false, rule: rule.name, message: rule.onDeny || `Rate limit exceeded for ${rule.name}` };
    reserved[key] = (reserved[key] ?? 0) + amount;
  }
  return Object.keys(reserved).length > 0 ? { allowed: true, reserved } : { allowed: true };
}

/** collectStatefulRules: the tool's rules with a state block, then the wildcard's (scope "_global"). */
function statefulRules(config: Config, name: string): { rule: Rule; scope: string }[] {
  return [
    ...(config.tools.get(name)?.rules ?? []).filter((r) => r.state).map((rule) => ({ rule, scope: name })),
    ...(config.tools.get('*')?.rules ?? []).filter((r) => r.state).map((rule) => ({ rule, scope: '_global' })),
  ];
}

/** resolveIncrement: the static increment, or the argument increment_from names, truncated to int64. */
function increment(state: StateDef, args: unknown): number | undefined {
  if (state.incrementFrom === '') return state.increment;
  const { value, exists } = resolveArgs(args, state.incrementFrom.replace(/^args\./, ''));
  if (!exists) return undefined;
  const n = toFloat64(value);
  return n === undefined ? undefined : Math.trunc(n);
}

/** extractLimit: the rule's own `lt` (limit - 1) or `lte` condition on its counter. */
function extractLimit(rule: Rule, scope: string): number | undefined {
  const path = `state.${scope}.${rule.state!.counter}`;
  for (const c of rule.conditions) {
    if (c.path !== path) continue;
    const n = toFloat64(c.value);
    if (n === undefined) continue;
    if (c.op === 'lt') return Math.trunc(n) - 1;
    if (c.op === 'lte') return Math.trunc(n);
  }
  return undefined;
}
