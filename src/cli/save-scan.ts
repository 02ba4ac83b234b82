/**
 * Writes what `scan` and `import` found into the catalogue: the server file in CATALOGUE_DIR
 * (default content/servers), written to a temporary file and renamed, so a failed scan never
 * leaves a partial file.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueDir } from '../build/catalogue-files.ts';
import { formatReport, mergeScan, serverFileFromScan, type ScanResult } from '../core/catalogue/import.ts';
import { plural } from '../core/text.ts';
import { serverFileSchema, type ServerFile } from '../schemas/catalogue.ts';
import { fail, type CommandOption } from './command.ts';
import { readJson } from './inputs.ts';

/** Which file `scan` and `import` write. */
export const SLUG_OPTION: CommandOption = {
  name: 'slug',
  value: 'SLUG',
  description: "the server's file name in the catalogue (required), e.g. my-server",
};

/** The options `scan` and `import` share besides --slug: what else goes into the file, and what of it is kept. */
export const SAVE_OPTIONS: CommandOption[] = [
  { name: 'server-json', value: 'FILE', description: "a registry server.json, whose fields win over the server's" },
  { name: 'keep-reviews', description: 'keep the curator reviews of tools whose definition changed' },
];

interface PreviousFile {
  server: ServerFile['server'];
  registry?: unknown;
  tools: Record<string, unknown>[];
}

/** Writes the server file (keeping reviews from the previous one) and prints what changed. */
export function saveScan(slug: string, scan: ScanResult, serverJson: string | undefined, keepReviews: boolean): void {
  const dir = catalogueDir();
  const path = join(dir, `${slug}.json`);
  const registry = serverJson ? (readJson(serverJson, '--server-json') as Record<string, unknown>) : undefined;
  const previous = existsSync(path) ? (readJson(path) as PreviousFile) : undefined;
  // A file from `registry sync` keeps the registry's server part as sent (unless --server-json
  // replaces it) and its registry record, and records the scan as scan-all would.
  const synced = previous?.registry !== undefined ? previous : undefined;
  const next =
    synced && !registry
      ? { server: synced.server, tools: scan.tools as ServerFile['tools'] }
      : serverFileFromScan(scan, registry);
  const merged = mergeScan(previous, next, keepReviews);
  const { report } = merged;
  const file = synced ? withScanRecord(merged.file, synced.registry) : merged.file;
  const checked = serverFileSchema.safeParse(file);
  if (!checked.success)
    fail(
      `The server's answer is not a valid catalogue file, nothing written:\n${checked.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`);
  renameSync(temporary, path);
  console.log(`${path}: ${plural(file.tools.length, 'tool')}`);
  for (const line of previous ? formatReport(slug, report) : []) console.log(line);
}

/** A synced server's file after a scan: its registry record kept, the scan recorded as scan-all records it. */
function withScanRecord(file: ServerFile, registry: unknown) {
  const now = new Date().toISOString();
  return {
    server: file.server,
    registry,
    scan: {
      status: 'scanned',
      ...(file.server.version ? { version: file.server.version } : {}),
      attemptedAt: now,
      listedAt: now,
      via: 'catalogue scan',
    },
    tools: file.tools,
  };
}
