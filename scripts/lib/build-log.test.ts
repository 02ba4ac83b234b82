import { describe, expect, test } from 'vitest';
import { countPages, filesPhrase, lineSplitter, meaningful, parseLine, phaseOf } from './build-log.ts';

describe('a line of Astro’s log', () => {
  test.each([
    ['22:40:06 [WARN] [vite] something odd', { level: 'warn', label: 'vite', text: 'something odd' }],
    ['22:40:06 [ERROR] [mcp-catalogue] 3 problems', { level: 'error', label: 'mcp-catalogue', text: '3 problems' }],
    [
      '22:40:07 [build] Building static entrypoints...',
      { level: 'info', label: 'build', text: 'Building static entrypoints...' },
    ],
    ['  - syntax-error.json line 5', { level: 'none', label: '', text: '  - syntax-error.json line 5' }],
  ])('%j is read as its level, label and text', (line, expected) => {
    expect(parseLine(line)).toEqual(expected);
  });

  test('page entries are counted, also when pages rendered at once share a line', () => {
    expect(countPages('22:40:09   ├─ /404.html22:40:09   ├─ /api/catalogue.json22:40:09   └─ /a.json (+45ms) ')).toBe(
      3,
    );
    expect(countPages('22:40:09 [build] 299 page(s) built in 5.78s')).toBe(0);
  });

  test('Astro’s warning about Shiki and the CSP is not shown; any other warning is', () => {
    const shiki = parseLine(
      '22:40:06 [WARN] [config] Shiki syntax highlighting uses inline styles that are not compatible with Content Security Policy (CSP). Consider …',
    );
    expect(meaningful(shiki)).toBe(false);
    expect(meaningful(parseLine('22:40:06 [WARN] [config] Something else about the CSP'))).toBe(true);
  });
});

describe('the phases', () => {
  test.each([
    [
      '22:40:06 [mcp-catalogue] 46 servers, 528 tools from /repo/content/servers',
      'Catalogue',
      '46 servers, 528 tools in content/servers, valid',
    ],
    [
      '22:40:06 [mcp-catalogue] 1 server, 2 tools from /elsewhere/ours',
      'Catalogue',
      '1 server, 2 tools in /elsewhere/ours, valid',
    ],
    [
      '22:40:07 [mcp-catalogue-search] Wrote 528 tool search records and the others to /dev/shm/x',
      'Search records',
      'written for 528 tools, their servers and the attacks',
    ],
    [
      '22:40:11 [mcp-catalogue-search] Checked: 528 tools, each with one page.',
      'Checked',
      '528 tools, each with one page',
    ],
  ])('%s starts the phase %s', (line, label, text) => {
    expect(phaseOf(parseLine(line), '/repo')).toEqual({ label, text });
  });

  test('other lines start none', () => {
    expect(phaseOf(parseLine('22:40:07 [content] Syncing content'), '/repo')).toBeUndefined();
    expect(phaseOf(parseLine('22:40:06 [ERROR] [mcp-catalogue] 3 problems from x'), '/repo')).toBeUndefined();
  });

  test('the files written are counted in words', () => {
    expect(filesPhrase(616, 100)).toBe('616 HTML pages and 100 other files');
    expect(filesPhrase(1, 1)).toBe('1 HTML page and 1 other file');
  });
});

test('a stream is split into whole lines, colour codes removed, the last one given at its end', () => {
  const lines: string[] = [];
  const split = lineSplitter((l) => lines.push(l));
  split.push('\u001b[33mone\u001b[39m\ntw');
  split.push('o\r\nthree');
  expect(lines).toEqual(['one', 'two']);
  split.end();
  expect(lines).toEqual(['one', 'two', 'three']);
});
