/**
 * The sentences a tool page says about a tool, written from its classification and
 * recommendation. Kept apart from the page so the wording is tested for every
 * category and risk class ("an execute tool", never "a execute tool").
 */
import {
  CATEGORY_LABELS,
  RISK_LABELS,
  SIGNAL_LABELS,
  type Category,
  type Risk,
  type SignalId,
} from '../../schemas/taxonomy.ts';
import type { AnalysedServer, AnalysedTool } from '../analyse.ts';
import { limitPhrase } from '../policy/decision.ts';
import { claudeServerNameNote, formatEffects, policyLayerEffect } from '../policy/effects.ts';
import { claudeRuleName, interceptCanCount } from '../policy/formats.ts';
import { countPhrase, shorten } from '../text.ts';

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
  destructive: 'What it removes may not come back, and one confused or manipulated call is enough.',
  financial: 'Money that has moved is hard to get back, and an agent can be talked into moving it.',
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

/** "the Acme MCP server", without doubling a title that already says it ("Image MCP", "Foo MCP Server"). */
export function mcpServerName(title: string): string {
  if (/\bMCP[\s-]+server$/i.test(title)) return title;
  if (/\bMCP$/i.test(title)) return `${title} server`;
  return `${title} MCP server`;
}

export function whatItDoes(server: AnalysedServer, tool: AnalysedTool): string {
  const { category } = tool.classification;
  const { total, required } = parameterCount(tool);
  const params =
    total === 0
      ? 'It takes no parameters.'
      : `It takes ${countPhrase(total, 'parameter')}${required ? `, ${required.toLocaleString('en-US')} of them required` : ', all optional'}.`;
  return `${tool.tool.name} is ${categoryNoun(category)} of the ${mcpServerName(server.title)}: it ${DOES[category]}. ${params}`;
}

/** The first piece of evidence of a signal, if the tool has it. */
function evidenceOf(tool: AnalysedTool, id: SignalId): string | undefined {
  return tool.classification.signals.find((s) => s.id === id)?.evidence[0];
}

/** What the tool's own definition adds to the case for a policy: one sentence per signal that matters. */
const SIGNAL_WHY: Partial<Record<SignalId, (evidence: string) => string>> = {
  cost: (e) => `Its definition states a price per call (${e}): an agent that loops runs up a bill.`,
  money: (e) => `It moves money (${e}).`,
  'financial-data': (e) => `It reads financial data (${e}), which then sits in the agent’s context.`,
  url: (e) =>
    `It takes a URL (${e}): an agent can be steered to make the server reach any address, internal ones included.`,
  path: (e) => `It takes a file-system path (${e}): without a check, "../" reaches files outside the folder meant.`,
  code: (e) => `It runs code, a query or a command it is given (${e}).`,
  html: (e) => `It takes raw HTML or template content (${e}), which can carry script or hidden instructions.`,
  credentials: (e) => `It takes credentials (${e}), which pass through the agent’s context and logs.`,
  recipient: (e) => `It sends to recipients outside (${e}): a manipulated agent can use it to send data away.`,
  bulk: (e) => `It can act on many items at once (${e}).`,
};

export function whyItNeedsAPolicy(server: AnalysedServer, tool: AnalysedTool): string {
  const c = tool.classification;
  const raised = c.raisedBy.map(
    (r) =>
      `${SIGNAL_LABELS[r.signal].toLowerCase()} raised it from ${RISK_LABELS[r.from].toLowerCase()} to ${RISK_LABELS[r.to].toLowerCase()}`,
  );
  const sentences = [
    c.reviewed
      ? `A curator reviewed it as ${categoryNoun(c.category)} of ${riskPhrase(c.risk)}.`
      : `As ${categoryNoun(c.category)} it is ${riskPhrase(c.risk)}${raised.length ? `: ${raised.join('; ')}` : ''}.`,
    WHY[c.category],
  ];
  for (const [id, why] of Object.entries(SIGNAL_WHY) as [SignalId, (e: string) => string][]) {
    const evidence = evidenceOf(tool, id);
    if (evidence) sentences.push(why(evidence));
  }
  const confidence = `confidence ${Math.round(c.confidence * 100)}%`;
  if (!tool.tool.description.trim())
    sentences.push(`It has no description, so the category rests on its name and parameters alone (${confidence}).`);
  else if (evidenceOf(tool, 'short-description'))
    sentences.push(
      `Its description is very short, so the category rests mostly on its name and parameters (${confidence}).`,
    );
  const about = server.server.description.trim();
  if (about) sentences.push(`${server.title} describes itself as: “${shorten(about, 200)}”`);
  return sentences.join(' ');
}

