import { describe, expect, test } from 'vitest';
import { makeServerFile, makeTool, type Json } from '../../test/fixtures.ts';
import { serverFileSchema } from './catalogue.ts';

describe('serverFileSchema', () => {
  test('accepts a server file and keeps fields it does not know', () => {
    const file = makeServerFile({
      server: { _meta: { 'io.modelcontextprotocol.registry/official': { status: 'active' } }, icons: [] },
      tools: [makeTool({ _meta: { tags: ['x'] }, execution: { taskSupport: 'optional' } })],
    });
    const parsed = serverFileSchema.parse({ ...file, $schema: 'https://example.org/x.json' });
    expect(parsed).toMatchObject({ $schema: 'https://example.org/x.json', server: { icons: [] } });
    expect(parsed.tools[0]).toMatchObject({ execution: { taskSupport: 'optional' }, _meta: { tags: ['x'] } });
  });

  test('a missing tool description is ""', () => {
    const tool = makeTool();
    delete tool.description;
    expect(serverFileSchema.parse(makeServerFile({ tools: [tool] })).tools[0]?.description).toBe('');
  });

  test.each<[string, Record<string, Json>, (string | number)[]]>([
    ['a server name without a slash', makeServerFile({ server: { name: 'weather' } }), ['server', 'name']],
    ['a missing server description', { server: { name: 'a/b' }, tools: [] }, ['server', 'description']],
    ['a tool name with a space', makeServerFile({ tools: [makeTool({ name: 'get weather' })] }), ['tools', 0, 'name']],
    [
      'a 129-character tool name',
      makeServerFile({ tools: [makeTool({ name: 'x'.repeat(129) })] }),
      ['tools', 0, 'name'],
    ],
    [
      'an inputSchema that is not an object type',
      makeServerFile({ tools: [makeTool({ inputSchema: { type: 'string' } })] }),
      ['tools', 0, 'inputSchema', 'type'],
    ],
    [
      'a property schema that is a string',
      makeServerFile({ tools: [makeTool({ inputSchema: { type: 'object', properties: { a: 'string' } } })] }),
      ['tools', 0, 'inputSchema', 'properties', 'a'],
    ],
    [
      'a review with an unknown category',
      makeServerFile({ tools: [makeTool({ review: { category: 'admin', risk: 'low' } })] }),
      ['tools', 0, 'review', 'category'],
    ],
    [
      'an annotation hint that is not a boolean',
      makeServerFile({ tools: [makeTool({ annotations: { readOnlyHint: 'yes' } })] }),
      ['tools', 0, 'annotations', 'readOnlyHint'],
    ],
    ['tools that are not an array', { server: { name: 'a/b', description: '' }, tools: {} }, ['tools']],
  ])('rejects %s at its exact path', (_, input, path) => {
    const result = serverFileSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([path]);
  });
});
