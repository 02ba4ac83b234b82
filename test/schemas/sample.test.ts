import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';

// The bundled sample is the project's example of the catalogue format: the `server` part of every
// file must be a server.json the official registry would accept (its schema: README.md here).
const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'content/servers');
const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'server.schema.json'), 'utf8'));
// The schema is draft-07 and checks `format: "uri"`, which Ajv leaves to ajv-formats.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

describe('the official server.json schema', () => {
  test('is the 2025-12-11 one', () => {
    expect(schema.$id).toBe('https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json');
  });

  test.each([
    ['a description over 100 characters', { description: 'x'.repeat(101) }, 'must NOT have more than 100 characters'],
    ['an empty description', { description: '' }, 'must NOT have fewer than 1 characters'],
    ['no version', { version: undefined }, "must have required property 'version'"],
    ['a website that is not a URI', { websiteUrl: 'not a url' }, 'must match format "uri"'],
  ])('rejects %s', (_, change, message) => {
    const server = { name: 'io.example/server', description: 'An example.', version: '1.0.0', ...change };
    expect(validate(JSON.parse(JSON.stringify(server)))).toBe(false);
    expect(ajv.errorsText(validate.errors)).toContain(message);
  });
});

describe.each(readdirSync(SAMPLE).filter((f) => f.endsWith('.json')))('content/servers/%s', (file) => {
  test('has a server part that is valid against the official server.json schema', () => {
    const { server } = JSON.parse(readFileSync(join(SAMPLE, file), 'utf8'));
    expect(validate(server), ajv.errorsText(validate.errors)).toBe(true);
  });
});