/** What the recommendation does, format by format: the one statement of effects.ts. */
export function policySummary(tool: AnalysedTool): string {
  return formatEffects(tool.decision, tool.classification.risk === 'low')
    .map((e) => e.text)
    .join(' ');
}

export function howToControl(server: AnalysedServer, tool: AnalysedTool): string[] {
  const name = tool.tool.name;
  const d = tool.decision;
  return [
    `Put an MCP gateway between the agent and ${server.title}: PolicyLayer, Intercept (open source) or, for Claude Code, its permission rules.`,
    `Copy the recommended policy below in the format your gateway reads. ${policySummary(tool)}`,
    ...(d.variant
      ? [
          `If the agent must use ${name}, take the variant below instead, in the same three formats: ${policyLayerEffect(d.variant)}`,
        ]
      : []),
    `To block ${name} completely, leave it out of the policy's tools (the policy denies by default) or list it under hide so the agent never sees it; in Claude Code, put ${claudeRuleName(server.slug, name)} under permissions.deny.`,
    `To cover the whole server at once, use the full ${server.title} policy for all ${server.tools.length.toLocaleString('en-US')} tools.`,
  ];
}

export interface FaqEntry {
  question: string;
  answer: string;
}

export interface FaqEntry {
  question: string;
  answer: string;
}

function rateLimitAnswer(tool: AnalysedTool): string {
  const name = tool.tool.name;
  const d = tool.decision;
  const example = `{"counter":"${name}_rate","window":"minute","max":30,"scope":"grant"}`;
  const counts = interceptCanCount(name);
  const gateways = counts ? 'PolicyLayer and Intercept' : 'PolicyLayer';
  const caveats = `${counts ? '' : ' Intercept cannot: it keeps no counter for a tool whose name has a dot.'} Claude Code cannot count calls: its rules allow, ask or deny.`;
  switch (d.access) {
    case 'hide':
      return `It is hidden and refused in the recommended policy, so there is nothing to limit. If you decide to allow it, add a limit such as ${example} to its entry in PolicyLayer.${caveats}`;
    case 'deny':
      return `The recommended policy refuses every call, so there is nothing to limit. The variant on this page allows it at most ${d.variant!.limits.map(limitPhrase).join(' and ')} in ${gateways}.${caveats}`;
    case 'allow':
      return d.limits.length
        ? `Yes. The recommended policy already limits it to ${d.limits.map(limitPhrase).join(' and ')} in ${gateways}; change max and window to suit you.${caveats}`
        : `Yes. Add a limit to its entry, for example ${example} in PolicyLayer${counts ? ', or rate_limit: "30/minute" in Intercept' : ''}; the recommendation leaves ${riskPhrase(tool.classification.risk)} reads unlimited.${caveats}`;
  }
}

export function faq(server: AnalysedServer, tool: AnalysedTool): FaqEntry[] {
  const name = tool.tool.name;
  const c = tool.classification;
  return [
    {
      question: `What does ${name} do?`,
      answer: `${whatItDoes(server, tool)}${tool.tool.description.trim() ? ' Its own description is quoted in full on this page.' : ' It has no description of its own.'}`,
    },
    {
      question: `How do I enforce a policy on ${name}?`,
      answer: `Run the agent's MCP traffic through a gateway such as PolicyLayer or Intercept and load the recommended policy shown on this page; in Claude Code, add the permission rules to settings.json. ${policySummary(tool)} ${claudeServerNameNote(server.slug, name)}`,
    },
    { question: `What risk level is ${name}?`, answer: `${RISK_LABELS[c.risk]}. ${whyItNeedsAPolicy(server, tool)}` },
    { question: `Can I rate-limit ${name}?`, answer: rateLimitAnswer(tool) },
    {
      question: `How do I block ${name} completely?`,
      answer: `Under a policy with "default": "deny", leave ${name} out of "tools", or add it to "hide" so the agent never sees it (the same in PolicyLayer JSON and Intercept YAML). In Claude Code, add ${claudeRuleName(server.slug, name)} to permissions.deny.`,
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
