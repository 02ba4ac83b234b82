import { z } from 'zod';

/**
 * The MCP Registry's `server.json` fields this site reads. Every object is loose:
 * the registry format grows, and a field we do not know yet is kept, never an error.
 */

/** MCP Registry name: reverse-DNS namespace, a slash, then the server's own name. */
export const SERVER_NAME_PATTERN = /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/;

export const repositorySchema = z.looseObject({
  /** Where the source lives, e.g. `https://github.com/owner/repo`. Only http(s) URLs are ever linked. */
  url: z.string(),
  /** Hosting service, e.g. `github`. */
  source: z.string().optional(),
  /** Folder of the server inside a monorepo. */
  subfolder: z.string().optional(),
  id: z.string().optional(),
});

export const serverSchema = z.looseObject({
  /** Registry name, e.g. `io.github.acedatacloud-mcp/mcp-flux-pro`. */
  name: z.string().regex(SERVER_NAME_PATTERN, {
    error: 'a registry name like "io.github.owner/server" (letters, digits, ".", "-", one "/", then also "_")',
  }),
  /** Human title; pages fall back to `name`. */
  title: z.string().optional(),
  /** What the server does; may be empty. */
  description: z.string(),
  /** The server's version, e.g. `1.2.0`. */
  version: z.string().optional(),
  repository: repositorySchema.optional(),
  /** Home page. Only http(s) URLs are ever linked. */
  websiteUrl: z.string().optional(),
  /** Registry package entries (npm, pypi, oci…): kept and shown; `scan-all` runs them (src/schemas/registry.ts). */
  packages: z.array(z.looseObject({})).optional(),
  /** Registry remote entries (streamable-http, sse): kept and shown; `scan-all` connects to them. */
  remotes: z.array(z.looseObject({})).optional(),
  /** Icons (`{src, mimeType, sizes, theme}`): kept, never fetched or shown. */
  icons: z.array(z.looseObject({})).optional(),
  /** Publisher extensions keyed by reverse-DNS namespace: kept, not interpreted. */
  _meta: z.looseObject({}).optional(),
});

export type Server = z.infer<typeof serverSchema>;
