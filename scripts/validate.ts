/**
 * `npm run validate [dir]`: checks a catalogue folder (default `CATALOGUE_DIR`, then
 * `content/servers`) and prints every problem, or a one-line summary. The same command as
 * `npm run catalogue -- validate` (src/cli/commands/validate.ts).
 */
import { runCommand } from '../src/cli/command.ts';
import { validateCommand } from '../src/cli/commands/validate.ts';

await runCommand(validateCommand, process.argv.slice(2), 'npm run validate');
