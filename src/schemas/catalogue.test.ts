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
    ['an unknown scan status', { ...makeServerFile({ tools: [] }), scan: { status: 'done' } }, ['scan', 'status']],
    [
      'an unknown registry status',
      { ...makeServerFile({ tools: [] }), registry: { source: 'x', status: 'hidden', syncedAt: 'x' } },
      ['registry', 'status'],
    ],
  ])('rejects %s at its exact path', (_, input, path) => {
    const result = serverFileSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([path]);
  });
});

describe('serverFileSchema and the registry', () => {
  // Shaped like the registry's examples (docs/reference/server-json/examples/valid): every valid
  // server.json must load, with no tools yet, beside the sync's registry and scan records.
  test.each<[string, Record<string, Json>]>([
    ['a minimal server.json', { name: 'io.github.user/minimal', description: 'Minimal.', version: '0.1.0' }],
    [
      'an npm package with arguments and variables',
      {
        $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
        name: 'io.github.user/local',
        description: 'Local.',
        version: '1.0.0',
        packages: [
          {
            registryType: 'npm',
            identifier: '@example/local',
            version: '1.0.0',
            transport: { type: 'stdio' },
            runtimeHint: 'npx',
            packageArguments: [
              { type: 'positional', valueHint: 'config_path' },
              { type: 'named', name: '--port', value: '8080' },
            ],
            environmentVariables: [{ name: 'API_KEY', isSecret: true, isRequired: true }],
          },
        ],
      },
    ],
    [
      'a remote with headers, variables, a title, icons and _meta',
      {
        name: 'io.github.user/remote',
        title: 'Remote',
        description: 'Remote.',
        version: '2.1.0',
        websiteUrl: 'https://example.com/docs',
        repository: { url: 'https://github.com/example/remote', source: 'github', subfolder: 'src/remote' },
        icons: [{ src: 'https://example.com/icon.png', mimeType: 'image/png', sizes: ['48x48'], theme: 'dark' }],
        remotes: [
          {
            type: 'streamable-http',
            url: 'https://{host}/mcp',
            headers: [{ name: 'Authorization', isSecret: true, isRequired: true }],
            variables: { host: { description: 'API host', default: 'api.example.com' } },
          },
        ],
        _meta: { 'io.modelcontextprotocol.registry/publisher-provided': { tool: 'publisher-cli', version: '1.2.3' } },
      },
    ],
  ])("accepts %s with no tools and the sync's records, keeping it as written", (_, server) => {
    const file = {
      server,
      registry: {
        source: 'https://registry.modelcontextprotocol.io',
        status: 'deprecated',
        publishedAt: '2025-09-01T10:00:00Z',
        syncedAt: '2025-10-01T00:00:00Z',
      },
      scan: { status: 'not-scanned' },
      tools: [],
    };
    const parsed = serverFileSchema.parse(file);
    expect(parsed.server).toEqual(server);
    expect(parsed.registry?.status).toBe('deprecated');
  });
});
