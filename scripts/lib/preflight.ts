/**
 * What `npm test` needs beyond Node and npm, checked before any test runs
 * (scripts/preflight.ts), so that a machine without it learns so in seconds, with
 * what to install, rather than from a test failing minutes in. The probes are passed
 * in: the real ones start programs and reach the network, the tests give answers.
 */

/** What a probe found: the thing works, or why it does not. */
export type Probe = { ok: true; detail?: string } | { ok: false; reason: string };

export interface Probes {
  /** `<path> --version` runs. */
  chromium(path: string): Promise<Probe>;
  /** bwrap is on PATH and can make its sandbox here. */
  bubblewrap(): Promise<Probe>;
  /** npm's configured registry answers; `registry` is its address, for the lines. */
  registry(): Promise<Probe & { registry: string }>;
}

export interface Settings {
  /** The Chromium the browser tests launch (scripts/lib/chromium.ts). */
  chromiumPath: string;
}

/** The install command the README's quick start gives, one package at a time. */
const apt = (pkg: string) => `on Debian/Ubuntu: sudo apt-get install ${pkg}`;

/** One line per missing piece: what it is and why, what needs it, how to get it. */
const missing = {
  chromium: (path: string, reason: string) =>
    `Missing: Chromium at ${path} (${reason}); the browser tests (npm run test:e2e) drive it. ` +
    `Install it ${apt('chromium')}, or set CHROMIUM_PATH to a Chromium.`,
  bubblewrap: (reason: string) =>
    `Missing: the bubblewrap sandbox (${reason}); the scan tests (test/cli/scan-all.test.ts) run MCP servers in it. ` +
    `Install it ${apt('bubblewrap')}, on a machine or container that allows user namespaces.`,
  registry: (registry: string, reason: string) =>
    `Missing: the npm registry at ${registry} (${reason}); the scan tests (test/cli/scan-all.test.ts) install MCP servers from it. ` +
    `Connect to the network, or point npm at a registry you can reach (npm config set registry URL).`,
};

/** Runs every probe at once; `ok` only if all passed, `lines` what to print either way. */
export async function preflight(probes: Probes, settings: Settings): Promise<{ ok: boolean; lines: string[] }> {
  const [chromium, bubblewrap, registry] = await Promise.all([
    probes.chromium(settings.chromiumPath),
    probes.bubblewrap(),
    probes.registry(),
  ]);
  const lines: string[] = [];
  if (!chromium.ok) lines.push(missing.chromium(settings.chromiumPath, chromium.reason));
  if (!bubblewrap.ok) lines.push(missing.bubblewrap(bubblewrap.reason));
  if (!registry.ok) lines.push(missing.registry(registry.registry, registry.reason));
  if (lines.length > 0) return { ok: false, lines };
  const version = chromium.ok && chromium.detail ? ` (${chromium.detail})` : '';
  return {
    ok: true,
    lines: [`Preflight: Chromium${version}, bubblewrap and the npm registry at ${registry.registry} are ready.`],
  };
}
