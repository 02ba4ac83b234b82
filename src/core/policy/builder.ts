/**
 * The policy builder of a server page (issue #16): each tool Allow, Deny, Hide or Custom, as
 * PolicyLayer's own dashboard offers them, starting from the recommendation. This module is the
 * builder's whole logic, pure and bundled for the browser: the page data a build writes, the
 * choices, the decisions they make, the address that reproduces them, and the checks a policy
 * passes before it can be copied. The three texts come from texts.ts, the code the build uses.
 */
import { policySchema } from '../../schemas/policy.ts';
import type { Category, Risk } from '../../schemas/taxonomy.ts';
import type { AnalysedServer } from '../analyse.ts';
import type { Format } from './effects.ts';
import {
  capGuard,
  reasonRequirement,
  topParameters,
  type Guard,
  type RateLimit,
  type Requirement,
  type ToolDecision,
  type Window,
} from './decision.ts';
// The one import of the Intercept check for the builder and its tests: repoint it here when the check moves.
import { checkInterceptYaml } from './intercept/index.ts';
import { compileError } from './intercept/validate.ts';

export { checkInterceptYaml };
import {
  claudeText,
  interceptText,
  policyLayerText,
  policyTexts,
  serverPolicyDescription,
  type PolicyTexts,
} from './texts.ts';

export type Scalar = string | number | boolean;

/** A parameter the builder offers a condition for: a value list, a maximum or a pattern. */
export interface BuilderParameter {
  name: string;
  type: string;
  required: boolean;
  enum?: Scalar[];
}

export interface BuilderTool {
  name: string;
  category: Category;
  risk: Risk;
  signals: string[];
  /** The catalogue's decision, without the reasons the page already shows. */
  recommended: ToolDecision;
  parameters: BuilderParameter[];
  /** What "require a reason" adds, where the tool has a reason parameter. */
  reason?: Requirement;
}

/** What a server page hands the builder, as JSON in the page. */
export interface BuilderData {
  slug: string;
  title: string;
  tools: BuilderTool[];
}

/** At most this many parameters of a tool get fields: a longer form helps no one, and the page data stays small. */
export const MAX_PARAMETERS = 20;

const WINDOWS: readonly Window[] = ['minute', 'hour', 'day'];

const withoutReasons = (d: ToolDecision): ToolDecision => ({
  ...d,
  reasons: [],
  ...(d.variant ? { variant: withoutReasons(d.variant) } : {}),
});

function offered(p: BuilderParameter): boolean {
  return p.enum !== undefined || p.type === 'number' || p.type === 'integer' || p.type === 'string';
}

export function builderData(server: AnalysedServer): BuilderData {
  return {
    slug: server.slug,
    title: server.title,
    tools: server.tools.map(({ tool, classification, decision }) => {
      const parameters = topParameters(tool);
      const reason = reasonRequirement(parameters);
      return {
        name: tool.name,
        category: classification.category,
        risk: classification.risk,
        signals: classification.signals.map((s) => s.id),
        recommended: withoutReasons(decision),
        parameters: parameters
          .map(({ name, type, required, enum: values }) => ({
            name,
            type,
            required,
            ...(values ? { enum: values } : {}),
          }))
          .filter(offered)
          .slice(0, MAX_PARAMETERS),
        ...(reason ? { reason } : {}),
      };
    }),
  };
}

/** The user's own rules for a tool set to Custom. */
export interface Custom {
  /** Calls per window; a window left out has no limit. */
  limits: Partial<Record<Window, number>>;
  /** Which of the tool's preset checks (see presets) stay, by index. */
  keep: number[];
  /** Per parameter, the indexes of the enum values a call may send. */
  allowList: Record<string, number[]>;
  /** Per parameter, the largest number a call may send. */
  maximum: Record<string, number>;
  /** Per parameter, an RE2 pattern a call's value must match (so the call must send it). */
  pattern: Record<string, string>;
  /** Every call must give the tool's reason parameter. */
  reason: boolean;
}

export type Choice = { access: 'allow' | 'deny' | 'hide' } | { access: 'custom'; custom: Custom };
export type ChoiceAccess = Choice['access'];

const hasRules = (d: ToolDecision) => d.limits.length + d.guards.length + d.requires.length > 0;

/**
 * Where Custom starts: the recommendation's own limits and checks, or for a denied tool its
 * variant (allowed within tight limits), or nothing.
 */
