/**
 * Reads a catalogue folder from disk and hands its files to the pure checks in
 * src/core/catalogue/check.ts (docs/catalogue-format.md).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkServerFiles, type Catalogue } from '../core/catalogue/check.ts';
import { CatalogueError, type Problem } from '../core/catalogue/problems.ts';

export type { Catalogue, CatalogueServer, CatalogueTool } from '../core/catalogue/check.ts';

/** The bundled sample catalogue, inside the project. */
const SAMPLE_DIR = 'content/servers';

/** The folder a build, a validation or an import reads: `CATALOGUE_DIR`, or the bundled sample. */
export function catalogueDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return resolve(cwd, env.CATALOGUE_DIR || SAMPLE_DIR);
}

/**
 * Whether `dir` is the bundled sample, whose servers are mostly made up: a site built
 * from it says so, one built from a company's own catalogue does not.
 */
export function isBundledSample(dir: string, cwd = process.cwd()): boolean {
  return resolve(cwd, dir) === resolve(cwd, SAMPLE_DIR);
}

/** Reads and validates a catalogue folder; throws a `CatalogueError` that lists every problem. */
export function loadCatalogue(dir: string): Catalogue {
  const { catalogue, problems } = checkCatalogue(dir);
  if (problems.length > 0 || !catalogue) throw new CatalogueError(problems, dir);
  return catalogue;
}

/**
 * Reads every `*.json` in `dir` and checks them all. Files are read synchronously in name order:
 * that keeps the output deterministic and never opens thousands of files at once.
 */
export function checkCatalogue(dir: string): { catalogue?: Catalogue; problems: Problem[] } {
  const absolute = resolve(dir);
  let names: string[];
  try {
    if (!statSync(absolute).isDirectory()) throw new Error('not a folder');
    names = readdirSync(absolute)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch {
    return {
      problems: [
        { file: absolute, path: '(folder)', expected: 'a folder of <server>.json files', found: 'no such folder' },
      ],
    };
  }
  if (names.length === 0) {
    return {
      problems: [{ file: absolute, path: '(folder)', expected: 'at least one <server>.json file', found: 'none' }],
    };
  }
  return checkServerFiles(
    absolute,
    names.map((name) => ({ name, read: () => readFileSync(join(absolute, name)) })),
  );
}
