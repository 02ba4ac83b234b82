/**
 * Every policy the site emits, loaded into the gateways that read it: Intercept through the port
 * of its own validator and engine (./intercept), PolicyLayer through its documented semantics
 * (policylayer.com/docs/writing-policies: hide, default, require, deny_if). Over the bundled
 * sample and the hostile fixtures (with their policy edge cases: YAML-looking and dotted names,
 * control characters, optional bulk flags), each tool is called as an agent would call it with
 * only its required arguments (and the reason a variant asks for): the two gateways must agree
 * with the recommendation.
 */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Condition, Policy } from '../../schemas/policy.ts';
import type { Tool } from '../../schemas/tool.ts';
import {
  analyseCatalogue,
  serverPolicyTexts,
  toolPolicyTexts,
  toolVariantTexts,
  type AnalysedServer,
} from '../analyse.ts';
import { loadCatalogue } from '../../build/catalogue-files.ts';
import type { Guard, ToolDecision } from './decision.ts';
import { interceptCanCount } from './formats.ts';
import { DECIMAL_BELOW_ONE } from './guards.ts';
import { checkInterceptYaml, evaluateCall, loadInterceptPolicy, type InterceptConfig } from './intercept/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const catalogues = [
  ['the bundled sample', resolve(ROOT, 'content/servers')],
  ['the hostile fixtures', resolve(ROOT, 'test/catalogues/hostile')],
  ['an unseen realistic catalogue', resolve(ROOT, 'test/catalogues/guards')],
] as const;

type Model = 'coercing' | 'strict';

/**
 * A condition as PolicyLayer's docs describe it; an argument the call leaves out fails it, as in
 * Intercept. How PolicyLayer compares a numeric string with a number is not documented, so every
 * attack is run against two models: `coercing` (JavaScript's `<=`, where "100" <= 10000) and
 * `strict` (only a number compares). A guard written in allowing form must refuse under both.
 */
function holds(c: Condition, args: Record<string, unknown>, model: Model = 'coercing'): boolean {
  const key = c.path.slice('args.'.length);
  const present = Object.hasOwn(args, key) && args[key] !== null && args[key] !== undefined;
  if (c.op === 'exists') return present === c.value;
  if (!present) return false;
  const v = args[key];
  const numeric = (cmp: (a: number, b: number) => boolean) =>
    model === 'strict' && typeof v !== 'number' ? false : cmp(v as number, c.value as number);
  switch (c.op) {
    case 'eq':
      return v === c.value;
    case 'neq':
      return v !== c.value;
    case 'in':
      return (c.value as unknown[]).includes(v);
    case 'not_in':
      return !(c.value as unknown[]).includes(v);
    case 'lt':
      return numeric((a, b) => a < b);
    case 'lte':
      return numeric((a, b) => a <= b);
    case 'gt':
      return numeric((a, b) => a > b);
    case 'gte':
      return numeric((a, b) => a >= b);
    case 'contains':
      return String(v).includes(String(c.value));
    case 'regex':
      return new RegExp(String(c.value)).test(String(v));
  }
}

function policyLayerAllows(
  policy: Policy,
  tool: string,
  args: Record<string, unknown>,
  model: Model = 'coercing',
): boolean {
  if (policy.hide?.some((h) => h === tool || h === '*')) return false;
  const entry = policy.tools?.[tool];
  if (!entry) return policy.default === 'allow';
  if (!(entry.require ?? []).every((c) => holds(c, args, model))) return false;
  return !(entry.deny_if ?? []).some((rule) => rule.conditions.every((c) => holds(c, args, model)));
}

/** What an agent sends for each required argument: a harmless value of its type. */
function requiredArguments(tool: Tool): Record<string, unknown> {
  const required = tool.inputSchema.required ?? [];
  const properties = tool.inputSchema.properties ?? {};
  return Object.fromEntries(
    required.map((name) => {
      const schema = properties[name];
      const type = typeof schema === 'object' && typeof schema.type === 'string' ? schema.type : 'string';
      const value =
        { number: 1, integer: 1, boolean: false, array: [], object: {}, null: null }[type] ?? 'docs/notes.txt';
      return [name, value];
    }),
  );
}

