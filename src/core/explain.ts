/**
 * The sentences a tool page says about a tool, written from its classification and
 * recommendation. Kept apart from the page so the wording is tested for every
 * category and risk class ("an execute tool", never "a execute tool").
 */
import { CATEGORY_LABELS, RISK_LABELS, SIGNAL_LABELS, type Category, type Risk } from '../schemas/taxonomy.ts';
import type { AnalysedServer, AnalysedTool } from './analyse.ts';
import type { ToolDecision } from './policy/decision.ts';

const DOES: Record<Category, string> = {
  read: 'reads or looks up data and changes nothing',
  write: 'creates or changes data',
  execute: 'runs code, commands, queries or workflows',
  destructive: 'deletes or irreversibly overwrites data or access',
  financial: 'moves money or commits to spend it',
};

const WHY: Record<Category, string> = {
  read: 'Reading is the least risky kind of call, but what it reads goes into the agent’s context, and a read tool can still be the first step of a data leak.',
  write:
    'Each call changes something outside the conversation. A rate limit keeps a confused or manipulated agent from making hundreds of changes before anyone notices.',
  execute:
    'Whatever it runs can do anything the server can do, so the input decides the effect. A tight limit slows an agent that has been talked into running something it should not.',
  destructive: 'What it removes may not come back. A person should see and approve each call.',
  financial:
    'Money that has moved is hard to get back. A person should approve each call, and large amounts should be refused outright.',
};

/** "a write tool", "an execute tool". */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

export function categoryNoun(category: Category): string {
  return `${withArticle(CATEGORY_LABELS[category].toLowerCase())} tool`;
}

export function riskPhrase(risk: Risk): string {
  return `${RISK_LABELS[risk].toLowerCase()} risk`;
}

export function parameterCount(tool: AnalysedTool): { total: number; required: number } {
  const properties = Object.keys(tool.tool.inputSchema.properties ?? {});
  const required = new Set(tool.tool.inputSchema.required ?? []);
  return { total: properties.length, required: properties.filter((p) => required.has(p)).length };
}

function countPhrase(n: number, word: string): string {
  return `${n === 0 ? 'no' : n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export function whatItDoes(server: AnalysedServer, tool: AnalysedTool): string {
  const { category } = tool.classification;
  const { total, required } = parameterCount(tool);
  const params =
    total === 0
      ? 'It takes no parameters.'
      : `It takes ${countPhrase(total, 'parameter')}${required ? `, ${required.toLocaleString('en-US')} of them required` : ', all optional'}.`;
  return `${tool.tool.name} is ${categoryNoun(category)} of the ${server.title} MCP server: it ${DOES[category]}. ${params}`;
}

export function whyItNeedsAPolicy(tool: AnalysedTool): string {
  const c = tool.classification;
  const raised = c.raisedBy.map(
    (r) =>
      `${SIGNAL_LABELS[r.signal].toLowerCase()} raised it from ${RISK_LABELS[r.from].toLowerCase()} to ${RISK_LABELS[r.to].toLowerCase()}`,
  );
  const risk = c.reviewed
    ? `A curator reviewed it as ${categoryNoun(c.category)} of ${riskPhrase(c.risk)}.`
    : `As ${categoryNoun(c.category)} it is ${riskPhrase(c.risk)}${raised.length ? `: ${raised.join('; ')}` : ''}.`;
  return `${risk} ${WHY[c.category]}`;
}

function limitPhrase(decision: ToolDecision): string {
  return decision.limits.map((l) => `${l.max.toLocaleString('en-US')} calls a ${l.window}`).join(' and ');
}

/** One sentence on what the recommended policy does. */
export function policySummary(decision: ToolDecision): string {
  const name = decision.tool;
  if (decision.access === 'block')
    return `The recommended policy hides ${name} from the agent and denies every call to it.`;
  const parts: string[] = [];
  if (decision.access === 'approve') parts.push(`asks a person to approve every call to ${name}`);
  else parts.push(decision.limits.length ? `allows ${name}` : `allows ${name} with no limit`);
  if (decision.limits.length) parts.push(`at most ${limitPhrase(decision)}`);
  const guards = decision.guards.map((g) => g.message);
  return `The recommended policy ${parts.join(', ')}${guards.length ? `; and ${guards.join('; ')}` : ''}.`;
}

export function howToControl(server: AnalysedServer, tool: AnalysedTool): string[] {
  const name = tool.tool.name;
  return [
    `Put an MCP gateway between the agent and ${server.title}: PolicyLayer, Intercept (open source) or, for Claude Code, its permission rules.`,
    `Copy the recommended policy below in the format your gateway reads. ${policySummary(tool.decision)}`,
    `To block ${name} completely, leave it out of the policy's tools (the policy denies by default) or list it under hide so the agent never sees it.`,
    `To cover the whole server at once, use the full ${server.title} policy for all ${server.tools.length.toLocaleString('en-US')} tools.`,
  ];
}

