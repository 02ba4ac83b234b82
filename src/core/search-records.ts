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
 * description, server and parameter names. Parameter descriptions and separate
 * metadata fields would cost about a third more memory at 50,000 tools
 * (BENCHMARKS.md) for little that a search finds.
 */
import type { Attack } from '../schemas/attack.ts';
import { CATEGORY_LABELS, RISK_LABELS, SIGNAL_LABELS } from '../schemas/taxonomy.ts';
import type { AnalysedServer } from './analyse.ts';
import { identifierWords } from './classify/words.ts';
import { gradeLabel, serverGrade } from './grade.ts';
import { DESCRIPTION_LIMIT, parameterRows } from './explain.ts';

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

function doc(parts: string[]): string {
  return `<!doctype html><html lang="en"><body><main data-pagefind-body>${parts.join('')}</main></body></html>`;
}

export function toolRecords(servers: readonly AnalysedServer[]): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const server of servers) {
    for (const tool of server.tools) {
      const t = tool.tool;
      const c = tool.classification;
      const params = parameterRows(tool)
        .slice(0, 60)
        .map((p) => p.name)
        .join(' ');
      records.push({
        url: `/tools/${server.slug}/${tool.slug}/`,
        html: doc([
          el('h1', ' data-pagefind-weight="10"', t.name),
          el('p', ' data-pagefind-weight="9"', identifierWords(t.name).join(' ')),
          t.title || t.annotations?.title
            ? el('p', ' data-pagefind-weight="8"', t.title || t.annotations?.title || '')
            : '',
          el('p', '', clip(t.description, DESCRIPTION_LIMIT)),
          el('p', ' data-pagefind-weight="2"', `${server.title} ${server.server.name}`),
          params ? el('p', ' data-pagefind-weight="0.5"', params) : '',
          filter('type', 'Tool'),
          filter('risk', RISK_LABELS[c.risk]),
          filter('category', CATEGORY_LABELS[c.category]),
          filter('server', server.title),
          filter('grade', gradeLabel(serverGrade(server))),
          ...[...new Set(c.signals.map((s) => s.id))].map((s) => filter('signal', SIGNAL_LABELS[s])),
        ]),
      });
    }
  }
  return records;
}

export function serverRecords(servers: readonly AnalysedServer[]): SearchRecord[] {
  return servers.map((server) => ({
    url: `/servers/${server.slug}/`,
    html: doc([
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
      filter('type', 'Server'),
      filter('server', server.title),
      filter('grade', gradeLabel(serverGrade(server))),
    ]),
  }));
}

export function attackRecords(attacks: readonly { slug: string; data: Attack; body: string }[]): SearchRecord[] {
  return attacks.map((a) => ({
    url: `/attacks/${a.slug}/`,
    html: doc([
      el('h1', ' data-pagefind-weight="10"', a.data.title),
      el('p', ' data-pagefind-weight="5"', a.data.summary),
      // Article text without code blocks: the prose is what people search for.
      el('p', '', a.body.replace(/```[\s\S]*?```/g, ' ').replace(/[#*_`>[\]()]/g, ' ')),
      filter('type', 'Attack pattern'),
    ]),
  }));
}
