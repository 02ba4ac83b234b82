import { expect, test } from 'vitest';
import { cacheSummary } from './shards-cache.ts';

test('the summary names the slices whose key is new or changed', () => {
  expect(cacheSummary(['a', 'b', undefined, 'd'], ['a', 'B', 'c', 'd'])).toBe(
    'Slices: rebuilt 2 of 4 slices (2, 3), reused 2.',
  );
  expect(cacheSummary(['a', 'b'], ['a', 'b'])).toBe('Slices: rebuilt 0 of 2 slices, reused 2.');
});
