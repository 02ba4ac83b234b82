/**
 * No page promises an approval that PolicyLayer JSON or Intercept YAML does not give (issue #12):
 * neither has an approval state, and only Claude Code's `ask` puts a person in the loop. Reads
 * every built page's text, its FAQPage JSON-LD included, sentence by sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Condition, Policy } from '../../src/schemas/policy.ts';
import { DIST, pagesUnder } from './helpers.ts';

/** Words that promise a person approves a call. */
const PROMISE =
  /\b(human|person|manual)(['’]s)? approv|\b(requires?|needs?|behind|with) (human |manual )?approval|\bapproves? (each|every) call|\bmust approve|\bapproval (step|state) (in|for) (PolicyLayer|Intercept)/i;

/** A sentence may speak of approval only to say a format has none, or of Claude Code's `ask`. */
const ALLOWED = /has no approval step|no approval (step|state)|Claude Code|\bask\b/i;

function pageText(html: string): string {
  const jsonLd = [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const body = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
  return `${body} ${jsonLd.join(' ')}`.replace(/\s+/g, ' ');
}

const pages = pagesUnder(DIST, '');

describe('what the built pages say about approval', () => {
  test('the build has pages to read', () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  test('no sentence on any page promises an approval PolicyLayer or Intercept does not give', () => {
    const offending: string[] = [];
    for (const page of pages) {
      const text = pageText(readFileSync(join(DIST, page), 'utf8'));
      for (const sentence of text.split(/(?<=[.!?])\s+/)) {
        if (PROMISE.test(sentence) && !ALLOWED.test(sentence)) offending.push(`${page}: ${sentence.slice(0, 300)}`);
      }
    }
    expect(offending).toEqual([]);
  });

  test('every destructive or financial tool page says PolicyLayer, Intercept and Claude Code refuse it', () => {
    const api = JSON.parse(readFileSync(join(DIST, 'api/catalogue.json'), 'utf8')) as { items: { slug: string }[] };
    let checked = 0;
    for (const { slug } of api.items) {
      const server = JSON.parse(readFileSync(join(DIST, 'api/servers', `${slug}.json`), 'utf8')) as {
        tools: { name: string; slug: string; category: string; signals: { id: string }[] }[];
      };
      for (const tool of server.tools) {
        if (tool.category !== 'destructive' && tool.category !== 'financial') continue;
        if (tool.signals.some((s) => s.id === 'poisoning')) continue;
        const text = pageText(readFileSync(join(DIST, 'tools', slug, tool.slug, 'index.html'), 'utf8'));
        expect(text, tool.name).toContain(`PolicyLayer keeps ${tool.name} visible and refuses every call to it`);
        expect(text, tool.name).toContain(`Intercept refuses every call to ${tool.name} (a deny rule)`);
        expect(text, tool.name).toContain(`Claude Code refuses every call to ${tool.name} (deny)`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  /** Every tool with a variant, with the parameters the variant's PolicyLayer form checks (from the API). */
  function variants() {
    const api = JSON.parse(readFileSync(join(DIST, 'api/catalogue.json'), 'utf8')) as { items: { slug: string }[] };
    return api.items.flatMap(({ slug }) => {
      const server = JSON.parse(readFileSync(join(DIST, 'api/servers', `${slug}.json`), 'utf8')) as {
        tools: { name: string; slug: string; policyVariant?: Policy }[];
      };
      return server.tools.flatMap((tool) => {
        if (!tool.policyVariant) return [];
        const entry = tool.policyVariant.tools?.[tool.name];
        const checked = new Set((entry?.require ?? []).map((c: Condition) => c.path.slice('args.'.length)));
        return [{ name: tool.name, page: join('tools', slug, tool.slug, 'index.html'), checked }];
      });
    });
  }

  /** The sentence that introduces a tool page's variant, as text. */
  function variantIntro(html: string): string {
    const match = /<h3 id="variant">[\s\S]*?<\/h3>\s*<p>([\s\S]*?)<\/p>/.exec(html);
    return match ? pageText(match[1]!) : '';
  }

  test('a variant intro names every argument its variant checks, and claims no check it lacks', () => {
    const all = variants();
    expect(all.length).toBeGreaterThan(20);
    let withChecks = 0;
    for (const { name, page, checked } of all) {
      const intro = variantIntro(readFileSync(join(DIST, page), 'utf8'));
      expect(intro, name).toContain(`use ${name} anyway`);
      if (checked.size === 0) {
        expect(intro, name).toContain('it checks no argument, so only the call rate is limited');
        expect(intro, name).not.toMatch(/argument checks|a cap on|allow-list|a refusal of/);
      } else {
        withChecks++;
        for (const parameter of checked) expect(intro, `${name}: ${parameter}`).toContain(` ${parameter}`);
        expect(intro, name).not.toContain('checks no argument');
      }
    }
    expect(withChecks).toBeGreaterThan(10);
  });

  test('no page says a variant has argument checks in general words', () => {
    for (const page of pages) {
      const text = pageText(readFileSync(join(DIST, page), 'utf8'));
      expect(text, page).not.toMatch(/within tight limits and argument checks/i);
    }
  });

  test("the how page's worked example is word for word what its tool's page says", () => {
    const how = readFileSync(join(DIST, 'how-recommendations-are-made/index.html'), 'utf8');
    const example =
      /<h3 id="worked-example">[\s\S]*?<a href="([^"]+)">[\s\S]*?<blockquote>([\s\S]*?)<\/blockquote>/.exec(how);
    expect(example, 'the worked example').not.toBeNull();
    const [, href, quoted] = example!;
    const tool = pageText(readFileSync(join(DIST, href!, 'index.html'), 'utf8'));
    const items = [...quoted!.matchAll(/<(p|li)>([\s\S]*?)<\/\1>/g)].map((m) => pageText(m[2]!).trim());
    expect(items.length).toBeGreaterThan(4);
    for (const item of items) expect(tool, item).toContain(item);
  });

  test('every policy block on a tool or server page says how to load each format; a server with an npm package gets its command', () => {
    const api = JSON.parse(readFileSync(join(DIST, 'api/catalogue.json'), 'utf8')) as { items: { slug: string }[] };
    const blocks = [
      ...pagesUnder(DIST, 'tools').filter((p) => p.split('/').length === 4 && !p.startsWith('tools/page/')),
      ...api.items.map(({ slug }) => join('servers', slug, 'index.html')),
    ];
    for (const page of blocks) {
      const html = readFileSync(join(DIST, page), 'utf8');
      const panels = html.match(/<section class="policy-panel"/g)?.length ?? 0;
      expect(panels, page).toBeGreaterThan(0);
      expect(html.match(/<details class="policy-load"/g)?.length, page).toBe(panels);
    }
    let commands = 0;
    for (const { slug } of api.items) {
      const { server } = JSON.parse(readFileSync(join(DIST, 'api/servers', `${slug}.json`), 'utf8')) as {
        server: { packages?: { registryType: string; identifier: string; version?: string }[] };
      };
      const npm = server.packages?.[0];
      if (npm?.registryType !== 'npm') continue;
      const html = readFileSync(join(DIST, 'servers', slug, 'index.html'), 'utf8');
      expect(html, slug).toContain(`intercept -c ${slug}.yaml -- npx -y ${npm.identifier}@${npm.version ?? 'latest'}`);
      commands++;
    }
    expect(commands).toBeGreaterThan(10);
  });
});
