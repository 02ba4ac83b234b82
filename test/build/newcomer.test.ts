import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST } from './helpers.ts';

// What a newcomer reads first (issue 15), checked in the dist/ `npm run build` wrote from the bundled sample.
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');
const htmlFiles = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.html') && !f.startsWith('pagefind/'),
);

describe('the words on the pages', () => {
  test('inline code keeps its spaces on the how-recommendations page and in the footer', () => {
    const how = text(read('how-recommendations-are-made/index.html'));
    expect(how).toContain('create a refund moves money');
    expect(how).toContain('add a regex condition');
    expect(text(read('index.html'))).toContain('JSON API · catalogue schema · policy schema');
  });

  test('the how-recommendations page says "an hour", never "a hour"', () => {
    const how = text(read('how-recommendations-are-made/index.html'));
    expect(how).toMatch(/\d+ (calls )?(an|per) hour/);
    expect(how).not.toMatch(/\ba hour\b/);
  });

  test('/servers/ lists the servers by the title it shows, whatever their case', () => {
    const titles = [...read('servers/index.html').matchAll(/<td><a href="\/servers\/[^"]+\/">([^<]*)<\/a>/g)].map(
      (m) => m[1]!,
    );
    expect(titles.length).toBeGreaterThan(10);
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    expect(titles).toEqual([...titles].sort(collator.compare));
  });
});

describe('the bundled sample says it is made up', () => {
  test('on the home page', () => {
    expect(text(read('index.html'))).toContain('most of its servers are made up');
  });

  test('in the footer of every page', () => {
    const without = htmlFiles.filter((f) => !read(f).includes('data-sample-notice'));
    expect(without).toEqual([]);
  });
});

test('no page carries an inline style, which the CSP would block (Shiki colours are classes)', () => {
  const styled = htmlFiles.filter((f) => / style="/.test(read(f)));
  expect(styled).toEqual([]);
});
