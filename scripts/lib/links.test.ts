import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { checkLinks } from './links.ts';

function site(files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'dist-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

test('finds missing pages and missing anchors, and accepts the rest', () => {
  const dist = site({
    'index.html':
      '<a href="/a/">a</a><a href="/a/#top">top</a><a href="/a/#nope">x</a><a href="/missing/">m</a><a href="#here">h</a><p id="here"></p><a href="https://example.org/">ext</a><a href="/api.json">api</a>',
    'a/index.html': '<h1 id="top">A</h1><a href="../">up</a><a href="b/">rel</a>',
    'api.json': '{}',
  });
  const result = checkLinks(dist);
  expect(result.pages).toBe(2);
  expect(result.broken).toEqual([
    { page: 'index.html', href: '/a/#nope', reason: 'no element with id "nope"' },
    { page: 'index.html', href: '/missing/', reason: 'no such page' },
    { page: 'a/index.html', href: 'b/', reason: 'no such page' },
  ]);
});

test('a javascript: link is reported, not followed', () => {
  const result = checkLinks(site({ 'index.html': '<a href="javascript:alert(1)">x</a>' }));
  expect(result.broken[0]?.reason).toMatch(/unexpected scheme/);
});
