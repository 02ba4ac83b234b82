import { describe, expect, test } from 'vitest';
import { emptyState, FILTER_KEYS, parseSearchState, serialiseSearchState, type SearchState } from './search-state.ts';

/** `emptyState()` with some fields set. */
function state(q = '', filters: Partial<SearchState['filters']> = {}, sort: SearchState['sort'] = 'relevance') {
  const s = emptyState();
  return { ...s, q, filters: { ...s.filters, ...filters }, sort };
}

const long = 'x'.repeat(10_000);

describe('reading the search from the address', () => {
  test.each<[string, string, SearchState]>([
    ['an empty address', '', state()],
    ['a lone question mark', '?', state()],
    ['a query, with or without its question mark', '?q=refund', state('refund')],
    ['a query without a question mark', 'q=refund', state('refund')],
    ['spaces as + or %20', '?q=flux+edit%20image', state('flux edit image')],
    ['Unicode, encoded', '?q=%C3%A9t%C3%A9%20%E6%97%A5%E6%9C%AC', state('été 日本')],
    ['Unicode, as typed', '?q=été 日本', state('été 日本')],
    ['the query as given, spaces and case kept', '?q=%20Delete%20', state(' Delete ')],
    ['a page type', '?type=Tool', state('', { type: ['Tool'] })],
    ['a risk', '?risk=Critical', state('', { risk: ['Critical'] })],
    ['a category', '?category=Destructive', state('', { category: ['Destructive'] })],
    ['a signal', '?signal=Moves+money', state('', { signal: ['Moves money'] })],
    ['a server', '?server=GitHub', state('', { server: ['GitHub'] })],
    ['a grade', '?grade=Not+graded', state('', { grade: ['Not graded'] })],
    ['a filter value in any case, kept as given', '?risk=critical', state('', { risk: ['critical'] })],
    ['two values of one filter, in order', '?risk=High&risk=Critical', state('', { risk: ['High', 'Critical'] })],
    ['a repeated value, kept twice', '?risk=High&risk=High', state('', { risk: ['High', 'High'] })],
    ['an empty filter value, dropped', '?risk=&category=Read', state('', { category: ['Read'] })],
    ['sort by risk', '?sort=risk', state('', {}, 'risk')],
    ['an unknown sort, relevance', '?sort=<script>', state()],
    ['sort in another case, relevance', '?sort=RISK', state()],
    ['a repeated query: the first', '?q=first&q=second', state('first')],
    ['a repeated sort: the first', '?sort=relevance&sort=risk', state()],
    ['the words as typed, no correction', '?q=delte+file&verbatim=1', { ...state('delte file'), verbatim: true }],
    ['verbatim only as 1', '?q=delte&verbatim=yes', state('delte')],
    ['unknown parameters, ignored', '?page=2&utm_source=x&Q=upper&__proto__=1', state()],
    ['markup, as plain text', '?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E', state('<script>alert(1)</script>')],
    ['markup in a filter, as plain text', '?server=%3Cimg%20src%3Dx%3E', state('', { server: ['<img src=x>'] })],
    ['a very long query, whole', `?q=${long}`, state(long)],
    ['a stray percent sign, as itself', '?q=100%', state('100%')],
    ['an encoded ampersand and equals sign', '?q=a%26b%3Dc', state('a&b=c')],
  ])('%s', (_, search, expected) => {
    expect(parseSearchState(search)).toEqual(expected);
  });

  test('every filter has a key of its own in the address', () => {
    const search = FILTER_KEYS.map((key) => `${key}=${key}-value`).join('&');
    const parsed = parseSearchState(search);
    for (const key of FILTER_KEYS) expect(parsed.filters[key]).toEqual([`${key}-value`]);
  });

  test('a parsed state is a fresh one, not shared with the next', () => {
    const a = parseSearchState('');
    a.filters.risk.push('High');
    expect(parseSearchState('').filters.risk).toEqual([]);
    expect(emptyState().filters.risk).toEqual([]);
  });
});

describe('writing the search into the address', () => {
  test.each<[string, SearchState, string]>([
    ['nothing asked: no parameters', state(), ''],
    ['a query with spaces', state('flux edit'), 'q=flux+edit'],
    ['Unicode, encoded', state('été 日本'), 'q=%C3%A9t%C3%A9+%E6%97%A5%E6%9C%AC'],
    ['markup, encoded', state('<script>'), 'q=%3Cscript%3E'],
    ['an ampersand and an equals sign, encoded', state('a&b=c'), 'q=a%26b%3Dc'],
    ['one filter', state('', { risk: ['Critical'] }), 'risk=Critical'],
    ['two values of one filter, in order', state('', { risk: ['High', 'Critical'] }), 'risk=High&risk=Critical'],
    [
      'the query first, then the filters in their order, then the sort',
      state('delete', { grade: ['A'], category: ['Destructive'], type: ['Tool'] }, 'risk'),
      'q=delete&type=Tool&category=Destructive&grade=A&sort=risk',
    ],
    ['sort by relevance: left out, as the default', state('x', {}, 'relevance'), 'q=x'],
    ['sort by risk', state('', {}, 'risk'), 'sort=risk'],
    [
      'the words as typed, last',
      { ...state('delte file', {}, 'risk'), verbatim: true },
      'q=delte+file&sort=risk&verbatim=1',
    ],
    ['verbatim without a query: left out', { ...state(), verbatim: true }, ''],
  ])('%s', (_, given, expected) => {
    expect(serialiseSearchState(given)).toBe(expected);
  });
});

describe('the address round trip', () => {
  test.each<[string, SearchState]>([
    ['empty', state()],
    ['a query with spaces and Unicode', state('flux edit été 日本')],
    ['markup', state('<script>alert("x")</script>', { server: ['<b>bold</b>'] })],
    ['a very long query', state(long)],
    [
      'every filter and the sort',
      state(
        'refund',
        {
          type: ['Tool', 'Server'],
          risk: ['Critical'],
          category: ['Financial'],
          signal: ['Moves money'],
          server: ['Stripe'],
          grade: ['Not graded'],
        },
        'risk',
      ),
    ],
  ])('%s: read back as written', (_, given) => {
    expect(parseSearchState(serialiseSearchState(given))).toEqual(given);
  });

  test.each([
    '',
    'q=flux+edit',
    'q=%C3%A9t%C3%A9&risk=High&risk=Critical&sort=risk',
    'type=Tool&category=Read&signal=Moves+money&server=GitHub&grade=A',
    'q=delte+file&verbatim=1',
  ])('%j: written back as read', (search) => {
    expect(serialiseSearchState(parseSearchState(search))).toBe(search);
  });
});
