import { identifierWords } from './words.ts';

/** One parameter of a tool, nested ones included (`registry_auth.password`). */
export interface Parameter {
  /** Dotted path from the top of `inputSchema.properties`. */
  path: string;
  /** Words of the parameter's own key. */
  words: string[];
  type: string;
  format: string;
  description: string;
  isArray: boolean;
}

/**
 * Hostile schemas can be 100 levels deep, self-referential or have thousands of
 * properties: the classifier reads at most this much of one, and says so.
 */
export const WALK_LIMITS = { depth: 4, parameters: 500 };

/** The parameters of an `inputSchema`, breadth-first, within `WALK_LIMITS`. */
export function parametersOf(inputSchema: unknown): { parameters: Parameter[]; truncated: boolean } {
  const parameters: Parameter[] = [];
  let truncated = false;
  let level: { prefix: string; schema: unknown }[] = [{ prefix: '', schema: inputSchema }];
  for (let depth = 0; depth < WALK_LIMITS.depth && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { prefix, schema } of level) {
      for (const [key, child] of Object.entries(propertiesOf(schema))) {
        if (parameters.length >= WALK_LIMITS.parameters) return { parameters, truncated: true };
        const node = asObject(child);
        const items = asObject(node.items);
        const isArray = node.type === 'array' || (Array.isArray(node.type) && node.type.includes('array'));
        const itemType = isArray ? text(items.type) : '';
        parameters.push({
          path: prefix + key,
          words: identifierWords(key),
          type: isArray ? `array${itemType ? ` of ${itemType}` : ''}` : typeName(node.type),
          format: text(node.format) || text(items.format),
          description: text(node.description),
          isArray,
        });
        const nested = isArray ? items : node;
        if (Object.keys(propertiesOf(nested)).length > 0) next.push({ prefix: `${prefix}${key}.`, schema: nested });
      }
    }
    level = next;
    if (depth === WALK_LIMITS.depth - 1 && next.length > 0) truncated = true;
  }
  return { parameters, truncated };
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  const properties = asObject(schema).properties;
  return properties && typeof properties === 'object' && !Array.isArray(properties)
    ? (properties as Record<string, unknown>)
    : {};
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function typeName(type: unknown): string {
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.filter((t) => typeof t === 'string').join(' | ');
  return '';
}

/**
 * Every string inside a schema (descriptions, titles, enum values, defaults), for the
 * poisoning scan: hidden instructions hide in parameter descriptions too.
 */
export function stringsIn(
  value: unknown,
  path = 'inputSchema',
  out: { path: string; text: string }[] = [],
  budget = { nodes: 5000 },
): { path: string; text: string }[] {
  if (budget.nodes-- <= 0) return out;
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => stringsIn(v, `${path}[${i}]`, out, budget));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) stringsIn(v, `${path}.${k}`, out, budget);
  }
  return out;
}
