import { describe, expect, test } from 'vitest';
import { jsonForScript, safeExternalUrl } from './untrusted.ts';

describe('safeExternalUrl: a link only for http(s), as URL.href writes it', () => {
  test.each([
    ['https', 'https://example.com', 'https://example.com/'],
    ['http', 'http://example.com/a/b?q=1#top', 'http://example.com/a/b?q=1#top'],
    ['upper-case scheme and host', 'HTTPS://Example.COM/Path', 'https://example.com/Path'],
    ['dot segments and the default port', 'http://example.com:80/a/../b', 'http://example.com/b'],
    ['a space in the path', 'https://example.com/a b', 'https://example.com/a%20b'],
    ['a non-ASCII host', 'https://bücher.example/', 'https://xn--bcher-kva.example/'],
    ['a tab inside the scheme (URL removes it)', 'ht\ttps://example.com', 'https://example.com/'],
    ['a newline inside the scheme (URL removes it)', 'ht\ntps://example.com', 'https://example.com/'],
  ])('%s: kept, %j becomes %j', (_, value, href) => {
    expect(safeExternalUrl(value)).toBe(href);
  });

  test.each([
    ['javascript:', 'javascript:alert(1)'],
    ['JaVaScRiPt:', 'JaVaScRiPt:alert(1)'],
    ['javascript: with a tab inside the scheme', 'java\tscript:alert(1)'],
    ['javascript: with a newline inside the scheme', 'java\nscript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['mailto:', 'mailto:someone@example.com'],
    ['protocol-relative', '//evil.example/x'],
    ['relative path', 'docs/readme'],
    ['absolute path', '/docs/readme'],
    ['leading space', ' https://example.com'],
    ['trailing space', 'https://example.com '],
    ['leading newline', '\nhttps://example.com'],
    ['empty', ''],
    ['undefined', undefined],
  ])('%s: not linked (%j)', (_, value) => {
    expect(safeExternalUrl(value)).toBeUndefined();
  });
});

describe('jsonForScript: JSON that cannot end or comment out its script element', () => {
  test.each([
    [
      '</script>',
      '</script><script>alert(1)</script>',
      '"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"',
    ],
    ['<!--', '<!-- x', '"\\u003c!-- x"'],
    ['&', 'a &amp; b', '"a \\u0026amp; b"'],
    ['U+2028', 'a\u2028b', '"a\\u2028b"'],
    ['U+2029', 'a\u2029b', '"a\\u2029b"'],
    [
      'nested objects',
      { a: { b: ['</script>', { c: '&', d: 1, e: null, f: true }] } },
      '{"a":{"b":["\\u003c/script\\u003e",{"c":"\\u0026","d":1,"e":null,"f":true}]}}',
    ],
    ['plain text', 'Notes wiki', '"Notes wiki"'],
  ])('%s: written as %j', (_, value, json) => {
    const out = jsonForScript(value);
    expect(out).toBe(json);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
  });

  test.each([
    ['</script>'],
    ['<!-- -->'],
    ['a & b > c < d'],
    ['\u2028\u2029'],
    [{ name: '</script>', tools: [{ description: '<!--', note: '&', lines: 'a\u2028b\u2029c' }], count: 3 }],
    [['<', '>', '&', { nested: { deeper: ['</SCRIPT >'] } }]],
  ])('round trip: JSON.parse gives back %j', (value) => {
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });
});
