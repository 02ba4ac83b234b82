/**
 * internal/config/config.go: the policy structs, yaml.Unmarshal into them (no KnownFields, so
 * unknown keys are ignored; a scalar of any type fills a string field with its text), and
 * applyDefaults with the rate_limit desugaring.
 */
import { goQuote as goQ, GoInt, type GoValue } from './go.ts';
import {
  DecodeState,
  decodeAny,
  decodeString,
  MAP_TAG,
  nodeShortTag,
  NULL_TAG,
  parseV3,
  scalarValue,
  SEQ_TAG,
  v3Text,
  type V3Node,
  UnwritableTextError,
  YamlV3Error,
} from './yamlv3.ts';

export interface Condition {
  path: string;
  op: string;
  value: GoValue;
}

export interface StateDef {
  counter: string;
  window: string;
  /** A Go int. */
  increment: number;
  incrementFrom: string;
}

export interface Rule {
  name: string;
  action: string;
  rateLimit: string;
  conditions: Condition[];
  onDeny: string;
  state: StateDef | null;
}

export interface ToolDef {
  rules: Rule[];
}

export interface Config {
  version: string;
  description: string;
  default: string;
  hide: string[];
  /** A Map: tool names are third-party text (`__proto__` is a tool name like any other). */
  tools: Map<string, ToolDef>;
}

export const VALID_WINDOWS = new Set(['minute', 'hour', 'day']);

/** A Go type the decoder can fill: its reflect name (for error messages) and how to decode into it. */
interface GoType<T> {
  name: string;
  zero(): T;
  /** Returns the new value; `ok` false means the node left the target as it was (or an error was recorded). */
  decode(n: Exclude<V3Node, { kind: 'alias' }>, d: DecodeState, current: T): { ok: boolean; value: T };
}

function unmarshal<T>(n: V3Node, t: GoType<T>, d: DecodeState, current: T): { ok: boolean; value: T } {
  return d.unmarshal(n, (node) => t.decode(node, d, current));
}

const stringType: GoType<string> = {
  name: 'string',
  zero: () => '',
  decode: (n, d, current) => {
    const r = decodeString(n, d);
    return r.ok ? r : { ok: false, value: current };
  },
};

const MAX_INT64 = 2 ** 63;

const intType: GoType<number> = {
  name: 'int',
  zero: () => 0,
  decode: (n, d, current) => {
    if (n.kind !== 'scalar') {
      d.typeError(n, n.kind === 'mapping' ? MAP_TAG : SEQ_TAG, 'int');
      return { ok: false, value: current };
    }
    const { tag, value } = scalarValue(n);
    if (value === null) return { ok: false, value: current };
    if (value instanceof GoInt && value.value < BigInt(MAX_INT64)) return { ok: true, value: Number(value.value) };
    // float64 → int64 truncates; beyond int64 Go on amd64 gives the minimum int64.
    if (typeof value === 'number' && value <= MAX_INT64)
      return { ok: true, value: value >= MAX_INT64 || value < -MAX_INT64 ? -MAX_INT64 : Math.trunc(value) };
    d.typeError(n, tag, 'int');
    return { ok: false, value: current };
  },
};

const anyType: GoType<GoValue> = {
  name: 'interface {}',
  zero: () => null,
  decode: (n, d) => decodeAny(n, d),
};

function sliceOf<T>(elem: GoType<T>): GoType<T[]> {
  const name = `[]${elem.name}`;
  return {
    name,
    zero: () => [],
    decode: (n, d, current) => {
      if (n.kind === 'sequence') {
        const out: T[] = [];
        for (const item of n.content) {
          const r = unmarshal(item, elem, d, elem.zero());
          if (r.ok) out.push(r.value);
        }
        return { ok: true, value: out };
      }
      if (n.kind === 'scalar' && scalarValue(n).value === null) return { ok: true, value: [] };
      d.typeError(n, n.kind === 'mapping' ? MAP_TAG : n.tag, name);
      return { ok: false, value: current };
    },
  };
}

function mapOf<T>(elem: GoType<T>): GoType<Map<string, T>> {
  const name = `map[string]${elem.name}`;
  return {
    name,
    zero: () => new Map(),
    decode: (n, d, current) => {
      if (n.kind === 'mapping') {
        if (!d.uniqueKeysOk(n)) return { ok: false, value: current };
        const entries = new Map<string, [string, GoValue]>();
        d.decodePairs(
          n,
          entries,
          (k) => decodeString(k, d),
          (v) => {
            const r = unmarshal(v, elem, d, elem.zero());
            return { ok: r.ok, value: r.value as GoValue };
          },
        );
        const out = new Map(current);
        for (const [k, v] of entries.values()) out.set(k, v as T);
        return { ok: true, value: out };
      }
      if (n.kind === 'scalar' && scalarValue(n).value === null) return { ok: true, value: new Map() };
      d.typeError(n, n.kind === 'sequence' ? SEQ_TAG : n.tag, name);
      return { ok: false, value: current };
    },
  };
}

type Fields<T> = { [K in keyof T]: [yamlKey: string, type: GoType<T[K]>] };

