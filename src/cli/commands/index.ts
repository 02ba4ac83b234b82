/**
 * `npm run catalogue -- COMMAND …`: the catalogue commands, one module each, and the dispatch
 * from the command line to one of them (scripts/catalogue.ts is only the entry).
 */
import { HELP_FLAGS, runCommand, table, usageError, type Command } from '../command.ts';
import { classifyCommand } from './classify.ts';
import { diffCommand } from './diff.ts';
import { importCommand } from './import.ts';
import { policyCommand } from './policy.ts';
import { registrySyncCommand } from './registry-sync.ts';
import { scanAllCommand } from './scan-all.ts';
import { scanCommand } from './scan.ts';
import { validateCommand } from './validate.ts';

/** In the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  scanCommand,
  importCommand,
  validateCommand,
  classifyCommand,
  policyCommand,
  diffCommand,
  registrySyncCommand,
  scanAllCommand,
];

export const CATALOGUE = 'npm run catalogue --';

/** The list of commands, each with its summary. */
export function catalogueHelp(): string {
  return [
    `usage: ${CATALOGUE} COMMAND [options]`,
    '',
    'Builds and inspects a catalogue from live MCP servers. Files go to CATALOGUE_DIR (default content/servers),',
    'each written to a temporary file and renamed, so a failed command never leaves a partial file.',
    '',
    'Commands:',
    ...table(COMMANDS.map((c) => [c.name, c.summary])),
    '',
    `${CATALOGUE} COMMAND --help lists a command's options.`,
  ].join('\n');
}

/** The command `argv` starts with (a two-word name such as `registry sync` first), and the arguments after its name. */
function findCommand(argv: string[]): { command: Command; args: string[] } | undefined {
  for (const words of [2, 1]) {
    const command = COMMANDS.find((c) => c.name === argv.slice(0, words).join(' '));
    if (command) return { command, args: argv.slice(words) };
  }
  return undefined;
}

/** An unknown command stops with its name, and the two-word command it may have been meant as. */
function unknownCommand(argv: string[]): never {
  const near = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `)).map((c) => c.name);
  const second = argv[1];
  const typed = near.length && second && !second.startsWith('-') ? `${argv[0]} ${second}` : argv[0];
  const hint = near.length ? ` (did you mean ${near.join(' or ')}?)` : '';
  usageError(`unknown command '${typed}'${hint}`, `${CATALOGUE} --help lists the commands.`);
}

/** Runs the command line after `npm run catalogue --`. */
export async function runCatalogue(argv: string[]): Promise<void> {
  const [first] = argv;
  if (first === undefined || HELP_FLAGS.has(first) || (first === 'help' && argv.length === 1)) {
    console.log(catalogueHelp());
    return;
  }
  // `help COMMAND` is `COMMAND --help`.
  if (first === 'help') return runCatalogue([...argv.slice(1), '--help']);
  const { command, args } = findCommand(argv) ?? unknownCommand(argv);
  await runCommand(command, args, `${CATALOGUE} ${command.name}`);
}
