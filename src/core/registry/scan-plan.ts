/**
 * How `catalogue scan-all` starts a registry server: from each of its `packages` and
 * `remotes` (docs/reference/server-json in github.com/modelcontextprotocol/registry),
 * a launch the scanner can try, with its inputs given values. Pure: the running is
 * src/cli/scan-all.ts.
 *
 * Inputs without a value: every declared environment variable gets a placeholder, required
 * or not (the registry's schema makes `isRequired` false by default, and many servers check
 * their key at start whatever the entry says); a required argument gets one too, an optional
 * one is left out. A value that is itself a placeholder (`<YOUR_API_KEY>`, `${input:api_key}`,
 * `{API_KEY}`, `{{TOKEN}}`) has it replaced. The launch lists every input so filled, so the
 * report and the page can say the tools were listed with made-up values (many servers list
 * their tools without checking them; others exit, and the reason names what they asked for).
 *
 * The publisher's `runtimeArguments` are flags for `npx`, `uvx` or `docker run` and are not
 * used, except an OCI image's `-e NAME=VALUE`, which is its environment.
 *
 * Every message names the field of the entry it is about (`packages[0].transport.type`).
 */
import {
  packageSchema,
  transportSchema,
  type RegistryArgument,
  type RegistryInput,
  type KeyValueInput,
  type RegistryPackage,
} from '../../schemas/registry.ts';

/** What every local launch carries besides its command: its inputs and what was made up for them. */
interface Inputs {
  args: string[];
  env: Record<string, string>;
  /** The inputs given placeholder values: variable names, argument flags or hints. */
  placeholders: string[];
  /** What the scanner decided about the entry on its own (an empty version, say), for the report. */
  notes: string[];
}

export type Launch =
  | ({ kind: 'npm'; identifier: string; version?: string } & Inputs)
  | ({ kind: 'pypi'; identifier: string; version?: string } & Inputs)
  | ({ kind: 'oci'; image: string } & Inputs)
  | { kind: 'streamable-http' | 'sse'; url: string; placeholders: string[] }
  /** A package or remote the scanner cannot start, and why. */
  | { kind: 'unsupported'; what: string; reason: string; status: 'runtime-unavailable' | 'failed' };

/** A short name of a launch for messages, the report and `scan.via`. */
export function describeLaunch(launch: Launch): string {
  switch (launch.kind) {
    case 'npm':
      return `npm ${launch.identifier}@${launch.version ?? 'latest'}`;
    case 'pypi':
      return `pypi ${launch.identifier}${launch.version ? `@${launch.version}` : ''}`;
    case 'oci':
      return `oci ${launch.image}`;
    case 'unsupported':
      return launch.what;
    default:
      return `${launch.kind} ${launch.url}`;
  }
}

/** A file path a placeholder may point at: the sandbox's private, empty /tmp. */
const PLACEHOLDER_PATH = '/tmp';

/** Replaces `{name}` from the input's variables (their value or default); unknown names stay for `fillPlaceholders`. */
function substitute(text: string, variables: RegistryInput['variables']): string {
  return text.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const v = variables?.[name];
    return v?.value ?? v?.default ?? whole;
  });
}

/**
 * Placeholders publishers leave in values: `<YOUR_API_KEY>`, `${input:api_key}` (VS Code),
 * `${API_KEY}`, `{{TOKEN}}`, and a `{name}` no variable fills.
 */
const PLACEHOLDER =
  /<([A-Za-z][^<>\n]{0,80})>|\$\{(?:input:|env:)?([^{}]+)\}|\{\{\s*([^{}]+?)\s*\}\}|\{([A-Za-z_][\w.-]*)\}/g;
/** A whole value that asks for one: `YOUR_API_KEY`, `your-token-here`. */
const YOUR_VALUE = /^(?:your|my)[_-][\w-]+$/i;

const madeUpName = (name: string) => `placeholder-${name.trim().replace(/[^A-Za-z0-9_-]+/g, '-')}`;

