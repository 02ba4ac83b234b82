/** What several catalogue commands read from their command line: a JSON file, a server slug, a catalogue server. */
import { readFileSync } from 'node:fs';
import { catalogueDir, loadCatalogue } from '../build/catalogue-files.ts';
import { analyseCatalogue, type AnalysedServer } from '../core/analyse.ts';
import { isServerSlug } from '../core/catalogue/slug.ts';
import { fail } from './command.ts';

/** The JSON in `path`; a file that cannot be read or parsed stops the command, `label` (e.g. `--tools`) naming where it came from. */
export function readJson(path: string, label?: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`${label ? `${label} ` : ''}${path}: ${(error as Error).message}`);
  }
}

/** The value of `--slug`, which must be a server slug. */
export function slugOption(value: string | undefined): string {
  if (!value || !isServerSlug(value))
    fail('--slug is required: lower-case letters, digits and "-", e.g. --slug my-server');
  return value;
}

/** A command's SLUG argument, which must be a server slug. */
export function slugArgument(command: string, value: string | undefined): string {
  if (!value || !isServerSlug(value))
    fail(`${command} needs a server SLUG: lower-case letters, digits and "-", e.g. ${command} my-server`);
  return value;
}

/** The server `slug` of the catalogue in CATALOGUE_DIR, classified and with its policies, as its page shows it. */
export function analysedServer(slug: string): AnalysedServer {
  const server = analyseCatalogue(loadCatalogue(catalogueDir())).find((s) => s.slug === slug);
  if (!server) fail(`No server ${slug} in ${catalogueDir()}`);
  return server;
}
