/**
 * One decision per tool, written in the three formats the site offers:
 * PolicyLayer JSON (primary), Intercept YAML and Claude Code permissions.
 */
import type { Limit, Policy, ToolPolicy } from '../../schemas/policy.ts';
import type { ToolDecision } from './decision.ts';

/** PolicyLayer's counter for a limit: `<tool>_rate`, with the window added past the first. */
function counterName(tool: string, index: number, window: string): string {
  return index === 0 ? `${tool}_rate` : `${tool}_rate_${window}`;
}

export function toolPolicyLayer(decision: ToolDecision): ToolPolicy {
  const entry: ToolPolicy = {};
  const denyIf = decision.guards.map((g) => ({
    conditions: [{ path: `args.${g.parameter}`, op: g.deny.op, value: g.deny.value }],
    on_deny: g.message,
  }));
  if (decision.access === 'approve')
    denyIf.push({ conditions: [], on_deny: decision.message ?? `${decision.tool} requires approval` });
  if (denyIf.length > 0) entry.deny_if = denyIf;
  if (decision.limits.length > 0) {
    entry.limits = decision.limits.map((l, i): Limit => ({
      counter: counterName(decision.tool, i, l.window),
      window: l.window,
      max: l.max,
      scope: 'grant',
    }));
  }
  return entry;
}

/** The PolicyLayer policy for one tool or a whole server: default deny, every tool listed or hidden. */
export function policyLayerPolicy(decisions: readonly ToolDecision[]): Policy {
  const hide = decisions.filter((d) => d.access === 'block').map((d) => d.tool);
  const tools: Record<string, ToolPolicy> = {};
  for (const d of decisions) if (d.access !== 'block') tools[d.tool] = toolPolicyLayer(d);
  return { version: '1', default: 'deny', ...(hide.length > 0 ? { hide } : {}), tools };
}

/** The form the site shows and serves: compact for one tool (as SPEC.md writes it), indented for a server. */
export function policyJson(policy: Policy, indent: 0 | 2 = 0): string {
  return indent ? `${JSON.stringify(policy, null, 2)}\n` : JSON.stringify(policy);
}

interface InterceptRule {
  name: string;
  action?: 'evaluate' | 'deny';
  conditions?: { path: string; op: string; value: unknown }[];
  on_deny?: string;
  rate_limit?: string;
}

export interface InterceptPolicy {
  version: '1';
  description: string;
  default: 'deny';
  hide?: string[];
  tools: Record<string, { rules: InterceptRule[] }>;
}

/**
 * Intercept has no human approval: a call that needs one is denied there, with
 * the reason. Its validator's rules (PolicyLayer/Intercept, POLICY.md) shape this:
 * a deny rule has no conditions, an evaluate rule has conditions or a rate_limit,
 * and one rate_limit per window per tool.
 */
export function interceptPolicy(decisions: readonly ToolDecision[], description: string): InterceptPolicy {
  const hide = decisions.filter((d) => d.access === 'block').map((d) => d.tool);
  const tools: InterceptPolicy['tools'] = {};
  for (const d of decisions) {
    if (d.access === 'block') continue;
    const rules: InterceptRule[] = [];
    if (d.access === 'approve')
      rules.push({ name: 'requires human approval', action: 'deny', on_deny: d.message ?? 'requires approval' });
    for (const g of d.guards) {
      rules.push({
        name: g.kind.replace('-', ' '),
        conditions: [{ path: `args.${g.parameter}`, op: g.allow.op, value: g.allow.value }],
        on_deny: g.message,
      });
    }
    for (const l of d.limits)
      rules.push({ name: `at most ${l.max} per ${l.window}`, rate_limit: `${l.max}/${l.window}` });
    tools[d.tool] = { rules };
  }
  return { version: '1', description, default: 'deny', ...(hide.length > 0 ? { hide } : {}), tools };
}

export function interceptYaml(policy: InterceptPolicy): string {
  return `${yamlBlock(policy, '')}\n`;
}

/** Words a YAML parser would read as something other than a string. */
const YAML_SPECIAL = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/**
 * A YAML scalar. Tool names and messages are third-party text: anything that is not
 * a plain identifier is written as a JSON string, which YAML reads back unchanged.
 */
function yamlScalar(value: unknown): string {
  if (typeof value === 'string')
    return /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(value) && !YAML_SPECIAL.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Lists of values (`in`) and anything else: JSON is YAML's flow style.
  return JSON.stringify(value);
}

function yamlBlock(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value.map((item) => `${indent}- ${yamlBlock(item, `${indent}  `).trimStart()}`).join('\n');
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return entries
      .map(([key, v]) => {
        const nested = v && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
        return nested
          ? `${indent}${yamlScalar(key)}:\n${yamlBlock(v, `${indent}  `)}`
          : `${indent}${yamlScalar(key)}: ${yamlBlock(v, indent)}`;
      })
      .join('\n');
  }
  return yamlScalar(value);
}

export interface ClaudeSettings {
  permissions: { allow: string[]; ask: string[]; deny: string[] };
}

/**
 * Claude Code has no rate limits or argument checks: low-risk tools are allowed,
 * blocked ones denied, and everything else asks the user each time.
 */
export function claudeSettings(
  serverKey: string,
  decisions: readonly { decision: ToolDecision; lowRisk: boolean }[],
): ClaudeSettings {
  const permissions: ClaudeSettings['permissions'] = { allow: [], ask: [], deny: [] };
  for (const { decision, lowRisk } of decisions) {
    const rule = `mcp__${serverKey}__${decision.tool}`;
    if (decision.access === 'block') permissions.deny.push(rule);
    else if (lowRisk && decision.access === 'allow' && decision.guards.length === 0) permissions.allow.push(rule);
    else permissions.ask.push(rule);
  }
  return { permissions };
}

export function claudeJson(settings: ClaudeSettings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}
