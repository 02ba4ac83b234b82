import { describe, expect, test } from 'vitest';
import { makeServerFile, makeTool, writeCatalogue } from '../../../test/fixtures.ts';
import { analyseCatalogue } from '../analyse.ts';
import { loadCatalogue } from '../../build/catalogue-files.ts';
import {
  EXCERPT_LIMIT,
  excerptOf,
  namespaceWords,
  serverRecords,
  serverWords,
  toolRecords,
  topicWords,
} from './records.ts';

function servers(server: Record<string, string>, tools = [makeTool()]) {
  return analyseCatalogue(loadCatalogue(writeCatalogue({ 'srv.json': makeServerFile({ server, tools }) })));
}

/** The indexed part of a record: what Pagefind searches, without the ignored block. */
const indexed = (html: string) => html.replace(/<div data-pagefind-ignore>.*<\/div>/, '');

describe('a tool search record', () => {
  const [record] = toolRecords(
    servers({ name: 'io.github.acme/kubernetes-mcp-server', title: 'Kube Tools' }, [
      makeTool({ name: 'delete_branch', description: 'Remove an existing branch. It cannot be brought back.' }),
    ]),
  );

  test('carries the equivalents of its name’s verbs, weighted below the name', () => {
    expect(record!.html).toContain('<p data-pagefind-weight="5">remove wipe erase destroy drop purge</p>');
  });

  test('says what the tool does, for the browser to rank it: its action and its category’s', () => {
    expect(record!.html).toContain('<span data-pagefind-meta="does">delete</span>');
  });

  test('records where its server lists it, as an excerpt-like field out of the searched text', () => {
    expect(record!.html).toContain('<span data-pagefind-meta="position">0</span>');
    expect(indexed(record!.html)).not.toContain('data-pagefind-meta');
  });

  test('names its server by title, its own name and its owner, not by io.github', () => {
    expect(record!.html).toContain('<p data-pagefind-weight="2">Kube Tools kubernetes acme</p>');
    expect(record!.html).not.toMatch(/github/i);
  });

  test('gives the words naming its server as metadata, for the browser to tell a query that names it', () => {
    expect(record!.html).toContain('<span data-pagefind-meta="of">kube tools kubernetes acme</span>');
  });

  test('keeps its filters and excerpt out of the searched text, so no "ToolCritical…" runs together', () => {
    expect(indexed(record!.html)).not.toMatch(/data-pagefind-filter|>Tool<|>Critical<|Destructive/);
    expect(record!.html).toMatch(/<div data-pagefind-ignore>.*data-pagefind-filter="type">Tool<.*<\/div>/);
    expect(record!.html).toContain(
      '<span data-pagefind-meta="excerpt">Remove an existing branch. It cannot be brought back.</span>',
    );
  });
});

describe('excerpts', () => {
  test('a short description is the excerpt, spaces folded', () => {
    expect(excerptOf('Reads  a\nfile. ')).toBe('Reads a file.');
  });

  test('a long one is cut at a word with an ellipsis', () => {
    const text = `${'word '.repeat(60)}end`;
    const excerpt = excerptOf(text);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_LIMIT + 1);
    expect(excerpt).toMatch(/word…$/);
  });

  test('catalogue text in an excerpt is escaped', () => {
    const [record] = serverRecords(
      servers({ name: 'io.x/y', title: 'Y', description: '<img src=x onerror=alert(1)>' }),
    );
    expect(record!.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(record!.html).not.toContain('<img');
  });
});

describe('server words', () => {
  test.each([
    ['com.stripe/mcp', 'Stripe', 'Stripe'],
    ['io.github.github/github-mcp-server', 'GitHub', 'GitHub'],
    ['io.github.containers/kubernetes-mcp-server', 'Kubernetes', 'Kubernetes containers'],
    ['io.github.stripe/agent-toolkit', undefined, 'agent-toolkit stripe'],
    ['io.github.mongodb-js/mongodb-mcp-server', 'MongoDB', 'MongoDB js'],
    ['io.github.makenotion/notion-mcp-server', 'Notion API', 'Notion API makenotion'],
  ])('%s titled %s is named by %j', (name, title, words) => {
    expect(serverWords(servers({ name, title: title! })[0]!)).toBe(words);
  });
});

describe('a server search record', () => {
  const record = (server: Record<string, string>) => serverRecords(servers(server))[0]!.html;

  test('is found by its title, its own name and owner, and its whole registry name as one word', () => {
    const html = record({ name: 'io.github.stripe/agent-toolkit', title: 'Payments Kit' });
    expect(html).toContain('<h1 data-pagefind-weight="10">Payments Kit</h1>');
    expect(html).toContain('<p data-pagefind-weight="8">agent toolkit stripe</p>');
    expect(html).toContain('<p data-pagefind-weight="6">stripeagenttoolkitiogithub</p>');
  });

  test('without a title, is headed by owner and name; no part of it says github', () => {
    const html = record({ name: 'io.github.stripe/agent-toolkit', title: undefined! });
    expect(html).toContain('<h1 data-pagefind-weight="10">stripe/agent-toolkit</h1>');
    expect(indexed(html)).not.toMatch(/github(?!<)/i);
    expect(html).toContain('<span data-pagefind-meta="names">agent-toolkit | stripe</span>');
    // The site's title for it, the registry name, is a filter: shown, never searched.
    expect(html).toContain('<span data-pagefind-filter="server">io.github.stripe/agent-toolkit</span>');
  });
});

describe('topic words', () => {
  test('are the words of the server’s description and those a quarter of its tools’ descriptions use, singular, not verbs or common words', () => {
    const [server] = servers(
      { name: 'io.x/pg', title: 'Postgres Admin', description: 'Browse and change a Postgres server.' },
      [
        makeTool({ name: 'list_schemas', description: 'List the schemas in the database.' }),
        makeTool({ name: 'create_role', description: 'Create a database role.' }),
        makeTool({ name: 'drop_table', description: 'Drop a table and its data.' }),
        makeTool({ name: 'list_tables', description: 'List tables in a schema.' }),
        makeTool({ name: 'execute_sql', description: 'Execute SQL on the primary databases.' }),
      ],
    );
    expect(topicWords(server!, (w) => w === 'schema' || w === 'server')).toEqual(['database', 'table', 'postgre']);
  });
});

describe('namespace words', () => {
  test('are the words of its names and the words nearly all of a server’s tool names share', () => {
    const [server] = servers({ name: 'io.x/pw', title: 'Playwright' }, [
      makeTool({ name: 'browser_click' }),
      makeTool({ name: 'browser_take_screenshot' }),
      makeTool({ name: 'browser_type' }),
      makeTool({ name: 'browser_type_text' }),
      makeTool({ name: 'install' }),
    ]);
    expect([...namespaceWords(server!)].sort()).toEqual(['browser', 'playwright', 'pw', 'x']);
  });

  test('a server with one or two tools shares only its names', () => {
    const [server] = servers({ name: 'io.x/f', title: 'Fetch' }, [makeTool({ name: 'fetch_url' })]);
    expect([...namespaceWords(server!)]).toEqual(['fetch', 'f', 'x']);
  });
});
