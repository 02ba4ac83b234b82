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
import {
  claudePermission,
  claudeRuleName,
  interceptCanCount,
  interceptSkipsGuard,
  type ClaudePermission,
} from './formats.ts';

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

/** A guard as the calls it refuses: "whose amount is above 100". */
function refused(g: Guard): string {
  switch (g.kind) {
    case 'amount-cap':
    case 'maximum':
      return `whose ${g.parameter} is above ${Number(g.deny.value).toLocaleString('en-US')}`;
    case 'path-traversal':
      return `whose ${g.parameter} contains ".."`;
    case 'bulk-flag':
      return `that sets ${g.parameter} to true`;
    case 'allow-list':
      return `whose ${g.parameter} is not one of ${[g.allow.value]
        .flat()
        .map((v) => JSON.stringify(v))
        .join(', ')}`;
  }
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
      const checked = decision.guards.filter((g) => !interceptSkipsGuard(g));
      const skipped = decision.guards.filter(interceptSkipsGuard);
      const gaps: string[] = [];
      if (skipped.length > 0)
        gaps.push(
          `It leaves out PolicyLayer's check on ${listPhrase(skipped.map((g) => g.parameter))}: Intercept refuses every call that leaves out an argument a condition tests, and ${listPhrase(skipped.map((g) => g.parameter))} ${skipped.length === 1 ? 'is' : 'are'} optional.`,
        );
      if (counted.length < decision.limits.length)
        gaps.push(`It cannot limit the rate: Intercept keeps no counter for a tool whose name has a dot.`);
      return [
        `Intercept ${allowed(decision, counted, [...requirements(decision), ...checked.map(refused)])}`,
        ...gaps,
      ].join(' ');
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

/** What each format does with a whole server's tools, by how many it allows, refuses and hides. */
export function serverEffects(tools: readonly { decision: ToolDecision; lowRisk: boolean }[]): FormatEffect[] {
  const decisions = tools.map((t) => t.decision);
  const allowedTools = decisions.filter((d) => d.access === 'allow');
  const bounded = allowedTools.filter((d) => d.limits.length + d.guards.length + d.requires.length > 0).length;
  const denied = decisions.filter((d) => d.access === 'deny').length;
  const hidden = decisions.filter((d) => d.access === 'hide').length;
  const parts = [
    `allows ${plural(allowedTools.length, 'tool')}${bounded > 0 ? ` (${bounded.toLocaleString('en-US')} of them within limits or argument checks)` : ''}`,
    ...(denied > 0 ? [`keeps ${plural(denied, 'tool')} visible but refuses every call to them`] : []),
    ...(hidden > 0 ? [`hides ${plural(hidden, 'tool')}`] : []),
  ];
  const same = `${listPhrase(parts)}; tools it does not list are refused.`;
  const skippedGuards = allowedTools.flatMap((d) => d.guards.filter(interceptSkipsGuard)).length;
  const uncounted = allowedTools.filter((d) => d.limits.length > 0 && !interceptCanCount(d.tool)).length;
  const gaps = [
    ...(skippedGuards > 0 ? [`${plural(skippedGuards, 'check')} on optional arguments`] : []),
    ...(uncounted > 0 ? [`the rate limits of ${plural(uncounted, 'tool')} whose names have a dot`] : []),
  ];
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
