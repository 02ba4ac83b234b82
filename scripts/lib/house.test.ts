import { describe, expect, test } from 'vitest';
import { coreImportProblems, folderMapProblems, longBlocks, OUTSIDE_REFERENCE } from './house.ts';

const body = (lines: number) => Array.from({ length: lines }, (_, i) => `  const v${i} = ${i};`).join('\n');

describe('longBlocks', () => {
  test('finds a function over the limit by name and line, and passes one at the limit', () => {
    const text = `function short() {\n${body(78)}\n}\n\nexport function long() {\n${body(79)}\n}\n`;
    expect(longBlocks('a.ts', text)).toEqual([{ file: 'a.ts', line: 82, name: 'long', lines: 81 }]);
  });

  test('names arrow functions by their variable and counts methods', () => {
    const text = `const arrow = () => {\n${body(80)}\n};\nclass C {\n  method() {\n${body(80)}\n  }\n}\n`;
    expect(longBlocks('a.ts', text).map((b) => b.name)).toEqual(['arrow', 'method']);
  });

  test("reads an .astro file's frontmatter and scripts, with their line in the file", () => {
    const text = `---\n${body(81)}\n---\n<p>x</p>\n<script>\n${body(81)}\n</script>\n`;
    expect(longBlocks('p.astro', text).map((b) => [b.name, b.line])).toEqual([
      ['frontmatter', 2],
      ['script', 85],
    ]);
  });
});

describe('coreImportProblems', () => {
  test.each([
    ['./text.ts', []],
    ['../../schemas/tool.ts', []],
    ['../text.ts', []],
    ['zod', []],
    ['node:crypto', []],
    ['../../build/shards.ts', ['src/core/policy/x.ts imports ../../build/shards.ts, outside the core and the schemas']],
    [
      '../../data/catalogue.ts',
      ['src/core/policy/x.ts imports ../../data/catalogue.ts, outside the core and the schemas'],
    ],
    ['node:fs', ['src/core/policy/x.ts imports node:fs']],
    ['astro:content', ['src/core/policy/x.ts imports astro:content']],
  ])('from src/core/policy/x.ts, %s', (specifier, problems) => {
    expect(coreImportProblems('src/core/policy/x.ts', `import { a } from '${specifier}';\n`)).toEqual(problems);
  });

  test('sees dynamic imports, re-exports and process.env', () => {
    const text = "export { a } from 'node:os';\nconst b = await import('node:fs');\nconst c = process.env.X;\n";
    expect(coreImportProblems('src/core/x.ts', text)).toEqual([
      'src/core/x.ts imports node:os',
      'src/core/x.ts imports node:fs',
      'src/core/x.ts reads process.env',
    ]);
  });
});

test.each(['see SPEC.md', 'in ../shared/catalogues', 'CONVENTIONS.md says'])('%j is an outside reference', (text) => {
  expect(OUTSIDE_REFERENCE.test(text)).toBe(true);
});

describe('folderMapProblems', () => {
  const readme =
    '<!-- folder-map:start -->\n| where | what |\n| --- | --- |\n| `src/a/`, `src/b/` | x |\n<!-- folder-map:end -->';
  test('names paths that do not exist and folders the map leaves out', () => {
    expect(folderMapProblems(readme, (p) => p !== 'src/b/', ['src/a', 'src/c'])).toEqual([
      "README.md's folder map names src/b/, which does not exist",
      "README.md's folder map does not name src/c/",
    ]);
  });
  test('a README without a map is one problem', () => {
    expect(folderMapProblems('# x', () => true, [])).toHaveLength(1);
  });
});
