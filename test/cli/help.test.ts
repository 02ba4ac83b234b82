/** `npm run catalogue -- --help`, `COMMAND --help`, and the usage mistakes that exit 2 pointing to them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { validateCommand } from '../../src/cli/commands/validate.ts';
import { cli, ROOT } from './run-cli.ts';

/** No command here reads it, but every run gets a folder of its own. */
const dir = mkdtempSync(join(tmpdir(), 'help-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each test starts the CLI (Node loading the MCP SDK, about a second alone): generous on a busy machine. */
const SPAWN = { timeout: 60_000 };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('npm run catalogue -- --help', SPAWN, () => {
  test('--help, help and no command at all list every command with its summary', async () => {
    const runs = await Promise.all([cli(['--help'], dir), cli(['help'], dir), cli([], dir)]);
    for (const run of runs) {
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(runs[0]!.stdout);
    }
    for (const command of COMMANDS)
      expect(runs[0]!.stdout).toMatch(new RegExp(`^  ${escape(command.name)} +${escape(command.summary)}$`, 'm'));
    expect(runs[0]!.stdout).toContain('npm run catalogue -- COMMAND --help');
  });

  test.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s --help lists each of its options, one line each',
    async (name, command) => {
      const help = await cli([...name.split(' '), '--help'], dir);
      expect(help.status, help.stderr).toBe(0);
      expect(help.stdout).toContain(`usage: npm run catalogue -- ${name}`);
      expect(help.stdout).toContain(command.summary);
      for (const option of command.options) {
        const label = `--${option.name}${option.value ? ` ${option.value}` : ''}`;
        expect(help.stdout).toMatch(new RegExp(`^  ${escape(label)} +${escape(option.description)}`, 'm'));
        if (option.default !== undefined) expect(help.stdout).toContain(`(default: ${option.default})`);
      }
    },
  );

  test('help COMMAND is COMMAND --help, two-word names too', async () => {
    const [help, viaHelp] = await Promise.all([
      cli(['registry', 'sync', '--help'], dir),
      cli(['help', 'registry', 'sync'], dir),
    ]);
    expect(viaHelp.status, viaHelp.stderr).toBe(0);
    expect(viaHelp.stdout).toBe(help.stdout);
  });

  test('--help after -- belongs to the server command line of scan, not to scan', async () => {
    const { status, stdout } = await cli(['scan', '--', 'no-such-server', '--help'], dir);
    expect(status).toBe(1);
    expect(stdout).not.toContain('usage:');
  });
});

describe('usage mistakes exit 2, name themselves and point to --help', SPAWN, () => {
  test.each(COMMANDS.map((c) => [c.name] as const))('%s --no-such-option', async (name) => {
    const { status, stdout, stderr } = await cli([...name.split(' '), '--no-such-option'], dir);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("Unknown option '--no-such-option'");
    expect(stderr).toContain(`npm run catalogue -- ${name} --help`);
  });

  test('an unknown command', async () => {
    const { status, stderr } = await cli(['no-such-command'], dir);
    expect(status).toBe(2);
    expect(stderr).toContain("unknown command 'no-such-command'");
    expect(stderr).toContain('npm run catalogue -- --help');
  });

  test('registry without sync is named, with the command it may mean', async () => {
    const { status, stderr } = await cli(['registry'], dir);
    expect(status).toBe(2);
    expect(stderr).toContain("unknown command 'registry' (did you mean registry sync?)");
  });

  test('an argument too many is named', async () => {
    const { status, stderr } = await cli(['classify', 'one', 'two'], dir);
    expect(status).toBe(2);
    expect(stderr).toContain("Unexpected argument 'two'");
  });

  test('an option without its value is named', async () => {
    const { status, stderr } = await cli(['import', '--tools'], dir);
    expect(status).toBe(2);
    expect(stderr).toContain("'--tools <value>'");
  });
});

describe('npm run validate', SPAWN, () => {
  const validate = (...args: string[]) =>
    spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/validate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  test('is the validate command: the same --help', () => {
    const { status, stdout } = validate('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('usage: npm run validate [DIR]');
    expect(stdout).toContain(validateCommand.summary);
  });

  test('an unknown option exits 2 naming it', () => {
    const { status, stderr } = validate('--no-such-option');
    expect(status).toBe(2);
    expect(stderr).toContain("Unknown option '--no-such-option'");
    expect(stderr).toContain('npm run validate --help');
  });
});
