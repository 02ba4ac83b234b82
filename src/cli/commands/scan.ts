/** `catalogue scan`: lists a live server's tools, over stdio or Streamable HTTP, into its catalogue file. */
import type { ScanResult } from '../../core/catalogue/import.ts';
import { fail, type Command, type ParsedArgs } from '../command.ts';
import { slugOption } from '../inputs.ts';
import { SAVE_OPTIONS, saveScan, SLUG_OPTION } from '../save-scan.ts';
import { scanHttp, scanStdio } from '../scan.ts';

/** `Name: value` headers as a record; the name ends at the first colon. */
function headerRecord(headers: string[]): Record<string, string> {
  return Object.fromEntries(
    headers.map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]),
  );
}

export const scanCommand: Command = {
  name: 'scan',
  summary: "lists a live server's tools, over stdio (its command line after --) or Streamable HTTP (--url)",
  commandLine: '[-- COMMAND [ARGS…]]',
  options: [
    SLUG_OPTION,
    { name: 'url', value: 'URL', description: 'scan the server at this Streamable HTTP address instead of a command' },
    { name: 'header', value: "'NAME: VALUE'", description: 'an HTTP request header for --url', multiple: true },
    {
      name: 'timeout',
      value: 'SECONDS',
      description: 'deadline for initialize and for each page of tools',
      default: '30',
    },
    ...SAVE_OPTIONS,
  ],
  async run(args: ParsedArgs) {
    const slug = slugOption(args.string('slug'));
    const options = { timeoutMs: Number(args.string('timeout')) * 1000 };
    const url = args.string('url');
    let result: ScanResult;
    if (url) {
      result = await scanHttp(url, headerRecord(args.strings('header') ?? []), options);
    } else {
      const argv = args.rest;
      if (argv.length === 0) fail('scan needs --url, or a command after --: scan --slug S -- <command> [args…]');
      result = await scanStdio(argv[0]!, argv.slice(1), options);
    }
    saveScan(slug, result, args.string('server-json'), args.flag('keep-reviews'));
  },
};
