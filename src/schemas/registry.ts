import { z } from 'zod';

/**
 * What a catalogue file records about its server beyond the registry's `server.json`
 * and the `tools/list` result: where the entry came from and its lifecycle (`registry`),
 * and whether, when and how its tools were listed (`scan`). Both live at the top level
 * of the file, beside `server` and `tools`, so the `server` part stays exactly what the
 * registry sent (issue 14). Every object is loose: a newer writer's fields are kept.
 */

/** The registry's lifecycle states (`_meta["io.modelcontextprotocol.registry/official"].status`). */
export const REGISTRY_STATUSES = ['active', 'deprecated', 'deleted'] as const;
export const registryStatusSchema = z.enum(REGISTRY_STATUSES);
export type RegistryStatus = z.infer<typeof registryStatusSchema>;

/** The file's `registry` object, written by `catalogue registry sync`. */
export const registryRecordSchema = z.looseObject({
  /** Base address of the registry the entry was read from, e.g. `https://registry.modelcontextprotocol.io`. */
  source: z.string(),
  /**
   * `active`, `deprecated` (shown, marked as deprecated) or `deleted` (the file is kept,
   * with its tools and reviews, but the server leaves the site).
   */
  status: registryStatusSchema,
  /** The registry's `statusMessage`, when it gives one (e.g. why the server was deprecated). */
  statusMessage: z.string().optional(),
  /** RFC 3339 time the server was first published to the registry. */
  publishedAt: z.string().optional(),
  /** RFC 3339 time the registry entry last changed. */
  updatedAt: z.string().optional(),
  /** Whether the registry marked this version as its latest. */
  isLatest: z.boolean().optional(),
  /** RFC 3339 time of the sync that last wrote this object. */
  syncedAt: z.string(),
});
export type RegistryRecord = z.infer<typeof registryRecordSchema>;

/**
 * Where a server's tools stand:
 * - `not-scanned`: nobody listed them yet (or the registry published a new version since);
 * - `scanned`: `tools` is what the server listed at `version`;
 * - `needs-auth`: the server refused to list without credentials (HTTP 401 or 403);
 * - `runtime-unavailable`: its package needs a runtime this machine lacks (uvx, docker/podman…);
 * - `failed`: it was started but did not list its tools; `reason` says why.
 */
export const SCAN_STATUSES = ['not-scanned', 'scanned', 'needs-auth', 'runtime-unavailable', 'failed'] as const;
export const scanStatusSchema = z.enum(SCAN_STATUSES);
export type ScanStatus = z.infer<typeof scanStatusSchema>;

/** The file's `scan` object, written by `catalogue registry sync` (not scanned) and `catalogue scan-all`. */
export const scanRecordSchema = z.looseObject({
  status: scanStatusSchema,
  /**
   * Why the tools are missing, in at most two short lines (at most 200 characters, joined by
   * `\n`): what happened in the scanner's words, then the line of the server's or npm's output
   * that names the cause, e.g. `the server exited with code 1 before answering initialize\nKeyError: 'NEO4J_PASSWORD'`.
   * `scan-all` replaces the scanning machine's paths with `<home>`, `<cache>`, `<tmp>`, `<project>`,
   * `<npm-cache>`, `<npm-log>` and never writes a command line; older files may hold one long line.
   */
  reason: z.string().optional(),
  /** The `server.version` the last scan attempt was made at; a different version means "scan again". */
  version: z.string().optional(),
  /** RFC 3339 time of the last scan attempt. */
  attemptedAt: z.string().optional(),
  /** RFC 3339 time the tools in this file were listed (kept while a later attempt fails). */
  listedAt: z.string().optional(),
  /** How the tools were listed, e.g. `npm @scope/pkg@1.2.0 (sandboxed)` or `streamable-http https://…`. */
  via: z.string().optional(),
  /**
   * The inputs the scan gave made-up values: every declared environment variable without a
   * value (required or not), every required argument without one, and any input whose value
   * was itself a placeholder (`<YOUR_API_KEY>`, `${input:api_key}`, `{API_KEY}`); remote
   * headers as `header NAME (not sent)`.
   */
  placeholders: z.array(z.string()).optional(),
});
export type ScanRecord = z.infer<typeof scanRecordSchema>;

/*
 * The parts of a registry `server.json` the scanner interprets (docs/reference/server-json
 * in github.com/modelcontextprotocol/registry). The loader keeps `packages` and `remotes`
 * as loose objects so that every valid server.json loads; these schemas are applied
 * entry by entry when a server is scanned, and an entry they reject is skipped with its reason.
 */

