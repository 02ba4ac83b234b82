import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { analyseCatalogue } from '../../src/core/analyse.ts';
import { loadCatalogue } from '../../src/build/catalogue-files.ts';
import { CATEGORIES, SIGNALS } from '../../src/schemas/taxonomy.ts';
import { fixtureFiles } from './fixture.ts';

const digest = (seed: number) => {
  const hash = createHash('sha256');
  for (const [name, text] of fixtureFiles({ servers: 60, tools: 3000, seed })) hash.update(name).update(text);
  return hash.digest('hex');
};

test('the same seed gives the same bytes; another seed does not', () => {
  expect(digest(7)).toBe(digest(7));
  expect(digest(8)).not.toBe(digest(7));
});

test('its output validates, with exactly the tools asked for, in every category and with every signal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fixture-'));
  for (const [name, text] of fixtureFiles({ servers: 120, tools: 6000, seed: 3 })) writeFileSync(join(dir, name), text);
  const catalogue = loadCatalogue(dir);
  expect(catalogue.servers).toHaveLength(120);
  expect(catalogue.toolCount).toBe(6000);
  const tools = analyseCatalogue(catalogue).flatMap((s) => s.tools);
  expect(new Set(tools.map((t) => t.classification.category))).toEqual(new Set(CATEGORIES));
  expect(new Set(tools.flatMap((t) => t.classification.signals.map((s) => s.id)))).toEqual(new Set(SIGNALS));
  const parameters = tools.map((t) => Object.keys(t.tool.inputSchema.properties ?? {}).length);
  expect(Math.min(...parameters)).toBe(0);
  expect(Math.max(...parameters)).toBeGreaterThanOrEqual(20);
});

test('a large catalogue has a few servers with 1,000+ tools', () => {
  const sizes = [...fixtureFiles({ servers: 2000, tools: 20_000, seed: 1 })].map(
    ([, text]) => (JSON.parse(text) as { tools: unknown[] }).tools.length,
  );
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(20_000);
  expect(sizes.filter((n) => n >= 1000).length).toBeGreaterThanOrEqual(2);
});
