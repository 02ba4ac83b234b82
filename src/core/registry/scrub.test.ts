import { describe, expect, test } from 'vitest';
import { scrubMachinePaths, type MachinePath } from './scrub.ts';

/** A scanner running as the user `ops`, with its project, cache and temporary folder where a real machine has them. */
const PATHS: MachinePath[] = [
  { path: '/home/ops', as: '<home>' },
  { path: '/home/ops/.cache/mcp-catalogue', as: '<cache>' },
  { path: '/home/ops/.npm', as: '<npm-cache>' },
  { path: '/srv/catalogue', as: '<project>' },
  { path: '/tmp/', as: '<tmp>' },
  { path: '/tmp/home', as: '<home>' },
];

describe('scrubMachinePaths', () => {
  test.each([
    [
      'an installed package under the cache, the longest path first',
      "Cannot find module '/home/ops/.cache/mcp-catalogue/npm/x@1.0.0/node_modules/x/build/Release/x.node'",
      "Cannot find module '<cache>/npm/x@1.0.0/node_modules/x/build/Release/x.node'",
    ],
    [
      "npm's log file, wherever npm keeps it",
      'npm error A complete log of this run can be found in: /home/ops/.npm/_logs/2026-03-01T10_00_00_000Z-debug-0.log',
      'npm error A complete log of this run can be found in: <npm-log>',
    ],
    [
      'a file: URL in a stack trace',
      '    at file:///home/ops/.cache/mcp-catalogue/npm/a%20b@1/node_modules/a/index.js:3:9',
      '    at file://<cache>/npm/a%20b@1/node_modules/a/index.js:3:9',
    ],
    [
      "the sandbox's home and temporary folder",
      'EACCES: permission denied, open /tmp/home/.config/x.json; wrote /tmp/x-123/log',
      'EACCES: permission denied, open <home>/.config/x.json; wrote <tmp>/x-123/log',
    ],
    [
      'the project folder (where the pinned Node lives)',
      'spawn /srv/catalogue/node_modules/node/bin/node ENOENT',
      'spawn <project>/node_modules/node/bin/node ENOENT',
    ],
    [
      'any home folder, even one not listed',
      'open /home/alice/.aws/credentials and /root/.ssh/id_rsa',
      'open <home>/.aws/credentials and <home>/.ssh/id_rsa',
    ],
    [
      'the sandbox program',
      "bwrap: Can't mount proc on /newroot/proc: Operation not permitted",
      "<sandbox>: Can't mount proc on /newroot/proc: Operation not permitted",
    ],
    [
      'paths that only begin like a machine path, and URLs, stay',
      'see /tmpfs-notes, /srv/catalogue-old and https://example.com/tmp/home/ops',
      'see /tmpfs-notes, /srv/catalogue-old and https://example.com/tmp/home/ops',
    ],
  ])('%s', (_, text, scrubbed) => {
    expect(scrubMachinePaths(text, PATHS)).toBe(scrubbed);
  });

  test('a root path or an empty one is never a placeholder', () => {
    expect(
      scrubMachinePaths('/usr/bin/env: node: not found', [
        { path: '/', as: '<x>' },
        { path: '', as: '<y>' },
      ]),
    ).toBe('/usr/bin/env: node: not found');
  });
});
