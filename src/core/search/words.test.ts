import { describe, expect, test } from 'vitest';
import { CATEGORIES, type Category } from '../../schemas/taxonomy.ts';
import { verbCategory } from '../classify/lexicon.ts';
import { identifierWords } from '../classify/words.ts';
import {
  addedEquivalents,
  doesWhatIsAsked,
  equivalents,
  isActionQuery,
  isAskedFor,
  MAX_SUBSETS,
  nameInQuery,
  namesExactly,
  objectsNamed,
  queryActions,
  queryThings,
  queryWords,
  subsets,
  toolActions,
  VERB_GROUPS,
} from './words.ts';

describe('verb equivalents', () => {
  test.each([
    ['delete', ['remove', 'wipe', 'erase', 'destroy', 'drop', 'purge']],
    ['wipe', ['delete', 'remove', 'erase', 'destroy', 'drop', 'purge']],
    ['create', ['add', 'new']],
    ['send', ['post']],
    ['get', ['read', 'fetch', 'retrieve']],
    ['list', ['show']],
    ['update', ['edit', 'modify']],
    ['Edit', ['update', 'modify']],
    ['charge', ['bill', 'pay']],
    ['run', ['execute', 'exec', 'invoke']],
  ])('%s is the same action as %j', (verb, others) => {
    expect(equivalents(verb)).toEqual(others);
  });

  test.each(['merge', 'refund', 'branch', 'write'])('%s has no equivalent: it is in no group', (word) => {
    expect(equivalents(word)).toEqual([]);
  });

  test('no verb is in two groups, so an equivalence never chains into another action', () => {
    const all = VERB_GROUPS.flatMap((g) => g.verbs);
    expect(new Set(all).size).toBe(all.length);
  });

  test('each group is one action of one category of the taxonomy, as the classifier reads its verbs', () => {
    expect(new Set(VERB_GROUPS.map((g) => g.category))).toEqual(new Set(CATEGORIES));
    for (const group of VERB_GROUPS)
      for (const verb of group.verbs.filter((v) => v !== 'new'))
        expect([verb, verbCategory(verb)]).toEqual([verb, group.category]);
  });

  test('a query verb asks for the category the classifier reads it as', () => {
    for (const verb of 'query take merge cancel upload schedule restart deploy trigger uninstall reset refund'.split(
      ' ',
    ))
      expect([verb, [...queryActions([verb]).categories]]).toEqual([verb, [verbCategory(verb)]]);
  });
});

describe('what a tool does', () => {
  test.each<[string, string | undefined, Category, string[]]>([
    ['drop_table', 'drop', 'destructive', ['delete']],
    ['get_charge', 'get', 'read', ['get']],
    ['create_charge', 'create', 'financial', ['create', 'charge']],
    ['flushall', 'flushall', 'destructive', ['flushall', 'delete']],
    ['trigger_workflow', 'trigger', 'execute', ['trigger', 'run']],
    ['issue_write', 'write', 'write', ['write']],
    ['pods_log', undefined, 'read', []],
  ])('%s (%s, %s) does %j', (name, verb, category, actions) => {
    expect(toolActions(identifierWords(name), verb, category)).toEqual(actions);
  });

  test('a record adds the other verbs of what the tool does, not those its words lack', () => {
    expect(addedEquivalents(['delete', 'branch'], ['delete'])).toEqual([
      'remove',
      'wipe',
      'erase',
      'destroy',
      'drop',
      'purge',
    ]);
    expect(addedEquivalents(['create', 'or', 'add', 'issue'], ['create'])).toEqual(['new']);
    expect(addedEquivalents(['get', 'charge'], ['get'])).toEqual(['read', 'fetch', 'retrieve']);
    expect(addedEquivalents(['issue', 'write'], ['write'])).toEqual([]);
  });

  test.each<[string, string[], Category, number]>([
    ['charge a card', ['create', 'charge'], 'financial', 2],
    ['charge a card', ['get'], 'read', 0],
    ['wipe the database', ['delete'], 'destructive', 2],
    ['wipe the database', ['list'], 'read', 0],
    ['flux edit', ['update'], 'write', 2],
    ['flux edit', ['generate'], 'write', 1],
    ['create a github issue', ['write'], 'write', 1],
  ])('for %j, a tool that does %j, %s, does what is asked: %i', (query, does, category, how) => {
    expect(doesWhatIsAsked(queryActions(queryWords(query)), does, category)).toBe(how);
  });
});

describe('the words of a query', () => {
  test.each([
    ['create a github issue', ['create', 'github', 'issue']],
    ['delete a database branch', ['delete', 'database', 'branch']],
    ['  Get   Kubernetes pod logs ', ['get', 'kubernetes', 'pod', 'logs']],
    ['send an email to the team', ['send', 'email', 'team']],
    ['create_refund', ['create_refund']],
    ['fetch a page as markdown via curl using python', ['fetch', 'page', 'markdown', 'curl', 'python']],
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
    ['star a repo', 'star_repository', 3],
    ['show the dir tree', 'directory_tree', 3],
    ['star a repo', 'list_starred_repositories', 1],
    ['re star', 'star_repository', 0],
  ])('%j names %s: %i', (query, name, coverage) => {
    expect(nameInQuery(query, name)).toBe(coverage);
  });

  test('a verb of a group that is not the tool’s own action is what it acts on', () => {
    expect(nameInQuery('charge a card', 'get_charge', '', ['get'])).toBe(1);
    expect(nameInQuery('charge a card', 'create_charge', '', ['create', 'charge'])).toBe(1);
    expect(nameInQuery('create a github issue', 'issue_write', '', ['write'])).toBe(1);
  });

  test('the words naming a tool’s server in its name do not count as what the tool acts on', () => {
    expect(nameInQuery('notion pages', 'notion-create-pages', 'notion')).toBe(1);
    expect(nameInQuery('notion pages', 'notion-search', 'notion')).toBe(0);
    expect(nameInQuery('take a screenshot', 'browser_take_screenshot', 'browser')).toBe(1);
  });

  test.each([
    ['show the directory tree', 'directory_tree', 2],
    ['show the directory tree', 'list_directory', 1],
    ['list repos', 'list_repositories', 1],
    ['list repos', 'list_branches', 0],
    ['delete', 'delete_file', 0],
  ])('of the things %j asks about, %s names %i', (query, name, count) => {
    expect(objectsNamed(query, name)).toBe(count);
  });

  test('what a query asks about is its words but small words and verbs, singular, once', () => {
    expect(queryThings('run a sql query on postgres')).toEqual(['sql', 'query', 'postgre']);
    expect(queryThings('Delete the branch_names branches')).toEqual(['branch', 'name']);
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
