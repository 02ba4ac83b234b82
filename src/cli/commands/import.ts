/** `catalogue import`: a server's catalogue file from a saved `tools/list` response. */
import { fail, type Command, type ParsedArgs } from '../command.ts';
import { readJson, slugOption } from '../inputs.ts';
import { SAVE_OPTIONS, saveScan, SLUG_OPTION } from '../save-scan.ts';

export const importCommand: Command = {
  name: 'import',
  summary: "writes a server's file from a saved tools/list response",
  options: [
    SLUG_OPTION,
    { name: 'tools', value: 'FILE', description: 'the saved tools/list result, {"tools": [...]} (required)' },
    ...SAVE_OPTIONS,
  ],
  run(args: ParsedArgs) {
    const slug = slugOption(args.string('slug'));
    const path = args.string('tools');
    if (!path) fail('import needs --tools <tools-list.json>');
    const response = readJson(path, '--tools') as { tools?: unknown; result?: { tools?: unknown } };
    const tools = response.tools ?? response.result?.tools;
    if (!Array.isArray(tools)) fail(`--tools ${path}: expected a tools/list result, {"tools": [...]}`);
    saveScan(slug, { serverInfo: { name: slug }, tools }, args.string('server-json'), args.flag('keep-reviews'));
  },
};
