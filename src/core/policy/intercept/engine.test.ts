/** internal/engine/engine_test.go, ported, and the proxy's decision (handler.go) on top. */
import { describe, expect, test } from 'vitest';
import { emptyConfig, type Condition, type Config, type Rule } from './config.ts';
import { evalOp, evaluate, type StateResolver } from './engine.ts';
import { GoInt } from './go.ts';
import { evaluateCall, loadInterceptPolicy, type Counters } from './index.ts';

const int = (n: number) => new GoInt(BigInt(n));
const cond = (path: string, op: string, value: Condition['value']): Condition => ({ path, op, value });
const rule = (name: string, action: string, onDeny: string, ...conditions: Condition[]): Rule => ({
  name,
  action,
  rateLimit: '',
  conditions,
  onDeny,
  state: null,
});
const cfg = (tools: Record<string, Rule[]>, overrides: Partial<Config> = {}): Config => ({
  ...emptyConfig(),
  version: '1',
  tools: new Map(Object.entries(tools).map(([name, rules]) => [name, { rules }])),
  ...overrides,
});
/** mockStateResolver: only the paths it holds exist. */
const mock =
  (values: Record<string, unknown>): StateResolver =>
  (path) =>
    Object.hasOwn(values, path) ? { value: values[path], exists: true } : { value: undefined, exists: false };

describe('operators', () => {
  test.each<[string, unknown, unknown, boolean]>([
    ['string match', 'hello', 'hello', true],
    ['string mismatch', 'hello', 'world', false],
    ['int vs float64', int(50000), 50000, true],
    ['float64 vs int', 100, int(100), true],
    ['float mismatch', 1.1, 1.2, false],
    ['bool true', true, true, true],
    ['bool false match', false, false, true],
    ['bool mismatch', true, false, false],
    ['a number and its %v text', 1000000, '1e+06', true],
    ['a number and its JS text', 1000000, '1000000', false],
  ])('eq: %s', (_, actual, expected, want) => {
    expect(evalOp('eq', actual, expected)).toBe(want);
  });

  test('neq, in, not_in', () => {
    expect(evalOp('neq', 'a', 'b')).toBe(true);
    expect(evalOp('neq', 'a', 'a')).toBe(false);
    expect(evalOp('in', 'uk', ['us', 'uk', 'de'])).toBe(true);
    expect(evalOp('in', 'fr', ['us', 'uk', 'de'])).toBe(false);
    expect(evalOp('not_in', 'fr', ['us', 'uk'])).toBe(true);
    expect(evalOp('not_in', 'us', ['us', 'uk'])).toBe(false);
  });

  test.each<[string, unknown, unknown, boolean]>([
    ['lt', int(5), int(10), true],
    ['lt', int(10), int(10), false],
    ['lt', int(15), int(10), false],
    ['lte', int(5), int(10), true],
    ['lte', int(10), int(10), true],
    ['lte', int(15), int(10), false],
    ['gt', int(15), int(10), true],
    ['gt', int(10), int(10), false],
    ['gt', int(5), int(10), false],
    ['gte', int(15), int(10), true],
    ['gte', int(10), int(10), true],
    ['gte', int(5), int(10), false],
    ['lt', 1.5, 2.5, true],
    ['gte', int(100), int(50), true],
    ['lte', '5', int(10), false],
    ['lt', new GoInt(1n, 'uint64'), int(10), false],
  ])('%s(%o, %o) is %s', (op, a, b, want) => {
    expect(evalOp(op, a, b)).toBe(want);
  });

  test('regex is RE2 and unanchored', () => {
    expect(evalOp('regex', 'user@example.com', '^[^@]+@[^@]+\\.[^@]+$')).toBe(true);
    expect(evalOp('regex', 'not-an-email', '^[^@]+@[^@]+\\.[^@]+$')).toBe(false);
    expect(evalOp('regex', 'xaby', 'ab')).toBe(true);
    expect(evalOp('regex', 'anything', '^(?!x)')).toBe(false);
  });

  test('contains: substring of a string, element of a list, nothing else', () => {
    expect(evalOp('contains', 'hello world', 'world')).toBe(true);
    expect(evalOp('contains', 'hello world', 'mars')).toBe(false);
    expect(evalOp('contains', ['a', 'b', 'c'], 'b')).toBe(true);
    expect(evalOp('contains', ['a', 'b', 'c'], 'd')).toBe(false);
    expect(evalOp('contains', 42, '4')).toBe(false);
  });
});

