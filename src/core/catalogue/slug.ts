import { createHash } from 'node:crypto';

/** A server slug is its file's stem (docs/catalogue-format.md). */
export const SERVER_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export function isServerSlug(stem: string): boolean {
  return SERVER_SLUG_PATTERN.test(stem);
}

/**
 * The URL segment of a tool: its name lower-cased, every character outside
 * `a-z0-9_.-` replaced by `-`. Two tools of one server with the same slug is an
 * error the loader reports, never a page silently overwritten.
 */
export function toolSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_.-]/g, '-');
}

/** How long a slug made from a registry name may be before it is cut (and given its hash). */
const MAX_REGISTRY_SLUG = 80;

/**
 * The readable part of a registry server's slug: its name lower-cased, every run of
 * characters outside `a-z0-9` turned into one `-`, cut at 80 characters.
 * `io.github.Owner/my_server` → `io-github-owner-my-server`.
 */
export function registrySlugBase(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_REGISTRY_SLUG)
    .replace(/-+$/, '');
  return slug || 'server';
}

/**
 * Slugs for new registry names, given the slugs already in use (files on disk keep
 * theirs: a server's address never changes once given). A name keeps its readable base
 * when no file and no other new name claims that base; otherwise it gets the base plus
 * the first 8 hex digits of the sha256 of the exact name (`io-github-a-b-1f3c9e0a`),
 * longer should even that be taken. Every name of a clash is suffixed, so the result
 * does not depend on the order the registry lists them in.
 */
export function assignRegistrySlugs(names: readonly string[], taken: ReadonlySet<string>): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const name of names) {
    const base = registrySlugBase(name);
    const group = byBase.get(base);
    if (group) group.push(name);
    else byBase.set(base, [name]);
  }
  const used = new Set(taken);
  const slugs = new Map<string, string>();
  const clashing: [string, string][] = [];
  for (const [base, group] of byBase) {
    if (group.length === 1 && !used.has(base) && base !== 'page') {
      slugs.set(group[0]!, base);
      used.add(base);
    } else for (const name of group) clashing.push([name, base]);
  }
  for (const [name, base] of clashing.sort(([a], [b]) => (a < b ? -1 : 1))) {
    const hash = createHash('sha256').update(name).digest('hex');
    let slug = `${base}-${hash.slice(0, 8)}`;
    for (let length = 16; used.has(slug) && length <= 64; length += 8) slug = `${base}-${hash.slice(0, length)}`;
    slugs.set(name, slug);
    used.add(slug);
  }
  return slugs;
}
