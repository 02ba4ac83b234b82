/** `catalogue classify`: each tool of a server with its category, risk, signals and confidence. */
import type { AnalysedServer } from '../../core/analyse.ts';
import type { Command, ParsedArgs } from '../command.ts';
import { analysedServer, slugArgument } from '../inputs.ts';

/** One row per tool, columns padded to their widest cell. */
function classificationTable(server: AnalysedServer): string[] {
  const rows = server.tools.map((t) => [
    t.tool.name,
    t.classification.category,
    t.classification.risk,
    t.classification.signals.map((s) => s.id).join(' ') || '-',
    t.classification.confidence.toFixed(2),
  ]);
  const head = ['tool', 'category', 'risk', 'signals', 'confidence'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows].map((row) =>
    row
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

export const classifyCommand: Command = {
  name: 'classify',
  summary: "a server's tools with their category, risk, signals and confidence",
  arguments: ['SLUG'],
  options: [],
  run(args: ParsedArgs) {
    const server = analysedServer(slugArgument('classify', args.positionals[0]));
    for (const line of classificationTable(server)) console.log(line);
  },
};
