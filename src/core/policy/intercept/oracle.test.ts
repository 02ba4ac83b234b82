/**
 * The port against the real thing: test/intercept/oracle/expected.json is what Intercept's own
 * config and engine packages, built with yaml.v3 v3.0.1, printed for every file in
 * test/intercept/cases (see test/intercept/README.md for how it was made).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { load } from './config.ts';
import { evaluate } from './engine.ts';
import { compareUtf8, formatV, goTypeName, type GoValue } from './go.ts';
import { checkInterceptYaml } from './index.ts';
import { unmarshalAny } from './yamlv3.ts';

const casesDir = new URL('../../../../test/intercept/cases/', import.meta.url);
const expected = JSON.parse(
  readFileSync(new URL('../../../../test/intercept/oracle/expected.json', import.meta.url), 'utf8'),
) as Record<string, { validate: string[]; values: unknown; calls?: unknown[] }>;

/**
 * Go 1.19 (the oracle's compiler) predates `(?<name>…)` in regexp/syntax (Go 1.22); Intercept
 * is built with Go 1.25, whose message RE2JS gives. The only place the oracle is overridden.
 */
const GO_1_22_REGEXP: Record<string, [string, string]> = {
  'regex-rules.yaml': ['invalid or unsupported Perl syntax: `(?<`', 'invalid named capture: `(?<=a)b`'],
};

/**
 * Texts neither parser accepts: the port reports the parse error in the `yaml` package's words
 * (yaml.v3's scanner and parser are not ported), still as one "parsing config file: yaml: …".
 */
const SYNTAX_ERRORS = new Set(['unclosed-quote-and-list.yaml', 'line-break-in-plain-scalar.yaml']);

/** The oracle's description of a decoded value: `%T:%v`, lists as arrays, string maps by sorted key. */
function describeValue(v: GoValue): unknown {
  if (Array.isArray(v)) return v.map(describeValue);
  if (v instanceof Map)
    return {
      'map[string]interface {}': [...v.entries()]
        .sort(([a], [b]) => compareUtf8(a, b))
        .map(([k, x]) => [k, describeValue(x)]),
    };
  return v === null ? '<nil>:<nil>' : `${goTypeName(v)}:${formatV(v)}`;
}

const files = readdirSync(casesDir).filter((f) => f.endsWith('.yaml'));

test('every case file has an expected result from the oracle', () => {
  expect(files.sort()).toEqual(Object.keys(expected).sort());
});

describe.each(files)('%s', (file) => {
  const bytes = readFileSync(new URL(file, casesDir));
  const want = expected[file]!;

  if (SYNTAX_ERRORS.has(file)) {
    test('`intercept validate` and yaml.v3 refuse it as YAML', () => {
      expect(want.validate).toEqual([expect.stringMatching(/^parsing config file: yaml: line \d+: /)]);
      expect(checkInterceptYaml(bytes)).toEqual([expect.stringMatching(/^parsing config file: yaml: line \d+: /)]);
      expect(unmarshalAny(bytes)).toEqual({ error: expect.stringMatching(/^yaml: line \d+: /) });
    });
    return;
  }

  test('`intercept validate` reports exactly these errors', () => {
    const [from, to] = GO_1_22_REGEXP[file] ?? ['', ''];
    expect(checkInterceptYaml(bytes)).toEqual(want.validate.map((e) => (from ? e.replace(from, to) : e)));
  });

  test('yaml.v3 reads the same Go values', () => {
    const got = unmarshalAny(bytes);
    expect('error' in got ? got : describeValue(got.value)).toEqual(want.values);
  });

  if (want.calls) {
    test('the engine decides each call the same way', () => {
      const loaded = load(bytes);
      if ('error' in loaded) throw new Error(loaded.error);
      const calls = JSON.parse(readFileSync(new URL(file.replace(/\.yaml$/, '.calls.json'), casesDir), 'utf8')) as {
        tool: string;
        args: Record<string, unknown>;
        counters?: Record<string, number>;
      }[];
      const got = calls.map(({ tool, args, counters = {} }) =>
        evaluate(loaded.config, tool, args, (path) => ({
          value: Math.trunc(counters[path.slice('state.'.length)] ?? 0),
          exists: true,
        })),
      );
      expect(got).toEqual(want.calls);
    });
  }
});
