/**
 * What each format of a recommendation does in the gateway that reads it, in words. This is
 * the one statement the tool page, its FAQ (and FAQPage JSON-LD), the server page, the
 * "How recommendations are made" page and the README table are all drawn from, so no page
 * can promise what a format does not do: PolicyLayer JSON and Intercept YAML have no
 * approval step (a tool too dangerous to run unattended is refused there), and only Claude
 * Code's `ask` puts a person in the loop (docs/policies.md, "What each format can express").
 */
import { listPhrase, plural } from '../text.ts';
import { limitPhrase, type Guard, type ToolDecision } from './decision.ts';
import { claudePermission, claudeRuleName, interceptCanCount, type ClaudePermission } from './formats.ts';

export type Format = 'policylayer' | 'intercept' | 'claude';

export interface FormatEffect {
  format: Format;
  /** One or two sentences, starting with the gateway's name. */
  text: string;
}

/** "allows x, at most 30 calls per minute; it refuses any call that leaves out reason or whose amount is above 100." */
function allowed(decision: ToolDecision, limits: ToolDecision['limits'], refusals: string[]): string {
  const name = decision.tool;
  const limit = limits.length > 0 ? `, at most ${listPhrase(limits.map(limitPhrase))}` : ' with no limit';
  return `allows ${name}${limit}${refusals.length > 0 ? `; it refuses any call ${listPhrase(refusals, 'or')}` : ''}.`;
}

function requirements(decision: ToolDecision): string[] {
  return decision.requires.map((r) =>
    r.pattern === undefined
      ? `that leaves out ${r.parameter}`
      : `whose ${r.parameter} is missing or does not match ${JSON.stringify(r.pattern)}`,
  );
}

/**
 * A guard as the calls it refuses: "whose amount is missing, below 1 or above 10,000, or text that is
 * not a number". Not "anything but a number": PolicyLayer's docs do not say whether it reads "500" as
 * 500, so only what fails in both readings is claimed (src/core/policy/gateways.test.ts runs both).
 */
export function refused(g: Guard): string {
  const lte = g.allow.find((c) => c.op === 'lte')?.value;
  const gte = g.allow.find((c) => c.op === 'gte')?.value;
  const n = (v: unknown) => Number(v).toLocaleString('en-US');
  switch (g.kind) {
    case 'amount-cap':
    case 'quantity-cap':
    case 'ceiling-cap':
    case 'maximum':
      if (lte === undefined) return `whose ${g.parameter} is missing or not a plain decimal below 1`;
      return `whose ${g.parameter} is missing, below ${n(gte)} or above ${n(lte)}, or text that is not a number`;
    case 'path':
      return `whose ${g.parameter} is missing or not a plain relative path (no "..", no leading / or ~, no %, no wildcard)`;
    case 'bulk-flag':
      return g.allow[0]?.op === 'exists' ? `that sends ${g.parameter} at all` : `whose ${g.parameter} is not false`;
    case 'required-list':
      return `that leaves out ${g.parameter}`;
    case 'currency':
    case 'allow-list':
      return `whose ${g.parameter} is missing or not one of ${[g.allow[0]?.value]
        .flat()
        .map((v) => JSON.stringify(v))
        .join(', ')}`;
  }
}

/** The checks of a decision by name, for a sentence: "a cap on amount, a path check on path". */
export function checksNamed(decision: ToolDecision): string[] {
  const what: Record<Guard['kind'], string> = {
    'amount-cap': 'a cap on',
    'quantity-cap': 'a cap on',
    'ceiling-cap': 'a cap on',
    maximum: 'a maximum on',
    path: 'a path allow-list on',
    'bulk-flag': 'a refusal of',
    'required-list': 'a requirement of',
    currency: 'a currency check on',
    'allow-list': 'an allow-list on',
  };
  return [
    ...decision.guards.map((g) => `${what[g.kind]} ${g.parameter}`),
    ...decision.requires.map((r) => `${r.parameter} required`),
  ];
}

