/**
 * One decision per tool, written in the three formats the site offers:
 * PolicyLayer JSON (primary), Intercept YAML and Claude Code permissions. What each
 * form does in the gateway that reads it is put into words by effects.ts; the tests
 * load every form into a port of Intercept's own validator and engine (./intercept).
 */
import type { Condition, Limit, Policy, ToolPolicy } from '../../schemas/policy.ts';
import { limitPhrase, type Guard, type Requirement, type ToolDecision } from './decision.ts';

/** A requirement as a condition: the argument is sent, or sent and matching its pattern. */
function requirementCondition(r: Requirement): Condition {
  const path = `args.${r.parameter}`;
  return r.pattern === undefined ? { path, op: 'exists', value: true } : { path, op: 'regex', value: r.pattern };
}

/** A guard's checks as conditions, the same in both gateways. */
export function guardConditions(g: Guard): Condition[] {
  return g.allow.map((c) => ({ path: `args.${g.parameter}`, op: c.op, value: c.value as Condition['value'] }));
}

/** PolicyLayer's counter for a limit: `<tool>_rate`, with the window added past the first. */
function counterName(tool: string, index: number, window: string): string {
  return index === 0 ? `${tool}_rate` : `${tool}_rate_${window}`;
}

function toolPolicyLayer(decision: ToolDecision): ToolPolicy {
  if (decision.access === 'deny') return { deny_if: [{ conditions: [], on_deny: decision.message ?? '' }] };
  const entry: ToolPolicy = {};
  // Every check in its allowing form, under require: a value PolicyLayer cannot compare fails it.
  const require = [...decision.requires.map(requirementCondition), ...decision.guards.flatMap(guardConditions)];
  if (require.length > 0) entry.require = require;
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
export function policyLayerPolicy(decisions: readonly ToolDecision[]): Policy & { tools: Record<string, ToolPolicy> } {
  const hide = decisions.filter((d) => d.access === 'hide').map((d) => d.tool);
  // No prototype: a tool may be named `__proto__` (MCP allows it), and it must stay a key like any other.
  const tools: Record<string, ToolPolicy> = Object.create(null);
  for (const d of decisions) if (d.access !== 'hide') tools[d.tool] = toolPolicyLayer(d);
  return { version: '1', default: 'deny', ...(hide.length > 0 ? { hide } : {}), tools };
}

/** The form the site shows and serves: compact (as docs/policies.md writes it) or indented. */
export function policyJson(policy: Policy, indent: 0 | 2 = 0): string {
  return indent ? `${JSON.stringify(policy, null, 2)}\n` : JSON.stringify(policy);
}

export interface InterceptRule {
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

/** What the Intercept form of a tool leaves out, and why: written as YAML comments above the tool. */
export type InterceptNotes = Record<string, string[]>;

/**
 * Intercept's validator splits `state.<tool>.<counter>` at the first dot, so a tool whose name
 * has a dot cannot carry a rate limit there (`intercept validate` rejects the file).
 */
export function interceptCanCount(tool: string): boolean {
  return !tool.includes('.');
}

function interceptTool(d: ToolDecision, notes: string[]): InterceptRule[] {
  if (d.access === 'deny') return [{ name: 'refuse every call', action: 'deny', on_deny: d.message ?? '' }];
  const rules: InterceptRule[] = d.requires.map((r) => ({
    name: `${r.pattern === undefined ? 'requires' : 'pattern of'} ${r.parameter}`,
    conditions: [requirementCondition(r)],
    on_deny: r.message,
  }));
  // Intercept fails a condition on an argument the call leaves out: a check in its allowing form
  // therefore refuses the omission too (what `exists: false` alone lets through).
  for (const g of d.guards)
    rules.push({
      name: `${g.kind.replace('-', ' ')} of ${g.parameter}`,
      conditions: guardConditions(g),
      on_deny: g.message,
    });
  if (d.limits.length > 0 && !interceptCanCount(d.tool)) {
    notes.push(
      `No rate limit here (PolicyLayer's: ${d.limits.map(limitPhrase).join(', ')}): Intercept cannot count calls to a tool whose name has a dot.`,
    );
  } else {
    for (const l of d.limits) rules.push({ name: `at most ${limitPhrase(l)}`, rate_limit: `${l.max}/${l.window}` });
  }
  return rules;
}

/**
 * The Intercept policy and what it leaves out. Intercept has no approval step: a tool the
 * recommendation denies gets a deny rule. Its validator's rules shape the rest (a deny rule
 * has no conditions, an evaluate rule has conditions or a rate_limit, one rate_limit per window).
 */
export function interceptPolicy(
  decisions: readonly ToolDecision[],
  description: string,
): { policy: InterceptPolicy; notes: InterceptNotes } {
  const hide = decisions.filter((d) => d.access === 'hide').map((d) => d.tool);
  const tools: InterceptPolicy['tools'] = Object.create(null);
  const notes: InterceptNotes = Object.create(null);
  for (const d of decisions) {
    if (d.access === 'hide') continue;
    const toolNotes: string[] = [];
    tools[d.tool] = { rules: interceptTool(d, toolNotes) };
    if (toolNotes.length > 0) notes[d.tool] = toolNotes;
  }
  return {
    policy: { version: '1', description, default: 'deny', ...(hide.length > 0 ? { hide } : {}), tools },
    notes,
  };
}

/**
 * The Intercept YAML of a set of decisions: the one writer of the format, used by the pages, the
 * CLI and the policy builder. Each tool's block is written once per decision and kept with it.
 *
 * Written by hand rather than with the `yaml` package's writer: that writer (2.9) leaves DEL, C1
 * controls, NEL, LS and PS raw in double-quoted strings and writes a lone surrogate as `\ud800`,
 * all of which yaml.v3, the parser Intercept uses, rejects or reads back as other text; it also
 * leaves `1_000` plain, which yaml.v3 reads as a number. The tests read every hostile string back.
 */
export function interceptYaml(decisions: readonly ToolDecision[], description: string): string {
  const hide = decisions.filter((d) => d.access === 'hide').map((d) => d.tool);
  return interceptDocument(description, hide, decisions.filter((d) => d.access !== 'hide').map(cachedBlock));
}

/** A decision's block of Intercept YAML, kept with it: `ToolDecision` is read-only, so the block stays true. */
const blocks = new WeakMap<ToolDecision, string>();
function cachedBlock(d: ToolDecision): string {
  let block = blocks.get(d);
  if (block === undefined) {
    const notes: string[] = [];
    block = interceptToolBlock(d.tool, interceptTool(d, notes), notes);
    blocks.set(d, block);
  }
  return block;
}

/** The document around the tools' blocks; exported for the tests, which write hostile rules directly. */
export function interceptDocument(description: string, hide: readonly string[], toolBlocks: readonly string[]): string {
  const lines = [`version: "1"`, `description: ${yamlScalar(description)}`, 'default: deny'];
  if (hide.length > 0) lines.push('hide:', ...hide.map((h) => `  - ${yamlScalar(h)}`));
  lines.push(toolBlocks.length === 0 ? 'tools: {}' : 'tools:', ...toolBlocks);
  return `${lines.join('\n')}\n`;
}

export function interceptToolBlock(
  tool: string,
  rules: readonly InterceptRule[],
  notes: readonly string[] = [],
): string {
  const lines = notes.map((note) => `  # ${yamlComment(note)}`);
  if (rules.length === 0) lines.push(`  ${yamlScalar(tool)}:`, '    rules: []');
  else {
    lines.push(`  ${yamlScalar(tool)}:`, '    rules:');
    for (const rule of rules) lines.push(...yamlMapping(rule, '        ', true));
  }
  return lines.join('\n');
}

function yamlMapping(value: object, indent: string, listItem = false): string[] {
  const lines: string[] = [];
  let first = listItem;
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const lead = first ? `${indent.slice(2)}- ` : indent;
    first = false;
    if (Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && v[0] !== null) {
      lines.push(`${lead}${yamlScalar(key)}:`);
      for (const item of v) lines.push(...yamlMapping(item as object, `${indent}    `, true));
    } else {
      lines.push(`${lead}${yamlScalar(key)}: ${yamlValue(v)}`);
    }
  }
  return lines;
}

/** Flow style for lists of scalars (`in`, `not_in`); scalars otherwise. */
function yamlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(', ')}]`;
  return yamlScalar(value);
}

/**
 * Words that a YAML 1.1 or 1.2 reader, yaml.v3 (Intercept's) among them, may take for a
 * boolean or null rather than a string.
 */
const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n)$/i;

/**
 * A YAML scalar that yaml.v3 reads back as exactly this value. Third-party text is written
 * plain only when it is a simple identifier that no YAML reader takes for a number,
 * boolean or null (`0777`, `1e3`, `1_000`, `.inf`, `true` are all quoted); everything else is
 * double-quoted, with each character yaml.v3 would reject or read as a line break escaped.
 */
export function yamlScalar(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  const text = String(value);
  return /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/.test(text) && !YAML_WORDS.test(text)
    ? text
    : yamlDoubleQuoted(text);
}

const NAMED_ESCAPES: Record<number, string> = {
  0x00: '\\0',
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x1b: '\\e',
  0x22: '\\"',
  0x5c: '\\\\',
  0x85: '\\N',
  0xa0: '\\_',
  0x2028: '\\L',
  0x2029: '\\P',
};

/**
 * What may stand unescaped: yaml.v3's printable set (reader: is_printable) less the line
 * breaks LS and PS, which it would read as the end of a line.
 */
function printable(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa1 && cp <= 0xd7ff && cp !== 0x2028 && cp !== 0x2029) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function hex(cp: number, digits: number): string {
  return cp.toString(16).toUpperCase().padStart(digits, '0');
}

/**
 * A double-quoted YAML string. A lone surrogate (possible in a JavaScript string, impossible in
 * UTF-8) becomes U+FFFD, as Go's JSON decoder also reads the `\ud800` of our JSON forms.
 */
function yamlDoubleQuoted(text: string): string {
  let out = '"';
  for (const ch of text) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    const named = NAMED_ESCAPES[cp];
    if (named) out += named;
    else if (printable(cp)) out += String.fromCodePoint(cp);
    else if (cp <= 0xff) out += `\\x${hex(cp, 2)}`;
    else out += `\\u${hex(cp, 4)}`;
  }
  return `${out}"`;
}

