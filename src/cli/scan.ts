/**
 * Talks to a live MCP server with the official SDK client: initialize, then page
 * through `tools/list` following `nextCursor`. Every step has a deadline, and a
 * server that crashes, exits early or writes garbage fails the scan with a clear
 * error: the caller writes nothing then.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ScanResult } from '../core/import.ts';

export interface ScanOptions {
  /** Milliseconds for the connection and for each page of tools. */
  timeoutMs?: number;
  /** At most this many pages, against a server that never stops paging. */
  maxPages?: number;
}

async function scan(
  transport: Transport,
  what: string,
  { timeoutMs = 30_000, maxPages = 1000 }: ScanOptions,
): Promise<ScanResult> {
  const client = new Client({ name: 'mcp-tool-catalogue', version: '0.1.0' });
  let closed: Error | undefined;
  transport.onclose = () => (closed ??= new Error(`${what} closed the connection`));
  try {
    // The SDK's own deadline does not cover the initialize handshake: race it against ours.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to initialize within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    await Promise.race([client.connect(transport, { timeout: timeoutMs }), deadline]).finally(() =>
      clearTimeout(timer),
    );
    const info = client.getServerVersion();
    if (!info) throw new Error(`${what} sent no serverInfo in its initialize result`);
    const tools: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    for (let page = 0; ; page++) {
      if (page >= maxPages) throw new Error(`${what} was still paging after ${maxPages} pages of tools`);
      const result = await client.listTools(cursor ? { cursor } : undefined, { timeout: timeoutMs });
      // One at a time: a server's page can be too long to spread into one call.
      for (const tool of result.tools as Record<string, unknown>[]) tools.push(tool);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    const instructions = client.getInstructions();
    return {
      serverInfo: {
        name: info.name,
        ...(info.version ? { version: info.version } : {}),
        ...(info.title ? { title: info.title } : {}),
      },
      ...(instructions ? { instructions } : {}),
      tools,
    };
  } catch (error) {
    const reason = (error as Error).message;
    throw new Error(
      `Scanning ${what} failed: ${closed && !reason.includes('closed') ? `${closed.message} (${reason})` : reason}`,
      { cause: error },
    );
  } finally {
    // A server that ignores the shutdown must not keep the scan waiting.
    await Promise.race([client.close().catch(() => {}), new Promise((r) => setTimeout(r, 2000).unref())]);
  }
}

/** Starts `command args…` and scans it over stdio; what it writes to stderr is shown, not parsed. */
export function scanStdio(command: string, args: string[], options: ScanOptions = {}): Promise<ScanResult> {
  const transport = new StdioClientTransport({ command, args, stderr: 'inherit' });
  return scan(transport, `the server started with "${[command, ...args].join(' ')}"`, options);
}

/** Scans a server over Streamable HTTP, with extra request headers (e.g. `Authorization`). */
export function scanHttp(
  url: string,
  headers: Record<string, string> = {},
  options: ScanOptions = {},
): Promise<ScanResult> {
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  return scan(transport, `the server at ${url}`, options);
}
