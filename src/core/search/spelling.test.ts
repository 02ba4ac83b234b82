import { describe, expect, test } from 'vitest';
import { correction, editDistance, maxEdits, partOf, startsFor } from './spelling.ts';

describe('edit distance', () => {
  test.each([
    ['delte', 'delete', 1],
    ['serach', 'search', 1],
    ['stirpe', 'stripe', 1],
    ['notoin', 'notion', 1],
    ['histroy', 'history', 1],
    ['mongdb', 'mongodb', 1],
    ['playwrite', 'playwright', 3],
    ['kitten', 'sitting', 3],
    ['same', 'same', 0],
    ['', 'abc', 3],
  ])('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
    expect(editDistance(b, a, 5)).toBe(d);
  });

  test('stops early past the limit', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('how far a correction may go', () => {
  test.each([
    ['at', 0],
    ['del', 1],
    ['delte', 1],
    ['stirpe', 2],
    ['kubernets', 2],
  ])('%s: %i edits', (word, edits) => {
    expect(maxEdits(word)).toBe(edits);
  });

  test('a word is in its first letter’s part; its corrections start as it does, or as after a slip at its start', () => {
    expect(partOf('delete')).toBe('d');
    expect(partOf('3d')).toBe('0');
    expect(startsFor('delte')).toEqual(['de', 'ed', 'el']);
    expect(startsFor('edlete')).toEqual(['ed', 'de', 'dl']);
    expect(startsFor('ddelete')).toEqual(['dd', 'de']);
  });
});

describe('correcting a word', () => {
  const d = ['delete', 'describe', 'deploy', 'delta', 'del'];
  const e = ['edit', 'email'];

  test.each([
    ['delte', [d, e], 'delete'],
    ['deploi', [d], 'deploy'],
    ['edlete', [e, d], 'delete'],
    ['zzzzzz', [d], 'zzzzzz'],
  ])('%s → %s', (word, parts, fixed) => {
    expect(correction(word, parts)).toBe(fixed);
  });

  test('a word of the vocabulary, or the start of one, is left alone', () => {
    expect(correction('delete', [d])).toBeUndefined();
    expect(correction('depl', [d])).toBeUndefined();
  });

  test('of equally near words, the most used (listed first) wins, and the same first letter before another', () => {
    expect(correction('delto', [['delta', 'delts']])).toBe('delta');
    expect(correction('eelete', [['eelets'], ['delete']])).toBe('eelets');
  });

  test('a short word is never corrected', () => {
    expect(correction('dl', [['do', 'dx']])).toBe('dl');
  });
});
