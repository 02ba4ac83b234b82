import { expect, test } from 'vitest';
import { HeadAndTail } from './output.ts';

test('short output is kept whole', () => {
  const kept = new HeadAndTail(10, 10);
  kept.append('abc');
  kept.append('def');
  expect(kept.text()).toBe('abcdef');
});

test('long output keeps its beginning and its end, and says how much fell between', () => {
  const kept = new HeadAndTail(5, 5);
  for (const chunk of ['Error', ': no key', ...Array(100).fill('.'), 'bye!\n']) kept.append(chunk);
  expect(kept.text()).toBe('Error\n… (108 characters left out) …\nbye!\n');
});
