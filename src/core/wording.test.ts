import { expect, test } from 'vitest';
import { perWindow, serverNoun } from './wording.ts';

test.each([
  [10, 'hour', '', '10 an hour'],
  [30, 'minute', '', '30 a minute'],
  [1000, 'day', 'calls', '1,000 calls a day'],
  [10, 'hour', 'calls', '10 calls an hour'],
] as const)('%i per %s (%s) reads "%s"', (max, window, unit, phrase) => {
  expect(perWindow(max, window, unit)).toBe(phrase);
});

test.each([
  ['Corvid Pay Gateway', 'Corvid Pay Gateway MCP server'],
  ['EFLOWCODE Image MCP', 'EFLOWCODE Image MCP server'],
  ['Image Gen MCP Server', 'Image Gen MCP Server'],
  ['Acme MCP-server', 'Acme MCP-server'],
  ['Mcp Flux Pro', 'Mcp Flux Pro MCP server'],
  ['SMCP', 'SMCP MCP server'],
])('the server %j is named "%s"', (title, noun) => {
  expect(serverNoun(title)).toBe(noun);
});