export function policyLayerEffect(decision: ToolDecision): string {
  const name = decision.tool;
  switch (decision.access) {
    case 'hide':
      // policylayer.com/docs/writing-policies: hidden tools are removed from Streamable HTTP tools/list responses.
      return `PolicyLayer removes ${name} from the tool list it serves over Streamable HTTP and refuses every call to it.`;
    case 'deny':
      return `PolicyLayer keeps ${name} visible and refuses every call to it (an unconditional deny_if); it has no approval step.`;
    case 'allow':
      return `PolicyLayer ${allowed(decision, decision.limits, [...requirements(decision), ...decision.guards.map(refused)])}`;
  }
}

export function interceptEffect(decision: ToolDecision): string {
  const name = decision.tool;
  switch (decision.access) {
    case 'hide':
      return `Intercept hides ${name} from the agent's tool list and refuses every call to it.`;
    case 'deny':
      return `Intercept refuses every call to ${name} (a deny rule); it has no approval step.`;
    case 'allow': {
      const counted = interceptCanCount(name) ? decision.limits : [];
      const gap =
        counted.length < decision.limits.length
          ? ' It cannot limit the rate: Intercept keeps no counter for a tool whose name has a dot.'
          : '';
      return `Intercept ${allowed(decision, counted, [...requirements(decision), ...decision.guards.map(refused)])}${gap}`;
    }
  }
}

export function claudeEffect(decision: ToolDecision, permission: ClaudePermission): string {
  const name = decision.tool;
  switch (permission) {
    case 'allow':
      return `Claude Code runs ${name} without asking.`;
    case 'ask':
      return `Claude Code asks you before every call to ${name} (ask); it cannot count calls or check arguments.`;
    case 'deny':
      return `Claude Code refuses every call to ${name} (deny).`;
  }
}

/** What each of the three formats does with one tool, in the order the site shows them. */
export function formatEffects(decision: ToolDecision, lowRisk: boolean): FormatEffect[] {
  return [
    { format: 'policylayer', text: policyLayerEffect(decision) },
    { format: 'intercept', text: interceptEffect(decision) },
    { format: 'claude', text: claudeEffect(decision, claudePermission(decision, lowRisk)) },
  ];
}

/** The sentence every Claude Code rule needs: whose name `<server>` is. */
export function claudeServerNameNote(serverSlug: string, tool?: string): string {
  const example = claudeRuleName(serverSlug, tool ?? '<tool>');
  return `Claude Code names the rule ${example}, where ${serverSlug} must be the name you registered the server under in Claude Code (claude mcp add <name> …); change it if yours differs.`;
}

/** Arguments named in a server sentence before the rest are counted ("and 4 more"). */
const NAMED_ARGUMENTS = 6;

/** "within rate limits and argument checks on path and amount", naming only what the allowed tools have. */
function boundedBy(allowed: readonly ToolDecision[]): string {
  const limited = allowed.some((d) => d.limits.length > 0);
  const names = [
    ...new Set(allowed.flatMap((d) => [...d.guards.map((g) => g.parameter), ...d.requires.map((r) => r.parameter)])),
  ];
  const shown =
    names.length > NAMED_ARGUMENTS
      ? [...names.slice(0, NAMED_ARGUMENTS - 1), `${names.length - NAMED_ARGUMENTS + 1} more`]
      : names;
  const checked = names.length > 0 ? [`argument checks on ${listPhrase(shown)}`] : [];
  return `within ${listPhrase([...(limited ? ['rate limits'] : []), ...checked])}`;
}

