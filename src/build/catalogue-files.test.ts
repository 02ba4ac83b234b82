import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeServerFile, makeTool, writeCatalogue } from '../../test/fixtures.ts';
import { lineAndColumn } from '../core/catalogue/check.ts';
import { catalogueDir, checkCatalogue, isBundledSample, loadCatalogue } from './catalogue-files.ts';
import { CatalogueError, formatProblem } from '../core/catalogue/problems.ts';

const problemsOf = (files: Parameters<typeof writeCatalogue>[0]) =>
  checkCatalogue(writeCatalogue(files)).problems.map(({ file, path }) => ({ file, path }));

describe('loadCatalogue', () => {
  test('reads every server file, sorted by slug, with tool slugs', () => {
    const dir = writeCatalogue({
      'zeta.json': makeServerFile({ server: { name: 'io.x/zeta' }, tools: [makeTool({ name: 'createRefund' })] }),
      'alpha.json': makeServerFile({ server: { name: 'io.x/alpha' }, tools: [makeTool(), makeTool({ name: 'b' })] }),
      'README.md': '# not a server file',
    });
    const catalogue = loadCatalogue(dir);
    expect(catalogue.servers.map((s) => s.slug)).toEqual(['alpha', 'zeta']);
    expect(catalogue.toolCount).toBe(3);
    expect(catalogue.servers[1]?.tools[0]?.slug).toBe('createrefund');
  });

  test('throws a CatalogueError that lists every problem', () => {
    const dir = writeCatalogue({ 'a.json': '{', 'b.json': makeServerFile({ server: { name: 'bad' }, tools: [{}] }) });
    expect(() => loadCatalogue(dir)).toThrow(CatalogueError);
    try {
      loadCatalogue(dir);
    } catch (error) {
      const message = (error as CatalogueError).message;
      expect(message).toMatch(/4 problems in 2 files/);
      expect(message).toContain('a.json line 1, column 2: expected valid JSON');
      expect(message).toContain('b.json $.server.name: expected a registry name');
      expect(message).toContain('b.json $.tools[0].name: expected a string, found nothing');
      expect(message).toContain('b.json $.tools[0].inputSchema: expected an object, found nothing');
    }
  });
});

