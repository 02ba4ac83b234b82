/**
 * Turns the search records (src/core/search/records.ts) into the Pagefind index.
 *
 * The records are written as small files, one folder per URL, and handed to
 * Pagefind as a directory: Pagefind then reads and parses them on every core,
 * where records sent one by one over its service pipe are handled one at a time
 * (at 50,000 tools: about 7 s against about 50 s; BENCHMARKS.md). The same records
 * give the same index, byte for byte.
 *
 * `npm run build` (scripts/build.ts) runs this in its own small process: Pagefind
 * reads the records once only the last Astro process is left, and builds and writes
 * the index (its memory peak) once that one has exited, so the peaks never add up.
 */
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../core/search/records.ts';
import { VOCABULARY_PATH } from '../core/search/spelling.ts';

/**
 * How much of the index a chunk holds, in word locations (Pagefind's default: 20,000). A query
 * downloads the chunk of each of its words, so smaller chunks make a first search cheaper; the
 * list of chunks every search loads grows a little. At 20,000 tools, 10,000 took a two-word
 * query's chunks from about 45 KB to about 15 KB, for 0.8 KB more of that list (BENCHMARKS.md).
 * Pagefind reads it from an environment variable it calls unstable: were it to go, the index
 * would only be chunked as before.
 */
export const INDEX_CHUNK_SIZE = 10_000;
const CHUNK_SIZE_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** Written last into a records folder, with their number: the records are complete and can be indexed. */
export const RECORDS_COMPLETE = '.complete';

/**
 * A new, empty folder for the records: in memory (/dev/shm) where the system has one. They are tens
 * of thousands of small files, written once, read once and removed; at 50,000 tools, writing and
 * removing them took 0.9 + 0.8 s there against 20.6 + 4.3 s on the reference machine's disk
 * (BENCHMARKS.md). They take about 4 KB of memory each.
 */
export function recordsFolder(): string {
  let parent = tmpdir();
  try {
    accessSync('/dev/shm', constants.W_OK);
    parent = '/dev/shm';
  } catch {
    // no memory file system: the usual temporary folder
  }
  return mkdtempSync(join(parent, 'mcp-search-records-'));
}

/** Writes each record as `<dir><url>index.html`, the file Pagefind maps back to the record's URL. */
export function writeSearchRecords(dir: string, records: readonly SearchRecord[]): void {
  for (const { url, html } of records) {
    if (!url.startsWith('/') || !url.endsWith('/') || url.split('/').some((part) => part === '..' || part === '.'))
      throw new Error(`A search record's URL must be a folder path such as /tools/a/b/, not ${JSON.stringify(url)}`);
    const folder = join(dir, url);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), html);
  }
  writeFileSync(join(dir, RECORDS_COMPLETE), `${records.length}\n`);
}

export interface PendingIndex {
  /** How many records Pagefind read: all of them, or `readSearchRecords` fails. */
  pages: number;
  /** Builds the index and writes it to `outputPath`, then stops Pagefind. */
  write(outputPath: string): Promise<void>;
  /** Stops Pagefind without writing anything. */
  close(): Promise<void>;
}

/**
 * Has Pagefind read every record under `recordsDir` (in parallel, in its own
 * process). Writing the index is the step that needs the most memory, so it is
 * separate: `npm run build` writes only once Astro has exited.
 */
export async function readSearchRecords(recordsDir: string): Promise<PendingIndex> {
  const expected = Number(readFileSync(join(recordsDir, RECORDS_COMPLETE), 'utf8'));
  // Pagefind's process reads it when it starts (here, unless one is running already).
  process.env[CHUNK_SIZE_ENV] ??= String(INDEX_CHUNK_SIZE);
  const close = async () => {
    await pagefind.close();
  };
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: recordsDir });
    if (added.errors.length) throw new Error(`Pagefind could not index the records: ${added.errors.join('; ')}`);
    if (added.page_count !== expected)
      throw new Error(`Pagefind indexed ${added.page_count} of the ${expected} search records in ${recordsDir}.`);
    return {
      pages: added.page_count,
      close,
      async write(outputPath) {
        try {
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length)
            throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        } finally {
          await close();
        }
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Reads the records and writes the index in one go; returns how many records it indexed. */
export async function indexSearchRecords(recordsDir: string, outputPath: string): Promise<number> {
  const pending = await readSearchRecords(recordsDir);
  await pending.write(outputPath);
  return pending.pages;
}

/**
 * Writes the vocabulary's parts (src/core/search/vocabulary.ts) into the site, gzipped:
 * `<site>/search/words/<key>.gz`. Returns their size on disk, in bytes.
 */
export function writeVocabulary(site: string, parts: ReadonlyMap<string, string>): number {
  const folder = join(site, VOCABULARY_PATH);
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (const [key, text] of parts) {
    const zipped = gzipSync(text, { level: 9 });
    writeFileSync(join(folder, `${key}.gz`), zipped);
    bytes += zipped.length;
  }
  return bytes;
}