/** `value` with each placeholder in it replaced by a made-up value; `found` says whether there was one. */
function fillPlaceholders(value: string, format: string | undefined): { text: string; found: boolean } {
  if (YOUR_VALUE.test(value))
    return { text: format === 'filepath' ? PLACEHOLDER_PATH : madeUpName(value), found: true };
  let found = false;
  const text = value.replace(PLACEHOLDER, (whole, ...names: (string | undefined)[]) => {
    found = true;
    if (format === 'filepath' && whole === value) return PLACEHOLDER_PATH;
    return madeUpName(names.find((n) => n !== undefined) ?? 'value');
  });
  return { text, found };
}

/** A value for an input that has none: one of its choices, or one that fits its format. */
function madeUp(input: RegistryInput, label: string): string {
  if (input.choices?.length) return input.choices[0]!;
  if (input.format === 'filepath') return PLACEHOLDER_PATH;
  if (input.format === 'number') return '1';
  if (input.format === 'boolean') return 'false';
  return madeUpName(label);
}

/** The value an input gets, or undefined to leave it out (an optional argument without one); records placeholders. */
function valueOf(input: RegistryInput, label: string, inputs: Inputs, always: boolean): string | undefined {
  const given = input.value ?? input.default;
  const record = () => {
    if (!inputs.placeholders.includes(label)) inputs.placeholders.push(label);
  };
  if (given !== undefined) {
    const { text, found } = fillPlaceholders(substitute(given, input.variables), input.format);
    if (found) record();
    return text;
  }
  if (!input.isRequired && !always) return undefined;
  record();
  return madeUp(input, label);
}

function addArguments(list: RegistryArgument[] | undefined, inputs: Inputs): void {
  (list ?? []).forEach((arg, i) => {
    const label = arg.type === 'named' ? (arg.name ?? `argument ${i + 1}`) : (arg.valueHint ?? `argument ${i + 1}`);
    const value = valueOf(arg, label, inputs, false);
    if (value === undefined) return;
    // A flag and its value as two words: both `--port 8080` and `-e X=1` read that way.
    if (arg.type === 'positional') inputs.args.push(value);
    else if (arg.name) inputs.args.push(arg.name, value);
  });
}

/**
 * An OCI image's `-e NAME=VALUE` runtime arguments, the way server.json declares a container's
 * environment: added to its environment, placeholders filled. Its other runtime arguments
 * (mounts, ports, networks) are not used: the container is the sandbox.
 */
function addContainerVariables(list: RegistryArgument[] | undefined, inputs: Inputs): void {
  for (const arg of list ?? []) {
    if (arg.type !== 'named' || (arg.name !== '-e' && arg.name !== '--env')) continue;
    const name = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(arg.value ?? arg.default ?? '')?.[1];
    if (!name) continue;
    const value = valueOf(arg, name, inputs, true);
    if (value !== undefined) inputs.env[name] = value.slice(name.length + 1);
  }
}

function addVariables(list: KeyValueInput[] | undefined, inputs: Inputs): void {
  for (const variable of list ?? []) {
    const value = valueOf(variable, variable.name, inputs, true);
    if (value !== undefined) inputs.env[variable.name] = value;
  }
}

/**
 * Identifiers and versions go onto command lines (`npm install`, `uvx`, `docker run`): one
 * that starts with "-" would be read as an option (`docker run --privileged …`), and an npm
 * spec such as `file:…` or a git URL is not a registry package. Only plain names pass.
 */
