/**
 * What the search index holds for each page: one record per tool, per server and
 * per attack pattern, written from the catalogue itself rather than scraped from
 * the built pages. That keeps the index about the tool's own words (never the
 * page's boilerplate), lets Pagefind index while Astro renders, and makes "one
 * search record per tool" true by construction.
 *
 * Each record is a small HTML document in Pagefind's terms: weights on the name
 * and its parts, and filters (type, risk, category, server, signal), which a result
 * also reads its badges from. What a record holds is what Pagefind keeps in memory
 * while it builds the index, so it holds what people search by: the name, title,
 * description, server and parameter names. Parameter descriptions would cost about a
 * third more memory at 50,000 tools (BENCHMARKS.md) for little that a search finds.
 *
 * Issue 17 shapes a tool's record for the words people type: its name's verbs come
 * with their equivalents (src/core/search/words.ts: `delete_branch` is found by
 * "remove"), weighted below the name; its server's title and the words of its
 * registry name's last part (not `io.github.*`, which nearly every server has), below
 * those. Issue 15: the filters sit in an ignored block, so their values ("Tool",
 * "Critical") are neither searched nor shown run together in an excerpt; a result
 * shows the record's `excerpt` meta (the description's start) instead of Pagefind's
 * excerpt, which would start at the name and its parts. Two more fields order a tool
 * among results that match equally (src/browser/search-client.ts): where its server lists
 * it, and the words of its name that only name its server.
 */
import type { Attack } from '../../schemas/attack.ts';
import { CATEGORY_LABELS, RISK_LABELS, SIGNAL_LABELS } from '../../schemas/taxonomy.ts';
import type { AnalysedServer } from '../analyse.ts';
import { identifierWords, textWords } from '../classify/words.ts';
import { gradeLabel, serverGrade } from '../site/grade.ts';
import { DESCRIPTION_LIMIT, parameterRows } from '../site/explain.ts';
import { addedEquivalents } from './words.ts';
import { attackPath, serverPath, toolPath } from '../site/paths.ts';
import { shorten } from '../text.ts';

export interface SearchRecord {
  url: string;
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Catalogue text as HTML text: every markup character escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
const el = (tag: string, attrs: string, text: string) => `<${tag}${attrs}>${escapeHtml(text)}</${tag}>`;
const filter = (key: string, value: string) => el('span', ` data-pagefind-filter="${key}"`, value);

/** How much of a description a result shows: about two lines of the results list. */
export const EXCERPT_LIMIT = 180;

/** The start of `text`, cut at a word boundary with an ellipsis when it is longer than `EXCERPT_LIMIT`. */
export function excerptOf(text: string): string {
  return shorten(text, EXCERPT_LIMIT, { trim: true });
}

/**
 * A record: `searched` is the indexed body; `shown` are filters and the excerpt, in a block
 * Pagefind reads for their values but neither indexes nor puts in an excerpt.
 */
function doc(searched: string[], shown: string[]): string {
  return `<!doctype html><html lang="en"><body><main data-pagefind-body>${searched.join('')}<div data-pagefind-ignore>${shown.join('')}</div></main></body></html>`;
}

/** The excerpt as metadata; Pagefind weighs a match in it not at all (src/browser/search-client.ts). */
const excerpt = (text: string) => el('span', ' data-pagefind-meta="excerpt"', excerptOf(text));

/**
 * The words of a server's tool names that say which server, not what a tool does: its
 * title's words, and words nearly all its tool names share (`browser_` of a browser
 * server's `browser_click`, `browser_take_screenshot`…). The browser reads them from a
 * tool's record to judge how fully a query names the tool (src/core/search/words.ts).
 */
export function namespaceWords(server: AnalysedServer): Set<string> {
  const words = new Set(textWords(server.title));
  if (server.tools.length < 3) return words;
  const counts = new Map<string, number>();
  for (const t of server.tools)
    for (const w of new Set(identifierWords(t.tool.name))) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const [w, n] of counts) if (n >= 0.8 * server.tools.length) words.add(w);
  return words;
}

