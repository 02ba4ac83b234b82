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
import type { AnalysedServer, AnalysedTool } from '../analyse.ts';
import { actionOf } from '../classify/action.ts';
import { verbCategory } from '../classify/lexicon.ts';
import { identifierWords, textWords } from '../classify/words.ts';
import { gradeLabel, serverGrade } from '../site/grade.ts';
import { DESCRIPTION_LIMIT, parameterRows } from '../site/explain.ts';
import { registryName, registryWord, serverNames, telling } from './names.ts';
import { addedEquivalents, singular, toolActions } from './words.ts';
import { attackPath, serverPath, toolPath } from '../site/paths.ts';
import { unknownHeading, unknownTools } from '../site/tools-status.ts';
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
 * The words of a server's tool names that say which server, not what a tool does: the
 * words of what people call it (src/core/search/names.ts), and words nearly all its tool
 * names share (`browser_` of a browser server's `browser_click`, `browser_take_screenshot`…).
 * The browser reads them from a tool's record to judge how fully a query names the tool
 * (src/core/search/words.ts).
 */
export function namespaceWords(server: AnalysedServer): Set<string> {
  const words = new Set(serverNames(server.server.name, server.server.title).flatMap((n) => telling(n)));
  if (server.tools.length < 3) return words;
  const counts = new Map<string, number>();
  for (const t of server.tools)
    for (const w of new Set(identifierWords(t.tool.name))) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const [w, n] of counts) if (n >= 0.8 * server.tools.length) words.add(w);
  return words;
}

/**
 * The words that name a server in its tools' records: its title, and the words of its own
 * name and its owner that the title lacks (`io.github.containers/kubernetes-mcp-server`
 * titled Kubernetes → Kubernetes containers), never the prefix: `io.github.` would make
 * every tool match "github". Generic words (`mcp`, `server`) are left out.
 */
export function serverWords(server: AnalysedServer): string {
  const [first = '', ...others] = serverNames(server.server.name, server.server.title);
  return [first, ...unseen(telling(first), others)].join(' ');
}

/** The words of `names` that are not among `seen`, each once. */
function unseen(seen: readonly string[], names: readonly string[]): string[] {
  const words = new Set(seen);
  const out: string[] = [];
  for (const w of names.flatMap((n) => telling(n)))
    if (!words.has(w)) {
      out.push(w);
      words.add(w);
    }
  return out;
}

/** Words too plain to say what a server is about, however many of its tools use them. */
const PLAIN = new Set(
  'with from that this each into your their which when where what only also than then them they will have more most other such some over using used given returns return optional optionally default specified provided'.split(
    ' ',
  ),
);

/**
 * What a server's tools are about, beyond their own names: the words (singular, four
 * letters or more, no verbs) of the server's own description, and those that at least a
 * quarter of its tools' descriptions use, and at least two, unless they are common across
 * the catalogue (`common`). A Postgres server's `drop_table` is then found by "wipe
 * database" though its own description never says "database": the server's other tools
 * do; a memory server's `qdrant-store` by "store a memory", which only its server says.
 */