/** A value each guard lets through: within every cap, a plain path, an allowed currency; undefined to leave it out. */
function goodValue(g: Guard): unknown {
  const first = g.allow[0]!;
  switch (first.op) {
    case 'lte':
      return first.value;
    case 'gte':
      return first.value;
    case 'regex':
      return first.value === DECIMAL_BELOW_ONE ? '0.25' : 'docs/notes.txt';
    case 'in':
      return (first.value as unknown[])[0];
    case 'exists':
      // Sent (one item of a list the policy requires), or left out (a flag the policy refuses).
      return first.value === true ? ['docs/notes.txt'] : undefined;
  }
}

/** Whether a guard makes the call send its argument: every check but `exists: false`. */
const demands = (g: Guard) => !(g.allow[0]!.op === 'exists' && g.allow[0]!.value === false);

/** What an agent that means well sends: the required arguments, and a good value for every checked one. */
function goodCall(tool: Tool, decision: ToolDecision): Record<string, unknown> {
  const args: Record<string, unknown> = {
    ...requiredArguments(tool),
    ...Object.fromEntries(decision.requires.map((r) => [r.parameter, 'a customer asked for it'])),
  };
  for (const g of decision.guards) {
    const value = goodValue(g);
    if (value === undefined) delete args[g.parameter];
    else args[g.parameter] = value;
  }
  return args;
}

const cases = catalogues.flatMap(([label, dir]) =>
  analyseCatalogue(loadCatalogue(dir)).map((server) => [label, server.slug, server] as const),
);

interface Loaded {
  texts: ReturnType<typeof toolPolicyTexts>;
  intercept: InterceptConfig;
}

function load(server: AnalysedServer, tool: AnalysedServer['tools'][number], decision: ToolDecision): Loaded {
  const texts = decision === tool.decision ? toolPolicyTexts(server, tool) : toolVariantTexts(server, tool)!;
  const loaded = loadInterceptPolicy(texts.interceptYaml);
  expect(loaded.errors, `${tool.tool.name}: intercept validate`).toEqual([]);
  return { texts, intercept: loaded.policy! };
}

/** Whether each gateway (PolicyLayer under both models, Intercept through the port) allows the call. */
function verdicts(l: Loaded, name: string, args: Record<string, unknown>) {
  return {
    policyLayer: policyLayerAllows(l.texts.policy, name, args, 'coercing'),
    policyLayerStrict: policyLayerAllows(l.texts.policy, name, args, 'strict'),
    intercept: evaluateCall(l.intercept, name, args).allowed,
  };
}

function expectAgreement(
  server: AnalysedServer,
  decisions: (t: AnalysedServer['tools'][number]) => ToolDecision | undefined,
) {
  for (const tool of server.tools) {
    const decision = decisions(tool);
    if (!decision) continue;
    const loaded = load(server, tool, decision);
    const args = goodCall(tool.tool, decision);
    const expected = decision.access === 'allow';
    const name = tool.tool.name;
    expect(verdicts(loaded, name, args), `${name}: a call within every check`).toEqual({
      policyLayer: expected,
      policyLayerStrict: expected,
      intercept: expected,
    });
    if (decision.access === 'hide') expect(evaluateCall(loaded.intercept, name, args).hidden, name).toBe(true);
    if (!expected) continue;
    // A call without an argument the policy requires is refused by both gateways.
    const required = [
      ...decision.requires.map((r) => r.parameter),
      ...decision.guards.filter(demands).map((g) => g.parameter),
    ];
    for (const parameter of required) {
      const { [parameter]: _, ...without } = args;
      expect(verdicts(loaded, name, without), `${name}: without ${parameter}`).toEqual(REFUSED);
    }
    // A call over each cap is refused by both.
    for (const g of decision.guards) {
      const lte = g.allow.find((c) => c.op === 'lte');
      if (lte)
        expect(
          verdicts(loaded, name, { ...args, [g.parameter]: Number(lte.value) + 1 }),
          `${name}: over the cap on ${g.parameter}`,
        ).toEqual(REFUSED);
    }
    // A call over each rate limit is refused by Intercept (PolicyLayer counts per grant, on its side).
    if (!interceptCanCount(name)) continue;
    for (const l of decision.limits) {
      const key = `${name}._rate_${l.window}`;
      expect(evaluateCall(loaded.intercept, name, args, { [key]: l.max - 1 }).allowed, `${name}: call ${l.max}`).toBe(
        true,
      );
      expect(evaluateCall(loaded.intercept, name, args, { [key]: l.max }).allowed, `${name}: call ${l.max + 1}`).toBe(
        false,
      );
    }
  }
}