/**
 * The words that name a server in its tools' records: its title, and the last part of its
 * registry name (`io.github.containers/kubernetes-mcp-server` → kubernetes mcp server), not
 * the owner part: `io.github.*` would make every tool match "github".
 */
export function serverWords(server: AnalysedServer): string {
  const words = new Set(textWords(server.title));
  const last = server.server.name.slice(server.server.name.lastIndexOf('/') + 1);
  const extra = identifierWords(last).filter((w) => !words.has(w));
  return [server.title, ...new Set(extra)].join(' ');
}

export function toolRecords(servers: readonly AnalysedServer[]): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const server of servers) {
    const shared = namespaceWords(server);
    const named = serverWords(server);
    for (const [position, tool] of server.tools.entries()) {
      const t = tool.tool;
      const c = tool.classification;
      const params = parameterRows(tool)
        .slice(0, 60)
        .map((p) => p.name)
        .join(' ');
      const title = t.title || t.annotations?.title || '';
      const nameWords = identifierWords(t.name);
      const verbs = addedEquivalents([...nameWords, ...identifierWords(title)]);
      records.push({
        url: toolPath(server.slug, tool.slug),
        html: doc(
          [
            el('h1', ' data-pagefind-weight="10"', t.name),
            el('p', ' data-pagefind-weight="9"', nameWords.join(' ')),
            title ? el('p', ' data-pagefind-weight="8"', title) : '',
            verbs.length ? el('p', ' data-pagefind-weight="5"', verbs.join(' ')) : '',
            el('p', '', clip(t.description, DESCRIPTION_LIMIT)),
            el('p', ' data-pagefind-weight="2"', named),
            params ? el('p', ' data-pagefind-weight="0.5"', params) : '',
          ],
          [
            excerpt(t.description),
            // Where the server lists it: among its tools that match a query equally, the first listed leads.
            el('span', ' data-pagefind-meta="position"', String(position)),
            el('span', ' data-pagefind-meta="namespace"', nameWords.filter((w) => shared.has(w)).join(' ')),
            filter('type', 'Tool'),
            filter('risk', RISK_LABELS[c.risk]),
            filter('category', CATEGORY_LABELS[c.category]),
            filter('server', server.title),
            filter('grade', gradeLabel(serverGrade(server))),
            ...[...new Set(c.signals.map((s) => s.id))].map((s) => filter('signal', SIGNAL_LABELS[s])),
          ],
        ),
      });
    }
  }
  return records;
}

export function serverRecords(servers: readonly AnalysedServer[]): SearchRecord[] {
  return servers.map((server) => ({
    url: serverPath(server.slug),
    html: doc(
      [
        el('h1', ' data-pagefind-weight="10"', server.title),
        el('p', ' data-pagefind-weight="6"', server.server.name),
        el('p', '', clip(server.server.description, DESCRIPTION_LIMIT)),
        el(
          'p',
          ' data-pagefind-weight="0.5"',
          server.tools
            .slice(0, 200)
            .map((t) => t.tool.name)
            .join(' '),
        ),
      ],
      [
        excerpt(server.server.description),
        filter('type', 'Server'),
        filter('server', server.title),
        filter('grade', gradeLabel(serverGrade(server))),
      ],
    ),
  }));
}

export function attackRecords(attacks: readonly { slug: string; data: Attack; body: string }[]): SearchRecord[] {
  return attacks.map((a) => ({
    url: attackPath(a.slug),
    html: doc(
      [
        el('h1', ' data-pagefind-weight="10"', a.data.title),
        el('p', ' data-pagefind-weight="5"', a.data.summary),
        // Article text without code blocks: the prose is what people search for.
        el('p', '', a.body.replace(/```[\s\S]*?```/g, ' ').replace(/[#*_`>[\]()]/g, ' ')),
      ],
      [excerpt(a.data.summary), filter('type', 'Attack pattern')],
    ),
  }));
}
