import { describe, expect, test } from 'vitest';
import { makeServerFile, makeTool, writeCatalogue } from '../../../test/fixtures.ts';
import { analyseCatalogue } from '../analyse.ts';
import { loadCatalogue } from '../../build/catalogue-files.ts';
import { EXCERPT_LIMIT, excerptOf, namespaceWords, serverRecords, serverWords, toolRecords } from './records.ts';

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
    expect(record!.html).toContain('<p data-pagefind-weight="5">remove</p>');
  });

  test('records where its server lists it, as an excerpt-like field out of the searched text', () => {
    expect(record!.html).toContain('<span data-pagefind-meta="position">0</span>');
    expect(indexed(record!.html)).not.toContain('data-pagefind-meta');
  });

  test('names its server by title and the last part of its registry name, not by io.github', () => {
    expect(record!.html).toContain('<p data-pagefind-weight="2">Kube Tools kubernetes mcp server</p>');
    expect(indexed(record!.html)).not.toMatch(/github/i);
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
    ['com.stripe/mcp', 'Stripe', 'Stripe mcp'],
    ['io.github.github/github-mcp-server', 'GitHub', 'GitHub mcp server'],
    ['io.github.containers/kubernetes-mcp-server', 'Kubernetes', 'Kubernetes mcp server'],
  ])('%s titled %s is named by %j', (name, title, words) => {
    expect(serverWords(servers({ name, title })[0]!)).toBe(words);
  });
});

describe('namespace words', () => {
  test('are the title’s words and the words nearly all of a server’s tool names share', () => {
    const [server] = servers({ name: 'io.x/pw', title: 'Playwright' }, [
      makeTool({ name: 'browser_click' }),
      makeTool({ name: 'browser_take_screenshot' }),
      makeTool({ name: 'browser_type' }),
      makeTool({ name: 'browser_type_text' }),
      makeTool({ name: 'install' }),
    ]);
    expect([...namespaceWords(server!)].sort()).toEqual(['browser', 'playwright']);
  });

  test('a server with one or two tools shares only its title', () => {
    const [server] = servers({ name: 'io.x/f', title: 'Fetch' }, [makeTool({ name: 'fetch_url' })]);
    expect([...namespaceWords(server!)]).toEqual(['fetch']);
  });
});
