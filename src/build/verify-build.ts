/**
 * The build checks its own output (issue #7, "nothing lost"): every tool of the
 * catalogue has exactly one page, one record in its server's JSON API and one
 * search record, and there are no others. A mismatch fails the build loudly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from './catalogue-files.ts';
import { toolPath } from '../core/site/paths.ts';
import { unknownTools } from '../core/site/tools-status.ts';

export function verifyBuild(dist: string, catalogue: Catalogue, searchToolUrls: readonly string[]): string[] {
  const problems: string[] = [];
  const expected = new Set(catalogue.servers.flatMap((s) => s.tools.map((t) => toolPath(s.slug, t.slug))));

  // Pages: each expected one exists, and no other tool page does.
  for (const url of expected) if (!existsSync(join(dist, url, 'index.html'))) problems.push(`no page for ${url}`);
  const toolsDir = join(dist, 'tools');
  if (existsSync(toolsDir)) {
    for (const server of readdirSync(toolsDir, { withFileTypes: true })) {
      if (!server.isDirectory() || server.name === 'page') continue;
      for (const tool of readdirSync(join(toolsDir, server.name), { withFileTypes: true })) {
        const url = toolPath(server.name, tool.name);
        if (tool.isDirectory() && !expected.has(url)) problems.push(`a page for ${url}, which is not in the catalogue`);
      }
    }
  }

  // API: each server's document lists exactly its tools, or none at all (`tools: null`) when they are not known.
  for (const server of catalogue.servers) {
    const file = join(dist, 'api', 'servers', `${server.slug}.json`);
    if (!existsSync(file)) {
      problems.push(`no API document for server ${server.slug}`);
      continue;
    }
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { toolsKnown: boolean; tools: { slug: string }[] | null };
    const known = !unknownTools(server);
    if (doc.toolsKnown !== known || (doc.tools === null) === known) {
      problems.push(
        `the API document of ${server.slug} says its tools are ${doc.toolsKnown ? '' : 'not '}known, with ${doc.tools === null ? 'no list' : 'a list'}; the catalogue has them ${known ? '' : 'not '}known`,
      );
      continue;
    }
    const listed = (doc.tools ?? []).map((t) => t.slug);
    const wanted = server.tools.map((t) => t.slug);
    if (listed.join('\n') !== wanted.join('\n'))
      problems.push(
        `the API document of ${server.slug} lists ${listed.length} tools, the catalogue has ${wanted.length}`,
      );
  }

  // Search: one record per tool.
  const indexed = new Map<string, number>();
  for (const url of searchToolUrls) indexed.set(url, (indexed.get(url) ?? 0) + 1);
  for (const url of expected)
    if (indexed.get(url) !== 1) problems.push(`${indexed.get(url) ?? 0} search records for ${url}`);
  for (const url of indexed.keys())
    if (!expected.has(url)) problems.push(`a search record for ${url}, which is not in the catalogue`);

  return problems;
}
