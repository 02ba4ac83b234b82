/**
 * A registry on loopback that answers `GET /v0.1/servers` as docs/reference/api/openapi.yaml
 * (github.com/modelcontextprotocol/registry) and official-registry-api.md describe it:
 * `cursor` (opaque, from `metadata.nextCursor`), `limit`, `version=latest`, `updated_since`
 * (which turns `include_deleted` on), `include_deleted`; entries sorted by name.
 */
import { createServer, type Server as HttpServer } from 'node:http';

const OFFICIAL = 'io.modelcontextprotocol.registry/official';

export interface EntryOptions {
  version?: string;
  status?: 'active' | 'deprecated' | 'deleted';
  updatedAt?: string;
  publishedAt?: string;
  isLatest?: boolean;
  /** Fields of `server` over the defaults (an npm package on stdio). */
  server?: Record<string, unknown>;
}

/** A list entry: `{server, _meta: {official: …}}`, with a server.json shaped like the registry's examples. */
export function makeEntry(name: string, options: EntryOptions = {}): Record<string, unknown> {
  const version = options.version ?? '1.0.0';
  return {
    server: {
      $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
      name,
      description: `The ${name} server.`,
      version,
      packages: [
        {
          registryType: 'npm',
          identifier: `@example/${name.split('/')[1]}`,
          version,
          transport: { type: 'stdio' },
        },
      ],
      ...options.server,
    },
    _meta: {
      [OFFICIAL]: {
        status: options.status ?? 'active',
        publishedAt: options.publishedAt ?? '2025-09-01T10:00:00Z',
        updatedAt: options.updatedAt ?? '2025-09-01T10:00:00Z',
        isLatest: options.isLatest ?? true,
      },
    },
  };
}

export interface TestRegistry {
  url: string;
  /** Every request's URL, in order. */
  requests: URL[];
  http: HttpServer;
}

/**
 * Serves `entries()` (read on every request, so a test can change the registry between syncs).
 * `failures` is a list of what the next requests suffer, in order: `reset` (the connection
 * is cut: a network error) or an HTTP status.
 */
export async function startRegistry(
  entries: () => Record<string, unknown>[],
  { failures = [] as ('reset' | number)[] } = {},
): Promise<TestRegistry> {
  const requests: URL[] = [];
  const pending = [...failures];
  const http = createServer((req, res): void => {
    const url = new URL(req.url ?? '/', 'http://registry.test');
    requests.push(url);
    const failure = pending.shift();
    if (failure === 'reset') {
      req.socket.destroy();
      return;
    }
    if (failure !== undefined) {
      res.writeHead(failure, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'try later' }));
      return;
    }
    if (url.pathname !== '/v0.1/servers') {
      res.writeHead(404);
      res.end();
      return;
    }
    const q = url.searchParams;
    const since = q.get('updated_since');
    const withDeleted = q.get('include_deleted') === 'true' || since !== null;
    const limit = Math.min(Number(q.get('limit') ?? 30), 100);
    const meta = (e: Record<string, unknown>) =>
      ((e._meta as Record<string, Record<string, unknown>> | undefined)?.[OFFICIAL] ?? {}) as Record<string, unknown>;
    const name = (e: Record<string, unknown>) => String((e.server as { name?: unknown })?.name ?? '');
    const all = entries()
      .filter((e) => withDeleted || meta(e).status !== 'deleted')
      .filter((e) => q.get('version') !== 'latest' || meta(e).isLatest !== false)
      .filter((e) => !since || Date.parse(String(meta(e).updatedAt)) >= Date.parse(since))
      .sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
    const cursor = q.get('cursor');
    const start = cursor ? all.findIndex((e) => name(e) > Buffer.from(cursor, 'base64url').toString()) : 0;
    const page = start < 0 ? [] : all.slice(start, start + limit);
    const more = start >= 0 && start + limit < all.length;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        servers: page,
        metadata: {
          count: page.length,
          ...(more ? { nextCursor: Buffer.from(name(page.at(-1)!)).toString('base64url') } : {}),
        },
      }),
    );
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(http.address() as { port: number }).port}`, requests, http };
}
