/** A stdio MCP server that answers the first page of tools, then dies when asked for the next. */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { mcpServer, makeTools } from './servers.ts';

const server = mcpServer(() => makeTools(30), 10);
process.stdin.on('data', (chunk: Buffer) => {
  if (chunk.toString().includes('"cursor"')) process.exit(3);
});
await server.connect(new StdioServerTransport());