/** What each format does with a whole server's tools, by how many it allows, refuses and hides. */
export function serverEffects(tools: readonly { decision: ToolDecision; lowRisk: boolean }[]): FormatEffect[] {
  const decisions = tools.map((t) => t.decision);
  const allowedTools = decisions.filter((d) => d.access === 'allow');
  const bounded = allowedTools.filter((d) => d.limits.length + d.guards.length + d.requires.length > 0).length;
  const denied = decisions.filter((d) => d.access === 'deny').length;
  const hidden = decisions.filter((d) => d.access === 'hide').length;
  const parts = [
    `allows ${plural(allowedTools.length, 'tool')}${bounded > 0 ? ` (${bounded.toLocaleString('en-US')} of them ${boundedBy(allowedTools)})` : ''}`,
    ...(denied > 0 ? [`keeps ${plural(denied, 'tool')} visible but refuses every call to them`] : []),
    ...(hidden > 0 ? [`hides ${plural(hidden, 'tool')}`] : []),
  ];
  const same = `${listPhrase(parts)}; tools it does not list are refused.`;
  const uncounted = allowedTools.filter((d) => d.limits.length > 0 && !interceptCanCount(d.tool)).length;
  const gaps = uncounted > 0 ? [`the rate limits of ${plural(uncounted, 'tool')} whose names have a dot`] : [];
  const claude = { allow: 0, ask: 0, deny: 0 };
  for (const { decision, lowRisk } of tools) claude[claudePermission(decision, lowRisk)]++;
  const claudeParts = [
    ...(claude.allow > 0 ? [`runs ${plural(claude.allow, 'tool')} without asking`] : []),
    ...(claude.ask > 0 ? [`asks you before every call to ${plural(claude.ask, 'tool')}`] : []),
    ...(claude.deny > 0 ? [`refuses every call to ${plural(claude.deny, 'tool')}`] : []),
  ];
  return [
    { format: 'policylayer', text: `PolicyLayer ${same} It has no approval step.` },
    {
      format: 'intercept',
      text: `Intercept ${same}${gaps.length > 0 ? ` It leaves out ${listPhrase(gaps)}, which it cannot evaluate as meant (the comments in the YAML say which).` : ''} It has no approval step.`,
    },
    { format: 'claude', text: `Claude Code ${listPhrase(claudeParts)}; it cannot count calls or check arguments.` },
  ];
}

/**
 * What the recommendation does with a category of tools, for the category's list page: written
 * from the decision for a plain tool of that category (no parameters, no signals), so the list
 * page says what the tool pages say.
 */
export function categoryPolicySummary(decision: ToolDecision, lowRisk: boolean): string {
  const claude = {
    allow: 'Claude Code runs them without asking',
    ask: 'Claude Code asks before each call',
    deny: 'Claude Code refuses them',
  }[claudePermission(decision, lowRisk)];
  const within = (d: ToolDecision) =>
    d.limits.length > 0 ? `, at most ${listPhrase(d.limits.map(limitPhrase))}` : ' with no limit';
  switch (decision.access) {
    case 'hide':
      return `the recommended policy hides them in PolicyLayer and Intercept; ${claude}`;
    case 'deny':
      return `the recommended policy refuses them in PolicyLayer and Intercept${decision.variant ? `, with a variant that allows them${within(decision.variant)}` : ''}; ${claude}`;
    case 'allow':
      return `the recommended policy allows them in PolicyLayer and Intercept${within(decision)}; ${claude}`;
  }
}

/**
 * The sentence that introduces a variant, from its content: its limits, and its argument checks by
 * name, or that it has none and only the call rate is limited.
 */
export function variantIntro(name: string, variant: ToolDecision): string {
  const checks = checksNamed(variant);
  const limits = variant.limits.length > 0 ? `at most ${listPhrase(variant.limits.map(limitPhrase))}` : 'with no limit';
  return checks.length > 0
    ? `The recommendation refuses every call. For an operator who needs the agent to use ${name} anyway, this variant allows it ${limits}, with ${listPhrase(checks)}:`
    : `The recommendation refuses every call. For an operator who needs the agent to use ${name} anyway, this variant allows it ${limits}; it checks no argument, so only the call rate is limited:`;
}
