/** `catalogue registry sync`: one catalogue file per server of an MCP Registry (src/cli/registry.ts). */
import { catalogueDir } from '../../build/catalogue-files.ts';
import { describePosition, formatSummary } from '../../core/registry/sync-plan.ts';
import { plural } from '../../core/text.ts';
import { fail, type Command, type ParsedArgs } from '../command.ts';
import { OFFICIAL_REGISTRY, syncRegistry } from '../registry.ts';

export const registrySyncCommand: Command = {
  name: 'registry sync',
  summary: "writes one file per server of an MCP Registry's latest versions (the official one by default)",
  options: [
    { name: 'registry', value: 'URL', description: 'the registry to read', default: OFFICIAL_REGISTRY },
    { name: 'since', value: 'RFC3339', description: 'only servers updated since this time, e.g. 2025-09-01T00:00:00Z' },
  ],
  async run(args: ParsedArgs) {
    const registry = args.string('registry')!;
    const since = args.string('since');
    if (since !== undefined && Number.isNaN(Date.parse(since)))
      fail(`--since ${since}: expected an RFC 3339 time, e.g. 2025-09-01T00:00:00Z`);
    const dir = catalogueDir();
    const started = Date.now();
    const plan = await syncRegistry(dir, registry, {
      ...(since ? { since } : {}),
      log: (line) => console.error(line),
    });
    for (const r of plan.rejected)
      console.log(`rejected ${describePosition(r.position)}${r.name ? ` ${r.name}` : ''}: ${r.reason}`);
    for (const name of plan.deletedNames) console.log(`deleted: ${name}`);
    for (const name of plan.missing) console.log(`no longer listed by the registry (file left as it is): ${name}`);
    console.log(
      `${registry}: ${plural(plan.pages, 'page')} in ${((Date.now() - started) / 1000).toFixed(1)} s; ${formatSummary(plan.summary)}; ${plural(plan.writes.length, 'file')} written to ${dir}`,
    );
  },
};