describe('Engine.Evaluate', () => {
  test('exists: present, missing and null', () => {
    const present = cfg({ test: [rule('exists-true', 'evaluate', 'missing', cond('args.name', 'exists', true))] });
    expect(evaluate(present, 'test', { name: 'alice' }).allowed).toBe(true);
    expect(evaluate(present, 'test', {}).allowed).toBe(false);
    expect(evaluate(present, 'test', { name: null }).allowed).toBe(false);
    const absent = cfg({ test: [rule('exists-false', 'evaluate', 'unexpected', cond('args.name', 'exists', false))] });
    expect(evaluate(absent, 'test', {}).allowed).toBe(true);
    expect(evaluate(absent, 'test', { name: 'alice' }).allowed).toBe(false);
  });

  test('paths: nested, missing intermediate, non-map intermediate, top level', () => {
    const nested = cfg({
      send: [rule('check-email', 'evaluate', 'bad', cond('args.recipient.email', 'regex', '@example\\.com$'))],
    });
    expect(evaluate(nested, 'send', { recipient: { email: 'user@example.com' } }).allowed).toBe(true);
    const eq = cfg({ send: [rule('check', 'evaluate', 'missing', cond('args.recipient.email', 'eq', 'x'))] });
    expect(evaluate(eq, 'send', {}).allowed).toBe(false);
    expect(evaluate(eq, 'send', { recipient: 'not-a-map' }).allowed).toBe(false);
    const top = cfg({ pay: [rule('check-amount', 'evaluate', 'too much', cond('args.amount', 'lte', int(100)))] });
    expect(evaluate(top, 'pay', { amount: 50 }).allowed).toBe(true);
  });

  test('tool-specific rules, then the wildcard; an unmatched tool is allowed', () => {
    const c = cfg({
      tool_a: [rule('specific', 'evaluate', 'specific denied', cond('args.x', 'eq', 'good'))],
      '*': [rule('global', 'evaluate', 'global denied', cond('args.y', 'eq', 'ok'))],
    });
    expect(evaluate(c, 'tool_a', { x: 'good', y: 'ok' }).allowed).toBe(true);
    expect(evaluate(c, 'tool_a', { x: 'good', y: 'bad' })).toEqual({
      allowed: false,
      rule: 'global',
      message: 'global denied',
    });
    expect(evaluate(c, 'tool_a', { x: 'bad', y: 'ok' }).rule).toBe('specific');
    expect(evaluate(cfg({}), 'any_tool', {}).allowed).toBe(true);
  });

  test('all conditions of a rule must pass', () => {
    const c = cfg({
      pay: [
        rule(
          'check',
          'evaluate',
          'bad currency',
          cond('args.amount', 'lte', int(1000)),
          cond('args.currency', 'in', ['usd', 'eur']),
        ),
      ],
    });
    expect(evaluate(c, 'pay', { amount: 500, currency: 'usd' }).allowed).toBe(true);
    expect(evaluate(c, 'pay', { amount: 500, currency: 'gbp' }).message).toBe('bad currency');
    expect(evaluate(c, 'pay', { amount: 5000, currency: 'usd' }).allowed).toBe(false);
  });

  test('state conditions pass without a resolver and are read through one', () => {
    const c = cfg({
      pay: [
        rule(
          'check',
          'evaluate',
          'over limit',
          cond('args.amount', 'lte', int(1000)),
          cond('state.pay.daily_total', 'lte', 500),
        ),
      ],
    });
    expect(evaluate(c, 'pay', { amount: 500 }).allowed).toBe(true);
    expect(evaluate(c, 'pay', { amount: 5000 }).allowed).toBe(false);
    expect(evaluate(c, 'pay', { amount: 5 }, mock({ 'state.pay.daily_total': 100 })).allowed).toBe(true);
    expect(evaluate(c, 'pay', { amount: 5 }, mock({ 'state.pay.daily_total': 600 })).message).toBe('over limit');
    const exists = cfg({
      tool: [rule('check-exists', 'evaluate', 'no counter', cond('state.tool.counter', 'exists', true))],
    });
    expect(evaluate(exists, 'tool', {}, mock({ 'state.tool.counter': 5 })).allowed).toBe(true);
    expect(evaluate(exists, 'tool', {}, mock({})).allowed).toBe(false);
  });

  test('type mismatches fail the condition', () => {
    expect(
      evaluate(cfg({ tool: [rule('check', 'evaluate', 'e', cond('args.x', 'lte', int(100)))] }), 'tool', {
        x: 'not-a-number',
      }).allowed,
    ).toBe(false);
    expect(
      evaluate(cfg({ tool: [rule('check', 'evaluate', 'e', cond('args.x', 'regex', '\\d+'))] }), 'tool', { x: 42 })
        .allowed,
    ).toBe(false);
  });

  test('a deny rule denies, before later evaluate rules', () => {
    expect(
      evaluate(cfg({ dangerous: [rule('block-all', 'deny', 'tool is blocked')] }), 'dangerous', { any: 'arg' }),
    ).toEqual({
      allowed: false,
      rule: 'block-all',
      message: 'tool is blocked',
    });
    const c = cfg({
      tool: [rule('block', 'deny', 'blocked'), rule('check', 'evaluate', 'would deny', cond('args.x', 'eq', 'good'))],
    });
    expect(evaluate(c, 'tool', { x: 'good' }).rule).toBe('block');
  });

  test('default deny: unlisted tools are refused, the wildcard rescues none and still applies', () => {
    const c = cfg(
      { listed_tool: [], '*': [rule('global', 'evaluate', 'global denied', cond('args.safe', 'eq', true))] },
      { default: 'deny' },
    );
    expect(evaluate(c, 'unlisted_tool', { safe: true })).toEqual({
      allowed: false,
      rule: '(default deny)',
      message: 'Tool "unlisted_tool" is not permitted by policy',
    });
    expect(evaluate(c, 'listed_tool', { safe: false }).rule).toBe('global');
    expect(evaluate(c, 'listed_tool', { safe: true }).allowed).toBe(true);
    expect(evaluate(cfg({ listed_tool: [] }, { default: 'deny' }), 'listed_tool', {}).allowed).toBe(true);
  });

  test('hidden tools are refused, "*" hides everything, others are untouched', () => {
    expect(evaluate(cfg({}, { hide: ['secret_tool'] }), 'secret_tool', {})).toEqual({
      allowed: false,
      rule: '(hidden)',
      message: 'Tool "secret_tool" is hidden by policy',
    });
    expect(evaluate(cfg({}, { hide: ['*'] }), 'any', {}).allowed).toBe(false);
    expect(evaluate(cfg({}, { hide: ['secret_tool'] }), 'public_tool', {}).allowed).toBe(true);
  });
});