const REFUSED = { policyLayer: false, policyLayerStrict: false, intercept: false };

describe.each(cases)('%s: %s', (_, __, server) => {
  test('the whole server policy loads in Intercept', () => {
    expect(checkInterceptYaml(serverPolicyTexts(server).interceptYaml)).toEqual([]);
  });

  test('each tool is allowed by both gateways when it is recommended, and refused or hidden when not', () => {
    expectAgreement(server, (t) => t.decision);
  });

  test('the variant of each refused tool: allowed within every check, refused without a required argument or over a cap', () => {
    expectAgreement(server, (t) => t.decision.variant);
  });

  test('no numeric cap on an argument the policy lets a call leave out, in either form', () => {
    for (const tool of server.tools)
      for (const decision of [tool.decision, tool.decision.variant]) {
        if (decision?.access !== 'allow') continue;
        const { texts, intercept } = load(server, tool, decision);
        const name = tool.tool.name;
        for (const g of decision.guards.filter((g) => g.allow.some((c) => c.op === 'lte'))) {
          const path = `args.${g.parameter}`;
          // PolicyLayer: the cap sits under require, where a missing argument fails it.
          expect(texts.policy.tools[name]!.require, `${name} ${g.parameter}`).toContainEqual(
            expect.objectContaining({ path, op: 'lte' }),
          );
          expect(texts.policy.tools[name]!.deny_if ?? [], `${name} ${g.parameter}`).toEqual([]);
          // Intercept: an evaluate rule with the cap as an allow condition (which fails on a missing argument).
          const rules = intercept.tools.get(name)!.rules.filter((r) => r.conditions.some((c) => c.path === path));
          expect(
            rules.some((r) => r.action === 'evaluate' && r.conditions.some((c) => c.op === 'lte')),
            `${name} ${g.parameter}`,
          ).toBe(true);
        }
      }
  });
});

// ---------------------------------------------------------------------------------------------
// The attacks: each guard, attacked as an agent would, refuses in both gateways.

type Attack = readonly [string, (g: Guard) => unknown];

const capOf = (g: Guard) => Number(g.allow.find((c) => c.op === 'lte')?.value ?? 1);
const OMIT = Symbol('omit');

const CAP_ATTACKS: Attack[] = [
  ['a numeric string over the cap', (g) => String(capOf(g) * 100)],
  ['a list holding an amount over the cap', (g) => [capOf(g) * 100]],
  ['a negative amount', (g) => -capOf(g) * 100],
  ['one over the cap', (g) => capOf(g) + 1],
  ['an exponent string', () => '1e9'],
  ['the argument left out', () => OMIT],
  ['null', () => null],
  ['a huge number', () => 1e308],
];

const DECIMAL_ATTACKS: Attack[] = [
  ['a large decimal string', () => '1000000'],
  ['a number', () => 1000000],
  ['a list', () => ['5']],
  ['a negative', () => '-5'],
  ['one unit', () => '1'],
  ['an exponent', () => '1e6'],
  ['the argument left out', () => OMIT],
];

