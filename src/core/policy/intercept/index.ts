/**
 * Intercept (github.com/PolicyLayer/Intercept, Apache-2.0), ported so that "passes our check"
 * means "`intercept validate` accepts it and the proxy decides calls as we say".
 *
 * Ported from commit 77f042909607bfca53837d6d5921c5a40c2c1dc6 (2026-03-04, the newest stored):
 * - yamlv3.ts: what gopkg.in/yaml.v3 v3.0.1 (Intercept's go.mod) reads: reader, line breaks,
 *   flow-scalar scanning, scalar resolution, decoding into interface{} and typed fields;
 * - config.ts: internal/config/config.go (Load, applyDefaults, parseRateLimit);
 * - validate.ts: internal/config/validate.go, with its messages; regexes through RE2JS;
 * - engine.ts: internal/engine and the decision part of internal/proxy/handler.go.
 *
 * Deliberately not ported: files and their read errors (we check texts), the transports, the
 * tools/list filter (`hidden` says a tool is hidden), the state stores' clocks and windows
 * (counters are an input: the values for the current window), rollback of reservations when
 * the upstream call fails, events, and hot reload. yaml.v3 parse errors the `yaml` package
 * finds first carry its wording, not yaml.v3's (same "parsing config file: yaml: line N:" form).
 */
import { load, type Config } from './config.ts';
import { handleCall, type CallVerdict, type Counters } from './engine.ts';
import { validate } from './validate.ts';

export type { Condition, Config as InterceptConfig, Rule, StateDef, ToolDef } from './config.ts';
export type { CallVerdict, Counters } from './engine.ts';

/** config.Load then config.Validate: the loaded policy, or every error `intercept validate` prints. */
export function loadInterceptPolicy(
  text: string | Uint8Array,
): { policy: Config; errors: [] } | { policy?: never; errors: string[] } {
  const loaded = load(text);
  if ('error' in loaded) return { errors: [loaded.error] };
  const errors = validate(loaded.config);
  return errors.length > 0 ? { errors } : { policy: loaded.config, errors: [] };
}

/**
 * Every error `intercept validate -c file` reports for this text or file content (without its
 * "Error: " prefix); [] when it loads.
 */
export function checkInterceptYaml(text: string | Uint8Array): string[] {
  return loadInterceptPolicy(text).errors;
}

/**
 * How Intercept answers one tools/call: `args` as the client sends them (JSON), `counters` the
 * current window's counter values keyed `<tool>.<counter>` (`_global.<counter>` for "*").
 */
export function evaluateCall(
  policy: Config,
  tool: string,
  args: Record<string, unknown>,
  counters: Counters = {},
): CallVerdict {
  return handleCall(policy, tool, args, counters);
}
