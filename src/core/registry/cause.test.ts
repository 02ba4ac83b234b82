import { describe, expect, test } from 'vitest';
import { causeOf, reasonOf, REASON_LIMIT } from './cause.ts';
import type { MachinePath } from './scrub.ts';

/** Outputs as the programs write them (made up for these tests, in the shapes npm, Node and Python use). */
const NPM_11_E404 = `npm error code E404
npm error 404 Not Found - GET https://registry.npmjs.org/@acme-fixture%2fweather-server
npm error 404
npm error 404  The requested resource '@acme-fixture/weather-server@2.0.1' could not be found or you do not have permission to access it.
npm error 404
npm error 404 Note that you can also install from a
npm error 404 tarball, folder, http url, or git url.
npm error A complete log of this run can be found in: /home/scanner/.npm/_logs/2026-03-01T10_00_00_000Z-debug-0.log`;

const NPM_8_E404 = `npm ERR! code E404
npm ERR! 404 Not Found - GET https://registry.npmjs.org/weather-srv - Not found
npm ERR! 404
npm ERR! 404  'weather-srv@0.3.0' is not in this registry.
npm ERR! 404 You should bug the author to publish it (or use the name yourself!)
npm ERR! 404
npm ERR! 404 Note that you can also install from a
npm ERR! 404 tarball, folder, http url, or git url.

npm ERR! A complete log of this run can be found in:
npm ERR!     /root/.npm/_logs/2024-02-02T08_00_00_000Z-debug-0.log`;

const NPM_ETARGET = `npm error code ETARGET
npm error notarget No matching version found for @acme-fixture/notes@9.9.9.
npm error notarget In most cases you or one of your dependencies are requesting
npm error notarget a package version that doesn't exist.
npm error A complete log of this run can be found in: /root/.npm/_logs/2026-03-01T10_00_01_000Z-debug-0.log`;

const NPM_ENOTFOUND = `npm error code ENOTFOUND
npm error syscall getaddrinfo
npm error errno ENOTFOUND
npm error network request to https://registry.npmjs.org/notes-mcp failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org
npm error network This is a problem related to network connectivity.
npm error network In most cases you are behind a proxy or have bad network settings.
npm error network
npm error network If you are behind a proxy, please make sure that the 'proxy' config is set properly.  See: 'npm help config'
npm error A complete log of this run can be found in: /root/.npm/_logs/2026-03-01T10_00_02_000Z-debug-0.log`;

/** An uncaught error at start: the message six lines above the end, the last three say nothing. */
const NODE_API_KEY = `Starting Airtable MCP server…
file:///root/.cache/mcp-catalogue/npm/airtable-mcp-server@1.4.1/node_modules/airtable-mcp-server/dist/config.js:9
    throw new Error('No API key provided. Set it in the AIRTABLE_API_KEY environment variable');
          ^

Error: No API key provided. Set it in the AIRTABLE_API_KEY environment variable
    at readConfig (file:///root/.cache/mcp-catalogue/npm/airtable-mcp-server@1.4.1/node_modules/airtable-mcp-server/dist/config.js:9:11)
    at file:///root/.cache/mcp-catalogue/npm/airtable-mcp-server@1.4.1/node_modules/airtable-mcp-server/dist/index.js:4:16
    at ModuleJob.run (node:internal/modules/esm/module_job:274:25)
    at async onImport.tracePromise.__proto__ (node:internal/modules/esm/loader:644:26)
    at async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)

Node.js v24.21.0`;

const NODE_MODULE = `node:internal/modules/esm/resolve:873
  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);
        ^

Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'better-sqlite3' imported from /root/.cache/mcp-catalogue/npm/notes@1.0.0/node_modules/notes/dist/db.js
    at packageResolve (node:internal/modules/esm/resolve:873:9)
    at moduleResolve (node:internal/modules/esm/resolve:946:18) {
  code: 'ERR_MODULE_NOT_FOUND'
}

Node.js v24.21.0`;

const PYTHON_KEY_ERROR = `Traceback (most recent call last):
  File "/tmp/home/.cache/uv/archive-v0/abc/bin/mcp-neo4j-cypher", line 10, in <module>
    sys.exit(main())
             ^^^^^^
  File "/tmp/home/.cache/uv/archive-v0/abc/lib/python3.12/site-packages/mcp_neo4j_cypher/__init__.py", line 21, in main
    password = os.environ["NEO4J_PASSWORD"]
               ~~~~~~~~~~^^^^^^^^^^^^^^^^^^
  File "<frozen os>", line 714, in __getitem__
KeyError: 'NEO4J_PASSWORD'`;

