/**
 * What yaml.v3 reads. Every expectation here was also checked against yaml.v3 v3.0.1 itself
 * (test/intercept/oracle); the cases below are the ones the product's YAML writer can meet.
 */
import { describe, expect, test } from 'vitest';
import { formatFloat, formatV, goQuote, goTypeName, type GoValue } from './go.ts';
import { checkInterceptYaml, loadInterceptPolicy } from './index.ts';
import { unmarshalAny } from './yamlv3.ts';

/** The Go type and `%v` of the value of key `v` in a one-line document. */
function scalar(text: string): [string, string] {
  const got = unmarshalAny(`v: ${text}\n`);
  if ('error' in got) throw new Error(got.error);
  const value = (got.value as Map<string, GoValue>).get('v')!;
  return [goTypeName(value), formatV(value)];
}

describe('an unquoted scalar decoded into interface{}', () => {
  test.each([
    ['0777', 'int', '511'],
    ['0o17', 'int', '15'],
    ['0x1F', 'int', '31'],
    ['-0x10', 'int', '-16'],
    ['0b101', 'int', '5'],
    ['1_000', 'int', '1000'],
    ['+12', 'int', '12'],
    ['08', 'float64', '8'],
    ['1e3', 'float64', '1000'],
    ['1000000.0', 'float64', '1e+06'],
    ['.5', 'float64', '0.5'],
    ['1.', 'float64', '1'],
    ['.inf', 'float64', '+Inf'],
    ['-.inf', 'float64', '-Inf'],
    ['.nan', 'float64', 'NaN'],
    ['1e400', 'string', '1e400'],
    ['9223372036854775808', 'uint64', '9223372036854775808'],
    ['18446744073709551616', 'float64', '1.8446744073709552e+19'],
    ['true', 'bool', 'true'],
    ['False', 'bool', 'false'],
    ['yes', 'string', 'yes'],
    ['on', 'string', 'on'],
    ['y', 'string', 'y'],
    ['~', 'nil', '<nil>'],
    ['null', 'nil', '<nil>'],
    ['', 'nil', '<nil>'],
    ['2024-01-31', 'time.Time', '2024-01-31 00:00:00 +0000 UTC'],
    ['"0777"', 'string', '0777'],
    ['!!float 3', 'float64', '3'],
    ['!!str 12', 'string', '12'],
  ])('%s is a Go %s', (text, type, value) => {
    expect(scalar(text)).toEqual([type, value]);
  });

  test('a tag the text cannot satisfy fails the whole document', () => {
    expect(unmarshalAny('v: !!int abc\n')).toEqual({ error: 'yaml: cannot decode !!str `abc` as a !!int' });
  });
});

describe('characters yaml.v3 refuses', () => {
  test.each([
    ['U+0001', '\u0001'],
    ['U+007F (DEL)', '\u007f'],
    ['U+009F (C1)', '\u009f'],
    ['U+FFFE', '\ufffe'],
  ])('%s in a quoted scalar fails the read', (_, ch) => {
    expect(checkInterceptYaml(`version: "1"\ndescription: "a${ch}b"\ntools: {}\n`)).toEqual([
      'parsing config file: yaml: control characters are not allowed',
    ]);
  });

  test('the raw byte 0x85 (not UTF-8) fails the read', () => {
    expect(checkInterceptYaml(Buffer.from('version: "1"\ndescription: "a\x85b"\n', 'latin1'))).toEqual([
      'parsing config file: yaml: invalid leading UTF-8 octet',
    ]);
  });

  test('a lone surrogate cannot be written as UTF-8 at all', () => {
    expect(checkInterceptYaml('version: "1"\ndescription: "a\ud800b"\n')).toEqual([
      'not UTF-8: lone surrogate U+D800 at offset 28 (a file would hold U+FFFD instead)',
    ]);
  });

  test('an escaped surrogate pair (what JSON.stringify writes for a lone surrogate) is refused', () => {
    expect(checkInterceptYaml('version: "1"\ndescription: "\\ud83d\\ude00"\n')).toEqual([
      'parsing config file: yaml: line 2: found invalid Unicode character escape code',
    ]);
  });

  test('YAML 1.2 escape \\/ is unknown to yaml.v3', () => {
    expect(checkInterceptYaml('version: "1"\ndescription: "a\\/b"\n')).toEqual([
      'parsing config file: yaml: line 2: found unknown escape character',
    ]);
  });

  test('escaped control characters are fine', () => {
    const { policy } = loadInterceptPolicy('version: "1"\ndescription: "\\u0001\\x7f\\N"\ntools: {}\n');
    expect(policy?.description).toBe('\u0001\u007f\u0085');
  });
});