export function customBase(tool: BuilderTool): ToolDecision | undefined {
  const r = tool.recommended;
  if (r.access === 'allow' && hasRules(r)) return r;
  return r.variant;
}

/** The checks Custom starts with, each of which the user may drop: the base's guards, then its requirements. */
export function presets(tool: BuilderTool): (Guard | Requirement)[] {
  const base = customBase(tool);
  return base ? [...base.guards, ...base.requires] : [];
}

/** Whether a preset already requires the tool's reason: the builder then offers it there only. */
export function reasonPreset(tool: BuilderTool): boolean {
  return presets(tool).some((c) => !('allow' in c) && c.kind === 'reason');
}

export function startingCustom(tool: BuilderTool): Custom {
  const base = customBase(tool);
  return {
    limits: Object.fromEntries((base?.limits ?? []).map((l) => [l.window, l.max])),
    keep: presets(tool).map((_, i) => i),
    allowList: {},
    maximum: {},
    pattern: {},
    reason: false,
  };
}

/** The recommendation as a choice: Custom when it has limits or checks. */
export function recommendedChoice(tool: BuilderTool): Choice {
  const r = tool.recommended;
  if (r.access === 'allow' && hasRules(r)) return { access: 'custom', custom: startingCustom(tool) };
  return { access: r.access };
}

/** The builder's state: the choices that differ from the recommendation, and the Claude Code server name. */
export interface BuilderState {
  choices: Map<string, Choice>;
  claudeName: string;
}

export function initialState(data: BuilderData): BuilderState {
  return { choices: new Map(), claudeName: data.slug };
}

export function choiceOf(state: BuilderState, tool: BuilderTool): Choice {
  return state.choices.get(tool.name) ?? recommendedChoice(tool);
}

const recommendedCodes = new WeakMap<BuilderTool, string>();

function isRecommended(tool: BuilderTool, choice: Choice): boolean {
  let code = recommendedCodes.get(tool);
  if (code === undefined) recommendedCodes.set(tool, (code = encodeChoice(tool, recommendedChoice(tool))));
  return encodeChoice(tool, choice) === code;
}

/** Sets a tool's choice, forgetting it when it is the recommendation again (the address holds changes only). */
export function setChoice(state: BuilderState, tool: BuilderTool, choice: Choice): void {
  if (isRecommended(tool, choice)) state.choices.delete(tool.name);
  else state.choices.set(tool.name, choice);
}

/** Sets a choice on every tool that passes `which`; how many tools it changed (0: say that nothing changed). */
function bulk(data: BuilderData, state: BuilderState, which: (t: BuilderTool) => boolean, choice: Choice): number {
  let changed = 0;
  for (const tool of data.tools) {
    if (!which(tool)) continue;
    const before = encodeChoice(tool, choiceOf(state, tool));
    setChoice(state, tool, choice);
    if (encodeChoice(tool, choiceOf(state, tool)) !== before) changed++;
  }
  return changed;
}

/** Bulk action: every destructive tool visible but refused. Returns how many tools changed. */
export function denyDestructive(data: BuilderData, state: BuilderState): number {
  return bulk(data, state, (t) => t.category === 'destructive', { access: 'deny' });
}

/** Bulk action: every tool whose definition carries tool-poisoning markers hidden. Returns how many tools changed. */
export function hidePoisoned(data: BuilderData, state: BuilderState): number {
  return bulk(data, state, (t) => t.signals.includes('poisoning'), { access: 'hide' });
}

function allowListGuard(p: BuilderParameter, values: Scalar[]): Guard {
  const shown = values.map((v) => JSON.stringify(v)).join(', ');
  return {
    kind: 'allow-list',
    parameter: p.name,
    required: p.required,
    allow: [{ op: 'in', value: values }],
    message: `${p.name} must be one of ${shown}`,
    reason: `Only these values of ${p.name}: ${shown}.`,
  };
}

function maximumGuard(p: BuilderParameter, max: number): Guard {
  const shown = max.toLocaleString('en-US');
  return capGuard('maximum', p, max, shown, `${p.name} may be at most ${shown}.`);
}

