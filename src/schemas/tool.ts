import { z } from 'zod';
import { categorySchema, riskSchema } from './taxonomy.ts';

/** MCP tool name: 1 to 128 of A-Z, a-z, 0-9, `_`, `.` and `-` (MCP specification). */
export const TOOL_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;

/** A JSON Schema as a tool declares it: an object (or `true`/`false`), read defensively everywhere. */
const jsonSchemaNodeSchema = z.union([z.looseObject({}), z.boolean()], {
  error: 'a JSON Schema (an object, or true/false)',
});

/** `inputSchema`: MCP requires an object schema at the top. */
export const inputSchemaSchema = z.looseObject({
  type: z.literal('object', { error: '"object" (MCP tools take an object of arguments)' }),
  properties: z.record(z.string(), jsonSchemaNodeSchema).optional(),
  required: z.array(z.string()).optional(),
});

/**
 * Behaviour hints from the server (MCP `ToolAnnotations`). They come from an untrusted
 * server: the classifier weighs them against the definition and never lets them win.
 */
export const annotationsSchema = z.looseObject({
  title: z.string().optional(),
  readOnlyHint: z.boolean().optional(),
  destructiveHint: z.boolean().optional(),
  idempotentHint: z.boolean().optional(),
  openWorldHint: z.boolean().optional(),
});

/** A curator's decision about a tool. It wins over the classifier and the page marks it as reviewed. */
export const reviewSchema = z.looseObject({
  category: categorySchema,
  risk: riskSchema,
  /** Why the curator decided so; shown on the tool page. */
  note: z.string().optional(),
});

export const toolSchema = z.looseObject({
  /** e.g. `flux_edit_image`. */
  name: z.string().regex(TOOL_NAME_PATTERN, { error: 'a tool name of 1 to 128 characters from A-Z a-z 0-9 _ . -' }),
  title: z.string().optional(),
  /** Missing means "". */
  description: z.string().default(''),
  inputSchema: inputSchemaSchema,
  outputSchema: z.looseObject({}).optional(),
  annotations: annotationsSchema.optional(),
  review: reviewSchema.optional(),
});

export type Tool = z.infer<typeof toolSchema>;
export type ToolAnnotations = z.infer<typeof annotationsSchema>;
export type Review = z.infer<typeof reviewSchema>;
