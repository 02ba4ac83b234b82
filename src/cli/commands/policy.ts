/**
 * `catalogue policy`: a server's recommended gateway policy, exactly as its page shows it; with
 * `--variant`, every refused tool's variant in its place, each tool's block as its page shows it.
 */
import { serverPolicyTexts } from '../../core/analyse.ts';
import { fail, type Command, type ParsedArgs } from '../command.ts';
import { analysedServer, slugArgument } from '../inputs.ts';

export const policyCommand: Command = {
  name: 'policy',
  summary: "a server's recommended policy (PolicyLayer, Intercept or Claude Code), as its page shows it",
  arguments: ['SLUG'],
  options: [
    { name: 'format', value: 'FORMAT', description: 'policylayer, intercept or claude', default: 'policylayer' },
    // The name the user gave the server in Claude Code (`claude mcp add NAME …`): it is part of every rule.
    {
      name: 'claude-server-name',
      value: 'NAME',
      description: 'the name the server has in Claude Code (claude mcp add NAME …), for --format claude',
    },
    {
      name: 'variant',
      description:
        "every refused tool's variant in its place (allowed within its limits and checks), as its page shows it",
    },
  ],
  run(args: ParsedArgs) {
    const server = analysedServer(slugArgument('policy', args.positionals[0]));
    const claudeServerName = args.string('claude-server-name');
    if (claudeServerName !== undefined && claudeServerName.trim() === '')
      fail('--claude-server-name needs the name the server is registered under in Claude Code');
    const texts = serverPolicyTexts(server, {
      ...(claudeServerName === undefined ? {} : { claudeServerName }),
      variants: args.flag('variant'),
    });
    const text = { policylayer: texts.policyJson, intercept: texts.interceptYaml, claude: texts.claudeJson }[
      args.string('format')!
    ];
    if (!text) fail('--format is policylayer, intercept or claude');
    process.stdout.write(text);
  },
};
