/**
 * What every catalogue command shares: how it describes itself (name, summary, options), how
 * its arguments are parsed (Node's `util.parseArgs`), its `--help`, and how it fails. A usage
 * mistake (an unknown command or option, an option without its value, an argument too many)
 * exits 2 and points to `--help`; a command that cannot do its work exits 1 with the reason.
 */
import { parseArgs } from 'node:util';

export interface CommandOption {
  /** Without the dashes: `slug` for `--slug`. */
  name: string;
  /** The value's name in the help (`SLUG`); none for a flag, which takes no value. */
  value?: string;
  /** One line. */
  description: string;
  /** The value when the option is not given; also shown in the help. */
  default?: string;
  /** May be given more than once; the values are kept in order. */
  multiple?: boolean;
  /**
   * With `multiple`: also takes every word after it up to the next option, so `--only A B`
   * is `--only A --only B`. Only for a command without arguments, which would be taken.
   */
  variadic?: boolean;
}

export interface Command {
  /** As typed after `npm run catalogue --`: `scan`, `registry sync`. */
  name: string;
  /** One line, for the list of commands. */
  summary: string;
  /** The arguments after the options, as the help names them (`SLUG`, `[DIR]`): at most this many. */
  arguments?: string[];
  /**
   * Takes a command line after `--` (`scan`), given to `run` as `rest` instead of as arguments;
   * the help shows this text for it.
   */
  commandLine?: string;
  options: CommandOption[];
  run(args: ParsedArgs): void | Promise<void>;
}

/** A command's parsed command line; reading an option the command does not declare is a programming error. */
export interface ParsedArgs {
  /** A string option's value (or its default). */
  string(name: string): string | undefined;
  /** A repeatable option's values in order, or undefined when it was not given. */
  strings(name: string): string[] | undefined;
  /** Whether a flag was given. */
  flag(name: string): boolean;
  positionals: string[];
  /** What follows `--` for a command with a `commandLine`. */
  rest: string[];
}

/** A mistake in the command line rather than a failure of the command: exit 2. */
export class UsageError extends Error {}

/** Prints why the command cannot go on and exits 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** What asks for help, anywhere among a command's options. */
export const HELP_FLAGS: ReadonlySet<string> = new Set(['--help', '-h']);

/** Whether the options (everything before a lone `--`) ask for help. */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end >= 0 ? args.slice(0, end) : args).some((a) => HELP_FLAGS.has(a));
}

/** `--only A B C` as `--only A --only B --only C`, for the command's variadic options; the rest as it is. */
function spreadVariadic(command: Command, args: string[]): string[] {
  const variadic = new Set(command.options.filter((o) => o.variadic).map((o) => `--${o.name}`));
  if (variadic.size === 0) return args;
  const out: string[] = [];
  let option: string | undefined;
  let needsValue = false;
  for (const arg of args) {
    if (arg.startsWith('-')) {
      const name = arg.split('=')[0]!;
      option = variadic.has(name) ? name : undefined;
      // `--only A`: A is the option's own value; `--only=A`: the next word already is one more.
      needsValue = Boolean(option) && !arg.includes('=');
      out.push(arg);
    } else if (option && !needsValue) out.push(option, arg);
    else {
      out.push(arg);
      needsValue = false;
    }
  }
  return out;
}

/** Parses `args` as `command` declares them; a mistake throws a UsageError naming the option or argument. */
export function parseCommand(command: Command, args: string[]): ParsedArgs {
  // `scan … -- <command> [args…]`: everything after the first `--` is the server's command line, untouched.
  const split = command.commandLine ? args.indexOf('--') : -1;
  const options = Object.fromEntries(
    command.options.map((o) => [
      o.name,
      {
        type: o.value ? ('string' as const) : ('boolean' as const),
        ...(o.multiple ? { multiple: true } : {}),
        ...(o.default !== undefined ? { default: o.default } : {}),
      },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: spreadVariadic(command, split >= 0 ? args.slice(0, split) : args),
      options,
      allowPositionals: Boolean(command.arguments),
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const names = command.arguments ?? [];
  const extra = parsed.positionals[names.length];
  if (extra !== undefined)
    throw new UsageError(`Unexpected argument '${extra}': ${command.name} takes ${names.join(' ')}`);
  return parsedArgs(command, parsed, split >= 0 ? args.slice(split + 1) : []);
}

/** `parseArgs`' result behind accessors that refuse an option the command does not declare. */
function parsedArgs(command: Command, parsed: ReturnType<typeof parseArgs>, rest: string[]): ParsedArgs {
  const value = (name: string) => {
    if (!command.options.some((o) => o.name === name)) throw new Error(`${command.name} has no option --${name}`);
    return parsed.values[name];
  };
  return {
    string: (name) => value(name) as string | undefined,
    strings: (name) => value(name) as string[] | undefined,
    flag: (name) => (value(name) as boolean | undefined) ?? false,
    positionals: parsed.positionals,
    rest,
  };
}

/** `--slug SLUG` as the help writes an option. */
function optionLabel(option: CommandOption): string {
  return `--${option.name}${option.value ? ` ${option.value}` : ''}`;
}

/** The help of one command: its usage line, summary, then one line per option. */
export function commandHelp(command: Command, invocation: string): string {
  const usage = [invocation, command.options.length ? '[options]' : '', ...(command.arguments ?? [])];
  if (command.commandLine) usage.push(command.commandLine);
  const rows: [string, string][] = command.options.map((o) => [
    optionLabel(o),
    `${o.description}${o.multiple && !o.variadic ? ' (repeatable)' : ''}${o.default !== undefined ? ` (default: ${o.default})` : ''}`,
  ]);
  rows.push(['--help', 'this help']);
  return [`usage: ${usage.filter(Boolean).join(' ')}`, '', command.summary, '', 'Options:', ...table(rows)].join('\n');
}

/** Two columns, the first padded to its longest cell. */
export function table(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/**
 * Runs `command` with the arguments that follow its name: its help when asked, exit 2 on a usage
 * mistake, exit 1 with the message when the command fails. `invocation` is how the user typed it.
 */
export async function runCommand(command: Command, args: string[], invocation: string): Promise<void> {
  if (asksForHelp(args)) {
    console.log(commandHelp(command, invocation));
    return;
  }
  try {
    await command.run(parseCommand(command, args));
  } catch (error) {
    if (error instanceof UsageError)
      usageError(`${invocation}: ${error.message}`, `${invocation} --help lists its options.`);
    fail((error as Error).message);
  }
}

/** Prints a usage mistake and the sentence that says where the help is, and exits 2. */
export function usageError(message: string, help: string): never {
  console.error(`${message}\n${help}`);
  process.exit(2);
}