const PYTHON_VALUE_ERROR = `INFO:     Loading settings
Traceback (most recent call last):
  File "/tmp/home/.cache/uv/archive-v0/x/lib/python3.12/site-packages/make_mcp/server.py", line 40, in <module>
    settings = Settings.from_env()
  File "/tmp/home/.cache/uv/archive-v0/x/lib/python3.12/site-packages/make_mcp/settings.py", line 12, in from_env
    raise ValueError("MAKE_API_KEY must be set to use the Make MCP server")
ValueError: MAKE_API_KEY must be set to use the Make MCP server`;

const ZOD = `ZodError: [
  {
    "code": "invalid_type",
    "expected": "string",
    "received": "undefined",
    "path": [
      "LINEAR_API_KEY"
    ],
    "message": "Required"
  }
]
    at get error (file:///root/.cache/mcp-catalogue/npm/linear@1.0.0/node_modules/zod/lib/index.mjs:587:31)`;

describe('causeOf', () => {
  test.each([
    [
      'npm 11, a package that does not exist',
      NPM_11_E404,
      'E404',
      /^404 Not Found - GET https:\/\/registry\.npmjs\.org\/@acme-fixture%2fweather-server$/,
    ],
    [
      'npm 8, a package that does not exist',
      NPM_8_E404,
      'E404',
      /^404 Not Found - GET https:\/\/registry\.npmjs\.org\/weather-srv - Not found$/,
    ],
    [
      'npm, a version that does not exist',
      NPM_ETARGET,
      'ETARGET',
      /^No matching version found for @acme-fixture\/notes@9\.9\.9\.$/,
    ],
    [
      'npm, no registry reachable',
      NPM_ENOTFOUND,
      'ENOTFOUND',
      /^request to https:\/\/registry\.npmjs\.org\/notes-mcp failed, reason: getaddrinfo ENOTFOUND/,
    ],
  ])('%s: the error code and the line that says what was missing, not the boilerplate', (_, output, code, line) => {
    const cause = causeOf(output);
    expect(cause.code).toBe(code);
    expect(cause.line).toMatch(line);
  });

  test.each([
    [
      'a Node crash whose message is six lines above the end',
      NODE_API_KEY,
      'Error: No API key provided. Set it in the AIRTABLE_API_KEY environment variable',
    ],
    [
      'a module that was never installed',
      NODE_MODULE,
      "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'better-sqlite3' imported from /root/.cache/mcp-catalogue/npm/notes@1.0.0/node_modules/notes/dist/db.js",
    ],
    ['a Python KeyError for a variable', PYTHON_KEY_ERROR, "KeyError: 'NEO4J_PASSWORD'"],
    [
      'a Python ValueError after a log line',
      PYTHON_VALUE_ERROR,
      'ValueError: MAKE_API_KEY must be set to use the Make MCP server',
    ],
    [
      'a stated missing variable among log lines',
      '[info] linear-mcp 2.1.0\n[info] reading configuration\nMissing required environment variable LINEAR_API_KEY\n[info] bye',
      'Missing required environment variable LINEAR_API_KEY',
    ],
    [
      'zod refusing the environment, its list joined',
      ZOD,
      'ZodError: [ { "code": "invalid_type", "expected": "string", "received": "undefined", "path": [ "LINEAR_API_KEY" ], "message": "Required" } ]',
    ],
    [
      'commander: usage after the error',
      "error: missing required argument 'zone'\nUsage: make-mcp-server [options] <zone>\n\nOptions:\n  -h, --help  display help for command",
      "error: missing required argument 'zone'",
    ],
    [
      'argparse: the error after the usage',
      'usage: mcp-server-make [-h] --api-key KEY\nmcp-server-make: error: the following arguments are required: --api-key',
      'mcp-server-make: error: the following arguments are required: --api-key',
    ],
    [
      'clap: the list the error line opens',
      "error: the following required arguments were not provided:\n  --token <TOKEN>\n\nUsage: kv-server --token <TOKEN>\n\nFor more information, try '--help'.",
      'error: the following required arguments were not provided: --token <TOKEN>',
    ],
    [
      'a usage text alone',
      'Usage: weather-server <city> [--units metric|imperial]\n  Serves the weather of one city over MCP.',
      'Usage: weather-server <city> [--units metric|imperial]',
    ],
    [
      'docker without its daemon',
      'Client:\n Version:    28.2.2\n Context:    default\n\nServer:\nCannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    ],
    [
      'a Go panic',
      'starting kube server\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x5c2d1e]\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:42 +0x1e',
      'panic: runtime error: invalid memory address or nil pointer dereference',
    ],
    [
      'nothing telling: the last words',
      'Weather MCP server v0.2\nlistening on http://localhost:3000',
      'listening on http://localhost:3000',
    ],
  ])('%s', (_, output, line) => {
    expect(causeOf(output).line).toBe(line);
  });

  test('empty output has no cause', () => {
    expect(causeOf('')).toEqual({ rank: 0 });
    expect(causeOf('\n   \n').line).toBeUndefined();
  });
});

const PATHS: MachinePath[] = [
  { path: '/root/.cache/mcp-catalogue', as: '<cache>' },
  { path: '/root', as: '<home>' },
  { path: '/tmp/home', as: '<home>' },
  { path: '/tmp', as: '<tmp>' },
];

describe('reasonOf', () => {
  test.each([
    [
      'a package npm does not have',
      { summary: 'npm install @acme-fixture/weather-server@2.0.1 failed', output: NPM_11_E404 },
      'npm install @acme-fixture/weather-server@2.0.1 failed (E404)\n404 Not Found - GET https://registry.npmjs.org/@acme-fixture%2fweather-server',
    ],
    [
      'a crash at start',
      { summary: 'the server exited before answering initialize', output: NODE_API_KEY },
      'the server exited before answering initialize\nError: No API key provided. Set it in the AIRTABLE_API_KEY environment variable',
    ],
    [
      'a timeout, stderr empty',
      { summary: 'no answer to initialize within 30 s', output: '' },
      'no answer to initialize within 30 s\nnothing on stderr',
    ],
    [
      'a timeout, stdout full of log lines',
      {
        summary: 'no answer to initialize within 30 s',
        output: '',
        stdoutNoise: { lines: 40, first: `Unexpected token 'S', "Server sta"... is not valid JSON` },
      },
      `no answer to initialize within 30 s\n40 lines on stdout are not JSON-RPC: Unexpected token 'S', "Server sta"... is not valid JSON`,
    ],
    [
      'garbage on stdout, then a crash that names its cause',
      {
        summary: 'the server exited before answering initialize',
        output: PYTHON_KEY_ERROR,
        stdoutNoise: { lines: 1, first: 'Unexpected token' },
      },
      "the server exited before answering initialize\nKeyError: 'NEO4J_PASSWORD'",
    ],
    [
      'an error printed on stdout instead of stderr',
      {
        summary: 'the server exited with code 1 before answering initialize',
        output: '',
        stdout: 'Linear MCP server 2.1\nError: LINEAR_API_KEY is not set\n',
        stdoutNoise: { lines: 2, first: 'Linear MCP server 2.1' },
      },
      'the server exited with code 1 before answering initialize\nError: LINEAR_API_KEY is not set',
    ],
    [
      'log lines on stdout that say nothing, a telling line on stderr',
      {
        summary: 'no answer to initialize within 30 s',
        output: 'Waiting for the browser login at http://localhost:8976/callback',
        stdout: 'Server started\n',
        stdoutNoise: { lines: 1, first: 'Server started' },
      },
      'no answer to initialize within 30 s\n1 line on stdout is not JSON-RPC: Server started',
    ],
    [
      'docker not available: no output was read',
      { summary: 'runtime not available: docker is not installed; podman is not installed' },
      'runtime not available: docker is not installed; podman is not installed',
    ],
  ])('%s', (_, failure, reason) => {
    expect(reasonOf(failure, PATHS)).toBe(reason);
  });

  test('paths of the scanning machine are replaced, in the summary and in the quoted line', () => {
    const reason = reasonOf(
      {
        summary:
          "ENOENT: no such file or directory, open '/root/.cache/mcp-catalogue/npm/x@1/node_modules/x/package.json'",
        output: NODE_MODULE,
      },
      PATHS,
    );
    expect(reason).not.toMatch(/\/root|\/tmp/);
    expect(reason).toContain("open '<cache>/npm/x@1/node_modules/x/package.json'");
    expect(reason.split('\n')[1]).toMatch(/^Error \[ERR_MODULE_NOT_FOUND\]: Cannot find package 'better-sqlite3'/);
    const quoted = reasonOf({ summary: 'the server exited before answering initialize', output: NODE_MODULE }, PATHS);
    expect(quoted).toContain("'better-sqlite3' imported from <cache>/npm/notes@1.0.0/");
  });

  test.each([
    ['a long summary and a long line', 'x'.repeat(400), 'y '.repeat(400)],
    [
      'a short summary and a very long line',
      'the server exited before answering initialize',
      `Error: ${'no key '.repeat(100)}`,
    ],
    ['a long summary alone', 'z '.repeat(300), undefined],
  ])('%s: at most two lines, at most 200 characters', (_, summary, output) => {
    const reason = reasonOf({ summary, ...(output ? { output } : {}) }, PATHS);
    expect(reason.length).toBeLessThanOrEqual(REASON_LIMIT);
    expect(reason.split('\n').length).toBeLessThanOrEqual(2);
  });
});
