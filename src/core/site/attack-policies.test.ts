/**
 * The policies the attack articles show are PolicyLayer JSON a reader will paste: each must be a
 * valid policy, and every regex must be one a Go gateway can compile (RE2: no look-around, no
 * back-references), since a condition PolicyLayer or Intercept cannot load protects nothing.
 */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { policySchema } from '../../schemas/policy.ts';
import { readAttackFiles } from '../../build/attack-files.ts';

const articles = readAttackFiles(resolve(import.meta.dirname, '../../../content/attacks'));

/** The JSON blocks that are policies (others show a tool's definition or a message). */
const blocks = articles.flatMap((a) =>
  [...a.body.matchAll(/```json\n([\s\S]*?)\n```/g)]
    .map((m, i) => [`${a.slug} #${i + 1}`, m[1]!] as const)
    .filter(([, text]) => 'default' in (JSON.parse(text) as object)),
);

function regexes(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(regexes);
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    const own = node.op === 'regex' && typeof node.value === 'string' ? [node.value] : [];
    return [...own, ...Object.values(node).flatMap(regexes)];
  }
  return [];
}

describe('the policies in the attack articles', () => {
  test('there are some to check', () => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  test.each(blocks)('%s is a valid PolicyLayer policy', (_, text) => {
    const result = policySchema.safeParse(JSON.parse(text));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  test.each(blocks)('%s uses only regexes RE2 can compile', (_, text) => {
    for (const re of regexes(JSON.parse(text))) {
      expect(re, 'look-around or back-reference').not.toMatch(/\(\?<?[=!]|\\[1-9]/);
      expect(() => new RegExp(re)).not.toThrow();
    }
  });
});
