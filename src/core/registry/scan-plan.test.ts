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
  test('an npm package with its arguments and variables, required ones without a value given placeholders', () => {
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
          ],
        }),
      ],
    });
    expect(launch).toEqual({
      kind: 'npm',
      identifier: '@example/server',
      version: '1.2.3',
      args: ['/tmp', '--port', '8080', '--mode', 'read-only', '--db=main'],
      env: { API_KEY: 'placeholder-API_KEY', REGION: 'eu' },
      placeholders: ['root', 'API_KEY'],
    });
    expect(describeLaunch(launch!)).toBe('npm @example/server@1.2.3');
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
      /mcpb packages are not run/,
    ],
    [
      'a package that serves HTTP',
      { packages: [npm({ transport: { type: 'streamable-http', url: 'http://localhost:{port}/mcp' } })] },
      'runtime-unavailable',
      /streamable-http transport is not started/,
    ],
    [
      'a package without an identifier',
      { packages: [{ registryType: 'npm', transport: { type: 'stdio' } }] },
      'failed',
      /^identifier: /,
    ],
    [
      'a remote whose URL needs a value nobody gives',
      { remotes: [{ type: 'streamable-http', url: 'https://{tenant}.example.com/mcp' }] },
      'failed',
      /needs values the entry does not give/,
    ],
    [
      'an OCI image that is really a docker option',
      { packages: [{ registryType: 'oci', identifier: '--privileged', transport: { type: 'stdio' } }] },
      'failed',
      /is not a plain oci package name/,
    ],
    [
      'an npm "package" that is a local path',
      { packages: [npm({ identifier: 'file:/etc' })] },
      'failed',
      /is not a plain npm package name/,
    ],
    [
      'an npm version that is an option',
      { packages: [npm({ version: '--registry=http://x' })] },
      'failed',
      /not a plain version/,
    ],
  ])('%s is reported, not started', (_, server, status, reason) => {
    const [launch] = launchesOf(server);
    expect(launch).toMatchObject({ kind: 'unsupported', status });
    expect((launch as { reason: string }).reason).toMatch(reason);
  });
});
