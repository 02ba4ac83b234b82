/** `catalogue validate` (and `npm run validate`): checks a catalogue folder, every problem or a one-line summary. */
import { resolve } from 'node:path';
import { catalogueDir, checkCatalogue } from '../../build/catalogue-files.ts';
import { formatProblems } from '../../core/catalogue/problems.ts';
import { plural } from '../../core/text.ts';
import { fail, type Command, type ParsedArgs } from '../command.ts';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'checks a catalogue folder (default CATALOGUE_DIR) and prints every problem, or a one-line summary',
  arguments: ['[DIR]'],
  options: [],
  run(args: ParsedArgs) {
    const [folder] = args.positionals;
    const dir = folder ? resolve(folder) : catalogueDir();
    const { catalogue, problems } = checkCatalogue(dir);
    if (!catalogue) fail(formatProblems(problems, dir));
    const deleted = catalogue.deleted.length
      ? ` ${plural(catalogue.deleted.length, 'file')} of servers the registry deleted, kept off the site.`
      : '';
    console.log(
      `${dir}: ${plural(catalogue.servers.length, 'server')}, ${plural(catalogue.toolCount, 'tool')}, no problems.${deleted}`,
    );
  },
};
