/** Builders for catalogue data in tests: a valid default, overridden where the test cares. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysedServer } from '../src/core/analyse.ts';
import { classifyTool } from '../src/core/classify/classifier.ts';
import { decide } from '../src/core/policy/decision.ts';
import { serverSchema } from '../src/schemas/server.ts';
import { toolSchema, type Tool } from '../src/schemas/tool.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function makeTool(overrides: Record<string, Json> = {}): Record<string, Json> {
  return {
    name: 'get_weather',
    description: 'Returns the forecast for a city.',
    inputSchema: {
      type: 'object',
      properties: { city: { type: 'string', description: 'City name' } },
      required: ['city'],
    },
    ...overrides,
  };
}

export function makeServer(overrides: Record<string, Json> = {}): Record<string, Json> {
  return { name: 'io.github.example/weather', title: 'Weather', description: 'Forecasts.', ...overrides };
}

export function makeServerFile({
  server = {},
  tools = [makeTool()],
}: { server?: Record<string, Json>; tools?: Json[] } = {}): Record<string, Json> {
  return { server: makeServer(server), tools };
}

/** Writes `{ "<file>": contents }` into a fresh temporary folder; strings and buffers are written as they are. */
export function writeCatalogue(files: Record<string, Json | Buffer | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
  for (const [name, contents] of Object.entries(files)) {
    const data =
      typeof contents === 'string' || Buffer.isBuffer(contents) ? contents : JSON.stringify(contents, null, 2);
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

/** A parsed tool, as the loader hands it to the classifier. */
export function parsedTool(overrides: Record<string, Json> = {}): Tool {
  return toolSchema.parse(makeTool(overrides));
}

/** `{ name: {type, description} }` from a compact list: `params('url:string', 'all:boolean')`. */
export function params(...specs: string[]): Record<string, Json> {
  return {
    type: 'object',
    properties: Object.fromEntries(
      specs.map((spec) => {
        const [name, type = 'string', ...rest] = spec.split(':');
        return [name!, { type, ...(rest.length ? { description: rest.join(':') } : {}) }];
      }),
    ),
  };
}

/** A server as the pages see it (each tool classified and decided), from catalogue-file overrides. */
export function analysedServer({
  server = {},
  tools = [makeTool()],
}: { server?: Record<string, Json>; tools?: Record<string, Json>[] } = {}): AnalysedServer {
  const parsed = serverSchema.parse(makeServer(server));
  return {
    slug: 'weather',
    file: 'weather.json',
    server: parsed,
    title: parsed.title || parsed.name,
    tools: tools.map((overrides) => {
      const tool = parsedTool(overrides);
      const classification = classifyTool(tool);
      return { slug: tool.name.toLowerCase(), tool, classification, decision: decide(tool, classification) };
    }),
  };
}
