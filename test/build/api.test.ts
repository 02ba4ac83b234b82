import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogueDir, loadCatalogue } from '../../src/build/catalogue-files.ts';
import { DIST } from './helpers.ts';

const catalogue = loadCatalogue(catalogueDir());
const json = (path: string) => JSON.parse(readFileSync(join(DIST, path), 'utf8'));

describe('the JSON API', () => {
  test('/api/catalogue.json lists every server with its tool count', () => {
    const index = json('api/catalogue.json');
    expect(index.servers).toBe(catalogue.servers.length);
    expect(index.tools).toBe(catalogue.toolCount);
    // Every server of the sample has its tools listed: none is left out of the figures.
    expect(index.serversWithToolsNotKnown).toBe(0);
    expect(index.items.every((i: { toolsKnown: boolean }) => i.toolsKnown)).toBe(true);
    expect(index.items.map((i: { slug: string; tools: number }) => [i.slug, i.tools])).toEqual(
      catalogue.servers.map((s) => [s.slug, s.tools.length]),
    );
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(index.counts.category)).toBe(catalogue.toolCount);
    expect(sum(index.counts.risk)).toBe(catalogue.toolCount);
  });

  test.each(catalogue.servers.map((s) => [s.slug, s.tools.map((t) => t.slug)] as const))(
    '/api/servers/%s.json has every tool with its classification and policy',
    (slug, tools) => {
      const doc = json(`api/servers/${slug}.json`);
      expect(doc.tools.map((t: { slug: string }) => t.slug)).toEqual(tools);
      for (const t of doc.tools) {
        expect(Object.keys(t)).toEqual(
          expect.arrayContaining([
            'slug',
            'category',
            'risk',
            'signals',
            'confidence',
            'evidence',
            'reviewed',
            'policy',
            'definitionHash',
          ]),
        );
        expect(t.definitionHash).toMatch(/^sha256:[0-9a-f]{64}$/);
      }
    },
  );

  test('flux_edit_image is write, medium, with a url signal naming callback_url, and the exact write policy', () => {
    const tool = json('api/servers/mcp-flux-pro.json').tools.find(
      (t: { name: string }) => t.name === 'flux_edit_image',
    );
    expect([tool.category, tool.risk]).toEqual(['write', 'medium']);
    expect(tool.signals.find((s: { id: string }) => s.id === 'url').evidence.join(' ')).toContain('callback_url');
    expect(JSON.stringify(tool.policy)).toBe(
      '{"version":"1","default":"deny","tools":{"flux_edit_image":{"limits":[{"counter":"flux_edit_image_rate","window":"minute","max":30,"scope":"grant"}]}}}',
    );
  });
});

describe('the published JSON Schemas', () => {
  const ajv = new Ajv2020({ strict: false });
  const policySchema = ajv.compile(json('schemas/policy.schema.json'));
  const serverSchema = ajv.compile(json('schemas/catalogue-server.schema.json'));

  test.each(catalogue.servers.map((s) => s.slug))(
    '/servers/%s/policy.json validates against /schemas/policy.schema.json',
    (slug) => {
      expect(policySchema(json(`servers/${slug}/policy.json`)), ajv.errorsText(policySchema.errors)).toBe(true);
    },
  );

  test('every catalogue file validates against /schemas/catalogue-server.schema.json, and a broken one does not', () => {
    for (const s of catalogue.servers) {
      const data = JSON.parse(readFileSync(join(catalogue.dir, s.file), 'utf8'));
      expect(serverSchema(data), `${s.file}: ${ajv.errorsText(serverSchema.errors)}`).toBe(true);
    }
    expect(serverSchema({ server: { name: 'no-slash', description: '' }, tools: [] })).toBe(false);
    expect(
      serverSchema({
        server: { name: 'a/b', description: '' },
        tools: [{ name: 'x', inputSchema: { type: 'array' } }],
      }),
    ).toBe(false);
  });
});