describe('checkCatalogue reports each problem at its file and path', () => {
  test.each([
    [
      'a JSON syntax error, with line and column',
      { 'a.json': '{\n  "server": {\n    "name": "x/y",\n  }\n}' },
      [{ file: 'a.json', path: 'line 4, column 3' }],
    ],
    ['an empty file', { 'a.json': '' }, [{ file: 'a.json', path: '(file)' }]],
    [
      'a byte order mark',
      { 'a.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(makeServerFile()))]) },
      [{ file: 'a.json', path: 'byte 0' }],
    ],
    [
      'a byte that is not UTF-8',
      { 'a.json': Buffer.from('{"server": "caf\xe9"}', 'latin1') },
      [{ file: 'a.json', path: 'byte 15' }],
    ],
    ['a file that is an array', { 'a.json': [] }, [{ file: 'a.json', path: '$' }]],
    [
      'a key twice in one object',
      { 'a.json': '{"server": {"name": "a/b", "description": "", "name": "c/d"}, "tools": []}' },
      [{ file: 'a.json', path: '$.server.name (line 1, column 47)' }],
    ],
    ['a bad file name', { 'My_Server.json': makeServerFile() }, [{ file: 'My_Server.json', path: '(file name)' }]],
    ['a file name the lists need', { 'page.json': makeServerFile() }, [{ file: 'page.json', path: '(file name)' }]],
    [
      'a duplicate tool name',
      { 'a.json': makeServerFile({ tools: [makeTool(), makeTool({ name: 'x' }), makeTool()] }) },
      [{ file: 'a.json', path: '$.tools[2].name' }],
    ],
    [
      'tool names whose page addresses clash',
      { 'a.json': makeServerFile({ tools: [makeTool({ name: 'getUser' }), makeTool({ name: 'GetUser' })] }) },
      [{ file: 'a.json', path: '$.tools[1].name' }],
    ],
    [
      'a non-object inputSchema, naming the tool',
      { 'a.json': makeServerFile({ tools: [makeTool({ inputSchema: 'none' })] }) },
      [{ file: 'a.json', path: '$.tools[0].inputSchema (tool "get_weather")' }],
    ],
    [
      'two files with one server name',
      { 'a.json': makeServerFile(), 'b.json': makeServerFile() },
      [{ file: 'b.json', path: '$.server.name' }],
    ],
  ])('%s', (_, files, expected) => {
    expect(problemsOf(files)).toEqual(expected);
  });

  test('a syntax error in one file and two schema errors in another: all three', () => {
    const problems = checkCatalogue(
      writeCatalogue({
        'broken-json.json': '{"server": {"name": "a/b", "description": ""}, "tools": [}',
        'two-errors.json': makeServerFile({
          server: { description: 42 },
          tools: [makeTool({ inputSchema: { type: 'array' } })],
        }),
        'fine.json': makeServerFile({ server: { name: 'io.x/fine' } }),
      }),
    ).problems;
    expect(problems.map(formatProblem)).toEqual([
      'broken-json.json line 1, column 58: expected valid JSON, found a syntax error (value expected)',
      'two-errors.json $.server.description: expected a string, found number 42',
      'two-errors.json $.tools[0].inputSchema.type (tool "get_weather"): expected "object" (MCP tools take an object of arguments), found the string "array"',
    ]);
  });

  test('quotes and colons inside strings are not keys; a key twice deep in an array is found', () => {
    const tricky = makeServerFile({
      server: { description: 'ends with a quote and colon: \\": and "x": 1' },
      tools: [makeTool({ description: '{"a": 1, "a": 2}', inputSchema: { type: 'object', enum: ['":', ':'] } })],
    });
    expect(checkCatalogue(writeCatalogue({ 'a.json': tricky })).problems).toEqual([]);
    const twice = JSON.stringify(tricky).replace('"type":"object"', '"type":"object","type":"object"');
    expect(twice).not.toBe(JSON.stringify(tricky));
    expect(problemsOf({ 'a.json': twice })).toEqual([
      { file: 'a.json', path: expect.stringMatching(/^\$\.tools\[0\]\.inputSchema\.type \(line 1, column \d+\)$/) },
    ]);
  });

  test('a huge array (300,000 enum values) is checked, not a stack overflow', () => {
    const huge = makeServerFile({
      tools: [
        makeTool({
          inputSchema: {
            type: 'object',
            properties: { x: { type: 'string', enum: Array.from({ length: 300_000 }, (_, i) => `v${i}`) } },
          },
        }),
      ],
    });
    expect(checkCatalogue(writeCatalogue({ 'a.json': huge })).problems).toEqual([]);
  });

  test('a file with 200,000 broken tools gets every problem listed, not a stack overflow', () => {
    const broken = { ...makeServerFile(), tools: Array.from({ length: 200_000 }, () => ({ description: 1 })) };
    const { problems } = checkCatalogue(writeCatalogue({ 'a.json': broken }));
    expect(problems.length).toBeGreaterThanOrEqual(200_000);
    expect(problems[0]).toMatchObject({ file: 'a.json', path: expect.stringMatching(/^\$\.tools\[0\]/) });
    // A large input on a two-core machine that may be busy: the test is about the result, not the time.
  }, 60_000);

  test('a folder that does not exist, and one without server files', () => {
    expect(checkCatalogue('/nonexistent/catalogue').problems[0]).toMatchObject({ found: 'no such folder' });
    expect(checkCatalogue(writeCatalogue({ 'notes.txt': 'x' })).problems[0]).toMatchObject({ found: 'none' });
  });

  test('a 200 KB string is described, not printed', () => {
    const [problem] = checkCatalogue(
      writeCatalogue({ 'a.json': makeServerFile({ server: { name: 'x'.repeat(200_000) } }) }),
    ).problems;
    expect(problem?.found.length).toBeLessThan(80);
  });
});

describe('catalogueDir', () => {
  test('is CATALOGUE_DIR when set, else content/servers, resolved against the working folder', () => {
    expect(catalogueDir({ CATALOGUE_DIR: 'mine' }, '/srv')).toBe(join('/srv', 'mine'));
    expect(catalogueDir({}, '/srv')).toBe('/srv/content/servers');
  });

  test.each([
    [{}, true],
    [{ CATALOGUE_DIR: 'content/servers/' }, true],
    [{ CATALOGUE_DIR: '/srv/content/servers' }, true],
    [{ CATALOGUE_DIR: 'mine' }, false],
    [{ CATALOGUE_DIR: '/elsewhere/content/servers' }, false],
  ])('with %j the folder is the bundled sample: %s', (env, sample) => {
    expect(isBundledSample(catalogueDir(env, '/srv'), '/srv')).toBe(sample);
  });
});

test.each([
  [0, 1, 1],
  [3, 1, 4],
  [4, 2, 1],
  [6, 2, 3],
])('offset %i of "abc\\ndef" is line %i column %i', (offset, line, column) => {
  expect(lineAndColumn('abc\ndef', offset)).toEqual({ line, column });
});
