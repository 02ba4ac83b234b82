/** Real MCP servers for the CLI tests, built with the official SDK, on loopback only. */
import { createServer, type Server as HttpServer } from 'node:http';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

export interface FakeTool {
  name: string;
  description: string;
  inputSchema: { type: 'object'; properties: Record<string, unknown> };
}

/** A server whose tools/list answers `pageSize` tools a page, with a cursor to the next. */
export function mcpServer(tools: () => FakeTool[], pageSize: number): Server {
  const server = new Server(
    { name: 'paged-test-server', version: '1.0.0' },
    { capabilities: { tools: {} }, instructions: 'A test server that pages its tools.' },
  );
  server.setRequestHandler(ListToolsRequestSchema, (request) => {
    const start = Number(request.params?.cursor ?? 0);
    const all = tools();
    const next = start + pageSize;
    return { tools: all.slice(start, next), ...(next < all.length ? { nextCursor: String(next) } : {}) };
  });
  return server;
}

/** Serves `mcpServer` over Streamable HTTP (stateless) on 127.0.0.1; returns its URL. */
export async function startHttpServer(
  tools: () => FakeTool[],
  pageSize: number,
): Promise<{ url: string; http: HttpServer }> {
  const http = createServer(async (req, res) => {
    // Stateless: no session id (the SDK's typings want the key present).
    const transport = new StreamableHTTPServerTransport(
      {} as ConstructorParameters<typeof StreamableHTTPServerTransport>[0],
    );
    const server = mcpServer(tools, pageSize);
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    let body = '';
    for await (const chunk of req) body += chunk;
    await transport.handleRequest(req, res, body ? JSON.parse(body) : undefined);
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(http.address() as { port: number }).port}/mcp`, http };
}

export const makeTools = (n: number, description = (i: number) => `Returns item ${i}.`): FakeTool[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `get_item_${i}`,
    description: description(i),
    inputSchema: { type: 'object', properties: {} },
  }));
