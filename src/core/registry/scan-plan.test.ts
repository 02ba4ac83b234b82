import { describe, expect, test } from 'vitest';
import { describeLaunch, launchesOf } from './scan-plan.ts';

const npm = (extra: Record<string, unknown> = {}) => ({
  registryType: 'npm',
  identifier: '@example/server',
  version: '1.2.3',
  transport: { type: 'stdio' },
  ...extra,
});

describe('launchesOf', () => {
  test('an npm package with its arguments and variables: every variable without a value gets a placeholder, required or not', () => {
    const [launch] = launchesOf({
      packages: [
        npm({
          runtimeArguments: [{ type: 'named', name: '-y' }],
          packageArguments: [
            { type: 'positional', valueHint: 'root', format: 'filepath', isRequired: true },
            { type: 'named', name: '--port', value: '8080' },
            { type: 'named', name: '--mode', default: 'read-only' },
            { type: 'named', name: '--verbose' },
            { type: 'positional', value: '--db={db}', variables: { db: { default: 'main' } } },
          ],
          environmentVariables: [
            { name: 'API_KEY', isRequired: true, isSecret: true },
            { name: 'REGION', default: 'eu' },
            { name: 'OPTIONAL' },
            { name: 'MAX_ROWS', format: 'number' },
            { name: 'READ_ONLY', format: 'boolean', isRequired: false },
            { name: 'LOG_LEVEL', choices: ['info', 'debug'] },
          ],
        }),
      ],
    });
    expect(launch).toEqual({
      kind: 'npm',
      identifier: '@example/server',
      version: '1.2.3',
      args: ['/tmp', '--port', '8080', '--mode', 'read-only', '--db=main'],
      env: {
        API_KEY: 'placeholder-API_KEY',
        REGION: 'eu',
        OPTIONAL: 'placeholder-OPTIONAL',
        MAX_ROWS: '1',
        READ_ONLY: 'false',
        LOG_LEVEL: 'info',
      },
      placeholders: ['root', 'API_KEY', 'OPTIONAL', 'MAX_ROWS', 'READ_ONLY', 'LOG_LEVEL'],
      notes: [],
    });
    expect(describeLaunch(launch!)).toBe('npm @example/server@1.2.3');
  });

  test.each([
    ['<YOUR_API_KEY>', 'placeholder-YOUR_API_KEY'],
    ['${input:api_key}', 'placeholder-api_key'],
    ['${API_KEY}', 'placeholder-API_KEY'],
    ['{API_KEY}', 'placeholder-API_KEY'],
    ['{{ TOKEN }}', 'placeholder-TOKEN'],
    ['YOUR_API_KEY_HERE', 'placeholder-YOUR_API_KEY_HERE'],
    ['Bearer <your access token>', 'Bearer placeholder-your-access-token'],
    ['https://<domain>.example.com', 'https://placeholder-domain.example.com'],
  ])('a value that is a placeholder, %s, is filled and recorded', (value, filled) => {
    const [launch] = launchesOf({
      packages: [
        npm({
          packageArguments: [
            { type: 'named', name: '--api-key', default: value },
            { type: 'positional', value: 'serve' },
          ],
          runtimeArguments: [{ type: 'named', name: '--token', value }],
          environmentVariables: [{ name: 'WORKSPACE', value, isRequired: true }],
        }),
      ],
    });
    expect(launch).toMatchObject({
      args: ['--api-key', filled, 'serve'],
      env: { WORKSPACE: filled },
      placeholders: ['--api-key', 'WORKSPACE'],
    });
  });

  test("an OCI image's -e NAME=VALUE runtime arguments are its environment, the rest of them is not used", () => {
    const [launch] = launchesOf({
      packages: [
        {
          registryType: 'oci',
          identifier: 'ghcr.io/example/github-mcp:1.0',
          transport: { type: 'stdio' },
          runtimeArguments: [
            {
              type: 'named',
              name: '-e',
              value: 'GITHUB_TOKEN={token}',
              variables: { token: { isRequired: true, isSecret: true } },
            },
            { type: 'named', name: '--env', value: 'GITHUB_HOST=github.com' },
            { type: 'named', name: '-v', value: '/:/host' },
          ],
        },
      ],
    });
    expect(launch).toMatchObject({
      kind: 'oci',
      args: [],
      env: { GITHUB_TOKEN: 'placeholder-token', GITHUB_HOST: 'github.com' },
      placeholders: ['GITHUB_TOKEN'],
    });
  });

  test('a file path that is a placeholder points at the empty /tmp', () => {
    const [launch] = launchesOf({
      packages: [
        npm({ packageArguments: [{ type: 'positional', valueHint: 'db', format: 'filepath', value: '<PATH>' }] }),
      ],
    });
    expect(launch).toMatchObject({ args: ['/tmp'], placeholders: ['db'] });
  });

  test('an empty version is no version: the latest, said in a note', () => {
    const [npmLatest, pypi] = launchesOf({
      packages: [
        npm({ version: '' }),
        { registryType: 'pypi', identifier: 'mcp-x', version: '', transport: { type: 'stdio' } },
      ],
    });
    expect(npmLatest).toMatchObject({
      kind: 'npm',
      notes: ['packages[0].version is "" (none given): the latest version is scanned'],
    });
    expect(npmLatest).not.toHaveProperty('version');
    expect(describeLaunch(npmLatest!)).toBe('npm @example/server@latest');
    expect(describeLaunch(pypi!)).toBe('pypi mcp-x');
  });

  test("packages first, in the entry's order, then remotes; URL variables filled from their defaults", () => {
    const launches = launchesOf({
      packages: [
        { registryType: 'pypi', identifier: 'mcp-thing', version: '0.1.0', transport: { type: 'stdio' } },
        { registryType: 'oci', identifier: 'ghcr.io/example/thing:1.0', transport: { type: 'stdio' } },
      ],
      remotes: [
        {
          type: 'streamable-http',
          url: 'https://{host}/mcp',
          variables: { host: { default: 'api.example.com' } },
          headers: [{ name: 'Authorization', isRequired: true, isSecret: true }],
        },
        { type: 'sse', url: 'https://example.com/sse' },
      ],
    });
    expect(launches.map(describeLaunch)).toEqual([
      'pypi mcp-thing@0.1.0',
      'oci ghcr.io/example/thing:1.0',
      'streamable-http https://api.example.com/mcp',
      'sse https://example.com/sse',
    ]);
    expect(launches[2]).toMatchObject({ placeholders: ['header Authorization (not sent)'] });
  });

  test.each([
    [
      'an mcpb bundle',
      { packages: [{ registryType: 'mcpb', identifier: 'https://x/y.mcpb', transport: { type: 'stdio' } }] },
      'runtime-unavailable',
      'packages[0].registryType is "mcpb": the scanner runs npm, pypi and oci packages only',
    ],
    [
      'an unknown package type with an empty version: the runtime is what counts',
      { packages: [{ registryType: 'unknown', identifier: 'acme/tool', version: '', transport: { type: 'stdio' } }] },
      'runtime-unavailable',
      'packages[0].registryType is "unknown": the scanner runs npm, pypi and oci packages only',
    ],
    [
      'a package that serves HTTP',
      { packages: [npm({ transport: { type: 'streamable-http', url: 'http://localhost:{port}/mcp' } })] },
      'runtime-unavailable',
      'packages[0].transport.type is "streamable-http": the scanner starts stdio packages only',
    ],
    [
      'an empty transport type',
      { packages: [npm({ transport: { type: '' } })] },
      'failed',
      'packages[0].transport.type is "" (none given), not a transport of the MCP Registry (stdio, streamable-http, sse)',
    ],
    [
      'an unknown transport type',
      { packages: [npm(), npm({ transport: { type: 'websocket' } })] },
      'failed',
      'packages[1].transport.type is "websocket", not a transport of the MCP Registry (stdio, streamable-http, sse)',
    ],
    [
      'a package without an identifier',
      { packages: [{ registryType: 'npm', transport: { type: 'stdio' } }] },
      'failed',
      /^packages\[0\]\.identifier: /,
    ],
    [
      'a package whose variable has no name',
      { packages: [npm({ environmentVariables: [{ value: 'x' }] })] },
      'failed',
      /^packages\[0\]\.environmentVariables\[0\]\.name: /,
    ],
    [
      'a remote whose URL needs a value nobody gives',
      { remotes: [{ type: 'streamable-http', url: 'https://{tenant}.example.com/mcp' }] },
      'failed',
      'remotes[0].url needs values the entry does not give: {tenant}',
    ],
    [
      'a remote with an empty transport type',
      { remotes: [{ type: '', url: 'https://example.com/mcp' }] },
      'failed',
      'remotes[0].type is "" (none given), not a remote transport (streamable-http, sse)',
    ],
    ['a remote without a URL', { remotes: [{ type: 'sse' }] }, 'failed', 'remotes[0].url is missing'],
    [
      'an OCI image that is really a docker option',
      { packages: [{ registryType: 'oci', identifier: '--privileged', transport: { type: 'stdio' } }] },
      'failed',
      'packages[0].identifier "--privileged" is not a plain oci package name, so it is not run',
    ],
    [
      'an npm "package" that is a local path',
      { packages: [npm({ identifier: 'file:/etc' })] },
      'failed',
      /^packages\[0\]\.identifier "file:\/etc" is not a plain npm package name/,
    ],
    [
      'an npm version that is an option',
      { packages: [npm({ version: '--registry=http://x' })] },
      'failed',
      'packages[0].version "--registry=http://x" is not a plain version, so it is not run',
    ],
  ])('%s is reported, naming the field, not started', (_, server, status, reason) => {
    const launch = launchesOf(server).at(-1);
    expect(launch).toMatchObject({ kind: 'unsupported', status });
    expect((launch as { reason: string }).reason).toMatch(reason);
  });
});
