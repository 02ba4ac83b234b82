import { describe, expect, test } from 'vitest';
import { assignRegistrySlugs, isServerSlug, registrySlugBase, toolSlug } from './slug.ts';

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

describe('registrySlugBase', () => {
  test.each([
    ['io.github.Owner/my_server', 'io-github-owner-my-server'],
    ['com.example/crm', 'com-example-crm'],
    ['io.github.a/b..c__d', 'io-github-a-b-c-d'],
    ['-.-/_', 'server'],
    [`io.github.x/${'a'.repeat(100)}`, `io-github-x-${'a'.repeat(68)}`],
  ])('turns %j into %j', (name, slug) => {
    expect(registrySlugBase(name)).toBe(slug);
    expect(isServerSlug(registrySlugBase(name))).toBe(true);
  });
});

describe('assignRegistrySlugs', () => {
  test('a name keeps its readable slug when nothing else claims it', () => {
    expect(assignRegistrySlugs(['io.github.a/b'], new Set())).toEqual(new Map([['io.github.a/b', 'io-github-a-b']]));
  });

  test('names that clash all get their hash, in whatever order they come', () => {
    const names = ['io.github.a/b.c', 'io.github.a/b-c', 'io.github.a/b_c'];
    const forward = assignRegistrySlugs(names, new Set());
    const backward = assignRegistrySlugs([...names].reverse(), new Set());
    expect(forward).toEqual(backward);
    const slugs = [...forward.values()];
    expect(new Set(slugs).size).toBe(3);
    for (const slug of slugs) expect(slug).toMatch(/^io-github-a-b-c-[0-9a-f]{8}$/);
  });

  test('a slug a file already has is never given to a new name', () => {
    const slug = assignRegistrySlugs(['io.github.a/b'], new Set(['io-github-a-b'])).get('io.github.a/b');
    expect(slug).toMatch(/^io-github-a-b-[0-9a-f]{8}$/);
  });

  test('"page", the address of the lists\' second page, is never a slug', () => {
    expect(registrySlugBase('page/x')).toBe('page-x');
    expect(assignRegistrySlugs(['page/x'], new Set()).get('page/x')).toBe('page-x');
  });
});
