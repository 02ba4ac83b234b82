import { describe, expect, test } from 'vitest';
import { isServerSlug, toolSlug } from './slug.ts';

describe('toolSlug', () => {
  test.each([
    ['flux_edit_image', 'flux_edit_image'],
    ['createRefund', 'createrefund'],
    ['list-boards', 'list-boards'],
    ['files.read', 'files.read'],
    ['ABC_def.GHI-9', 'abc_def.ghi-9'],
    ['a b/c', 'a-b-c'],
    ['émoji😀', '-moji--'],
  ])('turns %j into %j', (name, slug) => {
    expect(toolSlug(name)).toBe(slug);
  });
});

describe('isServerSlug', () => {
  test.each([
    ['mcp-flux-pro', true],
    ['a', true],
    ['9lives', true],
    ['-leading-dash', false],
    ['Upper', false],
    ['under_score', false],
    ['dot.ted', false],
    ['', false],
  ])('%j is %s', (stem, ok) => {
    expect(isServerSlug(stem)).toBe(ok);
  });
});
