/**
 * internal/config/validate.go, rule by rule and with its messages, so a user can match what we
 * report to what `intercept validate -c policy.yaml` prints.
 */
import { RE2JS } from 're2js';
import { parseRateLimit, VALID_WINDOWS, type Condition, type Config, type Rule, type StateDef } from './config.ts';
import { compareUtf8, GoInt, goQuote } from './go.ts';

const VALID_OPS = new Set(['eq', 'neq', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'regex', 'contains', 'exists']);
const NUMERIC_OPS = new Set(['lt', 'lte', 'gt', 'gte']);
const SLICE_OPS = new Set(['in', 'not_in']);

/** Validate: every schema and semantic error, in the order Go finds them (tools sorted by name). */
export function validate(config: Config): string[] {
  const errors: string[] = [];
  if (config.version !== '1') errors.push(`version must be "1", got ${goQuote(config.version)}`);
  if (config.default !== 'allow' && config.default !== 'deny')
    errors.push(`default must be "allow" or "deny", got ${goQuote(config.default)}`);
  errors.push(...validateHide(config.hide));

  for (const toolName of [...config.tools.keys()].sort(compareUtf8)) {
    const tool = config.tools.get(toolName)!;
    const countersSeen = new Map<string, number>();
    tool.rules.forEach((rule, i) => {
      if (!rule.state) return;
      const previous = countersSeen.get(rule.state.counter);
      if (previous !== undefined)
        errors.push(
          `tools.${toolName}.rules[${i}]: duplicate state counter ${goQuote(rule.state.counter)} (also used by rules[${previous}])`,
        );
      else countersSeen.set(rule.state.counter, i);
    });
    tool.rules.forEach((rule, i) => errors.push(...validateRule(`tools.${toolName}.rules[${i}]`, rule, config)));
  }
  return errors;
}

function validateRule(prefix: string, rule: Rule, config: Config): string[] {
  const errors: string[] = [];
  // A rate_limit still set here was not desugared: it conflicts with something or does not parse.
  if (rule.rateLimit !== '') {
    const parsed = parseRateLimit(rule.rateLimit);
    if ('error' in parsed) errors.push(`${prefix}: ${parsed.error}`);
    if (rule.conditions.length > 0 || rule.state)
      errors.push(
        `${prefix}: rate_limit cannot be combined with conditions or state; use separate rules or the full syntax instead`,
      );
    if (rule.action === 'deny') errors.push(`${prefix}: rate_limit cannot be used with action "deny"`);
    return errors;
  }
  if (rule.name === '') errors.push(`${prefix}: rule must have a name`);
  if (rule.action !== 'evaluate' && rule.action !== 'deny')
    errors.push(`${prefix}: action must be "evaluate" or "deny", got ${goQuote(rule.action)}`);
  if (rule.action === 'deny' && rule.conditions.length > 0)
    errors.push(`${prefix}: deny rules must not have conditions`);
  if (rule.action === 'evaluate' && rule.conditions.length === 0)
    errors.push(`${prefix}: evaluate rules must have at least one condition`);
  rule.conditions.forEach((c, j) => errors.push(...validateCondition(`${prefix}.conditions[${j}]`, c)));
  if (rule.state) errors.push(...validateState(prefix, rule.state));

  for (const c of rule.conditions) {
    if (!c.path.startsWith('state.')) continue;
    // strings.SplitN(path, ".", 3): the tool is what lies between the first two dots, so a
    // dotted tool name ("files.write") never finds its own state block.
    const parts = c.path.split('.');
    if (parts.length < 3) continue;
    const stateTool = parts[1]!;
    const counter = parts.slice(2).join('.');
    if (!hasMatchingStateBlock(config, stateTool, counter))
      errors.push(`${prefix}: condition references state.${stateTool}.${counter} but no matching state block found`);
  }
  return errors;
}

/** validateCondition: path prefix, known operator, and the value type each operator needs. */
export function validateCondition(prefix: string, c: Condition): string[] {
  const errors: string[] = [];
  if (!c.path.startsWith('args.') && !c.path.startsWith('state.'))
    errors.push(`${prefix}: path must start with "args." or "state.", got ${goQuote(c.path)}`);
  if (!VALID_OPS.has(c.op)) errors.push(`${prefix}: unknown operator ${goQuote(c.op)}`);
  if (SLICE_OPS.has(c.op) && !Array.isArray(c.value))
    errors.push(`${prefix}: operator ${goQuote(c.op)} requires a list value`);
  // isNumeric: int, int64, float32, float64; a uint64 (an integer beyond int64) is not.
  const numeric = typeof c.value === 'number' || (c.value instanceof GoInt && c.value.type === 'int');
  if (NUMERIC_OPS.has(c.op) && !numeric) errors.push(`${prefix}: operator ${goQuote(c.op)} requires a numeric value`);
  if (c.op === 'exists' && typeof c.value !== 'boolean')
    errors.push(`${prefix}: operator "exists" requires a boolean value`);
  if (c.op === 'regex') {
    if (typeof c.value !== 'string') errors.push(`${prefix}: regex value must be a string`);
    else {
      const problem = compileError(c.value);
      if (problem) errors.push(`${prefix}: invalid regex ${goQuote(c.value)}: ${problem}`);
    }
  }
  return errors;
}

/** validateState: counter, window and increment_from. */
export function validateState(prefix: string, state: StateDef): string[] {
  const errors: string[] = [];
  if (state.counter === '') errors.push(`${prefix}.state: counter must not be empty`);
  if (!VALID_WINDOWS.has(state.window))
    errors.push(`${prefix}.state: window must be "minute", "hour", or "day", got ${goQuote(state.window)}`);
  if (state.incrementFrom !== '' && !state.incrementFrom.startsWith('args.'))
    errors.push(`${prefix}.state: increment_from must start with "args.", got ${goQuote(state.incrementFrom)}`);
  return errors;
}

function hasMatchingStateBlock(config: Config, toolName: string, counter: string): boolean {
  // The wildcard's counters live under "_global" in state paths but under "*" in the file.
  const tool = config.tools.get(toolName) ?? (toolName === '_global' ? config.tools.get('*') : undefined);
  return tool?.rules.some((r) => r.state?.counter === counter) ?? false;
}

/** A string strings.TrimSpace empties: unicode.IsSpace, which (unlike JS `\s`) excludes U+FEFF and includes NEL. */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

function validateHide(hide: readonly string[]): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  hide.forEach((name, i) => {
    if (GO_SPACE.test(name)) {
      errors.push(`hide[${i}]: entry must not be empty`);
      return;
    }
    if (seen.has(name)) errors.push(`hide: duplicate entry ${goQuote(name)}`);
    else seen.add(name);
  });
  return errors;
}

const compiled = new Map<string, RE2JS | string>();

/** regexp.Compile through RE2JS (a port of RE2 and Go's regexp/syntax): the error text, or undefined. */
export function compileError(pattern: string): string | undefined {
  const r = compileRegexp(pattern);
  return typeof r === 'string' ? r : undefined;
}

/** The compiled pattern, or Go's error text ("error parsing regexp: …"). Cached, like Intercept's regexCache. */
export function compileRegexp(pattern: string): RE2JS | string {
  let r = compiled.get(pattern);
  if (r === undefined) {
    try {
      r = RE2JS.compile(pattern);
    } catch (error) {
      r = (error as Error).message;
    }
    compiled.set(pattern, r);
  }
  return r;
}
