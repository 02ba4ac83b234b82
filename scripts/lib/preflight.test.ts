import { describe, expect, test } from 'vitest';
import { preflight, type Probes } from './preflight.ts';

const REGISTRY = 'https://registry.npmjs.org/';
const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_LINE =
  'Missing: Chromium at /usr/bin/chromium (--version: not found); the browser tests (npm run test:e2e) drive it. ' +
  'Install it on Debian/Ubuntu: sudo apt-get install chromium, or set CHROMIUM_PATH to a Chromium.';
const BWRAP_LINE =
  'Missing: the bubblewrap sandbox (bwrap cannot be started (spawnSync bwrap ENOENT)); the scan tests (test/cli/scan-all.test.ts) run MCP servers in it. ' +
  'Install it on Debian/Ubuntu: sudo apt-get install bubblewrap, on a machine or container that allows user namespaces.';
const REGISTRY_LINE =
  'Missing: the npm registry at https://registry.npmjs.org/ (getaddrinfo ENOTFOUND registry.npmjs.org); the scan tests (test/cli/scan-all.test.ts) install MCP servers from it. ' +
  'Connect to the network, or point npm at a registry you can reach (npm config set registry URL).';

/** Probes that answer as told, and record what they were asked. */
function probes(missing: { chromium: boolean; bwrap: boolean; registry: boolean }, asked: string[] = []): Probes {
  return {
    chromium: async (path) => {
      asked.push(path);
      return missing.chromium ? { ok: false, reason: '--version: not found' } : { ok: true, detail: '156.0.8078.114' };
    },
    bubblewrap: async () =>
      missing.bwrap ? { ok: false, reason: 'bwrap cannot be started (spawnSync bwrap ENOENT)' } : { ok: true },
    registry: async () =>
      missing.registry
        ? { ok: false, reason: 'getaddrinfo ENOTFOUND registry.npmjs.org', registry: REGISTRY }
        : { ok: true, registry: REGISTRY },
  };
}

describe('preflight', () => {
  test.each([
    [{ chromium: true, bwrap: false, registry: false }, [CHROMIUM_LINE]],
    [{ chromium: false, bwrap: true, registry: false }, [BWRAP_LINE]],
    [{ chromium: false, bwrap: false, registry: true }, [REGISTRY_LINE]],
    [{ chromium: true, bwrap: true, registry: false }, [CHROMIUM_LINE, BWRAP_LINE]],
    [{ chromium: true, bwrap: false, registry: true }, [CHROMIUM_LINE, REGISTRY_LINE]],
    [{ chromium: false, bwrap: true, registry: true }, [BWRAP_LINE, REGISTRY_LINE]],
    [{ chromium: true, bwrap: true, registry: true }, [CHROMIUM_LINE, BWRAP_LINE, REGISTRY_LINE]],
  ])('missing %j: fails with one line per missing piece', async (missing, lines) => {
    expect(await preflight(probes(missing), { chromiumPath: CHROMIUM })).toEqual({ ok: false, lines });
  });

  test('all there: one short line', async () => {
    expect(
      await preflight(probes({ chromium: false, bwrap: false, registry: false }), { chromiumPath: CHROMIUM }),
    ).toEqual({
      ok: true,
      lines: [
        'Preflight: Chromium (156.0.8078.114), bubblewrap and the npm registry at https://registry.npmjs.org/ are ready.',
      ],
    });
  });

  test('the Chromium it checks is the one it is given (CHROMIUM_PATH)', async () => {
    const asked: string[] = [];
    const { lines } = await preflight(probes({ chromium: true, bwrap: false, registry: false }, asked), {
      chromiumPath: '/opt/chromium/chrome',
    });
    expect(asked).toEqual(['/opt/chromium/chrome']);
    expect(lines).toEqual([CHROMIUM_LINE.replace('/usr/bin/chromium', '/opt/chromium/chrome')]);
  });
});
