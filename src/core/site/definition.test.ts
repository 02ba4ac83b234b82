import { describe, expect, test } from 'vitest';
import { parsedTool } from '../../../test/fixtures.ts';
import { annotationClaims, outputShape, schemaRows } from './definition.ts';

describe('what the tool returns', () => {
  test('is undefined without an output schema', () => {
    expect(outputShape(parsedTool())).toBeUndefined();
  });

  test('an object result is its fields, typed and marked when always present', () => {
    const tool = parsedTool({
      outputSchema: {
        type: 'object',
        description: 'The balance.',
        properties: {
          available: { type: 'array', items: { type: 'object' }, description: 'Per currency.' },
          livemode: { type: 'boolean' },
        },
        required: ['available'],
      },
    });
    expect(outputShape(tool)).toEqual({
      type: 'object',
      description: 'The balance.',
      fields: [
        { name: 'available', type: 'array of object', required: true, description: 'Per currency.' },
        { name: 'livemode', type: 'boolean', required: false, description: '' },
      ],
    });
  });

  test.each([
    [{ type: 'array', items: { type: 'string' } }, 'array of string'],
    [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, 'one of several shapes'],
    [{}, 'not stated'],
  ])('a result of %j reads as "%s", with no fields', (outputSchema, type) => {
    expect(outputShape(parsedTool({ outputSchema }))).toMatchObject({ type, fields: [] });
  });

  test('a hostile schema (properties not an object, required not a list, odd descriptions) is read defensively', () => {
    expect(schemaRows({ properties: 'x', required: 'a' })).toEqual([]);
    expect(schemaRows({ properties: { a: { description: 5 }, b: true }, required: [1, 'b'] })).toEqual([
      { name: 'a', type: '', required: false, description: '' },
      { name: 'b', type: 'any', required: true, description: '' },
    ]);
  });
});

describe('what the annotations claim', () => {
  test('every annotation, MCP’s hints first and in words, then the others as written', () => {
    const tool = parsedTool({
      annotations: {
        openWorldHint: false,
        title: 'Weather',
        readOnlyHint: true,
        'x-cost': { per_call: '$0.01' },
      },
    });
    expect(annotationClaims(tool)).toEqual([
      { name: 'title', value: 'Weather', claim: 'The name the server wants it shown under.' },
      { name: 'readOnlyHint', value: 'true', claim: 'Claims it changes nothing in its environment.' },
      { name: 'openWorldHint', value: 'false', claim: 'Claims its world is closed: it touches only its own data.' },
      { name: 'x-cost', value: '{"per_call":"$0.01"}', claim: '' },
    ]);
  });

  test('none when the server sets none; a huge value is cut', () => {
    expect(annotationClaims(parsedTool())).toEqual([]);
    const [claim] = annotationClaims(parsedTool({ annotations: { note: 'x'.repeat(5000) } }));
    expect(claim!.value).toHaveLength(301);
  });
});
