/**
 * Rewrites the README's table of what each policy format does (between the policy-table
 * markers) from src/core/policy/classes.ts, so the README says what the code does.
 * `src/core/policy/readme.test.ts` fails when the two differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { replacePolicyTable } from '../src/core/policy/classes.ts';

const path = resolve(import.meta.dirname, '..', 'README.md');
const before = readFileSync(path, 'utf8');
const after = replacePolicyTable(before);
if (after === before) console.log('README.md: the policy table is up to date');
else {
  writeFileSync(path, after);
  console.log('README.md: policy table rewritten');
}