export function topicWords(server: AnalysedServer, common: (word: string) => boolean): string[] {
  const counts = new Map<string, number>();
  for (const t of server.tools)
    for (const w of descriptionWords(t.tool.description)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const least = Math.max(2, server.tools.length / 4);
  const words = new Set([...counts].filter(([, n]) => n >= least).map(([w]) => w));
  for (const w of descriptionWords(server.server.description)) words.add(w);
  return [...words].filter((w) => !common(w));
}

/** The distinct words of a description that can say what it is about, singular. */
const descriptionWords = (text: string) =>
  new Set(
    textWords(text)
      .filter((w) => w.length >= 4 && !PLAIN.has(w) && !verbCategory(w))
      .map(singular),
  );

/**
 * Whether a word is too common to tell servers apart: in more than a tenth of the catalogue's
 * tool descriptions, or of its server descriptions ("tools", "platform").
 */
export function commonWords(servers: readonly AnalysedServer[]): (word: string) => boolean {
  const inTools = new Map<string, number>();
  const inServers = new Map<string, number>();
  let tools = 0;
  for (const server of servers) {
    for (const w of descriptionWords(server.server.description)) inServers.set(w, (inServers.get(w) ?? 0) + 1);
    for (const t of server.tools) {
      tools++;
      for (const w of descriptionWords(t.tool.description)) inTools.set(w, (inTools.get(w) ?? 0) + 1);
    }
  }
  return (word) => (inTools.get(word) ?? 0) > tools / 10 || (inServers.get(word) ?? 0) > servers.length / 10;
}

/** What a tool record says about its server: the words naming it, and what its tools are about. */
interface ServerContext {
  named: string;
  shared: Set<string>;
  topics: string;
}

/** The record of one tool (`position`: where its server lists it). */
function toolRecord(
  server: AnalysedServer,
  tool: AnalysedTool,
  position: number,
  { named, shared, topics }: ServerContext,
) {
  const t = tool.tool;
  const c = tool.classification;
  const params = parameterRows(tool)
    .slice(0, 60)
    .map((p) => p.name)
    .join(' ');
  const title = t.title || t.annotations?.title || '';
  const nameWords = identifierWords(t.name);
  const titleWords = identifierWords(title);
  // What the tool does: the action its name says (else its title's), and what it is classified as.
  const does = toolActions(nameWords, (actionOf(nameWords) ?? actionOf(titleWords))?.word, c.category);
  const verbs = addedEquivalents([...nameWords, ...titleWords], does);
  return {
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
        el('span', ' data-pagefind-meta="does"', does.join(' ')),
        // The words naming its server, for the browser to tell a query that names it ("… on postgres").
        el('span', ' data-pagefind-meta="of"', telling(named).join(' ')),
        // Found by, but weighing nothing (src/browser/search-client.ts): the browser ranks a tool found
        // only through its server's topics after those whose own words match.
        topics ? el('span', ' data-pagefind-meta="topics"', topics) : '',
        filter('type', 'Tool'),
        filter('risk', RISK_LABELS[c.risk]),
        filter('category', CATEGORY_LABELS[c.category]),
        filter('server', server.title),
        filter('grade', gradeLabel(serverGrade(server))),
        ...[...new Set(c.signals.map((s) => s.id))].map((s) => filter('signal', SIGNAL_LABELS[s])),
      ],
    ),
  };
}

export function toolRecords(servers: readonly AnalysedServer[]): SearchRecord[] {
  const records: SearchRecord[] = [];
  const common = commonWords(servers);
  for (const server of servers) {
    const context = {
      named: serverWords(server),
      shared: namespaceWords(server),
      topics: topicWords(server, common).join(' '),
    };
    for (const [position, tool] of server.tools.entries()) records.push(toolRecord(server, tool, position, context));
  }
  return records;
}

/**
 * A server's record is found by what people call it (src/core/search/names.ts): its title,
 * or without one its owner and own name (`stripe/agent-toolkit`); the words of its own
 * name and owner; and its whole registry name as one word, so that the name typed whole
 * finds it and no part of its prefix does. Results show it by the title the site gives
 * it (the `server` filter: the registry name when it has no title). A server whose tools are
 * not known says so at the start of its excerpt and in its grade filter ("Tools not known"),
 * never as a server with no risky tools; the state's words are not indexed, so that a search
 * for "scan" finds scanners, not the servers that failed one.
 */
export function serverRecords(servers: readonly AnalysedServer[]): SearchRecord[] {
  return servers.map((server) => {
    const unknown = unknownTools(server);
    const { owner, name } = registryName(server.server.name);
    const names = serverNames(server.server.name, server.server.title);
    const heading = server.server.title || (owner ? `${owner}/${name}` : name);
    const others = unseen(telling(heading), names);
    const word = registryWord(server.server.name);
    return {
      url: serverPath(server.slug),
      html: doc(
        [
          el('h1', ' data-pagefind-weight="10"', heading),
          others.length ? el('p', ' data-pagefind-weight="8"', others.join(' ')) : '',
          el('p', ' data-pagefind-weight="6"', word),
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
          excerpt(unknown ? `${unknownHeading(unknown)}. ${server.server.description}` : server.server.description),
          // What the browser needs to know that a query names this server (src/core/search/names.ts).
          el('span', ' data-pagefind-meta="names"', names.join(' | ')),
          el('span', ' data-pagefind-meta="registry"', word),
          filter('type', 'Server'),
          filter('server', server.title),
          filter('grade', gradeLabel(serverGrade(server))),
        ],
      ),
    };
  });
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
