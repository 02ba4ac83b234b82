/** How the catalogue commands read their command line, without starting one: `--only A B` and its mistakes. */
import { describe, expect, test } from 'vitest';
import { parseCommand, UsageError } from '../../src/cli/command.ts';
import { scanAllCommand } from '../../src/cli/commands/scan-all.ts';

const only = (...args: string[]) => parseCommand(scanAllCommand, args).strings('only');

describe('scan-all --only', () => {
  test.each([
    [
      ['--only', 'a', 'b'],
      ['a', 'b'],
    ],
    [
      ['--only', 'a', '--only', 'b'],
      ['a', 'b'],
    ],
    [
      ['--only=a', 'b', 'c'],
      ['a', 'b', 'c'],
    ],
    [
      ['--only', 'a', 'b', '--retry', '--only', 'c'],
      ['a', 'b', 'c'],
    ],
    [['--concurrency', '4', '--only', 'a'], ['a']],
    [['--retry'], undefined],
  ])('%j reads as %j', (args, slugs) => {
    expect(only(...args)).toEqual(slugs);
  });

  test('the other options keep their values', () => {
    const args = parseCommand(scanAllCommand, ['--only', 'a', 'b', '--timeout', '5', '--retry']);
    expect(args.string('timeout')).toBe('5');
    expect(args.flag('retry')).toBe(true);
  });

  test('a word after a flag is still an argument too many', () => {
    expect(() => only('--retry', 'a')).toThrow(UsageError);
    expect(() => only('--retry', 'a')).toThrow("Unexpected argument 'a'");
  });

  test('--only without a slug is a usage mistake naming it', () => {
    expect(() => only('--only')).toThrow(/--only/);
  });
});
