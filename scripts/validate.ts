/**
 * `npm run validate [dir]`: checks a catalogue folder (default `CATALOGUE_DIR`, then
 * `content/servers`) and prints every problem, or a one-line summary.
 */
import { resolve } from 'node:path';
import { checkCatalogue, catalogueDir } from '../src/build/catalogue-files.ts';
import { formatProblems } from '../src/core/catalogue/problems.ts';
import { plural } from '../src/core/text.ts';

const dir = process.argv[2] ? resolve(process.argv[2]) : catalogueDir();
const { catalogue, problems } = checkCatalogue(dir);
if (!catalogue || problems.length > 0) {
  console.error(formatProblems(problems, dir));
  process.exit(1);
}
console.log(
  `${dir}: ${plural(catalogue.servers.length, 'server')}, ${plural(catalogue.toolCount, 'tool')}, no problems.${catalogue.deleted.length ? ` ${plural(catalogue.deleted.length, 'file')} of servers the registry deleted, kept off the site.` : ''}`,
);
