import { describe, expect, test } from 'vitest';
import type { PagefindResult, PagefindResultData } from './search-client.ts';
import { rerank } from './search-rank.ts';

/** A tool's result as Pagefind returns it for a record of src/core/search/records.ts. */
function tool(
  server: string,
  name: string,
  content: string,
  meta: { does: string; of: string; position?: number },
  category = 'Read',
): PagefindResultData {
  return {
    url: `/tools/${server.toLowerCase()}/${name}/`,
    content: `${name} ${name.replaceAll('_', ' ')} ${content}`,
    meta: { title: name, does: meta.does, of: meta.of, position: String(meta.position ?? 0), excerpt: content },
    filters: { type: ['Tool'], server: [server], category: [category] },
  };
}

/** Pagefind's order is the list's; the reordered names come back. */
async function order(query: string, data: PagefindResultData[]): Promise<string[]> {
  const results: PagefindResult[] = data.map((d, i) => ({
    id: String(i),
    score: 1 - i / 100,
    data: async () => d,
  }));
  const reranked = await rerank(results, query);
  return Promise.all(reranked.map(async (r) => (await r.data()).meta.title!));
}

describe('reordering the first results', () => {
  test('the tools of a server the query names among other words come before better-named tools of others', async () => {
    const executeSql = tool('Supabase', 'execute_sql', 'Run a SQL query on the Postgres database. Supabase', {
      does: 'run',
      of: 'supabase',
    });
    const query = tool('PostgreSQL', 'query', 'Run a read-only SQL query. PostgreSQL postgres', {
      does: 'get',
      of: 'postgresql postgres modelcontextprotocol',
    });
    expect(await order('run a sql query on postgres', [executeSql, query])).toEqual(['query', 'execute_sql']);
    // Without the server's name, the tool that runs comes first.
    expect(await order('run a sql query', [query, executeSql])).toEqual(['execute_sql', 'query']);
  });

  test('of two servers the query names, the one it names with more words first', async () => {
    const searchNodes = tool('Knowledge Graph Memory', 'search_nodes', 'Search the knowledge graph base nodes', {
      does: 'search',
      of: 'knowledge graph memory',
    });
    const retrieve = tool(
      'AWS Knowledge Base',
      'retrieve_from_aws_kb',
      'Retrieve passages from the AWS knowledge base',
      {
        does: 'get',
        of: 'aws knowledge base retrieval',
      },
    );
    expect(await order('search an aws knowledge base', [searchNodes, retrieve])).toEqual([
      'retrieve_from_aws_kb',
      'search_nodes',
    ]);
  });

  test('among tools ranked alike, the one whose name holds more of what the query asks about first', async () => {
    const files = { of: 'filesystem' };
    const listDirectory = tool('Filesystem', 'list_directory', 'Show the entries of a directory tree level', {
      ...files,
      does: 'list',
      position: 0,
    });
    const directoryTree = tool('Filesystem', 'directory_tree', 'Show a directory as a tree', {
      ...files,
      does: '',
      position: 1,
    });
    expect(await order('show the directory tree', [listDirectory, directoryTree])).toEqual([
      'directory_tree',
      'list_directory',
    ]);
  });

  test('a query word that starts a name word names it', async () => {
    const github = { of: 'github' };
    const comment = tool('GitHub', 'add_comment_to_pending_review', 'Start a review comment on a GitHub repo', {
      ...github,
      does: 'create',
    });
    const star = tool('GitHub', 'star_repository', 'Star a GitHub repository', { ...github, does: 'star' });
    expect(await order('star a repo on github', [comment, star])).toEqual([
      'star_repository',
      'add_comment_to_pending_review',
    ]);
  });
});