function policy(yaml: string): Config {
  const loaded = loadInterceptPolicy(yaml);
  if (!loaded.policy) throw new Error(loaded.errors.join('\n'));
  return loaded.policy;
}

/** Calls a tool `times` times in one window, carrying the counters as the store would. */
function callRepeatedly(p: Config, tool: string, args: Record<string, unknown>, times: number) {
  let counters: Counters = {};
  const verdicts = [];
  for (let i = 0; i < times; i++) {
    const verdict = evaluateCall(p, tool, args, counters);
    verdicts.push(verdict);
    for (const [key, amount] of Object.entries(verdict.reserved ?? {}))
      counters = { ...counters, [key]: (counters[key] ?? 0) + amount };
  }
  return verdicts;
}

describe('evaluateCall: what a client gets back from the proxy', () => {
  test('the 31st call in a minute under rate_limit 30/minute is refused', () => {
    const p = policy(
      'version: "1"\ntools:\n  search:\n    rules:\n      - name: per minute\n        rate_limit: 30/minute\n',
    );
    const verdicts = callRepeatedly(p, 'search', {}, 31);
    expect(verdicts.slice(0, 30).every((v) => v.allowed)).toBe(true);
    expect(verdicts[30]).toEqual({
      allowed: false,
      rule: 'per minute',
      message: 'Rate limit of 30 per minute reached. Try again later.',
    });
  });

  test('lt N lets N - 1 calls through: the counter must stay below N after this call', () => {
    const p = policy(
      'version: "1"\ntools:\n  pay:\n    rules:\n      - name: daily count\n        conditions: [{path: state.pay.n, op: lt, value: 3}]\n        on_deny: three a day\n        state: {counter: n, window: day}\n',
    );
    expect(evaluateCall(p, 'pay', {}, { 'pay.n': 1 })).toEqual({ allowed: true, reserved: { 'pay.n': 1 } });
    // The engine passes 2 < 3; the reservation refuses 2 + 1 > 3 - 1.
    expect(evaluateCall(p, 'pay', {}, { 'pay.n': 2 })).toEqual({
      allowed: false,
      rule: 'daily count',
      message: 'three a day',
    });
    expect(evaluate(p, 'pay', {}, () => ({ value: 3, exists: true })).allowed).toBe(false);
  });

  test('increment_from adds the argument; a call without it is an internal policy error', () => {
    const p = policy(
      'version: "1"\ntools:\n  charge:\n    rules:\n      - name: daily spend\n        conditions: [{path: state.charge.spend, op: lte, value: 1000}]\n        state: {counter: spend, window: day, increment_from: args.amount}\n',
    );
    expect(evaluateCall(p, 'charge', { amount: 600 }, { 'charge.spend': 300 })).toEqual({
      allowed: true,
      reserved: { 'charge.spend': 600 },
    });
    expect(evaluateCall(p, 'charge', { amount: 800 }, { 'charge.spend': 300 })).toEqual({
      allowed: false,
      rule: 'daily spend',
      message: 'Rate limit exceeded for daily spend',
    });
    expect(evaluateCall(p, 'charge', {})).toEqual({
      allowed: false,
      rule: 'daily spend',
      message: 'Internal policy error',
    });
  });

  test('an evaluate rule on an optional argument the call leaves out denies the call', () => {
    const p = policy(
      'version: "1"\ntools:\n  write_file:\n    rules:\n      - name: no parent segment\n        conditions: [{path: args.path, op: regex, value: "^[^.]*(\\\\.[^.]+)*\\\\.?$"}]\n        on_deny: no ..\n',
    );
    expect(evaluateCall(p, 'write_file', { path: 'a/b.txt' })).toEqual({ allowed: true });
    expect(evaluateCall(p, 'write_file', { path: 'a/../b' })).toEqual({
      allowed: false,
      rule: 'no parent segment',
      message: 'no ..',
    });
    expect(evaluateCall(p, 'write_file', {})).toEqual({ allowed: false, rule: 'no parent segment', message: 'no ..' });
  });

  test('a rule without on_deny is reported by name; a hidden tool says so', () => {
    const p = policy(
      'version: "1"\nhide: [secret]\ntools:\n  rm:\n    rules:\n      - name: never\n        action: deny\n',
    );
    expect(evaluateCall(p, 'rm', {})).toEqual({ allowed: false, rule: 'never', message: 'Denied by rule "never"' });
    expect(evaluateCall(p, 'secret', {})).toEqual({
      allowed: false,
      rule: '(hidden)',
      message: 'Tool "secret" is hidden by policy',
      hidden: true,
    });
  });

  test('the wildcard rate limit counts every tool under _global', () => {
    const p = policy('version: "1"\ntools:\n  "*":\n    rules:\n      - name: global\n        rate_limit: 2/minute\n');
    expect(evaluateCall(p, 'a', {}, { '_global._rate_minute': 1 })).toEqual({
      allowed: true,
      reserved: { '_global._rate_minute': 1 },
    });
    expect(evaluateCall(p, 'b', {}, { '_global._rate_minute': 2 }).allowed).toBe(false);
  });

  test('a dotted tool name rate limit is refused by validate, though the proxy would count it', () => {
    expect(
      loadInterceptPolicy(
        'version: "1"\ntools:\n  files.write:\n    rules:\n      - name: r\n        rate_limit: 1/minute\n',
      ).errors,
    ).toHaveLength(1);
  });
});