const PATH_ATTACKS: Attack[] = [
  ['a parent segment', () => '../../etc/passwd'],
  ['an absolute path', () => '/etc/passwd'],
  ['a home path', () => '~/.ssh/id_rsa'],
  ['a percent-encoded parent', () => '%2e%2e/secret'],
  ['fullwidth dots', () => '\uFF0E\uFF0E/secret'],
  ['a parent in the middle', () => 'docs/../../secret'],
  ['a wildcard', () => '*'],
  ['a wildcard segment', () => 'docs/*'],
  ['a backslash path', () => '..\\..\\windows'],
  ['a drive letter', () => 'C:/Windows'],
  ['a hidden file', () => '.env'],
  ['a list of paths', () => ['../x']],
  ['a newline', () => 'docs\n/etc/passwd'],
  ['the argument left out', () => OMIT],
];

const FLAG_ATTACKS: Attack[] = [
  ['true', () => true],
  ['a truthy string', () => 'yes'],
  ['the string "true"', () => 'true'],
  ['1', () => 1],
  ['a list', () => [true]],
];

const REQUIRED_LIST_ATTACKS: Attack[] = [
  ['the argument left out', () => OMIT],
  ['null', () => null],
];

const CURRENCY_ATTACKS: Attack[] = [
  ['a zero-decimal currency', () => 'jpy'],
  ['upper-case JPY', () => 'JPY'],
  ['a list', () => ['usd']],
  ['padding', () => 'usd '],
  ['the argument left out', () => OMIT],
];

function attacksOf(g: Guard): Attack[] {
  const first = g.allow[0]!;
  if (first.op === 'lte') return CAP_ATTACKS;
  if (first.op === 'regex') return first.value === DECIMAL_BELOW_ONE ? DECIMAL_ATTACKS : PATH_ATTACKS;
  if (first.op === 'exists') return first.value === true ? REQUIRED_LIST_ATTACKS : FLAG_ATTACKS;
  if (g.kind === 'currency') return CURRENCY_ATTACKS;
  return FLAG_ATTACKS.filter(([name]) => name !== 'true').concat([['the argument left out', () => OMIT]]);
}

/** Every guard of every allowed tool and variant, in the bundled sample, the hostile fixtures and an unseen catalogue. */
const guarded = catalogues.flatMap(([label, dir]) =>
  analyseCatalogue(loadCatalogue(dir)).flatMap((server) =>
    server.tools.flatMap((tool) =>
      [tool.decision, tool.decision.variant]
        .filter((d): d is ToolDecision => d?.access === 'allow' && d.guards.length > 0)
        .map((decision) => ({ label, server, tool, decision })),
    ),
  ),
);

const attackRows = guarded.flatMap(({ label, server, tool, decision }) =>
  decision.guards.flatMap((guard) =>
    attacksOf(guard).map(
      ([attack, value]) =>
        [
          `${label}: ${server.slug}/${tool.tool.name}${decision === tool.decision ? '' : ' (variant)'} ${guard.parameter}: ${attack}`,
          server,
          tool,
          decision,
          guard,
          value,
        ] as const,
    ),
  ),
);

describe('every guard refuses every attack in both gateways', () => {
  test('there are attacks to run', () => {
    expect(attackRows.length).toBeGreaterThan(500);
  });
  const cache = new Map<ToolDecision, Loaded>();
  test.each(attackRows)('%s', (_, server, tool, decision, guard, value) => {
    let loaded = cache.get(decision);
    if (!loaded) cache.set(decision, (loaded = load(server, tool, decision)));
    const args = goodCall(tool.tool, decision);
    const bad = value(guard);
    if (bad === OMIT) delete args[guard.parameter];
    else args[guard.parameter] = bad;
    expect(verdicts(loaded, tool.tool.name, args)).toEqual(REFUSED);
  });
});
