import { describe, expect, test } from 'vitest';
import { isRegistryName, namesServer, registryName, registryWord, serverNames, telling } from './names.ts';

describe('a registry name', () => {
  test.each([
    ['io.github.stripe/agent-toolkit', 'io.github', 'stripe', 'agent-toolkit'],
    ['io.github.mongodb-js/mongodb-mcp-server', 'io.github', 'mongodb-js', 'mongodb-mcp-server'],
    ['com.notion/mcp', 'com', 'notion', 'mcp'],
    ['io.gitlab.acme/ci-tools', 'io.gitlab', 'acme', 'ci-tools'],
    ['com.example.api/search', 'com', 'example.api', 'search'],
    ['io.github/odd', 'io', 'github', 'odd'],
    ['example/solo', '', 'example', 'solo'],
    ['no-slash', '', '', 'no-slash'],
  ])('%s is prefix %j, owner %j, name %j', (full, prefix, owner, name) => {
    expect(registryName(full)).toEqual({ prefix, owner, name });
  });

  test('as one word, owner and name come first: no query word of the prefix starts it', () => {
    expect(registryWord('io.github.stripe/agent-toolkit')).toBe('stripeagenttoolkitiogithub');
    expect(registryWord('com.notion/mcp')).toBe('notionmcpcom');
    expect(registryWord('com.notion/mcp').startsWith('com')).toBe(false);
  });

  test.each([
    ['io.github.stripe/agent-toolkit', true],
    ['com.notion/mcp', true],
    ['IO.GitHub.Stripe/Agent-Toolkit', true],
    ['stripe/agent-toolkit', false],
    ['create_refund', false],
    ['a/b/c', false],
  ])('%s is typed as a registry name: %s', (word, is) => {
    expect(isRegistryName(word)).toBe(is);
  });
});

describe('what people call a server', () => {
  test.each([
    ['io.github.stripe/agent-toolkit', undefined, ['agent-toolkit', 'stripe']],
    ['io.github.github/github-mcp-server', 'GitHub', ['GitHub']],
    ['io.github.korotovsky/slack-mcp-server', undefined, ['slack-mcp-server', 'korotovsky']],
    ['com.notion/mcp', 'Notion', ['Notion']],
    ['io.github.wonderwhy-er/desktop-commander', 'Desktop Commander', ['Desktop Commander', 'wonderwhy-er']],
  ])('%s titled %s: %j', (full, title, names) => {
    expect(serverNames(full, title)).toEqual(names);
  });

  test('a brand is one word, and the words every server name has say nothing', () => {
    expect(telling('GitHub MCP Server')).toEqual(['github']);
    expect(telling('slack-mcp-server')).toEqual(['slack']);
  });

  test.each([
    ['slack', true],
    ['Slack MCP', true],
    ['korotovsky', true],
    ['io.github.korotovsky/slack-mcp-server', true],
    ['io.github.someone/slack-mcp-server', false],
    ['slack messages', false],
    ['korotovsky slack', true],
    ['slack korotovsky', true],
    ['slack slack', false],
    ['kor slack', false],
    ['', false],
  ])('%j names the korotovsky Slack server: %s', (query, names) => {
    const full = 'io.github.korotovsky/slack-mcp-server';
    expect(namesServer(query, serverNames(full, undefined), registryWord(full))).toBe(names);
  });
});

test.each([
  ['beaconly push notify', true],
  ['push notify beaconly', true],
  ['beaconly push', true],
  ['push beaconly push', false],
  ['beaconly notify', false],
])('%j names io.github.beaconly/push-notify, titled Beaconly Push: %s', (query, names) => {
  const full = 'io.github.beaconly/push-notify';
  expect(namesServer(query, serverNames(full, 'Beaconly Push'), registryWord(full))).toBe(names);
});
