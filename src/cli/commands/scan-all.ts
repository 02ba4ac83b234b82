/** `catalogue scan-all`: lists the tools of every server not yet scanned at its version, sandboxed (src/cli/scan-all.ts). */
import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { catalogueDir } from '../../build/catalogue-files.ts';
import { fail, type Command, type ParsedArgs } from '../command.ts';
import { sandboxWorks } from '../sandbox.ts';
import { scanAll, type ScanAllReport } from '../scan-all.ts';

/** The value of `--flag`, which must be a positive number. */
function positive(args: ParsedArgs, flag: string): number {
  const text = args.string(flag)!;
  const n = Number(text);
  if (!(n > 0)) fail(`--${flag} ${text}: expected a positive number`);
  return n;
}

/** Stops before any server starts when the sandbox cannot run here, unless --no-sandbox says to go unconfined. */
function requireSandbox(): void {
  const works = sandboxWorks();
  if (!works.ok)
    fail(
      `scan-all runs every server inside bubblewrap, and ${works.reason}. Install it (Debian: apt-get install bubblewrap), or pass --no-sandbox to run third-party servers unconfined on this machine.`,
    );
}

function printTotals(report: ScanAllReport): void {
  const t = report.totals;
  console.log(
    `${t.scanned} scanned, ${t['needs-auth']} need authentication, ${t['runtime-unavailable']} runtime not available, ${t.failed} failed, ${t.skipped} skipped`,
  );
}

export const scanAllCommand: Command = {
  name: 'scan-all',
  summary: 'lists the tools of every server not yet scanned at its current version, each inside a sandbox',
  options: [
    { name: 'concurrency', value: 'N', description: 'servers scanned at once', default: '2' },
    {
      name: 'timeout',
      value: 'SECONDS',
      description: 'deadline for initialize and for each page of tools',
      default: '30',
    },
    { name: 'install-timeout', value: 'SECONDS', description: 'deadline for fetching one npm package', default: '300' },
    {
      name: 'report',
      value: 'FILE',
      description:
        "write the JSON report here: every server's outcome, each failed attempt's whole output and command line",
    },
    {
      name: 'only',
      value: 'SLUG…',
      description: 'only these servers, scanned even if done: --only A B, or --only A --only B',
      multiple: true,
      variadic: true,
    },
    { name: 'retry', description: 'try again servers whose last attempt at this version did not list their tools' },
    { name: 'no-sandbox', description: 'run local servers unconfined, without bubblewrap (third-party code!)' },
    { name: 'allow-private-remotes', description: 'allow remotes on loopback, private and link-local addresses' },
    {
      name: 'cache',
      value: 'DIR',
      description:
        'where npm packages are installed (default: $XDG_CACHE_HOME/mcp-catalogue, or ~/.cache/mcp-catalogue)',
    },
  ],
  async run(args: ParsedArgs) {
    const sandbox = !args.flag('no-sandbox');
    if (sandbox) requireSandbox();
    const only = args.strings('only');
    const report = await scanAll({
      dir: catalogueDir(),
      concurrency: Math.floor(positive(args, 'concurrency')),
      timeoutMs: positive(args, 'timeout') * 1000,
      installTimeoutMs: positive(args, 'install-timeout') * 1000,
      ...(only ? { only } : {}),
      retry: args.flag('retry'),
      sandbox,
      allowPrivateRemotes: args.flag('allow-private-remotes'),
      cacheDir: resolve(
        args.string('cache') ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mcp-catalogue'),
      ),
      log: (line) => console.error(line),
    });
    const reportPath = args.string('report');
    if (reportPath) writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    printTotals(report);
  },
};
