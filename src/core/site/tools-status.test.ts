import { describe, expect, test } from 'vitest';
import type { ScanRecord } from '../../schemas/registry.ts';
import {
  reasonLines,
  unknownGradeText,
  unknownHeading,
  unknownServersSentence,
  unknownSummary,
  unknownTools,
  type UnknownStatus,
} from './tools-status.ts';

const tool = { name: 'get_forecast' };

describe('whether a server’s tools are known', () => {
  test.each<[string, { tools: readonly unknown[]; scan?: ScanRecord }, ReturnType<typeof unknownTools>]>([
    ['a hand-written file with tools', { tools: [tool] }, undefined],
    ['a hand-written file without tools', { tools: [] }, { status: 'not-scanned', reason: [] }],
    ['synced, not scanned yet', { tools: [], scan: { status: 'not-scanned' } }, { status: 'not-scanned', reason: [] }],
    ['a scan that listed tools', { tools: [tool], scan: { status: 'scanned' } }, undefined],
    ['a scan that listed none: zero is measured', { tools: [], scan: { status: 'scanned' } }, undefined],
    [
      'a failed scan',
      { tools: [], scan: { status: 'failed', reason: 'npm install x@1.0.0 failed (E404)\n404 Not Found - GET x' } },
      { status: 'failed', reason: ['npm install x@1.0.0 failed (E404)', '404 Not Found - GET x'] },
    ],
    [
      'a failed re-scan keeps the tools of the last one',
      { tools: [tool], scan: { status: 'failed', reason: 'no answer' } },
      undefined,
    ],
    [
      'a runtime the scanner lacks',
      { tools: [], scan: { status: 'runtime-unavailable', reason: 'uvx is not installed' } },
      { status: 'runtime-unavailable', reason: ['uvx is not installed'] },
    ],
    ['credentials asked for', { tools: [], scan: { status: 'needs-auth' } }, { status: 'needs-auth', reason: [] }],
  ])('%s', (_, server, expected) => {
    expect(unknownTools(server)).toEqual(expected);
  });
});

describe('a scan reason as a page shows it', () => {
  test('two lines, blank ones and a third dropped, each cut at 200 characters', () => {
    const long = 'x'.repeat(300);
    expect(reasonLines(`first\n\n  ${long}  \nthird`)).toEqual(['first', `${'x'.repeat(200)}…`]);
  });

  test('no reason: no lines', () => {
    expect(reasonLines(undefined)).toEqual([]);
    expect(reasonLines('\n \n')).toEqual([]);
  });

  test('markup stays text: the function neither escapes nor drops it (Astro escapes on output)', () => {
    expect(reasonLines('<script>alert(1)</script>\n<img onerror=x>')).toEqual([
      '<script>alert(1)</script>',
      '<img onerror=x>',
    ]);
  });
});

describe('how a server without known tools is worded', () => {
  test.each<[UnknownStatus, string, string]>([
    [
      'not-scanned',
      'Tools not known: not scanned yet',
      'Its tools are not known: the server has not been scanned yet. Nothing on this page counts or classifies them, and no figure here means “none”.',
    ],
    [
      'needs-auth',
      'Tools not known: needs credentials',
      'Its tools are not known: the server would not list them without credentials. Nothing on this page counts or classifies them, and no figure here means “none”.',
    ],
    [
      'runtime-unavailable',
      'Tools not known: runtime not available',
      'Its tools are not known: the scanner could not start the server, as it lacks the runtime the server needs. Nothing on this page counts or classifies them, and no figure here means “none”.',
    ],
    [
      'failed',
      'Tools not known: scan failed',
      'Its tools are not known: the scanner tried to list them, and the scan failed. Nothing on this page counts or classifies them, and no figure here means “none”.',
    ],
  ])('%s: heading and summary', (status, heading, summary) => {
    expect(unknownHeading({ status, reason: [] })).toBe(heading);
    expect(unknownSummary({ status, reason: [] })).toBe(summary);
  });

  test('the grade’s reason names the state', () => {
    expect(unknownGradeText('failed')).toBe('not graded: its tools are not known (scan failed)');
  });

  test.each<[UnknownStatus[], string | undefined]>([
    [[], undefined],
    [['failed'], 'The tool figures leave out 1 server whose tools are not known: 1 whose scan failed.'],
    [
      ['failed', 'not-scanned', 'failed', 'runtime-unavailable', 'needs-auth'],
      'The tool figures leave out 5 servers whose tools are not known: 1 not scanned yet, 1 needing credentials, 1 with a runtime the scanner lacks and 2 whose scan failed.',
    ],
  ])('the catalogue’s figures name the servers they leave out: %j', (statuses, sentence) => {
    expect(unknownServersSentence(statuses)).toBe(sentence);
  });
});
