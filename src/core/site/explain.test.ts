import { describe, expect, test } from 'vitest';
import { params, parsedTool, type Json } from '../../../test/fixtures.ts';
import { CATEGORIES, RISKS } from '../../schemas/taxonomy.ts';
import type { AnalysedServer, AnalysedTool } from '../analyse.ts';
import { classifyTool } from '../classify/classifier.ts';
import {
  categoryNoun,
  describeType,
  faq,
  howToControl,
  mcpServerName,
  policySummary,
  whatItDoes,
  whyItNeedsAPolicy,
  withArticle,
} from './explain.ts';
import { decide } from '../policy/decision.ts';

function analysed(overrides: Record<string, Json>): { server: AnalysedServer; tool: AnalysedTool } {
  const tool = parsedTool(overrides);
  const classification = classifyTool(tool);
  const entry = { slug: tool.name.toLowerCase(), tool, classification, decision: decide(tool, classification) };
  const server: AnalysedServer = {
    slug: 'demo',
    file: 'demo.json',
    server: { name: 'io.example/demo', description: '' },
    title: 'Demo',
    tools: [entry],
  };
  return { server, tool: entry };
}

test.each([
  ['read', 'a read tool'],
  ['write', 'a write tool'],
  ['execute', 'an execute tool'],
  ['destructive', 'a destructive tool'],
  ['financial', 'a financial tool'],
] as const)('%s is "%s"', (category, phrase) => {
  expect(categoryNoun(category)).toBe(phrase);
});

test('withArticle picks a or an', () => {
  expect([withArticle('apple'), withArticle('pear'), withArticle('Execute')]).toEqual([
    'an apple',
    'a pear',
    'an Execute',
  ]);
});

describe.each(CATEGORIES.flatMap((category) => RISKS.map((risk) => [category, risk] as const)))(
  'a reviewed %s tool of %s risk',
  (category, risk) => {
    const { server, tool } = analysed({ name: 'do_thing', description: 'Does a thing.', review: { category, risk } });
    const sentences = [
      whatItDoes(server, tool),
      whyItNeedsAPolicy(server, tool),
      policySummary(tool),
      ...howToControl(server, tool),
      ...faq(server, tool).flatMap((q) => [q.question, q.answer]),
    ];

    test('reads well: no "a execute", no doubled words, no "undefined"', () => {
      for (const s of sentences) {
        expect(s).not.toMatch(/\ba (execute|a|e|i|o|u)\w*\b/i);
        expect(s).not.toMatch(/\b(\w+) \1\b/i);
        expect(s).not.toMatch(/undefined|NaN|\[object/);
      }
    });

    test('promises no approval that PolicyLayer JSON or Intercept YAML does not give', () => {
      for (const s of sentences) {
        for (const sentence of s.split(/(?<=\.) /)) {
          if (/approv/i.test(sentence)) expect(sentence).toMatch(/has no approval step/);
        }
      }
    });

    test('the FAQ asks the six questions about this tool', () => {
      const questions = faq(server, tool).map((q) => q.question);
      expect(questions).toEqual([
        'What does do_thing do?',
        'How do I enforce a policy on do_thing?',
        'What risk level is do_thing?',
        'Can I rate-limit do_thing?',
        'How do I block do_thing completely?',
        'Which server provides do_thing?',
      ]);
    });
  },
);

test('what a tool does counts its parameters', () => {
  const { server, tool } = analysed({
    name: 'send_email',
    description: 'Sends.',
    inputSchema: { ...params('to', 'subject', 'body'), required: ['to'] },
  });
  expect(whatItDoes(server, tool)).toBe(
    'send_email is a write tool of the Demo MCP server: it creates or changes data. It takes 3 parameters, 1 of them required.',
  );
});

test.each<[Json, string]>([
  [{ type: 'string', format: 'uri' }, 'string (uri)'],
  [{ type: 'array', items: { type: 'string' } }, 'array of string'],
  [{ enum: ['a', 'b'] }, 'one of: "a", "b"'],
  [{ type: ['string', 'null'] }, 'string | null'],
  [{ $ref: '#/$defs/X' }, 'see #/$defs/X'],
  [true, 'any'],
])('describeType(%j) is %j', (schema, text) => {
  expect(describeType(schema)).toBe(text);
});

describe('why a tool needs a policy, from its own evidence', () => {
  test('names the parameter a URL or path signal came from', () => {
    const { server, tool } = analysed({
      name: 'fetch_page',
      description: 'Fetches a web page and returns its text.',
      inputSchema: { ...params('url:string'), required: ['url'] },
    });
    expect(whyItNeedsAPolicy(server, tool)).toMatch(/It takes a URL \(parameter "url"/);
  });

  test('says that an empty description leaves the category to the name, with the confidence', () => {
    const { server, tool } = analysed({ name: 'sync_things', description: '' });
    expect(whyItNeedsAPolicy(server, tool)).toMatch(
      /It has no description, so the category rests on its name and parameters alone \(confidence \d+%\)/,
    );
  });

  test('quotes what the server says about itself, shortened', () => {
    const { server, tool } = analysed({ name: 'list_things', description: 'Lists things.' });
    server.server.description = `A very long description. ${'word '.repeat(100)}`;
    const why = whyItNeedsAPolicy(server, tool);
    expect(why).toContain('Demo describes itself as: “A very long description. word');
    expect(why.length).toBeLessThan(800);
    expect(why).toMatch(/…”$/);
  });

  test('mentions a price per call when the definition states one', () => {
    const { server, tool } = analysed({ name: 'generate_image', description: 'Generates an image.' });
    tool.classification.signals.push({ id: 'cost', evidence: ['description: "$0.04 per image"'] });
    expect(whyItNeedsAPolicy(server, tool)).toContain(
      'Its definition states a price per call (description: "$0.04 per image"): an agent that loops runs up a bill.',
    );
  });
});

test.each([
  ['Weather', 'Weather MCP server'],
  ['EFLOWCODE Image MCP', 'EFLOWCODE Image MCP server'],
  ['Acme MCP Server', 'Acme MCP Server'],
  ['Acme MCP-server', 'Acme MCP-server'],
  ['MCPX', 'MCPX MCP server'],
])('the server titled %j is "the %s"', (title, name) => {
  expect(mcpServerName(title)).toBe(name);
});
