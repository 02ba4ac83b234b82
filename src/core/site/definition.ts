/**
 * What a tool's definition says about itself, for the tool page: what it returns
 * (`outputSchema`) and the annotations the server sets. Both are the server's own
 * claims, shown as such: the classifier weighs them, the page only reports them.
 */
import type { Tool } from '../../schemas/tool.ts';
import { describeType, type ParameterRow } from './explain.ts';
import { clip } from '../text.ts';

/** The fields of an object schema, as the parameters table shows them. */
export function schemaRows(schema: unknown): ParameterRow[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const properties = s.properties && typeof s.properties === 'object' ? (s.properties as Record<string, unknown>) : {};
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r) => typeof r === 'string') : []);
  return Object.entries(properties).map(([name, field]) => ({
    name,
    type: describeType(field),
    required: required.has(name),
    description:
      field && typeof field === 'object' && typeof (field as { description?: unknown }).description === 'string'
        ? (field as { description: string }).description
        : '',
  }));
}

export interface OutputShape {
  /** What the whole result is ("object", "array of object"), from the schema's top. */
  type: string;
  /** Its description, if the schema gives one. */
  description: string;
  /** The fields of an object result. */
  fields: ParameterRow[];
}

/** What the tool says it returns, or undefined when its definition has no `outputSchema`. */
export function outputShape(tool: Tool): OutputShape | undefined {
  const schema = tool.outputSchema;
  if (!schema) return undefined;
  return {
    type: describeType(schema) || 'not stated',
    description: typeof schema.description === 'string' ? schema.description : '',
    fields: schemaRows(schema),
  };
}

export interface AnnotationClaim {
  /** The annotation's key, as the server wrote it. */
  name: string;
  /** Its value as text (JSON for anything but a string). */
  value: string;
  /** What the server claims by it, in words; empty for an annotation MCP does not define. */
  claim: string;
}

/** What each MCP hint claims when it is true and when it is false (MCP specification, ToolAnnotations). */
const HINTS: Record<string, { true: string; false: string }> = {
  readOnlyHint: {
    true: 'Claims it changes nothing in its environment.',
    false: 'Claims it may change things in its environment.',
  },
  destructiveHint: {
    true: 'Claims its changes may destroy or overwrite something.',
    false: 'Claims its changes only add and never destroy.',
  },
  idempotentHint: {
    true: 'Claims a second call with the same arguments has no further effect.',
    false: 'Claims a second call with the same arguments may have a further effect.',
  },
  openWorldHint: {
    true: 'Claims it reaches an open world of outside entities, such as the web or other services.',
    false: 'Claims its world is closed: it touches only its own data.',
  },
};

const MAX_VALUE = 300;

/** Every annotation the server sets (MCP's own first, as the schema parses them, then the others), with what each claims. */
export function annotationClaims(tool: Tool): AnnotationClaim[] {
  return Object.entries(tool.annotations ?? {}).map(([name, raw]) => {
    const text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
    const value = clip(text, MAX_VALUE);
    let claim = '';
    if (name === 'title') claim = 'The name the server wants it shown under.';
    else if (Object.hasOwn(HINTS, name) && typeof raw === 'boolean') claim = HINTS[name]![raw ? 'true' : 'false'];
    return { name, value, claim };
  });
}
