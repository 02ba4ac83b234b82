/**
 * Local npm packages in the scanner's cache, put there as `npm install` would put them: packed
 * with `npm pack`, installed from the tarball (scripts off) into `<cache>/npm/<name@version>`,
 * and marked installed, so scan-all runs them without asking the npm registry.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { INSTALLED_MARK, npmCacheFolder } from '../../src/cli/npm-install.ts';
import { ROOT } from './run-cli.ts';

const run = promisify(execFile);

/** The package in `source` (a folder with its package.json), installed in `cache` as `spec` (`name@version`). */
export async function installLocalPackage(cache: string, spec: string, source: string): Promise<void> {
  const folder = npmCacheFolder(cache, spec);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const packed = mkdtempSync(join(tmpdir(), 'packed-'));
  try {
    const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', packed, source]);
    writeFileSync(join(folder, 'package.json'), '{"private":true}\n');
    const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'];
    await run('npm', [...args, join(packed, stdout.trim())], { cwd: folder });
    writeFileSync(join(folder, INSTALLED_MARK), 'test\n');
  } finally {
    rmSync(packed, { recursive: true, force: true });
  }
}

const SERVER = join(ROOT, 'test/cli/test-mcp-server/server.mjs');

/**
 * test-mcp-server/server.mjs as the package `spec` (`@scope/name@1.0.0`, or `name@latest` for an
 * entry without a version), its behaviour in a mode.json beside it.
 */
export async function installTestServerAs(cache: string, spec: string, mode: Record<string, unknown>): Promise<void> {
  const at = spec.lastIndexOf('@');
  const [name, version] = [spec.slice(0, at), spec.slice(at + 1)];
  const source = mkdtempSync(join(tmpdir(), 'fixture-package-'));
  try {
    const manifest = {
      name,
      version: version === 'latest' ? '1.0.0' : version,
      description: `test-mcp-server as ${name}, for the registry-shaped scan-all tests`,
      bin: { [name.replace(/^@[^/]+\//, '')]: 'server.mjs' },
      license: 'Apache-2.0',
    };
    writeFileSync(join(source, 'package.json'), JSON.stringify(manifest));
    cpSync(SERVER, join(source, 'server.mjs'));
    writeFileSync(join(source, 'mode.json'), JSON.stringify(mode));
    await installLocalPackage(cache, spec, source);
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
}
