/**
 * The bubblewrap sandbox every local MCP server runs in during `catalogue scan-all`.
 * Registry servers are third-party programs: treat them as hostile (issue 14).
 *
 * What the sandbox gives the server:
 * - the host's file system read-only (`--ro-bind / /`), with the places secrets live
 *   hidden behind empty tmpfs: every home folder (`/home`, `/root` and the caller's
 *   `$HOME`) and `/run` (where a Docker or D-Bus socket would be);
 * - a private, empty, writable `/tmp`, with its `HOME` at `/tmp/home`;
 * - the folders it needs (its installed package, Node) bound read-only again on top;
 * - no environment but `HOME`, `PATH` and what the registry entry declares (`--clearenv`);
 * - its own PID, IPC, UTS, user and cgroup namespaces, and no network unless asked
 *   (`--unshare-all`, `--share-net` only for runtimes that download at start);
 * - `--die-with-parent` and `--new-session`: when the scan ends or its deadline passes,
 *   the SDK kills bwrap, and the kernel then kills every process of the sandbox's PID
 *   namespace, however the server forked or detached them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname } from 'node:path';

/** Where the sandboxed server's HOME is: inside its private /tmp. */
export const SANDBOX_HOME = '/tmp/home';

export interface SandboxSpec {
  /** Share the host's network (uvx downloads at start); off by default. */
  network?: boolean;
  /** Host folders the server needs, bound read-only even where a tmpfs hides their parent. */
  readOnly?: string[];
  /** The whole environment inside, besides HOME and PATH. */
  env?: Record<string, string>;
}

/** Whether bwrap is installed and can make its namespaces here (some containers forbid user namespaces). */
export function sandboxWorks(): { ok: true } | { ok: false; reason: string } {
  const run = spawnSync('bwrap', ['--ro-bind', '/', '/', '--unshare-all', '--die-with-parent', '--', 'true'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (run.error) return { ok: false, reason: `bwrap cannot be started (${run.error.message})` };
  if (run.status !== 0) return { ok: false, reason: `bwrap fails here: ${run.stderr.trim() || `exit ${run.status}`}` };
  return { ok: true };
}

/** The folder of the Node binary running this CLI, which sandboxed npm servers run on too. */
export function nodeBinDir(): string {
  return dirname(realpathSync(process.execPath));
}

/** PATH inside the sandbox: this CLI's Node first, then the system's. */
export function sandboxPath(): string {
  return [nodeBinDir(), '/usr/local/bin', '/usr/bin', '/bin'].join(':');
}

/** The bwrap command line that runs `command args…` in the sandbox. */
export function sandboxed(
  command: string,
  args: string[],
  spec: SandboxSpec = {},
): { command: string; args: string[] } {
  const hidden = ['/home', '/root', homedir(), '/run'].filter((p, i, all) => existsSync(p) && all.indexOf(p) === i);
  const out = ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp'];
  for (const path of hidden) out.push('--tmpfs', path);
  // Node lives under node_modules of the project, which may be under a hidden home.
  for (const path of [dirname(nodeBinDir()), ...(spec.readOnly ?? [])]) out.push('--ro-bind', path, path);
  out.push('--dir', SANDBOX_HOME, '--chdir', SANDBOX_HOME);
  out.push('--unshare-all', ...(spec.network ? ['--share-net'] : []), '--die-with-parent', '--new-session');
  out.push('--clearenv', '--setenv', 'HOME', SANDBOX_HOME, '--setenv', 'PATH', sandboxPath());
  for (const [name, value] of Object.entries(spec.env ?? {})) out.push('--setenv', name, value);
  return { command: 'bwrap', args: [...out, '--', command, ...args] };
}