/** An input (argument, environment variable, header) and its value or how to ask for one. */
const inputFields = {
  /** What the input is for. */
  description: z.string().optional(),
  /** Whether a client must supply it. */
  isRequired: z.boolean().optional(),
  /** A secret (token, password): never given a real value by the scanner. */
  isSecret: z.boolean().optional(),
  /** `string`, `number`, `boolean` or `filepath`. */
  format: z.string().optional(),
  /** A fixed value; `{name}` is replaced from `variables`. */
  value: z.string().optional(),
  /** The value to use when none is given. */
  default: z.string().optional(),
  /** An example shown while configuring. */
  placeholder: z.string().optional(),
  /** Allowed values. */
  choices: z.array(z.string()).optional(),
};
export const inputSchema = z.looseObject({
  ...inputFields,
  /** Values for the `{name}` placeholders in `value`. */
  variables: z.record(z.string(), z.looseObject(inputFields)).optional(),
});
export type RegistryInput = z.infer<typeof inputSchema>;

/** An environment variable or an HTTP header. */
export const keyValueInputSchema = inputSchema.extend({
  /** The variable's or header's name. */
  name: z.string(),
});
export type KeyValueInput = z.infer<typeof keyValueInputSchema>;

/** A command-line argument: `positional` (the value alone) or `named` (the flag, then the value). */
export const argumentSchema = inputSchema.extend({
  type: z.enum(['positional', 'named']),
  /** The flag, with its dashes, for a named argument. */
  name: z.string().optional(),
  /** A label for a positional argument without a fixed value. */
  valueHint: z.string().optional(),
  /** Whether the argument may be given more than once. */
  isRepeated: z.boolean().optional(),
});
export type RegistryArgument = z.infer<typeof argumentSchema>;

/** How a client talks to a package or remote: `stdio`, `streamable-http` or `sse`. */
export const transportSchema = z.looseObject({
  type: z.string(),
  /** URL template for HTTP transports; `{name}` refers to variables, arguments or environment variables. */
  url: z.string().optional(),
  /** HTTP headers the transport sends. */
  headers: z.array(keyValueInputSchema).optional(),
  /** Values for the `{name}` placeholders in `url`. */
  variables: z.record(z.string(), z.looseObject(inputFields)).optional(),
});
export type RegistryTransport = z.infer<typeof transportSchema>;

/** One entry of `server.packages`. */
export const packageSchema = z.looseObject({
  /** `npm`, `pypi`, `oci`, `nuget` or `mcpb`. */
  registryType: z.string(),
  /** The package's name (npm, PyPI), image reference (OCI) or download URL (MCPB). */
  identifier: z.string().min(1),
  /** An exact version; OCI images carry theirs in the identifier. */
  version: z.string().optional(),
  /** Where the package registry is, when not the type's default. */
  registryBaseUrl: z.string().optional(),
  /** The runtime the publisher meant (`npx`, `uvx`, `docker`…). */
  runtimeHint: z.string().optional(),
  transport: transportSchema,
  /** Arguments for the runtime (`npx`, `docker run`…). */
  runtimeArguments: z.array(argumentSchema).optional(),
  /** Arguments for the server itself. */
  packageArguments: z.array(argumentSchema).optional(),
  /** Environment variables the server reads. */
  environmentVariables: z.array(keyValueInputSchema).optional(),
});
export type RegistryPackage = z.infer<typeof packageSchema>;

/** The registry-managed metadata of one list entry, `_meta["io.modelcontextprotocol.registry/official"]`. */
export const officialMetaSchema = z.looseObject({
  status: registryStatusSchema,
  statusMessage: z.string().optional(),
  publishedAt: z.string().optional(),
  updatedAt: z.string().optional(),
  isLatest: z.boolean().optional(),
});

/** The key of the official registry's metadata in a list entry's `_meta`. */
export const OFFICIAL_META = 'io.modelcontextprotocol.registry/official';

/** One page of `GET /v0.1/servers` (openapi.yaml, `ServerList`). Entries are checked one by one. */
export const serverListSchema = z.looseObject({
  servers: z.array(z.unknown()),
  metadata: z
    .looseObject({
      /** Opaque; absent, null or "" on the last page. */
      nextCursor: z.string().nullish(),
      count: z.number().optional(),
    })
    .optional(),
});
