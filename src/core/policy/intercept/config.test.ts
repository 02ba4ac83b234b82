/** internal/config/config_test.go, ported: the same fixtures, verdicts and messages. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { applyDefaults, emptyConfig, load, parseRateLimit, type Condition, type Config, type Rule } from './config.ts';
import { GoInt } from './go.ts';
import { checkInterceptYaml, loadInterceptPolicy } from './index.ts';
import { validate, validateCondition, validateState } from './validate.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/intercept/cases/${name}.yaml`, import.meta.url));

function loaded(name: string): Config {
  const result = load(fixture(name));
  if ('error' in result) throw new Error(result.error);
  return result.config;
}

const rule = (overrides: Partial<Rule>): Rule => ({
  name: '',
  action: '',
  rateLimit: '',
  conditions: [],
  onDeny: '',
  state: null,
  ...overrides,
});

const config = (tools: Record<string, Rule[]>, overrides: Partial<Config> = {}): Config => ({
  ...emptyConfig(),
  version: '1',
  tools: new Map(Object.entries(tools).map(([name, rules]) => [name, { rules }])),
  ...overrides,
});

describe('loading a typical policy (test/intercept/cases/typical-policy.yaml)', () => {
  const cfg = loaded('typical-policy');

  test('reads version, description and the five tools', () => {
    expect(cfg.version).toBe('1');
    expect(cfg.description).toBe('Help desk policy');
    expect([...cfg.tools.keys()].sort()).toEqual([
      '*',
      'issue_credit',
      'open_ticket',
      'purge_requester',
      'reopen_ticket',
    ]);
  });

  test('reads the rules, their conditions and the state block', () => {
    const rules = cfg.tools.get('issue_credit')!.rules;
    expect(rules).toHaveLength(3);
    expect(rules[0]).toMatchObject({ name: 'single credit cap', action: 'evaluate' });
    expect(rules[0]!.conditions).toEqual([{ path: 'args.cents', op: 'lte', value: new GoInt(25000n) }]);
    expect(rules[1]!.state).toEqual({
      counter: 'credited_today',
      window: 'day',
      increment: 1,
      incrementFrom: 'args.cents',
    });
  });

  test('reads the wildcard rule and the deny action', () => {
    expect(cfg.tools.get('*')!.rules.map((r) => r.name)).toEqual(['calls per minute']);
    expect(cfg.tools.get('purge_requester')!.rules[0]!.action).toBe('deny');
  });

  test('defaults: action evaluate, increment 1, default allow', () => {
    expect(cfg.tools.get('issue_credit')!.rules[0]!.action).toBe('evaluate');
    expect(cfg.tools.get('reopen_ticket')!.rules[1]!.state!.increment).toBe(1);
    expect(cfg.default).toBe('allow');
  });

  test('desugars rate_limit into a condition and a state block, keeping its on_deny', () => {
    expect(cfg.tools.get('open_ticket')!.rules).toEqual([
      {
        name: 'tickets per hour',
        action: 'evaluate',
        rateLimit: '',
        conditions: [{ path: 'state.open_ticket._rate_hour', op: 'lte', value: new GoInt(8n) }],
        onDeny: 'No more than 8 new tickets an hour',
        state: { counter: '_rate_hour', window: 'hour', increment: 1, incrementFrom: '' },
      },
    ]);
  });

  test('validates without errors', () => {
    expect(validate(cfg)).toEqual([]);
  });
});

test('a quote and a list left open do not load', () => {
  expect(load(fixture('unclosed-quote-and-list'))).toEqual({
    error: expect.stringMatching(/^parsing config file: yaml: /),
  });
});

test('default deny with listed tools stays default deny and validates', () => {
  const cfg = loaded('default-deny-listed');
  expect(cfg.default).toBe('deny');
  expect(validate(cfg)).toEqual([]);
});

test('one broken rule per check: every check config_test.go names fails', () => {
  const all = validate(loaded('every-validation-error')).join('\n');
  for (const check of [
    'version must be',
    'rule must have a name',
    'unknown operator',
    'path must start with',
    'requires a list value',
    'requires a numeric value',
    'invalid regex',
    'deny rules must not have conditions',
    'evaluate rules must have at least one condition',
    'rate_limit count must be a positive integer',
    'rate_limit cannot be combined with conditions or state',
    'rate_limit window must be',
    'rate_limit cannot be used with action "deny"',
  ])
    expect(all).toContain(check);
});

describe('validateCondition', () => {
  test.each<[string, Condition, string | undefined]>([
    ['valid eq', { path: 'args.x', op: 'eq', value: 'test' }, undefined],
    ['unknown op', { path: 'args.x', op: 'bad_op', value: 'test' }, 'unknown operator'],
    ['in with non-slice', { path: 'args.x', op: 'in', value: 'not_a_list' }, 'requires a list value'],
    ['in with slice', { path: 'args.x', op: 'in', value: ['a', 'b'] }, undefined],
    ['lt with string', { path: 'args.x', op: 'lt', value: 'nope' }, 'requires a numeric value'],
    ['lt with int', { path: 'args.x', op: 'lt', value: new GoInt(42n) }, undefined],
    ['regex valid', { path: 'args.x', op: 'regex', value: '^foo.*$' }, undefined],
    ['regex invalid', { path: 'args.x', op: 'regex', value: '[invalid(' }, 'invalid regex'],
    ['bad path prefix', { path: 'foo.bar', op: 'eq', value: 'x' }, 'path must start with'],
  ])('%s', (_, condition, message) => {
    const errors = validateCondition('test', condition);
    if (message) expect(errors.join('\n')).toContain(message);
    else expect(errors).toEqual([]);
  });
});

describe('parseRateLimit', () => {
  test.each([
    ['5/hour', 5, 'hour'],
    ['10/day', 10, 'day'],
    ['100/minute', 100, 'minute'],
    ['1/hour', 1, 'hour'],
  ])('%s is %i per %s', (input, count, window) => {
    expect(parseRateLimit(input)).toEqual({ count, window });
  });

  test.each(['five/hour', '0/hour', '-1/hour', '5/week', '5', '', '5/'])('%j is refused', (input) => {
    expect(parseRateLimit(input)).toHaveProperty('error');
  });
});

describe('applyDefaults and Validate on hand-built configs', () => {
  test('a rate limit without on_deny gets the generated message', () => {
    const cfg = config({ some_tool: [rule({ name: 'limit', rateLimit: '3/day' })] });
    applyDefaults(cfg);
    expect(cfg.tools.get('some_tool')!.rules[0]!.onDeny).toBe('Rate limit of 3 per day reached. Try again later.');
  });

  test('the wildcard rate limit counts under _global', () => {
    const cfg = config({ '*': [rule({ name: 'global limit', rateLimit: '60/minute' })] });
    applyDefaults(cfg);
    expect(cfg.tools.get('*')!.rules[0]!.conditions[0]!.path).toBe('state._global._rate_minute');
  });

  test('two rate limits in one window share a counter: duplicate state counter', () => {
    const cfg = config({
      some_tool: [rule({ name: 'limit1', rateLimit: '5/hour' }), rule({ name: 'limit2', rateLimit: '10/hour' })],
    });
    applyDefaults(cfg);
    expect(validate(cfg)).toEqual([
      'tools.some_tool.rules[1]: duplicate state counter "_rate_hour" (also used by rules[0])',
    ]);
  });

  test('an invalid default is reported', () => {
    expect(validate(config({}, { default: 'block' }))).toEqual(['default must be "allow" or "deny", got "block"']);
  });

  test.each([
    ['minute', []],
    ['hour', []],
    ['day', []],
    ['week', ['test.state: window must be "minute", "hour", or "day", got "week"']],
    ['', ['test.state: window must be "minute", "hour", or "day", got ""']],
  ])('state window %j', (window, errors) => {
    expect(validateState('test', { counter: 'c', window, increment: 0, incrementFrom: '' })).toEqual(errors);
  });

  test.each([
    [['tool_a', 'tool_b', 'tool_a'], ['hide: duplicate entry "tool_a"']],
    [['tool_a', ''], ['hide[1]: entry must not be empty']],
    [['tool_a', 'tool_b'], []],
  ])('hide %j', (hide, errors) => {
    expect(validate(config({}, { default: 'allow', hide }))).toEqual(errors);
  });
});

describe('rules the hand-written check missed', () => {
  test('a dotted tool name cannot carry a rate limit: the state path splits at the first dot', () => {
    const yaml =
      'version: "1"\ndefault: deny\ntools:\n  files.write:\n    rules:\n      - name: rate\n        rate_limit: 30/minute\n';
    expect(checkInterceptYaml(yaml)).toEqual([
      'tools.files.write.rules[0]: condition references state.files.write._rate_minute but no matching state block found',
    ]);
  });

  test('a state condition needs a state block with that counter on that tool', () => {
    const yaml =
      'version: "1"\ntools:\n  t:\n    rules:\n      - name: x\n        conditions:\n          - {path: state.t.calls, op: lt, value: 5}\n';
    expect(checkInterceptYaml(yaml)).toEqual([
      'tools.t.rules[0]: condition references state.t.calls but no matching state block found',
    ]);
  });

  test.each([
    ['^(?!x)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?!`'],
    ['(?<!a)b', 'error parsing regexp: invalid named capture: `(?<!a)b`'],
    ['(a)\\1', 'error parsing regexp: invalid escape sequence: `\\1`'],
    ['\\Z', 'error parsing regexp: invalid escape sequence: `\\Z`'],
  ])('the regex %j is not RE2', (pattern, message) => {
    expect(validateCondition('c', { path: 'args.a', op: 'regex', value: pattern })).toEqual([
      `c: invalid regex ${JSON.stringify(pattern)}: ${message}`,
    ]);
  });

  test.each(['^[^.]*(\\.[^.]+)*\\.?$', '(?i)^abc\\z', '\\pL+', '(?P<n>a)|(?<m>b)', '[[:alpha:]]'])(
    'the RE2 regex %j is accepted',
    (pattern) => {
      expect(validateCondition('c', { path: 'args.a', op: 'regex', value: pattern })).toEqual([]);
    },
  );

  test('a string field takes any scalar as its text; unknown keys are ignored', () => {
    const yaml =
      'version: 1\ndescription: 0x10\nsurprise: true\ntools:\n  t:\n    rules:\n      - name: yes\n        action: deny\n        on_deny: 1e3\n';
    const { policy } = loadInterceptPolicy(yaml);
    expect(policy?.description).toBe('0x10');
    expect(policy?.tools.get('t')?.rules[0]).toMatchObject({ name: 'yes', onDeny: '1e3' });
  });

  test('version 1.0 is the string "1.0", not "1"', () => {
    expect(checkInterceptYaml('version: 1.0\ntools: {}\n')).toEqual(['version must be "1", got "1.0"']);
  });
});
