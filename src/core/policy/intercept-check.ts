/**
 * The checks `intercept validate -c policy.yaml` makes (PolicyLayer/Intercept,
 * `internal/config/validate.go` and POLICY.md), so every Intercept policy the site
 * recommends is proven to load there. Returns every error, like the original.
 */
import { parse } from 'yaml';

const OPS = new Set(['eq', 'neq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'regex', 'contains', 'exists']);
const NUMERIC = new Set(['lt', 'lte', 'gt', 'gte']);
const WINDOWS = new Set(['minute', 'hour', 'day']);
/** Go's regexp is RE2: no look-around, no back-references. */
const NOT_RE2 = /\(\?[=!]|\(\?<[=!]|\\[1-9]/;

type Rule = Record<string, unknown>;

export function checkInterceptYaml(text: string): string[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    return [`not YAML: ${(error as Error).message}`];
  }
  return checkIntercept(doc);
}

export function checkIntercept(doc: unknown): string[] {
  const errors: string[] = [];
  const policy = (doc ?? {}) as Record<string, unknown>;
  if (policy.version !== '1') errors.push(`version must be "1", got ${JSON.stringify(policy.version)}`);
  if (policy.default !== undefined && policy.default !== 'allow' && policy.default !== 'deny') {
    errors.push(`default must be "allow" or "deny", got ${JSON.stringify(policy.default)}`);
  }
  const hide = policy.hide ?? [];
  if (!Array.isArray(hide)) errors.push('hide must be a list');
  else {
    const seen = new Set<string>();
    hide.forEach((h, i) => {
      if (typeof h !== 'string' || h.trim() === '') errors.push(`hide[${i}]: entry must not be empty`);
      else if (seen.has(h)) errors.push(`hide: duplicate entry ${JSON.stringify(h)}`);
      else seen.add(h);
    });
  }
  const tools = policy.tools;
  if (!tools || typeof tools !== 'object' || Array.isArray(tools)) {
    errors.push('tools is required and must be a map');
    return errors;
  }
  for (const [tool, entry] of Object.entries(tools as Record<string, unknown>)) {
    const rules = (entry as { rules?: unknown })?.rules;
    if (!Array.isArray(rules)) {
      errors.push(`tools.${tool}: rules must be a list`);
      continue;
    }
    const windows = new Map<string, number>();
    const counters = new Map<string, number>();
    rules.forEach((raw, i) => {
      const rule = (raw ?? {}) as Rule;
      const prefix = `tools.${tool}.rules[${i}]`;
      const conditions = Array.isArray(rule.conditions) ? rule.conditions : [];
      if (typeof rule.rate_limit === 'string') {
        const m = /^([1-9]\d*)\/(minute|hour|day)$/.exec(rule.rate_limit);
        if (!m) errors.push(`${prefix}: invalid rate_limit ${JSON.stringify(rule.rate_limit)}`);
        else if (windows.has(m[2]!))
          errors.push(`${prefix}: duplicate state counter "_rate_${m[2]}" (also used by rules[${windows.get(m[2]!)}])`);
        else windows.set(m[2]!, i);
        if (conditions.length > 0 || rule.state)
          errors.push(`${prefix}: rate_limit cannot be combined with conditions or state`);
        if (rule.action === 'deny') errors.push(`${prefix}: rate_limit cannot be used with action "deny"`);
        return;
      }
      if (typeof rule.name !== 'string' || rule.name === '') errors.push(`${prefix}: rule must have a name`);
      const action = rule.action ?? 'evaluate';
      if (action !== 'evaluate' && action !== 'deny')
        errors.push(`${prefix}: action must be "evaluate" or "deny", got ${JSON.stringify(action)}`);
      if (action === 'deny' && conditions.length > 0) errors.push(`${prefix}: deny rules must not have conditions`);
      if (action === 'evaluate' && conditions.length === 0)
        errors.push(`${prefix}: evaluate rules must have at least one condition`);
      conditions.forEach((c, j) => errors.push(...checkCondition(`${prefix}.conditions[${j}]`, (c ?? {}) as Rule)));
      const state = rule.state as Rule | undefined;
      if (state) {
        const counter = state.counter;
        if (typeof counter !== 'string' || counter === '') errors.push(`${prefix}.state: counter must not be empty`);
        else if (counters.has(counter)) errors.push(`${prefix}: duplicate state counter ${JSON.stringify(counter)}`);
        else counters.set(counter, i);
        if (!WINDOWS.has(String(state.window)))
          errors.push(`${prefix}.state: window must be "minute", "hour", or "day"`);
      }
    });
  }
  return errors;
}

function checkCondition(prefix: string, c: Rule): string[] {
  const errors: string[] = [];
  const path = String(c.path ?? '');
  if (!path.startsWith('args.') && !path.startsWith('state.'))
    errors.push(`${prefix}: path must start with "args." or "state.", got ${JSON.stringify(path)}`);
  const op = String(c.op ?? '');
  if (!OPS.has(op)) errors.push(`${prefix}: unknown operator ${JSON.stringify(op)}`);
  if ((op === 'in' || op === 'not_in') && !Array.isArray(c.value))
    errors.push(`${prefix}: operator "${op}" requires a list value`);
  if (NUMERIC.has(op) && typeof c.value !== 'number')
    errors.push(`${prefix}: operator "${op}" requires a numeric value`);
  if (op === 'exists' && typeof c.value !== 'boolean')
    errors.push(`${prefix}: operator "exists" requires a boolean value`);
  if (op === 'regex') {
    if (typeof c.value !== 'string') errors.push(`${prefix}: regex value must be a string`);
    else if (NOT_RE2.test(c.value))
      errors.push(`${prefix}: invalid regex ${JSON.stringify(c.value)}: not supported by Go's RE2`);
    else {
      try {
        new RegExp(c.value);
      } catch (error) {
        errors.push(`${prefix}: invalid regex ${JSON.stringify(c.value)}: ${(error as Error).message}`);
      }
    }
  }
  return errors;
}
