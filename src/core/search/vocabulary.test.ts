import { describe, expect, test } from 'vitest';
import { makeServerFile, makeTool, writeCatalogue } from '../../../test/fixtures.ts';
import { analyseCatalogue } from '../analyse.ts';
import { loadCatalogue } from '../../build/catalogue-files.ts';
import { SPLIT } from './spelling.ts';
import { PART_WORDS, searchVocabulary, vocabularyParts } from './vocabulary.ts';

const servers = analyseCatalogue(
  loadCatalogue(
    writeCatalogue({
      'a.json': makeServerFile({
        server: { name: 'io.github.stripe/agent-toolkit', title: undefined! },
        tools: [makeTool({ name: 'create_refund' }), makeTool({ name: 'list_refunds' }), makeTool({ name: 'v2' })],
      }),
      'b.json': makeServerFile({ server: { name: 'com.notion/mcp', title: 'Notion' }, tools: [] }),
    }),
  ),
);

describe('the vocabulary', () => {
  const vocabulary = searchVocabulary(servers);

  test('holds the words of tool names, server names and the verb groups, counted by name', () => {
    expect(vocabulary.get('refund')).toBe(1);
    expect(vocabulary.get('refunds')).toBe(1);
    expect(vocabulary.get('create')).toBe(2);
    expect(vocabulary.get('stripe')).toBe(1);
    expect(vocabulary.get('toolkit')).toBe(1);
    expect(vocabulary.get('notion')).toBe(1);
    expect(vocabulary.get('wipe')).toBe(1);
  });

  test('leaves out the registry prefix, words under three letters and words that start with a digit', () => {
    expect(vocabulary.has('github')).toBe(false);
    expect(vocabulary.has('io')).toBe(false);
    expect(vocabulary.has('v2')).toBe(false);
  });

  test('is split by first letter, most used first, the same bytes every time', () => {
    const parts = vocabularyParts(vocabulary);
    expect([...parts.keys()]).toEqual([...parts.keys()].sort());
    expect(parts.get('c')!.split('\n')[0]).toBe('create');
    expect(vocabularyParts(searchVocabulary(servers))).toEqual(parts);
  });

  test('a letter with many words is split by first two letters', () => {
    const many = new Map<string, number>([
      ['delete', 9],
      ...Array.from({ length: PART_WORDS }, (_, i) => [`dx${i}`, 1] as [string, number]),
      ['edit', 2],
    ]);
    const parts = vocabularyParts(many);
    expect(parts.get('d')).toBe(SPLIT);
    expect(parts.get('de')).toBe('delete');
    expect(parts.get('dx')!.split('\n')).toHaveLength(PART_WORDS);
    expect(parts.get('e')).toBe('edit');
  });
});
