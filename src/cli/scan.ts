/**
 * Talks to a live MCP server with the official SDK client: initialize, then page
 * through `tools/list` following `nextCursor`. Every step has a deadline, and a
 * server that crashes, exits early or writes garbage fails the scan with a clear
 * error: the caller writes nothing then.
 */
import type { ChildProcess } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ScanResult } from '../core/catalogue/import.ts';
import { causeOf } from '../core/registry/cause.ts';
import { HeadAndTail } from '../core/registry/output.ts';

export interface ScanOptions {
  /** Milliseconds for the connection and for each page of tools. */
  timeoutMs?: number;
  /** At most this many pages, against a server that never stops paging. */
  maxPages?: number;
}

/** Lines a server wrote on stdout that are not JSON-RPC: how many, and why the first was refused. */
export interface StdoutNoise {
  lines: number;
  first: string;
}

/**
 * A scan that failed. `message` names the command and quotes the telling line of stderr, for
 * `scan`; scan-all writes its own reason from the parts: the summary (what happened, without
 * any command line), the output and the stdout noise.
 */
export class ScanError extends Error {
  /** The HTTP status when the server answered one (401: it wants credentials). */
  readonly httpStatus: number | undefined;
  /** What happened, in words: `no answer to initialize within 30 s`, `the server exited before answering initialize`. */
  readonly summary: string;
  /** What the server wrote on stderr (its beginning and end when long); '' when read and empty, undefined when not read. */
  readonly output: string | undefined;
  /** The lines a stdio server wrote on stdout that are not JSON (their beginning and end when long). */
  readonly stdout: string | undefined;
  readonly stdoutNoise: StdoutNoise | undefined;
  /** The whole command line that started the server, the sandbox's included: for the report, set by the caller. */
  command?: string;
  constructor(
    message: string,
    parts: { summary: string; httpStatus?: number; output?: string; stdout?: string; stdoutNoise?: StdoutNoise },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.summary = parts.summary;
    this.httpStatus = parts.httpStatus;
    this.output = parts.output;
    this.stdout = parts.stdout;
    this.stdoutNoise = parts.stdoutNoise;
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

/** Our own deadline on initialize, which the SDK's timeout does not cover. */
class Deadline extends Error {}

/** What a transport saw besides answers: that the connection closed, a start that failed, lines that were not JSON-RPC. */
interface Watch {
  closed: boolean;
  spawnError?: string;
  noise: StdoutNoise;
}

/** Counts what the transport reports; the client chains its own handlers after these. */
function watch(transport: Transport): Watch {
  const seen: Watch = { closed: false, noise: { lines: 0, first: '' } };
  transport.onclose = () => (seen.closed = true);
  transport.onerror = (error: Error) => {
    if (error instanceof SyntaxError || 'issues' in error) {
      seen.noise.lines++;
      seen.noise.first ||= error instanceof SyntaxError ? error.message : 'JSON that is not a JSON-RPC message';
    } else if ('syscall' in error && String((error as { syscall: unknown }).syscall).startsWith('spawn')) {
      seen.spawnError ??= error.message;
    }
  };
  return seen;
}

/** What scan() reads of a stdio server's process besides its answers. */
interface ProcessTap {
  /** Its stderr, when captured. */
  stderr?: () => string;
  /** The lines of its stdout that are not JSON. */
  stdout: () => string;
  /** How it ended (`code 1`, `signal SIGKILL`), or undefined while it runs. */
  exit: () => string | undefined;
}

/** What happened, in words, at `step` (`initialize`, `tools/list`, `tools/list page 2`). */
function summaryOf(error: unknown, step: string, seen: Watch, tap: ProcessTap | undefined, timeoutMs: number): string {
  if (seen.spawnError) return `the server could not be started: ${seen.spawnError}`;
  const timedOut =
    error instanceof Deadline || (error instanceof McpError && error.code === Number(ErrorCode.RequestTimeout));
  if (timedOut) return `no answer to ${step} within ${timeoutMs / 1000} s`;
  if (seen.closed && tap) {
    const exit = tap.exit();
    return `the server exited${exit ? ` with ${exit}` : ''} before answering ${step}`;
  }
  if (seen.closed) return `the server closed the connection during ${step}`;
  return describeError(error);
}

async function scan(
  transport: Transport,
  what: string,
  { timeoutMs = 30_000, maxPages = 1000 }: ScanOptions,
  tap?: ProcessTap,
): Promise<ScanResult> {
  const client = new Client({ name: 'mcp-tool-catalogue', version: '0.1.0' });
  const seen = watch(transport);
  let step = 'initialize';
  try {
    // The SDK's own deadline does not cover the initialize handshake: race it against ours.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Deadline()), timeoutMs);
    });
    await Promise.race([client.connect(transport, { timeout: timeoutMs }), deadline]).finally(() =>
      clearTimeout(timer),
    );
    const info = client.getServerVersion();
    if (!info) throw new Error('its initialize result has no serverInfo');
    const tools: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    for (let page = 0; ; page++) {
      if (page >= maxPages) throw new Error(`it was still paging after ${maxPages} pages of tools`);
      step = page ? `tools/list page ${page + 1}` : 'tools/list';
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
    throw failure(error, what, summaryOf(error, step, seen, tap, timeoutMs), seen, tap);
  } finally {
    // A server that ignores the shutdown must not keep the scan waiting.
    await Promise.race([client.close().catch(() => {}), new Promise((r) => setTimeout(r, 2000).unref())]);
  }
}

/** The ScanError of a failed scan, its message quoting the telling line of stderr. */
function failure(error: unknown, what: string, summary: string, seen: Watch, tap: ProcessTap | undefined): ScanError {
  const output = tap?.stderr?.();
  const line = output ? causeOf(output).line : undefined;
  const stdout = tap?.stdout() ?? '';
  // The first line itself when it was read, else why the SDK refused it.
  const first =
    stdout
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? seen.noise.first;
  const noise = seen.noise.lines ? { stdoutNoise: { lines: seen.noise.lines, first } } : {};
  const status = httpStatusOf(error);
  return new ScanError(
    `Scanning ${what} failed: ${summary}${line ? `; on stderr: ${line}` : ''}`,
    {
      summary,
      ...(status ? { httpStatus: status } : {}),
      ...(output !== undefined ? { output } : {}),
      ...(stdout ? { stdout } : {}),
      ...noise,
    },
    { cause: error },
  );
}

/**
 * Reads the child process the SDK's stdio transport starts (a field the SDK does not publish;
 * without it, the tap reads nothing): the lines of its stdout that are not JSON, which the SDK
 * drops after its parse error, and how it exited.
 */
function tapProcess(transport: StdioClientTransport): ProcessTap {
  const kept = new HeadAndTail(4000, 4000);
  let exit: string | undefined;
  let line = '';
  // Whether the current line is JSON (left to the SDK), text (kept), or not yet known (blank so far).
  let json: boolean | undefined;
  const read = (chunk: string) => {
    for (let start = 0; start <= chunk.length;) {
      const end = chunk.indexOf('\n', start);
      const piece = chunk.slice(start, end < 0 ? undefined : end);
      if (json === undefined && piece.trim()) json = /^\s*[[{]/.test(piece);
      if (json === false && line.length < 1000) line += piece.slice(0, 1000 - line.length);
      if (end < 0) break;
      if (json === false) kept.append(`${line}\n`);
      [line, json, start] = ['', undefined, end + 1];
    }
  };
  const start = transport.start.bind(transport);
  transport.start = async () => {
    await start();
    const child = (transport as unknown as { _process?: ChildProcess })._process;
    child?.stdout?.on('data', (chunk: Buffer) => read(chunk.toString()));
    child?.on('exit', (code, signal) => (exit = signal ? `signal ${signal}` : `code ${code}`));
  };
  return { stdout: () => kept.text(), exit: () => exit };
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

/** Starts `command args…` and scans it over stdio; what it writes to stderr is shown, or kept and its telling line quoted on failure. */
export function scanStdio(command: string, args: string[], options: StdioOptions = {}): Promise<ScanResult> {
  const transport = new StdioClientTransport({
    command,
    args,
    ...(options.env ? { env: options.env } : {}),
    stderr: options.captureStderr ? 'pipe' : 'inherit',
  });
  // Its beginning and its end: a hostile server can write without end.
  const stderr = new HeadAndTail();
  transport.stderr?.on('data', (chunk: Buffer) => stderr.append(chunk.toString()));
  const what = options.what ?? `the server started with "${[command, ...args].join(' ')}"`;
  const tap = tapProcess(transport);
  return scan(transport, what, options, { ...tap, ...(options.captureStderr ? { stderr: () => stderr.text() } : {}) });
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
