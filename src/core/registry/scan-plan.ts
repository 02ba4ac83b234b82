/**
 * How `catalogue scan-all` starts a registry server: from each of its `packages` and
 * `remotes` (docs/reference/server-json in github.com/modelcontextprotocol/registry),
 * a launch the scanner can try, with every required input given a value. Pure: the
 * running is src/cli/scan-all.ts.
 *
 * Inputs without a value: an optional one is left out; a required one gets a
 * placeholder (`placeholder-NAME`, or the sandbox's private `/tmp` for a file path),
 * and the launch lists it, so the report can say the tools were listed with made-up
 * credentials (many servers list their tools without checking them; others exit, and
 * the reason is reported).
 */
import {
  packageSchema,
  transportSchema,
  type RegistryArgument,
  type RegistryInput,
  type KeyValueInput,
} from '../../schemas/registry.ts';

export type Launch =
  | {
      kind: 'npm';
      identifier: string;
      version?: string;
      args: string[];
      env: Record<string, string>;
      placeholders: string[];
    }
  | {
      kind: 'pypi';
      identifier: string;
      version?: string;
      args: string[];
      env: Record<string, string>;
      placeholders: string[];
    }
  | { kind: 'oci'; image: string; args: string[]; env: Record<string, string>; placeholders: string[] }
  | { kind: 'streamable-http' | 'sse'; url: string; placeholders: string[] }
  /** A package or remote the scanner cannot start, and why. */
  | { kind: 'unsupported'; what: string; reason: string; status: 'runtime-unavailable' | 'failed' };

/** A short name of a launch for messages and the report. */
export function describeLaunch(launch: Launch): string {
  switch (launch.kind) {
    case 'npm':
    case 'pypi':
      return `${launch.kind} ${launch.identifier}${launch.version ? `@${launch.version}` : ''}`;
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

/** Replaces `{name}` from the input's variables (their value or default); unknown names stay as written (the spec says so). */
function substitute(text: string, variables: RegistryInput['variables']): string {
  return text.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const v = variables?.[name];
    return v?.value ?? v?.default ?? whole;
  });
}

/** The value an input gets, or undefined to leave it out; records a placeholder. */
function valueOf(input: RegistryInput, label: string, placeholders: string[]): string | undefined {
  const given = input.value ?? input.default;
  if (given !== undefined) return substitute(given, input.variables);
  if (!input.isRequired) return undefined;
  placeholders.push(label);
  return input.format === 'filepath' ? PLACEHOLDER_PATH : `placeholder-${label.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function argumentsOf(list: RegistryArgument[] | undefined, placeholders: string[]): string[] {
  const out: string[] = [];
  for (const arg of list ?? []) {
    const label = arg.type === 'named' ? (arg.name ?? 'argument') : (arg.valueHint ?? 'argument');
    const value = valueOf(arg, label, placeholders);
    if (arg.type === 'positional') {
      if (value !== undefined) out.push(value);
    } else if (arg.name) {
      // A flag and its value as two words: both `--port 8080` and `-e X=1` read that way.
      if (value !== undefined) out.push(arg.name, value);
    }
  }
  return out;
}

function envOf(list: KeyValueInput[] | undefined, placeholders: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const variable of list ?? []) {
    const value = valueOf(variable, variable.name, placeholders);
    if (value !== undefined) env[variable.name] = value;
  }
  return env;
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

function refusedIdentifier(type: string, identifier: string, version: string | undefined): string | undefined {
  const pattern = IDENTIFIER[type];
  if (pattern && !pattern.test(identifier))
    return `${JSON.stringify(identifier.slice(0, 200))} is not a plain ${type} package name, so it is not run`;
  if (version !== undefined && !VERSION.test(version))
    return `${JSON.stringify(version.slice(0, 100))} is not a plain version, so it is not run`;
  return undefined;
}

function issueText(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0]!;
  return `${issue.path.map(String).join('.') || '(entry)'}: ${issue.message}`;
}

/**
 * Every way to start the server, in the entry's order: its packages, then its remotes
 * (a package's tools are those people run locally; a remote more often wants credentials).
 */
export function launchesOf(server: { packages?: unknown[]; remotes?: unknown[] }): Launch[] {
  const launches: Launch[] = [];
  (server.packages ?? []).forEach((raw, i) => {
    const parsed = packageSchema.safeParse(raw);
    if (!parsed.success) {
      launches.push({ kind: 'unsupported', what: `packages[${i}]`, reason: issueText(parsed.error), status: 'failed' });
      return;
    }
    const p = parsed.data;
    const what = `${p.registryType} ${p.identifier}`;
    if (p.transport.type !== 'stdio') {
      // A package that serves HTTP must be started and then reached on a port it picks: not done yet.
      launches.push({
        kind: 'unsupported',
        what,
        reason: `a package with the ${p.transport.type} transport is not started by the scanner (only stdio packages are)`,
        status: 'runtime-unavailable',
      });
      return;
    }
    const refused = refusedIdentifier(p.registryType, p.identifier, p.version);
    if (refused) {
      launches.push({ kind: 'unsupported', what, reason: refused, status: 'failed' });
      return;
    }
    const placeholders: string[] = [];
    const args = argumentsOf(p.packageArguments, placeholders);
    const env = envOf(p.environmentVariables, placeholders);
    const version = p.version ? { version: p.version } : {};
    if (p.registryType === 'npm' || p.registryType === 'pypi')
      launches.push({ kind: p.registryType, identifier: p.identifier, ...version, args, env, placeholders });
    else if (p.registryType === 'oci') launches.push({ kind: 'oci', image: p.identifier, args, env, placeholders });
    else
      launches.push({
        kind: 'unsupported',
        what,
        reason: `${p.registryType} packages are not run by the scanner (npm, pypi and oci are)`,
        status: 'runtime-unavailable',
      });
  });
  (server.remotes ?? []).forEach((raw, i) => {
    const parsed = transportSchema.safeParse(raw);
    if (!parsed.success || !parsed.data.url) {
      const reason = parsed.success ? 'url: missing' : issueText(parsed.error);
      launches.push({ kind: 'unsupported', what: `remotes[${i}]`, reason, status: 'failed' });
      return;
    }
    const remote = parsed.data;
    const placeholders = (remote.headers ?? []).filter((h) => h.isRequired).map((h) => `header ${h.name} (not sent)`);
    const url = substitute(remote.url!, remote.variables);
    if (remote.type !== 'streamable-http' && remote.type !== 'sse')
      launches.push({
        kind: 'unsupported',
        what: `remote ${url}`,
        reason: `unknown transport ${remote.type}`,
        status: 'failed',
      });
    else if (!/^https?:\/\//i.test(url))
      launches.push({ kind: 'unsupported', what: `remote ${url}`, reason: 'not an http(s) URL', status: 'failed' });
    else if (/\{[^{}]+\}/.test(url))
      launches.push({
        kind: 'unsupported',
        what: `remote ${url}`,
        reason: 'the URL needs values the entry does not give',
        status: 'failed',
      });
    else launches.push({ kind: remote.type, url, placeholders });
  });
  return launches;
}
