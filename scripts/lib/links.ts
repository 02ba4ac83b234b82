/**
 * The link checker behind `npm run lint:links`: reads every HTML file of a built
 * site once, and reports each internal link or anchor that leads nowhere.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BrokenLink {
  /** The page the link is on, relative to the site root (`tools/x/y/index.html`). */
  page: string;
  href: string;
  reason: string;
}

const LINK = /<(?:a|link|area)\b[^>]*?\shref="([^"]*)"/gi;
const ID = /\sid="([^"]*)"/gi;

function decode(value: string): string {
  return value.replace(
    /&(amp|quot|lt|gt|#39|#x27);/g,
    (_, e: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'", '#x27': "'" })[e]!,
  );
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.html'))
    .map((p) => join(dir, p));
}

/** The file a site path is served from: `/a/` → `a/index.html`, `/a.json` → `a.json`. */
export function fileFor(dist: string, path: string): string | undefined {
  const clean = decodeURIComponent(path).replace(/^\/+/, '');
  const candidates =
    clean === '' || clean.endsWith('/')
      ? [join(dist, clean, 'index.html')]
      : [join(dist, clean), join(dist, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

export function checkLinks(dist: string): { pages: number; links: number; broken: BrokenLink[] } {
  const files = htmlFiles(dist);
  const ids = new Map<string, Set<string>>();
  const html = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    html.set(file, text);
    ids.set(file, new Set([...text.matchAll(ID)].map((m) => decode(m[1]!))));
  }
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const [file, text] of html) {
    const page = relative(dist, file).split(sep).join('/');
    const base = new URL(`http://site.invalid/${page.replace(/index\.html$/, '')}`);
    for (const m of text.matchAll(LINK)) {
      const href = decode(m[1]!);
      if (/^(https?:|mailto:|tel:)/i.test(href)) continue;
      links++;
      let url: URL;
      try {
        url = new URL(href, base);
      } catch {
        broken.push({ page, href, reason: 'not a valid URL' });
        continue;
      }
      if (url.host !== 'site.invalid') {
        broken.push({ page, href, reason: `unexpected scheme or host (${url.protocol})` });
        continue;
      }
      const target = url.pathname === base.pathname && href.startsWith('#') ? file : fileFor(dist, url.pathname);
      if (!target) {
        broken.push({ page, href, reason: 'no such page' });
        continue;
      }
      const anchor = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      if (anchor && target.endsWith('.html') && !ids.get(target)?.has(anchor))
        broken.push({ page, href, reason: `no element with id "${anchor}"` });
    }
  }
  return { pages: files.length, links, broken };
}
