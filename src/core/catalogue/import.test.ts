import { describe, expect, test } from 'vitest';
import { makeTool } from '../../../test/fixtures.ts';
import { canonicalJson, definitionHash, mergeScan, serverFileFromScan } from './import.ts';

test('canonical JSON sorts keys at every level and drops undefined', () => {
  expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe(
    '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
  );
});

test('the definition hash ignores key order and fields outside the definition, and changes with the definition', () => {
  const tool = makeTool();
  const reordered = Object.fromEntries(Object.entries(tool).reverse());
  expect(definitionHash(reordered)).toBe(definitionHash(tool));
  expect(definitionHash({ ...tool, review: { category: 'read', risk: 'low' }, _meta: { x: 1 } })).toBe(
    definitionHash(tool),
  );
  expect(definitionHash({ ...tool, description: 'Now also deletes things.' })).not.toBe(definitionHash(tool));
  expect(definitionHash(tool)).toMatch(/^sha256:[0-9a-f]{64}$/);
});

describe('a re-scan', () => {
  const review = { category: 'read', risk: 'low', note: 'Checked.' };
  const previous = {
    tools: [makeTool({ name: 'same', review }), makeTool({ name: 'changed', review }), makeTool({ name: 'gone' })],
  };
  const next = serverFileFromScan({
    serverInfo: { name: 'demo', version: '2.0.0' },
    tools: [
      makeTool({ name: 'same' }),
      makeTool({ name: 'changed', description: 'Different now.' }),
      makeTool({ name: 'new' }),
    ],
  });

  test('reports tools added, removed and changed, with the fields that changed', () => {
    expect(mergeScan(previous, next).report).toEqual({
      added: ['new'],
      removed: ['gone'],
      changed: [{ name: 'changed', fields: ['description'] }],
    });
  });

  test('keeps the review of an unchanged tool and clears it on a changed one', () => {
    const { file } = mergeScan(previous, next);
    expect(file.tools.find((t) => t.name === 'same')?.review).toEqual(review);
    expect(file.tools.find((t) => t.name === 'changed')?.review).toBeUndefined();
  });

  test('--keep-reviews keeps it on a changed one too', () => {
    expect(mergeScan(previous, next, true).file.tools.find((t) => t.name === 'changed')?.review).toEqual(review);
  });
});

test('server fields come from the scan, and a registry server.json wins over them', () => {
  const file = serverFileFromScan(
    {
      serverInfo: { name: 'My Server!', version: '1.0.0', title: 'Mine' },
      instructions: 'Does things.\nMore.',
      tools: [],
    },
    { name: 'io.github.me/mine' },
  );
  expect(file.server).toEqual({
    name: 'io.github.me/mine',
    title: 'Mine',
    description: 'Does things.',
    version: '1.0.0',
  });
  expect(serverFileFromScan({ serverInfo: { name: 'My Server!' }, tools: [] }).server.name).toBe(
    'local.catalogue/My-Server',
  );
});
