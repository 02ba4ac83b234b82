import { describe, expect, test } from 'vitest';
import { CATEGORIES, CATEGORY_LABELS, RISKS, RISK_LABELS } from '../schemas/taxonomy.ts';
import {
  activeFilters,
  canonicalFilters,
  FACET_ORDER,
  MAX_SERVERS,
  orderedValues,
  serverValues,
  withChosen,
} from './search-facets.ts';
import { emptyState } from './search-state.ts';

describe('the order of filter values', () => {
  test('risk most severe first, categories by increasing harm, as the taxonomy labels them', () => {
    expect(FACET_ORDER.risk).toEqual(['Critical', 'High', 'Medium', 'Low']);
    expect(FACET_ORDER.risk).toEqual(RISKS.map((r) => RISK_LABELS[r]).reverse());
    expect(FACET_ORDER.category).toEqual(CATEGORIES.map((c) => CATEGORY_LABELS[c]));
    expect(FACET_ORDER.grade).toEqual(['A', 'B', 'C', 'D', 'F', 'Tools not known', 'No tools']);
    expect(FACET_ORDER.type).toEqual(['Tool', 'Server', 'Attack pattern']);
  });

  test.each<[string, Parameters<typeof orderedValues>, string[]]>([
    ['risk in its own order', ['risk', { Low: 9, Critical: 1, High: 3 }], ['Critical', 'High', 'Low']],
    ['values without results left out', ['category', { Read: 0, Write: 2 }], ['Write']],
    ['a value outside the order left out', ['risk', { Critical: 1, Unknown: 5 }], ['Critical']],
    ['most results first, then by name', ['signal', { b: 1, a: 1, c: 4 }], ['c', 'a', 'b']],
    ['nothing', ['server', {}], []],
  ])('%s', (_, args, expected) => {
    expect(orderedValues(...args)).toEqual(expected);
  });
});

describe('the servers a filter shows', () => {
  const many = Array.from({ length: MAX_SERVERS + 3 }, (_, i) => `Server ${i}`);

  test('the first ones, until all are asked for', () => {
    expect(serverValues(many, [], '', false)).toEqual({
      names: many.slice(0, MAX_SERVERS),
      found: many.length,
      limited: true,
    });
    expect(serverValues(many, [], '', true)).toEqual({ names: many, found: many.length, limited: false });
  });

  test('those whose name holds the words looked for, in any case, all of them', () => {
    expect(serverValues(['GitHub', 'GitLab', 'Stripe'], [], '  GIT ', false)).toEqual({
      names: ['GitHub', 'GitLab'],
      found: 2,
      limited: false,
    });
  });

  test('a chosen one always, first', () => {
    expect(serverValues(many, ['Server 14', 'Gone'], '', false).names.slice(0, 3)).toEqual([
      'Server 14',
      'Gone',
      'Server 0',
    ]);
  });

  test('a chosen value the results lack stays, to be unchecked', () => {
    expect(withChosen(['High'], ['Critical', 'High'])).toEqual(['High', 'Critical']);
  });
});

describe('the chosen filters', () => {
  test('are listed filter by filter', () => {
    const state = emptyState();
    state.filters.grade = ['A'];
    state.filters.risk = ['High', 'Critical'];
    expect(activeFilters(state)).toEqual([
      { key: 'risk', value: 'High' },
      { key: 'risk', value: 'Critical' },
      { key: 'grade', value: 'A' },
    ]);
  });

  test('take the index’s own case, each once, and say when one was rewritten', () => {
    const { filters } = emptyState();
    filters.risk = ['critical', 'Critical', 'unknown'];
    const totals = { risk: { Critical: 3, High: 1 } };
    expect(canonicalFilters(filters, totals)).toEqual({
      filters: { ...emptyState().filters, risk: ['Critical', 'unknown'] },
      changed: true,
    });
    expect(filters.risk).toEqual(['critical', 'Critical', 'unknown']);
  });

  test('a repeated value already in the index’s case is made one, without rewriting the address', () => {
    const { filters } = emptyState();
    filters.risk = ['High', 'High'];
    const fixed = canonicalFilters(filters, { risk: { High: 1 } });
    expect(fixed).toEqual({ filters: { ...emptyState().filters, risk: ['High'] }, changed: false });
  });
});