function struct<T extends object>(name: string, fields: Fields<T>): GoType<T> {
  const byKey = new Map<string, keyof T>();
  for (const field of Object.keys(fields) as (keyof T)[]) byKey.set(fields[field][0], field);
  const zero = () => {
    const out = {} as T;
    for (const field of Object.keys(fields) as (keyof T)[]) out[field] = fields[field][1].zero();
    return out;
  };
  return {
    name,
    zero,
    decode: (n, d, current) => {
      if (n.kind !== 'mapping') {
        if (n.kind === 'scalar' && scalarValue(n).value === null) return { ok: false, value: current };
        d.typeError(n, n.kind === 'sequence' ? SEQ_TAG : n.tag, name);
        return { ok: false, value: current };
      }
      if (!d.uniqueKeysOk(n)) return { ok: false, value: current };
      const out = { ...current };
      const done = new Set<keyof T>();
      d.decodePairs(
        n,
        null,
        (k) => decodeString(k, d),
        (v, key, keyNode) => {
          const field = byKey.get(key);
          // Unknown keys are ignored: Intercept calls yaml.Unmarshal, not a decoder with KnownFields.
          if (field === undefined) return { ok: false, value: null };
          if (done.has(field)) {
            d.typeErrors.push(`line ${keyNode.line}: field ${key} already set in type ${name}`);
            return { ok: false, value: null };
          }
          done.add(field);
          out[field] = unmarshal(v, fields[field][1], d, out[field]).value;
          return { ok: false, value: null };
        },
      );
      return { ok: true, value: out };
    },
  };
}

/** A pointer to a struct: null leaves it nil, anything else allocates it first. */
function pointerTo<T>(elem: GoType<T>): GoType<T | null> {
  return {
    name: `*${elem.name}`,
    zero: () => null,
    decode: (n, d, current) => {
      if (nodeShortTag(n) === NULL_TAG) return { ok: true, value: null };
      return elem.decode(n, d, current ?? elem.zero());
    },
  };
}

const conditionType = struct<Condition>('config.Condition', {
  path: ['path', stringType],
  op: ['op', stringType],
  value: ['value', anyType],
});

const stateType = struct<StateDef>('config.StateDef', {
  counter: ['counter', stringType],
  window: ['window', stringType],
  increment: ['increment', intType],
  incrementFrom: ['increment_from', stringType],
});

const ruleType = struct<Rule>('config.Rule', {
  name: ['name', stringType],
  action: ['action', stringType],
  rateLimit: ['rate_limit', stringType],
  conditions: ['conditions', sliceOf(conditionType)],
  onDeny: ['on_deny', stringType],
  state: ['state', pointerTo(stateType)],
});

const toolType = struct<ToolDef>('config.ToolDef', { rules: ['rules', sliceOf(ruleType)] });

const configType = struct<Config>('config.Config', {
  version: ['version', stringType],
  description: ['description', stringType],
  default: ['default', stringType],
  hide: ['hide', sliceOf(stringType)],
  tools: ['tools', mapOf(toolType)],
});

export const emptyConfig = (): Config => configType.zero();

/**
 * config.Load on a file's text: yaml.Unmarshal into Config, then applyDefaults. Returns the
 * error `intercept validate` prints after "Error: " when the text does not load.
 */
export function load(input: string | Uint8Array): { config: Config } | { error: string } {
  try {
    const root = parseV3(v3Text(input));
    const d = new DecodeState();
    let config = configType.zero();
    if (root) config = unmarshal(root, configType, d, config).value;
    if (d.typeErrors.length > 0)
      return { error: `parsing config file: yaml: unmarshal errors:\n  ${d.typeErrors.join('\n  ')}` };
    applyDefaults(config);
    return { config };
  } catch (error) {
    if (error instanceof YamlV3Error) return { error: `parsing config file: ${error.message}` };
    if (error instanceof UnwritableTextError) return { error: error.message };
    throw error;
  }
}

/** applyDefaults: default "allow", action "evaluate", increment 1, and rate_limit desugared into conditions + state. */
export function applyDefaults(config: Config): void {
  if (config.default === '') config.default = 'allow';
  for (const [toolName, tool] of config.tools) {
    for (const r of tool.rules) {
      if (r.rateLimit !== '' && r.conditions.length === 0 && r.state === null && r.action !== 'deny') {
        const parsed = parseRateLimit(r.rateLimit);
        if ('count' in parsed) {
          const { count, window } = parsed;
          const scope = toolName === '*' ? '_global' : toolName;
          const counter = `_rate_${window}`;
          r.action = 'evaluate';
          r.conditions = [{ path: `state.${scope}.${counter}`, op: 'lte', value: new GoInt(BigInt(count)) }];
          r.state = { counter, window, increment: 1, incrementFrom: '' };
          if (r.onDeny === '') r.onDeny = `Rate limit of ${count} per ${window} reached. Try again later.`;
          r.rateLimit = '';
        }
      }
      if (r.action === '') r.action = 'evaluate';
      if (r.state && r.state.increment === 0) r.state.increment = 1;
    }
  }
}

/** parseRateLimit("5/hour"), with config.go's messages. */
export function parseRateLimit(s: string): { count: number; window: string } | { error: string } {
  const slash = s.indexOf('/');
  if (slash < 0) return { error: `rate_limit must be in the format "N/window" (e.g. "5/hour"), got ${goQ(s)}` };
  const countText = s.slice(0, slash);
  const window = s.slice(slash + 1);
  const count = atoi(countText);
  if (count === undefined || count <= 0)
    return { error: `rate_limit count must be a positive integer, got ${goQ(countText)}` };
  if (!VALID_WINDOWS.has(window))
    return { error: `rate_limit window must be "minute", "hour", or "day", got ${goQ(window)}` };
  return { count, window };
}

/** strconv.Atoi: optional sign, decimal digits, within int64. */
function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  if (v > 2n ** 63n - 1n || v < -(2n ** 63n)) return undefined;
  return Number(v);
}
