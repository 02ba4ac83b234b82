/**
 * Talks to a live MCP server with the official SDK client: initialize, then page
 * through `tools/list` following `nextCursor`. Every step has a deadline, and a
 * server that crashes, exits early or writes garbage fails the scan with a clear
 * error: the caller writes nothing then.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ScanResult } from '../core/catalogue/import.ts';

export interface ScanOptions {
  /** Milliseconds for the connection and for each page of tools. */
  timeoutMs?: number;
  /** At most this many pages, against a server that never stops paging. */
  maxPages?: number;
}

/** A scan that failed, with the HTTP status when the server answered one (401: it wants credentials). */
export class ScanError extends Error {
  readonly httpStatus: number | undefined;
  constructor(message: string, httpStatus: number | undefined, options?: ErrorOptions) {
    super(message, options);
    this.httpStatus = httpStatus;
  }
}

/** The HTTP status the SDK's transports report (`StreamableHTTPError.code`, `SseError.code`), anywhere in the cause chain. */
function httpStatusOf(error: unknown): number | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'number' && e.code >= 400 && e.code < 600) return e.code;
    const match = /\bHTTP (\d{3})\b/.exec(String((e as Error).message));
    if (match) return Number(match[1]);
  }
  return undefined;
}

async function scan(
  transport: Transport,
  what: string,
  { timeoutMs = 30_000, maxPages = 1000 }: ScanOptions,
  stderrTail: () => string = () => '',
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
    const reason = describeError(error);
    const stderr = stderrTail();
    throw new ScanError(
      `Scanning ${what} failed: ${closed && !reason.includes('closed') ? `${closed.message} (${reason})` : reason}${stderr ? `; its last words on stderr: ${stderr}` : ''}`,
      httpStatusOf(error),
      { cause: error },
    );
  } finally {
    // A server that ignores the shutdown must not keep the scan waiting.
    await Promise.race([client.close().catch(() => {}), new Promise((r) => setTimeout(r, 2000).unref())]);
  }
}

export interface StdioOptions extends ScanOptions {
  /** Environment variables over the SDK's short default list (HOME, PATH, USER…); a sandbox clears them anyway. */
  env?: Record<string, string>;
  /** Keep stderr and quote its end in a failure, instead of passing it through. */
  captureStderr?: boolean;
  /** How the command is named in messages, when it is not the command line (e.g. behind bwrap). */
  what?: string;
}

/**
 * A failure in words. The SDK rejects an answer that breaks the MCP schema with a zod
 * error whose message is the JSON of every issue (one per tool): name the first, count the rest.
 */
function describeError(error: unknown): string {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (!Array.isArray(issues) || issues.length === 0) return (error as Error).message;
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `its answer breaks the MCP schema: ${first!.path.map(String).join('.')}: ${first!.message}${more}`;
}

/** Starts `command args…` and scans it over stdio; what it writes to stderr is shown (or quoted on failure), not parsed. */
export function scanStdio(command: string, args: string[], options: StdioOptions = {}): Promise<ScanResult> {
  const transport = new StdioClientTransport({
    command,
    args,
    ...(options.env ? { env: options.env } : {}),
    stderr: options.captureStderr ? 'pipe' : 'inherit',
  });
  let stderr = '';
  // Only the end is kept: a hostile server can write without end.
  transport.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const tail = () => stderr.trim().split('\n').slice(-3).join(' | ').slice(-300);
  return scan(transport, options.what ?? `the server started with "${[command, ...args].join(' ')}"`, options, tail);
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

/**
 * Scans a server over the older HTTP+SSE transport, for remotes that declare `sse` or do not
 * speak Streamable HTTP. The SDK marks the transport deprecated, but registry entries still list such remotes.
 */
export function scanSse(url: string, options: ScanOptions = {}): Promise<ScanResult> {
  return scan(new SSEClientTransport(new URL(url)), `the server at ${url} (SSE)`, options);
}
