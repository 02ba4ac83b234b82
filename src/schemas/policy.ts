import { z } from 'zod';

/**
 * The PolicyLayer gateway policy, version "1" (docs/policies.md).
 * The site publishes this schema as `/schemas/policy.schema.json`, and every policy
 * it recommends is checked against it in the tests.
 */

export const CONDITION_OPS = [
  'eq',
  'neq',
  'in',
  'not_in',
  'lt',
  'lte',
  'gt',
  'gte',
  'regex',
  'contains',
  'exists',
] as const;

export const conditionSchema = z
  .object({
    /** What to test: `args.<parameter>`, dots for nested parameters. */
    path: z.string().regex(/^args\.[^.].*$/),
    op: z.enum(CONDITION_OPS),
    /** Compared with the argument; a list for `in`/`not_in`, a number for `lt`…`gte`, a boolean for `exists`. */
    value: z.unknown(),
  })
  .strict();

export const denyRuleSchema = z
  .object({
    /** All must hold for the call to be denied; an empty list denies every call (PolicyLayer's Deny state). */
    conditions: z.array(conditionSchema),
    /** Shown to the agent when the call is denied. */
    on_deny: z.string(),
  })
  .strict();

export const limitSchema = z
  .object({
    /** Counter name, unique in the policy, e.g. `flux_edit_image_rate`. */
    counter: z.string().min(1),
    window: z.enum(['minute', 'hour', 'day']),
    /** Calls allowed per window. */
    max: z.number().int().positive(),
    scope: z.literal('grant'),
  })
  .strict();

/** One tool's rules; `{}` allows it. PolicyLayer's docs call a tool with rules "Custom". */
export const toolPolicySchema = z
  .object({
    /** Conditions every call must meet, or it is refused. */
    require: z.array(conditionSchema).optional(),
    /** A call matching every condition of one entry is refused. */
    deny_if: z.array(denyRuleSchema).optional(),
    limits: z.array(limitSchema).optional(),
  })
  .strict();

export const policySchema = z
  .object({
    version: z.literal('1'),
    /** What happens to a tool the policy does not list. */
    default: z.enum(['allow', 'deny']),
    /** Tools removed from the agent's view and denied; `"*"` hides every tool. */
    hide: z.array(z.string().min(1)).optional(),
    /** Limits shared by every tool. */
    all_tools: z
      .object({ limits: z.array(limitSchema) })
      .strict()
      .optional(),
    /** Keyed by tool name; `{}` allows the tool under `default: "deny"`. Optional: a policy may only hide. */
    tools: z.record(z.string().min(1), toolPolicySchema).optional(),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;
export type ToolPolicy = z.infer<typeof toolPolicySchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type Limit = z.infer<typeof limitSchema>;
