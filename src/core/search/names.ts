/**
 * A server as people name it. A registry name (`io.github.stripe/agent-toolkit`,
 * `com.notion/mcp`) is a reverse-DNS namespace, a slash and the server's own name;
 * nobody searches for the namespace's prefix (`io.`, `com.`, `io.github.`), and nearly
 * every server has one, so "github" would otherwise find every server published from a
 * GitHub account. What people say is the title, the part after the owner and the owner
 * (`stripe`, `mongodb-js`). Shared by the records (src/core/search/records.ts) and the
 * browser (src/browser/search-client.ts), which must agree on every form.
 */

export interface RegistryName {
  /** What comes before the owner, never a search word: `io.github`, `com`. */
  prefix: string;
  /** The account or domain that published the server: `stripe`, `mongodb-js`, `notion`. */
  owner: string;
  /** The server's own name, after the slash: `agent-toolkit`, `mcp`. */
  name: string;
}

/** Namespaces in which the label after the top-level domain is a code host, not the owner: `io.github.<owner>`. */
const CODE_HOSTS = new Set(['github', 'gitlab']);

/**
 * The parts of a registry name. The namespace's first label is a top-level domain (`io`,
 * `com`, `dev`); under `io.github` and `io.gitlab` the owner is the account after it. A
 * name that is not a registry name (no slash) is all `name`.
 */
export function registryName(full: string): RegistryName {
  const slash = full.indexOf('/');
  if (slash < 0) return { prefix: '', owner: '', name: full };
  const labels = full.slice(0, slash).split('.');
  const skip = labels.length > 2 && CODE_HOSTS.has(labels[1]!.toLowerCase()) ? 2 : Math.min(1, labels.length - 1);
  return {
    prefix: labels.slice(0, skip).join('.'),
    owner: labels.slice(skip).join('.'),
    name: full.slice(slash + 1),
  };
}

/** Whether a query word is a whole registry name: `io.github.stripe/agent-toolkit`. */
export const isRegistryName = (word: string) => /^[a-z0-9-]+(\.[a-z0-9-]+)+\/[a-z0-9._-]+$/i.test(word);

/** Letters and digits only, lower case: what Pagefind makes of a word with punctuation in it. */
export const squashed = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The one word a server record holds its whole registry name as, so that the name typed
 * whole finds it: owner, name and prefix run together (`stripeagenttoolkitiogithub`). The
 * prefix goes last, because Pagefind matches a query word as the start of a word: "io" or
 * "dev" must not find every server under `io.` or `dev.`, while "stripe" may find Stripe's.
 * The browser turns a query that is a registry name into the same word.
 */
export function registryWord(full: string): string {
  const { prefix, owner, name } = registryName(full);
  return squashed(`${owner}${name}${prefix}`);
}

/** Words in nearly every server's name that name no server: `mcp-server`. */
const GENERIC = new Set(['mcp', 'server']);

/**
 * The words of a server name that say which server: `slack-mcp-server` → slack. Split at
 * punctuation only, since people type a brand whole: `GitHub` is github, not git hub.
 */
export const telling = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !GENERIC.has(w));

/**
 * What people call a server, each as its words: its title, its own name and its owner
 * (`['Stripe', 'agent-toolkit', 'stripe']`), the generic words left out, no repeats.
 */
export function serverNames(full: string, title: string | undefined): string[] {
  const { owner, name } = registryName(full);
  const names = new Map<string, string>();
  for (const text of [title ?? '', name, owner]) {
    const words = telling(text).join(' ');
    if (words && !names.has(words)) names.set(words, text);
  }
  return [...names.values()];
}

/**
 * Whether the query is what people call the server, and nothing more: one of `names`
 * (`serverNames`) in words ("stripe", "desktop commander", "mongodb-js"), or several of
 * them ("microsoft playwright": its owner and its own name), or the whole registry name,
 * given as its `registryWord`.
 */
export function namesServer(query: string, names: readonly string[], word: string): boolean {
  const trimmed = query.trim();
  if (isRegistryName(trimmed)) return registryWord(trimmed) === word;
  const asked = telling(trimmed).join(' ');
  if (!asked) return false;
  const whole = [...new Set(names.map((n) => telling(n).join(' ')))].filter(Boolean);
  return madeOf(` ${asked} `, whole);
}

/**
 * Whether the words of `rest` (space-padded) are some of `names`, each whole and at most once, in any
 * order: "beaconly push notify" is the owner and the own name of `io.github.beaconly/push-notify`
 * titled Beaconly Push, though its title takes "beaconly push" first. A server has three names at most.
 */
function madeOf(rest: string, names: readonly string[]): boolean {
  if (!rest.trim()) return true;
  return names.some(
    (n, i) =>
      rest.includes(` ${n} `) &&
      madeOf(
        rest.replace(` ${n} `, ' '),
        names.filter((_, j) => j !== i),
      ),
  );
}
