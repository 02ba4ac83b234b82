/**
 * The house rules a reviewer would otherwise check by eye (docs/architecture.md, "House rules"):
 * no function or page script over 80 lines in `src/` and `scripts/`, a core that imports nothing
 * from the layers above it and touches no files, and no reference to a design outside the repository.
 */
import { posix } from 'node:path';
import ts from 'typescript';

export const MAX_FUNCTION_LINES = 80;

export interface LongBlock {
  file: string;
  line: number;
  name: string;
  lines: number;
}

/** The TypeScript of a file: an `.astro` file's frontmatter and each of its `<script>` elements. */
function codeChunks(file: string, text: string): { label: string; code: string; line: number }[] {
  if (!file.endsWith('.astro')) return [{ label: '', code: text, line: 1 }];
  const chunks: { label: string; code: string; line: number }[] = [];
  const front = /^---\n([\s\S]*?)\n---/.exec(text);
  if (front) chunks.push({ label: 'frontmatter', code: front[1]!, line: 2 });
  for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const line = text.slice(0, script.index).split('\n').length;
    chunks.push({ label: 'script', code: script[1]!, line });
  }
  return chunks;
}

const lineOf = (source: ts.SourceFile, position: number) => source.getLineAndCharacterOfPosition(position).line;

function functionName(node: ts.FunctionLikeDeclaration): string {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) return parent.name.getText();
  return '(anonymous function)';
}

/** Every function, method, frontmatter and page script longer than `max` lines. */
export function longBlocks(file: string, text: string, max = MAX_FUNCTION_LINES): LongBlock[] {
  const found: LongBlock[] = [];
  for (const chunk of codeChunks(file, text)) {
    const source = ts.createSourceFile(file, chunk.code, ts.ScriptTarget.Latest, true);
    const lines = chunk.code.split('\n').length;
    if (chunk.label && lines > max) found.push({ file, line: chunk.line, name: chunk.label, lines });
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const fn = node as ts.FunctionLikeDeclaration;
        const length = lineOf(source, fn.getEnd()) - lineOf(source, fn.getStart()) + 1;
        if (length > max) {
          found.push({ file, line: chunk.line + lineOf(source, fn.getStart()), name: functionName(fn), lines: length });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** What the pure core may not import besides its own modules and the schemas: Astro, files, processes, the network. */
const CORE_FORBIDDEN_PACKAGES = /^(astro(:|$|\/)|node:(fs|child_process|os|net|http|https|worker_threads)(\/|$))/;

/** The imports of a core module (`src/core/…`, a path from the repository root) that break the layering. */
export function coreImportProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const check = (specifier: string) => {
    if (specifier.startsWith('.')) {
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      if (!target.startsWith('src/core/') && !target.startsWith('src/schemas/'))
        problems.push(`${file} imports ${specifier}, outside the core and the schemas`);
    } else if (CORE_FORBIDDEN_PACKAGES.test(specifier)) {
      problems.push(`${file} imports ${specifier}`);
    }
  };
  source.forEachChild(function visit(node) {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
      check((node.moduleSpecifier as ts.StringLiteral).text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) check(arg.text);
    }
    if (ts.isPropertyAccessExpression(node) && node.getText() === 'process.env')
      problems.push(`${file} reads process.env`);
    node.forEachChild(visit);
  });
  return problems;
}

/** A reference to a design document that a clone of the repository does not have. */
export const OUTSIDE_REFERENCE = /SPEC\.md|\.\.\/shared\b|CONVENTIONS\.md/;

/**
 * Where the README's map of the folders (between `<!-- folder-map:start -->` and `…:end -->`) and
 * the tree disagree: a path it names that does not exist, or a folder of `src/` (and of `src/core/`)
 * it does not name.
 */
export function folderMapProblems(
  readme: string,
  exists: (path: string) => boolean,
  folders: readonly string[],
): string[] {
  const map = /<!-- folder-map:start -->([\s\S]*?)<!-- folder-map:end -->/.exec(readme)?.[1];
  if (map === undefined) return ['README.md has no folder map (<!-- folder-map:start --> … <!-- folder-map:end -->)'];
  const named = new Set<string>();
  for (const row of map.split('\n').filter((line) => line.startsWith('|'))) {
    const first = row.split('|')[1] ?? '';
    for (const [, path] of first.matchAll(/`([^`]+)`/g)) named.add(path!);
  }
  const problems = [...named]
    .filter((path) => !exists(path))
    .map((path) => `README.md's folder map names ${path}, which does not exist`);
  for (const folder of folders)
    if (!named.has(`${folder}/`)) problems.push(`README.md's folder map does not name ${folder}/`);
  return problems;
}