const IDENTIFIER: Record<string, RegExp> = {
  npm: /^(@[a-z0-9~][a-z0-9._~-]*\/)?[a-z0-9~][a-z0-9._~-]*$/,
  pypi: /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/,
  oci: /^[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?(@sha256:[a-f0-9]{64})?$/,
};
const VERSION = /^[A-Za-z0-9][A-Za-z0-9.+_-]*$/;
/** The package types the scanner runs. */
const RUNNABLE = ['npm', 'pypi', 'oci'];
/** The transports a server.json may name; packages are started over stdio only. */
const TRANSPORTS = ['stdio', 'streamable-http', 'sse'];

/** A value for a message: quoted, cut short, and said to be empty when it is. */
const quoted = (value: string) => (value ? JSON.stringify(value.slice(0, 200)) : '"" (none given)');

function issueText(field: string, error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${field}${path}: ${issue.message}`;
}

type Unsupported = Extract<Launch, { kind: 'unsupported' }>;
const failed = (what: string, reason: string): Unsupported => ({ kind: 'unsupported', what, reason, status: 'failed' });
const unavailable = (what: string, reason: string): Unsupported => ({
  kind: 'unsupported',
  what,
  reason,
  status: 'runtime-unavailable',
});

/** Why a valid package entry is not started, in the order a reader would ask: its runtime, its transport, its name and version. */
function refusal(p: RegistryPackage, field: string): Unsupported | undefined {
  const what = `${p.registryType || 'package'} ${p.identifier}`;
  if (!RUNNABLE.includes(p.registryType))
    return unavailable(
      what,
      `${field}.registryType is ${quoted(p.registryType)}: the scanner runs npm, pypi and oci packages only`,
    );
  const transport = p.transport.type;
  if (transport !== 'stdio') {
    if (!TRANSPORTS.includes(transport))
      return failed(
        what,
        `${field}.transport.type is ${quoted(transport)}, not a transport of the MCP Registry (stdio, streamable-http, sse)`,
      );
    // A package that serves HTTP must be started and then reached on a port it picks: not done yet.
    return unavailable(what, `${field}.transport.type is ${quoted(transport)}: the scanner starts stdio packages only`);
  }
  const pattern = IDENTIFIER[p.registryType]!;
  if (!pattern.test(p.identifier))
    return failed(
      what,
      `${field}.identifier ${quoted(p.identifier)} is not a plain ${p.registryType} package name, so it is not run`,
    );
  if (p.version && !VERSION.test(p.version))
    return failed(what, `${field}.version ${quoted(p.version)} is not a plain version, so it is not run`);
  return undefined;
}

function packageLaunch(raw: unknown, i: number): Launch {
  const field = `packages[${i}]`;
  const parsed = packageSchema.safeParse(raw);
  if (!parsed.success) return failed(field, issueText(field, parsed.error));
  const p = parsed.data;
  const refused = refusal(p, field);
  if (refused) return refused;
  const inputs: Inputs = { args: [], env: {}, placeholders: [], notes: [] };
  addArguments(p.packageArguments, inputs);
  addVariables(p.environmentVariables, inputs);
  if (p.registryType === 'oci') {
    addContainerVariables(p.runtimeArguments, inputs);
    return { kind: 'oci', image: p.identifier, ...inputs };
  }
  // An empty version is no version: what `npx` or `uvx` would run, the latest.
  if (p.version === '') inputs.notes.push(`${field}.version is "" (none given): the latest version is scanned`);
  const version = p.version ? { version: p.version } : {};
  const kind = p.registryType === 'npm' ? 'npm' : 'pypi';
  return { kind, identifier: p.identifier, ...version, ...inputs };
}

function remoteLaunch(raw: unknown, i: number): Launch {
  const field = `remotes[${i}]`;
  const parsed = transportSchema.safeParse(raw);
  if (!parsed.success) return failed(field, issueText(field, parsed.error));
  const remote = parsed.data;
  if (!remote.url) return failed(field, `${field}.url is missing`);
  const url = substitute(remote.url, remote.variables);
  const what = `remote ${url}`;
  if (remote.type !== 'streamable-http' && remote.type !== 'sse')
    return failed(what, `${field}.type is ${quoted(remote.type)}, not a remote transport (streamable-http, sse)`);
  if (!/^https?:\/\//i.test(url)) return failed(what, `${field}.url ${quoted(url)} is not an http(s) URL`);
  const unfilled = url.match(/\{[^{}]+\}/g);
  if (unfilled) return failed(what, `${field}.url needs values the entry does not give: ${unfilled.join(', ')}`);
  const placeholders = (remote.headers ?? []).filter((h) => h.isRequired).map((h) => `header ${h.name} (not sent)`);
  return { kind: remote.type, url, placeholders };
}

/**
 * Every way to start the server, in the entry's order: its packages, then its remotes
 * (a package's tools are those people run locally; a remote more often wants credentials).
 */
export function launchesOf(server: { packages?: unknown[]; remotes?: unknown[] }): Launch[] {
  return [...(server.packages ?? []).map(packageLaunch), ...(server.remotes ?? []).map(remoteLaunch)];
}
