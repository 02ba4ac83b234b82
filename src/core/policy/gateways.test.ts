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
import type { ToolDecision } from './decision.ts';
import { checkInterceptYaml, evaluateCall, loadInterceptPolicy } from './intercept/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const catalogues = [
  ['the bundled sample', resolve(ROOT, 'content/servers')],
  ['the hostile fixtures', resolve(ROOT, 'test/catalogues/hostile')],
] as const;

/** A condition as PolicyLayer's docs describe it; an argument the call leaves out fails it, as in Intercept. */
function holds(c: Condition, args: Record<string, unknown>): boolean {
  const key = c.path.slice('args.'.length);
  const present = Object.hasOwn(args, key) && args[key] !== null && args[key] !== undefined;
  if (c.op === 'exists') return present === c.value;
  if (!present) return false;
  const v = args[key];
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
      return (v as number) < (c.value as number);
    case 'lte':
      return (v as number) <= (c.value as number);
    case 'gt':
      return (v as number) > (c.value as number);
    case 'gte':
      return (v as number) >= (c.value as number);
    case 'contains':
      return String(v).includes(String(c.value));
    case 'regex':
      return new RegExp(String(c.value)).test(String(v));
  }
}

function policyLayerAllows(policy: Policy, tool: string, args: Record<string, unknown>): boolean {
  if (policy.hide?.some((h) => h === tool || h === '*')) return false;
  const entry = policy.tools?.[tool];
  if (!entry) return policy.default === 'allow';
  if (!(entry.require ?? []).every((c) => holds(c, args))) return false;
  return !(entry.deny_if ?? []).some((rule) => rule.conditions.every((c) => holds(c, args)));
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

const cases = catalogues.flatMap(([label, dir]) =>
  analyseCatalogue(loadCatalogue(dir)).map((server) => [label, server.slug, server] as const),
);

function expectAgreement(
  server: AnalysedServer,
  decisions: (t: AnalysedServer['tools'][number]) => ToolDecision | undefined,
) {
  for (const tool of server.tools) {
    const decision = decisions(tool);
    if (!decision) continue;
    const texts = decision === tool.decision ? toolPolicyTexts(server, tool) : toolVariantTexts(server, tool)!;
    const loaded = loadInterceptPolicy(texts.interceptYaml);
    expect(loaded.errors, `${tool.tool.name}: intercept validate`).toEqual([]);
    // The variant asks for the tool's own reason parameter: an agent using it sends one.
    const args = {
      ...requiredArguments(tool.tool),
      ...Object.fromEntries(decision.requires.map((r) => [r.parameter, 'a customer asked for it'])),
    };
    const intercept = evaluateCall(loaded.policy!, tool.tool.name, args);
    const policyLayer = policyLayerAllows(texts.policy, tool.tool.name, args);
    const expected = decision.access === 'allow';
    expect(policyLayer, `${tool.tool.name}: PolicyLayer`).toBe(expected);
    expect(intercept.allowed, `${tool.tool.name}: Intercept (${intercept.rule}: ${intercept.message})`).toBe(expected);
    if (decision.access === 'hide') expect(intercept.hidden, tool.tool.name).toBe(true);
    // Each argument check refuses the call it is there for: in both gateways when the argument is
    // required, in PolicyLayer alone (and said so in a YAML comment) when it is optional.
    for (const guard of decision.guards) {
      const bad = { ...args, [guard.parameter]: BAD_VALUES[guard.kind](guard) };
      const label = `${tool.tool.name}: ${guard.kind} on ${guard.parameter}`;
      expect(policyLayerAllows(texts.policy, tool.tool.name, bad), label).toBe(false);
      expect(evaluateCall(loaded.policy!, tool.tool.name, bad).allowed, label).toBe(!guard.required);
      if (!guard.required) expect(texts.interceptYaml, label).toContain(`# Not checked here: ${guard.message}`);
    }
  }
}

/** A value each kind of check is there to refuse. */
const BAD_VALUES: Record<ToolDecision['guards'][number]['kind'], (g: ToolDecision['guards'][number]) => unknown> = {
  'amount-cap': (g) => Number(g.deny.value) + 1,
  'path-traversal': () => '../../etc/passwd',
  'bulk-flag': () => true,
  'allow-list': () => 'a value the list does not hold',
  maximum: (g) => Number(g.deny.value) + 1,
};

describe.each(cases)('%s: %s', (_, __, server) => {
  test('the whole server policy loads in Intercept', () => {
    expect(checkInterceptYaml(serverPolicyTexts(server).interceptYaml)).toEqual([]);
  });

  test('each tool is allowed by both gateways when it is recommended, and refused or hidden when not', () => {
    expectAgreement(server, (t) => t.decision);
  });

  test('the variant of each refused tool is allowed by both gateways', () => {
    expectAgreement(server, (t) => t.decision.variant);
  });
});
