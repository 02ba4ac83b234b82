/**
 * How to load a policy into the gateway that reads it, format by format, with the server's own
 * launch command where its registry entry gives one (docs/policies.md, "Loading a policy"). Every
 * statement here was checked against the gateway's own documentation or code: PolicyLayer's
 * "Writing policies" page, Intercept's README, USAGE.md and transport code (commit 77f0429), and
 * Claude Code's settings and permissions pages.
 *
 * The package name, version and remote URL are third-party text put on a command line: a name or
 * version is used only when it is a plain one (launchesOf refuses the rest), and every word of the
 * command is quoted for a POSIX shell unless it is made of characters no shell reads specially.
 */
import { launchesOf, type Launch } from '../registry/scan-plan.ts';
import type { Server } from '../../schemas/server.ts';
import type { Format } from './effects.ts';

/** What of a server's registry entry says how to start it. */
export type Launchable = Pick<Server, 'packages' | 'remotes'>;

export interface Link {
  href: string;
  label: string;
}

export interface FormatLoading {
  format: Format;
  /** What to do, in order; a step with a command shows it as a block to copy. */
  steps: { text: string; command?: string }[];
  /** What the gateway itself does not cover. */
  gap: string;
  docs: Link[];
}

export const GATEWAY_DOCS = {
  policyLayer: { href: 'https://policylayer.com/docs/writing-policies', label: 'PolicyLayer: Writing policies' },
  intercept: { href: 'https://github.com/PolicyLayer/Intercept#readme', label: 'Intercept: README' },
  interceptCli: {
    href: 'https://github.com/PolicyLayer/Intercept/blob/main/USAGE.md',
    label: 'Intercept: CLI reference',
  },
  claudePermissions: { href: 'https://code.claude.com/docs/en/permissions', label: 'Claude Code: permissions' },
  claudeSettings: { href: 'https://code.claude.com/docs/en/settings', label: 'Claude Code: settings files' },
} as const satisfies Record<string, Link>;

/** Characters no POSIX shell reads specially: a word made only of them goes on the line as it is. */
const PLAIN_WORD = /^[A-Za-z0-9@%+=:,./_-]+$/;

/**
 * One word of a command line for a POSIX shell: as it is when plain, else in single quotes (inside
 * which nothing is special; a quote itself is closed, escaped and reopened). Undefined for text
 * with a control character or a line break, which no copied command should carry.
 */
export function shellWord(text: string): string | undefined {
  if (text === '' || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) return undefined;
  return PLAIN_WORD.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The server's own launch command, as Intercept runs it after `--`, or its remote as `--upstream`. */
function interceptArguments(launch: Launch): string[] | undefined {
  switch (launch.kind) {
    case 'npm':
      return ['--', 'npx', '-y', `${launch.identifier}@${launch.version ?? 'latest'}`];
    case 'pypi':
      // As the scanner runs it (src/cli/scan-all.ts): the package's own command, from that version.
      return [
        '--',
        'uvx',
        '--from',
        launch.version ? `${launch.identifier}==${launch.version}` : launch.identifier,
        launch.identifier,
      ];
    case 'oci':
      return ['--', 'docker', 'run', '-i', '--rm', launch.image];
    case 'streamable-http':
    case 'sse':
      return ['--upstream', launch.url];
    case 'unsupported':
      return undefined;
  }
}

/** A whole command, or undefined when a word of it cannot be written safely. */
function command(words: readonly string[]): string | undefined {
  const quoted = words.map(shellWord);
  return quoted.every((w): w is string => w !== undefined) ? quoted.join(' ') : undefined;
}

/** The Intercept command for a server: from its first package or remote that can be written out. */
export function interceptCommand(slug: string, server: Launchable): { command: string; launch: Launch } | undefined {
  const file = `${slug}.yaml`;
  for (const launch of launchesOf({ packages: server.packages ?? [], remotes: server.remotes ?? [] })) {
    const args = interceptArguments(launch);
    const line = args && command(['intercept', '-c', file, ...args]);
    if (line) return { command: line, launch };
  }
  return undefined;
}

function interceptSteps(slug: string, server: Launchable) {
  const found = interceptCommand(slug, server);
  const save = {
    text: `Save the Intercept YAML as ${slug}.yaml, and check it with intercept validate -c ${slug}.yaml.`,
  };
  if (!found)
    return [
      save,
      {
        text: `The catalogue knows no package or remote of this server it can write a command for. Register the server in your MCP client as intercept -c ${slug}.yaml -- followed by the server's own launch command, or intercept -c ${slug}.yaml --upstream followed by its URL.`,
      },
    ];
  const remote = found.launch.kind === 'streamable-http' || found.launch.kind === 'sse';
  return [
    save,
    {
      text: remote
        ? 'The server is known only by its remote address, so Intercept bridges to it: register this command as the server in your MCP client, in place of the address (add --header "Name: value" for each header the server asks for, such as its API key).'
        : "Register this command as the server in your MCP client, in place of the server's own command (the command and args of its entry in .mcp.json); Intercept starts the server and passes it its own environment, so keep the variables the server needs on the entry.",
      command: found.command,
    },
  ];
}

/** What to do with each format of a policy for the server `slug`, in the order the tabs show them. */
export function howToLoad(slug: string, server: Launchable): FormatLoading[] {
  return [
    {
      format: 'policylayer',
      steps: [
        {
          text: "In PolicyLayer's dashboard, open the policy attached to the grants on this MCP server, switch its policy builder to Raw JSON, and paste this document in place of the one there. It applies to every grant it is attached to; a grant with no policy is refused every call.",
        },
      ],
      gap: "PolicyLayer enforces the policy only on calls that go through it: an agent that has the server's own address or credentials goes around it. Hidden tools are removed only from the tool lists it serves over Streamable HTTP.",
      docs: [GATEWAY_DOCS.policyLayer],
    },
    {
      format: 'intercept',
      steps: interceptSteps(slug, server),
      gap: 'Intercept checks only what passes through it: remove any other entry for this server from your client, and keep the agent from starting the server or reaching its address another way (a shell, a URL). A message it cannot read as a tools/call, such as a line that is not JSON, is forwarded to the server unchecked, so nothing but your MCP client should write to Intercept.',
      docs: [GATEWAY_DOCS.intercept, GATEWAY_DOCS.interceptCli],
    },
    {
      format: 'claude',
      steps: [
        {
          text: `Merge the permissions into .claude/settings.json in your project (shared with everyone who works on it) or into ~/.claude/settings.json (every project of yours), keeping the rules already in its allow, ask and deny lists.`,
        },
        {
          text: `The ${slug} in each mcp__${slug}__… rule must be the name you registered the server under (claude mcp add NAME …); if yours differs, change it, or run npm run catalogue -- policy ${slug} --format claude --claude-server-name NAME.`,
        },
      ],
      gap: 'Claude Code only allows, asks or denies a tool: it cannot count calls or check arguments, and a rule whose server part is not your registered name matches nothing.',
      docs: [GATEWAY_DOCS.claudePermissions, GATEWAY_DOCS.claudeSettings],
    },
  ];
}