/** One maximum per argument: where a preset already caps it, the stricter of the two stays. */
function addMaximum(guards: Guard[], guard: Guard): void {
  const capOf = (g: Guard) => g.allow.find((c) => c.op === 'lte')?.value;
  const same = guards.findIndex((g) => g.parameter === guard.parameter && capOf(g) !== undefined);
  if (same === -1) guards.push(guard);
  else if (Number(capOf(guard)) < Number(capOf(guards[same]!))) guards[same] = guard;
}

function patternRequirement(p: BuilderParameter, pattern: string): Requirement {
  return {
    kind: 'pattern',
    parameter: p.name,
    pattern,
    message: `${p.name} must match ${JSON.stringify(pattern)}`,
    reason: `${p.name} must be sent and match ${JSON.stringify(pattern)}.`,
  };
}

const isGuard = (check: Guard | Requirement): check is Guard => 'allow' in check;

function customDecision(tool: BuilderTool, custom: Custom): ToolDecision {
  const limits: RateLimit[] = WINDOWS.filter((w) => custom.limits[w] !== undefined).map((window) => ({
    window,
    max: custom.limits[window]!,
  }));
  const kept = presets(tool).filter((_, i) => custom.keep.includes(i));
  const guards = kept.filter(isGuard);
  const requires = kept.filter((c): c is Requirement => !isGuard(c));
  for (const p of tool.parameters) {
    const allowed = custom.allowList[p.name];
    if (allowed && p.enum)
      guards.push(
        allowListGuard(
          p,
          allowed.map((i) => p.enum![i]!),
        ),
      );
    const max = custom.maximum[p.name];
    if (max !== undefined) addMaximum(guards, maximumGuard(p, max));
    const pattern = custom.pattern[p.name];
    if (pattern !== undefined) requires.push(patternRequirement(p, pattern));
  }
  const reason = tool.reason;
  if (custom.reason && reason && !requires.some((r) => r.kind === 'reason' && r.parameter === reason.parameter))
    requires.push(reason);
  return { tool: tool.name, access: 'allow', limits, guards, requires, reasons: [] };
}

/** The decision a choice makes; the recommendation's own where the choice is the recommendation. */
export function decisionFor(tool: BuilderTool, choice: Choice): ToolDecision {
  const r = tool.recommended;
  if (isRecommended(tool, choice)) return r;
  const plain = { tool: tool.name, limits: [], guards: [], requires: [], reasons: [] };
  switch (choice.access) {
    case 'allow':
      return { ...plain, access: 'allow' };
    case 'deny':
      return r.access === 'deny' ? r : { ...plain, access: 'deny', message: `${tool.name} is refused by this policy` };
    case 'hide':
      return r.access === 'hide' ? r : { ...plain, access: 'hide', message: `${tool.name} is hidden by this policy` };
    case 'custom':
      return customDecision(tool, choice.custom);
  }
}

/** The three formats, as effects.ts names them. */
export type OutputFormat = Format;

function decisions(data: BuilderData, state: BuilderState) {
  return data.tools.map((tool) => {
    // Most tools keep the recommendation: no need to work out a choice to learn that.
    const choice = state.choices.get(tool.name);
    return { decision: choice ? decisionFor(tool, choice) : tool.recommended, lowRisk: tool.risk === 'low' };
  });
}

function description(data: BuilderData, state: BuilderState): string {
  const changed = state.choices.size;
  return changed === 0
    ? serverPolicyDescription(data.title, data.tools.length)
    : `Policy for all ${data.tools.length} tools of ${data.title}: the catalogue's recommendation with ${changed} ${changed === 1 ? 'tool' : 'tools'} changed`;
}

/** The three texts, as the server page's policy block shows them while nothing is changed. */
export function builderTexts(data: BuilderData, state: BuilderState): PolicyTexts {
  return policyTexts(state.claudeName, decisions(data, state), description(data, state), 2);
}

/** One format's text only: the builder writes the one on screen, so a change costs one format, not three. */
export function builderText(data: BuilderData, state: BuilderState, format: OutputFormat): string {
  const made = decisions(data, state);
  if (format === 'policylayer') return policyLayerText(made, 2).policyJson;
  if (format === 'intercept') return interceptText(made, description(data, state));
  return claudeText(state.claudeName, made);
}

/** Intercept's complaints about each tool's block of YAML, kept while the block stays the same. */
export type InterceptCache = Map<string, string[]>;

