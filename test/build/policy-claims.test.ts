/**
 * No page promises an approval that PolicyLayer JSON or Intercept YAML does not give (issue #12):
 * neither has an approval state, and only Claude Code's `ask` puts a person in the loop. Reads
 * every built page's text, its FAQPage JSON-LD included, sentence by sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
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

  test('every destructive or financial tool page says PolicyLayer and Intercept refuse it and Claude Code asks', () => {
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
        expect(text, tool.name).toContain(`Claude Code asks you before every call to ${tool.name} (ask)`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