export interface FaqEntry {
  question: string;
  answer: string;
}

export function faq(server: AnalysedServer, tool: AnalysedTool): FaqEntry[] {
  const name = tool.tool.name;
  const c = tool.classification;
  const d = tool.decision;
  const rateLimit = d.limits.length
    ? `Yes. The recommended policy already limits it to ${limitPhrase(d)}; change max and window in its limits to suit you.`
    : d.access === 'block'
      ? `It is blocked outright in the recommended policy, so there is nothing to rate-limit; if you decide to allow it, add a limit such as {"counter":"${name}_rate","window":"minute","max":30,"scope":"grant"}.`
      : `Yes. Add a limit to its entry, for example {"counter":"${name}_rate","window":"minute","max":30,"scope":"grant"}; the recommendation leaves ${riskPhrase(c.risk)} reads unlimited.`;
  return [
    {
      question: `What does ${name} do?`,
      answer: `${whatItDoes(server, tool)}${tool.tool.description.trim() ? ' Its own description is quoted in full on this page.' : ' It has no description of its own.'}`,
    },
    {
      question: `How do I enforce a policy on ${name}?`,
      answer: `Run the agent's MCP traffic through a gateway such as PolicyLayer or Intercept and load the recommended policy shown on this page; in Claude Code, add the permission rule to settings.json. ${policySummary(d)}`,
    },
    { question: `What risk level is ${name}?`, answer: `${RISK_LABELS[c.risk]}. ${whyItNeedsAPolicy(tool)}` },
    { question: `Can I rate-limit ${name}?`, answer: rateLimit },
    {
      question: `How do I block ${name} completely?`,
      answer: `Under a policy with "default": "deny", leave ${name} out of "tools", or add it to "hide" so the agent never sees it. In Claude Code, add mcp__${server.slug}__${name} to permissions.deny.`,
    },
    {
      question: `Which server provides ${name}?`,
      answer: `${server.title} (${server.server.name}), which has ${countPhrase(server.tools.length, 'tool')} in this catalogue.`,
    },
  ];
}

export interface ParameterRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** At most this many parameter rows on a page; a tool with 2,000 parameters gets a note instead of a huge table. */
export const MAX_PARAMETER_ROWS = 100;

/** A readable type for one JSON Schema: "string (uri)", "array of string", "one of: a, b, c". */
export function describeType(schema: unknown): string {
  if (typeof schema === 'boolean') return schema ? 'any' : 'nothing';
  if (!schema || typeof schema !== 'object') return '';
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.enum)) {
    const values = s.enum.slice(0, 8).map((v) => JSON.stringify(v));
    return `one of: ${values.join(', ')}${s.enum.length > 8 ? `, … (${s.enum.length} in all)` : ''}`;
  }
  const type = Array.isArray(s.type)
    ? s.type.filter((t) => typeof t === 'string').join(' | ')
    : typeof s.type === 'string'
      ? s.type
      : '';
  if (type === 'array') {
    const items = describeType(s.items);
    return items ? `array of ${items}` : 'array';
  }
  const format = typeof s.format === 'string' ? ` (${s.format})` : '';
  if (type) return `${type}${format}`;
  if (typeof s.$ref === 'string') return `see ${s.$ref}`;
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) return 'one of several shapes';
  return format.trim();
}

export function parameterRows(tool: AnalysedTool): ParameterRow[] {
  const required = new Set(tool.tool.inputSchema.required ?? []);
  return Object.entries(tool.tool.inputSchema.properties ?? {}).map(([name, schema]) => ({
    name,
    type: describeType(schema),
    required: required.has(name),
    description: typeof schema === 'object' && typeof schema.description === 'string' ? schema.description : '',
  }));
}

/** Descriptions longer than this are cut on the page; the full text stays in the JSON API. */
export const DESCRIPTION_LIMIT = 2000;