/**
 * The Intercept check, one tool's block at a time: the head (version, description, default,
 * hide) as a document of its own, then each tool's lines under `tools:`. A change touches one
 * block, so a 1,000-tool policy is checked again in a few small parses (issue #16: under 100 ms),
 * where reading the whole text took several hundred milliseconds. Every line is still read by the
 * check; tool names are the keys of one map, so no two blocks can clash.
 */
export function checkInterceptByTool(yaml: string, cache: InterceptCache = new Map()): string[] {
  const lines = yaml.split('\n');
  const at = lines.indexOf('tools:');
  if (at === -1) return checkInterceptYaml(yaml);
  const errors = checkInterceptYaml(`${lines.slice(0, at).join('\n')}\ntools: {}\n`);
  const blocks: string[] = [];
  let block: string[] = [];
  for (const line of lines.slice(at + 1)) {
    // A tool's key is indented by two; its comments, above it, start a block too.
    if (/^ {2}[^ ]/.test(line) && block.some((l) => !l.startsWith('  #'))) {
      blocks.push(block.join('\n'));
      block = [];
    }
    block.push(line);
  }
  blocks.push(block.join('\n'));
  for (const text of blocks) {
    let found = cache.get(text);
    if (!found) {
      found = checkInterceptYaml(`version: "1"\ntools:\n${text}\n`);
      cache.set(text, found);
    }
    errors.push(...found);
  }
  return errors;
}

/** The policy schema's complaints about a PolicyLayer text. */
export function checkPolicyLayer(json: string): string[] {
  const parsed = policySchema.safeParse(JSON.parse(json));
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(policy)'}: ${i.message}`);
}

// Fields, checked as they are typed: each gives the value to use, or why there is none.

export type Field<T> = { value?: T; problem?: string };

/** Calls per window: a whole number from 1; empty is no limit. */
export function parseLimit(text: string): Field<number> {
  const t = text.trim();
  if (t === '') return {};
  const n = Number(t);
  if (!/^\d+$/.test(t) || !Number.isSafeInteger(n) || n < 1)
    return { problem: 'Enter a whole number of calls, 1 or more, or leave it empty for no limit.' };
  return { value: n };
}

/** A maximum for a number parameter: a whole number from 1; empty is none. */
export function parseMaximum(text: string): Field<number> {
  const t = text.trim();
  if (t === '') return {};
  const n = Number(t);
  if (!/^\d+$/.test(t) || !Number.isSafeInteger(n) || n < 1)
    return { problem: 'Enter a whole number, 1 or more, such as 100, or leave it empty.' };
  return { value: n };
}

/** A pattern a string parameter must match, in RE2 syntax; empty is none. */
export function parsePattern(text: string): Field<string> {
  if (text === '') return {};
  // Compiled as Go's regexp (RE2) compiles it, the engine both gateways use: no look-around or back-references.
  const error = compileError(text);
  return error
    ? { problem: `Not a pattern the gateways can run: ${error.replace(/^error parsing regexp: /, '')}` }
    : { value: text };
}

/** The name the server is registered under in Claude Code. */
export function parseServerName(text: string): Field<string> {
  const t = text.trim();
  if (t === '') return { problem: 'Enter the name you gave the server in Claude Code (claude mcp add <name> …).' };
  if (t.length > 100) return { problem: 'At most 100 characters.' };
  return { value: t };
}

// The address: `#builder&name=<Claude Code name>&t.<tool>=<choice>…`, changes from the recommendation only.

const ACCESS_CODES = { allow: 'a', deny: 'd', hide: 'h' } as const;
const WINDOW_CODES = { minute: 'm', hour: 'h', day: 'd' } as const;

/** A choice in a few characters: `d`, or `c;m30;k0.1;x:amount:500;p:name:%5Ea` for Custom. */
export function encodeChoice(tool: BuilderTool, choice: Choice): string {
  if (choice.access !== 'custom') return ACCESS_CODES[choice.access];
  const c = choice.custom;
  const items = WINDOWS.filter((w) => c.limits[w] !== undefined).map((w) => `${WINDOW_CODES[w]}${c.limits[w]}`);
  if (c.keep.length > 0) items.push(`k${[...c.keep].sort((a, b) => a - b).join('.')}`);
  for (const p of tool.parameters) {
    const allowed = c.allowList[p.name];
    if (allowed) items.push(`a:${p.name}:${[...allowed].sort((a, b) => a - b).join('.')}`);
    if (c.maximum[p.name] !== undefined) items.push(`x:${p.name}:${c.maximum[p.name]}`);
    if (c.pattern[p.name] !== undefined) items.push(`p:${p.name}:${encodeURIComponent(c.pattern[p.name]!)}`);
  }
  if (c.reason) items.push('r');
  return ['c', ...items].join(';');
}