describe('NEL, LS and PS are line breaks to yaml.v3', () => {
  const description = (yaml: string) => {
    const loaded = loadInterceptPolicy(`version: "1"\ndescription: ${yaml}\ntools: {}\n`);
    return loaded.policy?.description ?? loaded.errors;
  };

  test.each([
    ['NEL folds to a space', '"a\u0085b"', 'a b'],
    ['LS stays, the spaces around it go', '"a \u2028 b"', 'a\u2028b'],
    ['PS PS stays twice', '"x\u2029\u2029y"', 'x\u2029\u2029y'],
    ['a plain scalar folds NEL too', 'a\u0085  b', 'a b'],
    ['a real newline in quotes folds to a space', '"a\n  b"', 'a b'],
  ])('%s', (_, yaml, read) => {
    expect(description(yaml)).toBe(read);
  });

  test('LS in a plain scalar ends the line: the next line is not a key', () => {
    expect(description('plain\u2028text')).toEqual([expect.stringMatching(/^parsing config file: yaml: line 3: /)]);
  });

  test('quoted continuation lines need no indentation', () => {
    expect(description('"first\nsecond\n\n third"')).toBe('first second\nthird');
  });
});

describe('decoding into the policy structs', () => {
  test('duplicate keys are unmarshal errors, even quoted against plain', () => {
    expect(checkInterceptYaml('version: "1"\n"version": "1"\ntools: {}\n')).toEqual([
      'parsing config file: yaml: unmarshal errors:\n  line 2: mapping key "version" already defined at line 1',
    ]);
  });

  test('a value of the wrong kind is named with its line, tag, and Go type', () => {
    expect(
      checkInterceptYaml(
        'version: [1]\nhide: abc\ntools:\n  t:\n    rules:\n      - name: x\n        state: {increment: abcdefghijk}\n',
      ),
    ).toEqual([
      'parsing config file: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!seq into string\n  line 2: cannot unmarshal !!str `abc` into []string\n  line 7: cannot unmarshal !!str `abcdefg...` into int',
    ]);
  });

  test('merge keys fill what the mapping does not set', () => {
    const { policy } = loadInterceptPolicy(
      'version: "1"\nbase: &base {name: shared, action: deny, on_deny: from base}\ntools:\n  t:\n    rules:\n      - <<: *base\n        on_deny: own\n',
    );
    expect(policy?.tools.get('t')?.rules[0]).toMatchObject({ name: 'shared', action: 'deny', onDeny: 'own' });
  });

  test('only the first document is read', () => {
    expect(checkInterceptYaml('version: "1"\ntools: {}\n---\nversion: "2"\n')).toEqual([]);
  });

  test('a tool name is any key; "__proto__" is just a name', () => {
    const { policy } = loadInterceptPolicy('version: "1"\ndefault: deny\ntools:\n  __proto__: {rules: []}\n');
    expect([...(policy?.tools.keys() ?? [])]).toEqual(['__proto__']);
  });
});

describe('Go formatting', () => {
  test.each([
    [1000000, '1e+06'],
    [123456, '123456'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e300, '1.5e+300'],
    [-2.5, '-2.5'],
  ])('%v as a float64 prints %s', (f, text) => {
    expect(formatFloat(f)).toBe(text);
  });

  test('%q escapes what Go does not print', () => {
    expect(goQuote('a"b\\c\n\u0001\u007f\u0085\u00a0\u2028é😀')).toBe(
      '"a\\"b\\\\c\\n\\x01\\x7f\\u0085\\u00a0\\u2028é😀"',
    );
  });
});
