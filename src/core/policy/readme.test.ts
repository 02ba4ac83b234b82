import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { replacePolicyTable } from './classes.ts';

test('the README says what each policy format does exactly as the code does (npm run docs:readme)', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
  expect(readme).toBe(replacePolicyTable(readme));
});