/** The choice a code stands for, or undefined when any part of it does not fit this tool. */
export function decodeChoice(tool: BuilderTool, code: string): Choice | undefined {
  const simple = Object.entries(ACCESS_CODES).find(([, c]) => c === code);
  if (simple) return { access: simple[0] as 'allow' | 'deny' | 'hide' };
  const [head, ...items] = code.split(';');
  if (head !== 'c') return undefined;
  const custom: Custom = { limits: {}, keep: [], allowList: {}, maximum: {}, pattern: {}, reason: false };
  const count = presets(tool).length;
  const parameter = (name: string | undefined) => tool.parameters.find((p) => p.name === name);
  for (const item of items) {
    const window = WINDOWS.find((w) => WINDOW_CODES[w] === item[0]);
    const [kind, name, value = ''] = item.split(':');
    const p = parameter(name);
    if (window && /^\d+$/.test(item.slice(1))) {
      const limit = parseLimit(item.slice(1)).value;
      if (limit === undefined) return undefined;
      custom.limits[window] = limit;
    } else if (/^k\d+(\.\d+)*$/.test(item)) {
      custom.keep = item.slice(1).split('.').map(Number);
      if (custom.keep.some((i) => i >= count)) return undefined;
    } else if (item === 'r' && tool.reason) custom.reason = true;
    else if (kind === 'a' && p?.enum && /^\d+(\.\d+)*$/.test(value)) {
      const indexes = value.split('.').map(Number);
      if (indexes.some((i) => i >= p.enum!.length)) return undefined;
      custom.allowList[p.name] = indexes;
    } else if (kind === 'x' && p && parseMaximum(value).value !== undefined)
      custom.maximum[p.name] = parseMaximum(value).value!;
    else if (kind === 'p' && p) {
      let pattern: string;
      try {
        pattern = decodeURIComponent(value);
      } catch {
        return undefined;
      }
      if (parsePattern(pattern).value === undefined) return undefined;
      custom.pattern[p.name] = pattern;
    } else return undefined;
  }
  return { access: 'custom', custom };
}

/** The address fragment (without `#`) that reproduces the state; empty when it is the recommendation. */
export function encodeState(data: BuilderData, state: BuilderState): string {
  const parts: string[] = [];
  if (state.claudeName !== data.slug) parts.push(`name=${encodeURIComponent(state.claudeName)}`);
  for (const tool of data.tools) {
    const choice = state.choices.get(tool.name);
    if (choice) parts.push(`t.${encodeURIComponent(tool.name)}=${encodeChoice(tool, choice)}`);
  }
  return parts.length === 0 ? '' : ['builder', ...parts].join('&');
}

/** The state an address fragment holds, and what in it did not fit this server (a link from another version). */
export function decodeState(data: BuilderData, fragment: string): { state: BuilderState; ignored: string[] } {
  const state = initialState(data);
  const ignored: string[] = [];
  const [head, ...parts] = fragment.replace(/^#/, '').split('&');
  if (head !== 'builder') return { state, ignored };
  const byName = new Map(data.tools.map((t) => [t.name, t]));
  const text = (encoded: string) => {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return undefined;
    }
  };
  for (const part of parts) {
    const at = part.indexOf('=');
    const key = at === -1 ? part : part.slice(0, at);
    // The choice code keeps its own escapes (patterns): decodeChoice reads it as it is.
    const code = at === -1 ? '' : part.slice(at + 1);
    if (key === 'name') {
      const name = parseServerName(text(code) ?? '').value;
      if (name === undefined) ignored.push(part);
      else state.claudeName = name;
      continue;
    }
    const toolName = key.startsWith('t.') ? text(key.slice(2)) : undefined;
    const tool = toolName === undefined ? undefined : byName.get(toolName);
    const choice = tool && decodeChoice(tool, code);
    if (tool && choice) setChoice(state, tool, choice);
    else ignored.push(toolName ?? part);
  }
  return { state, ignored };
}
