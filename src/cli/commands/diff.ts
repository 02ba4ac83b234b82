/** `catalogue diff`: the servers and tools added, removed and changed between two catalogue folders. */
import { resolve } from 'node:path';
import { loadCatalogue } from '../../build/catalogue-files.ts';
import { formatReport, mergeScan } from '../../core/catalogue/import.ts';
import { plural } from '../../core/text.ts';
import { fail, type Command, type ParsedArgs } from '../command.ts';

/** One line per change, servers in the new folder's order, then the servers it no longer has. */
function diffLines(oldDir: string, newDir: string): string[] {
  const before = new Map(loadCatalogue(resolve(oldDir)).servers.map((s) => [s.slug, s]));
  const after = loadCatalogue(resolve(newDir));
  const lines: string[] = [];
  for (const server of after.servers) {
    const old = before.get(server.slug);
    if (!old) lines.push(`${server.slug}: new server with ${plural(server.tools.length, 'tool')}`);
    else
      lines.push(
        ...formatReport(
          server.slug,
          mergeScan(
            { tools: old.tools.map((t) => t.tool) },
            { server: server.server, tools: server.tools.map((t) => t.tool) },
          ).report,
        ),
      );
    before.delete(server.slug);
  }
  for (const slug of before.keys()) lines.push(`${slug}: server removed`);
  return lines;
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'the servers and tools added, removed and changed between two catalogue folders',
  arguments: ['OLD_DIR', 'NEW_DIR'],
  options: [],
  run(args: ParsedArgs) {
    const [oldDir, newDir] = args.positionals;
    if (!oldDir || !newDir) fail('diff needs OLD_DIR and NEW_DIR: diff OLD_DIR NEW_DIR');
    const lines = diffLines(oldDir, newDir);
    console.log(lines.length ? lines.join('\n') : 'No changes.');
  },
};
