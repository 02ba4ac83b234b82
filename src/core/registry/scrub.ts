/**
 * Takes the scanning machine out of a text before it goes into the public catalogue: its
 * home, caches, temporary folders, the npm log file, the project folder and the sandbox's
 * private paths become neutral placeholders (`<home>`, `<cache>`, `<tmp>`…), and the
 * sandbox's name goes too. Which paths those are is the CLI's to say (src/cli/machine-paths.ts);
 * this only replaces them. Pure.
 */

/** A path of the scanning machine and the placeholder it becomes, e.g. `/root/.cache/mcp-catalogue` → `<cache>`. */
export interface MachinePath {
  path: string;
  as: string;
}

/** Characters that continue a path or a name: a path only matches where none stands before or after it. */
const NAME_CHAR = '[\\w.~%+@-]';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** npm's "A complete log of this run can be found in: …/_logs/<time>-debug-0.log", wherever its logs are. */
const NPM_LOG = /(?:file:\/\/)?\/[^\s'"]*\/_logs\/[^\s'"]*\.log\b/g;

/** Home folders of any user, in case a path names one the list does not (a server's own error text). */
const ANY_HOME = /(?<![\w.~%+@-])\/(?:home|Users)\/[^\s/'"():,;]+|(?<![\w.~%+@-])\/root(?![\w.~%+@-])/g;

/** The sandbox program's name: the catalogue says what failed, not how the scanner confines servers. */
const SANDBOX = /\bbwrap\b/g;

/** Every form a path may take in a message: as given and as a file: URL encodes it. */
function forms(paths: readonly MachinePath[]): MachinePath[] {
  const all: MachinePath[] = [];
  for (const { path, as } of paths) {
    const clean = path.replace(/\/+$/, '');
    if (clean.length < 2) continue;
    all.push({ path: clean, as });
    const encoded = encodeURI(clean);
    if (encoded !== clean) all.push({ path: encoded, as });
  }
  // The longest first: the cache folder inside the home folder is `<cache>`, not `<home>/.cache/…`.
  return all.sort((a, b) => b.path.length - a.path.length);
}

/** `text` with every machine path replaced by its placeholder, npm's log file by `<npm-log>`, and `bwrap` by `<sandbox>`. */
export function scrubMachinePaths(text: string, paths: readonly MachinePath[]): string {
  let out = text.replace(NPM_LOG, '<npm-log>');
  for (const { path, as } of forms(paths)) {
    const pattern = new RegExp(`(?<!${NAME_CHAR})${escape(path)}(?!${NAME_CHAR})`, 'g');
    out = out.replace(pattern, as);
  }
  return out.replace(ANY_HOME, '<home>').replace(SANDBOX, '<sandbox>');
}