/** A comment holds our own sentences, but they name parameters: nothing in it may end the line. */
function yamlComment(text: string): string {
  return [...text].map((ch) => (printable(ch.codePointAt(0)!) ? ch : '\uFFFD')).join('');
}

export type ClaudePermission = 'allow' | 'ask' | 'deny';

export interface ClaudeSettings {
  permissions: { allow: string[]; ask: string[]; deny: string[] };
}

/**
 * Claude Code's name for an MCP tool, `mcp__<server>__<tool>`, with every character outside
 * `A-Za-z0-9_-` in either part turned into `_`, as Claude Code names them: a rule written with
 * the raw name of `files.write` would never match. `<server>` is the name the user registered
 * the server under in Claude Code, which only they know (default: the catalogue slug).
 */
export function claudeRuleName(server: string, tool: string): string {
  const normalise = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');
  return `mcp__${normalise(server)}__${normalise(tool)}`;
}

/**
 * Claude Code has no rate limits or argument checks, but it can ask: low-risk tools the
 * recommendation allows without conditions are allowed, denied and hidden ones denied, and every
 * other allowed tool (a variant included, whose limits Claude Code cannot keep) asks each time.
 */
export function claudePermission(decision: ToolDecision, lowRisk: boolean): ClaudePermission {
  // A refusal is a refusal in every format: Claude Code denies what the policy denies or hides.
  if (decision.access === 'hide' || decision.access === 'deny') return 'deny';
  if (
    decision.access === 'allow' &&
    lowRisk &&
    decision.guards.length === 0 &&
    decision.requires.length === 0 &&
    decision.limits.length === 0
  )
    return 'allow';
  return 'ask';
}

const STRICTNESS: ClaudePermission[] = ['allow', 'ask', 'deny'];

/**
 * Two tools whose names normalise alike (`a.b`, `a_b`) share one rule in Claude Code; it gets
 * the stricter of their permissions, since Claude Code checks deny before ask before allow.
 */
export function claudeSettings(
  serverName: string,
  decisions: readonly { decision: ToolDecision; lowRisk: boolean }[],
): ClaudeSettings {
  const rules = new Map<string, ClaudePermission>();
  for (const { decision, lowRisk } of decisions) {
    const rule = claudeRuleName(serverName, decision.tool);
    const permission = claudePermission(decision, lowRisk);
    const before = rules.get(rule);
    if (!before || STRICTNESS.indexOf(permission) > STRICTNESS.indexOf(before)) rules.set(rule, permission);
  }
  const permissions: ClaudeSettings['permissions'] = { allow: [], ask: [], deny: [] };
  for (const [rule, permission] of rules) permissions[permission].push(rule);
  return { permissions };
}

export function claudeJson(settings: ClaudeSettings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}
