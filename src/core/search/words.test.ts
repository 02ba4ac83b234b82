import { describe, expect, test } from 'vitest';
import {
  addedEquivalents,
  equivalents,
  isActionQuery,
  isAskedFor,
  MAX_SUBSETS,
  nameInQuery,
  namesExactly,
  queryWords,
  subsets,
  VERB_GROUPS,
} from './words.ts';

describe('verb equivalents', () => {
  test.each([
    ['delete', ['remove']],
    ['remove', ['delete']],
    ['create', ['add', 'new']],
    ['send', ['post']],
    ['get', ['read', 'fetch', 'retrieve']],
    ['list', ['show']],
    ['update', ['edit']],
    ['Edit', ['update']],
  ])('%s is the same action as %j', (verb, others) => {
    expect(equivalents(verb)).toEqual(others);
  });

  test.each(['drop', 'merge', 'refund', 'branch'])('%s has no equivalent: it is in no group', (word) => {
    expect(equivalents(word)).toEqual([]);
  });

  test('no verb is in two groups, so an equivalence never chains into another action', () => {
    const all = VERB_GROUPS.flat();
    expect(new Set(all).size).toBe(all.length);
  });

  test('a record adds only the equivalents its words lack', () => {
    expect(addedEquivalents(['delete', 'branch'])).toEqual(['remove']);
    expect(addedEquivalents(['create', 'or', 'add', 'issue'])).toEqual(['new']);
    expect(addedEquivalents(['issue', 'write'])).toEqual([]);
  });
});

describe('the words of a query', () => {
  test.each([
    ['create a github issue', ['create', 'github', 'issue']],
    ['delete a database branch', ['delete', 'database', 'branch']],
    ['  Get   Kubernetes pod logs ', ['get', 'kubernetes', 'pod', 'logs']],
    ['send an email to the team', ['send', 'email', 'team']],
    ['create_refund', ['create_refund']],
  ])('%j searches %j', (query, words) => {
    expect(queryWords(query)).toEqual(words);
  });

  test('a query of small words only keeps them: something must be searched', () => {
    expect(queryWords('to do')).toEqual(['to', 'do']);
  });

  test.each([
    [['delete', 'branch'], true],
    [['post', 'message'], true],
    [['create_refund'], true],
    [['rug', 'pull'], false],
    [['stripe'], false],
    [['tool', 'poisoning'], false],
  ])('%j is an action query: %s', (words, action) => {
    expect(isActionQuery(words)).toBe(action);
  });

  test.each([
    ['create_refund', 'create_refund', true],
    ['create refund', 'create_refund', true],
    ['Create Refund', 'createRefund', true],
    ['stripe', 'Stripe', true],
    ['refund', 'create_refund', false],
    ['', '', false],
  ])('%j names %j exactly: %s', (query, name, exact) => {
    expect(namesExactly(query, name)).toBe(exact);
  });
});

describe('matching a result to the query', () => {
  test.each([
    ['elevenlabs text to speech', 'text_to_speech', 3],
    ['elevenlabs text to speech', 'speech_to_text', 2],
    ['delete a database branch', 'delete_branch', 2],
    ['create a notion page', 'notion-create-pages', 2],
    ['get kubernetes pod logs', 'pods_log', 3],
    ['list the policies', 'list_policy', 3],
    ['create a github issue', 'issue_write', 1],
    ['create a github issue', 'add_issue_comment', 0],
    ['delete a database branch', 'd1_database_delete', 0],
    ['run a sql query on neon', 'query', 0],
    ['run a sql query on neon', 'run_query', 2],
    ['fetch a web page', 'fetch_url', 0],
    ['remove a file', 'delete_file', 3],
    ['show the pods', 'pods_list', 2],
  ])('%j names %s: %i', (query, name, coverage) => {
    expect(nameInQuery(query, name)).toBe(coverage);
  });

  test('the words naming a tool’s server in its name do not count as what the tool acts on', () => {
    expect(nameInQuery('notion pages', 'notion-create-pages', 'notion')).toBe(1);
    expect(nameInQuery('notion pages', 'notion-search', 'notion')).toBe(0);
    expect(nameInQuery('take a screenshot', 'browser_take_screenshot', 'browser')).toBe(1);
  });

  test.each([
    ['pods', ['pod'], true],
    ['Page', ['pages'], true],
    ['branches', ['branch'], true],
    ['pa', ['pages'], false],
    ['deploy', ['delete'], false],
  ])('the excerpt word %s is marked for %j: %s', (word, words, marked) => {
    expect(isAskedFor(word, words)).toBe(marked);
  });

  test('a fallback tries the word subsets of one size in the query’s order, never more than the limit', () => {
    expect(subsets(['get', 'kubernetes', 'pod', 'logs'], 3)).toEqual([
      ['get', 'kubernetes', 'pod'],
      ['get', 'kubernetes', 'logs'],
      ['get', 'pod', 'logs'],
      ['kubernetes', 'pod', 'logs'],
    ]);
    expect(subsets('a b c d e f g h i j k l'.split(' '), 6)).toHaveLength(MAX_SUBSETS);
  });
});
