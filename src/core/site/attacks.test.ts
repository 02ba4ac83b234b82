import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CATEGORIES, type Category, type SignalId } from '../../schemas/taxonomy.ts';
import { analyseCatalogue } from '../analyse.ts';
import { readAttackFiles } from '../../build/attack-files.ts';
import { attacksFor, exposure, type Exposable } from './attacks.ts';
import { catalogueDir, loadCatalogue } from '../../build/catalogue-files.ts';

// The real articles: what a tool page links is decided by their frontmatter and these rules together.
const ARTICLES = readAttackFiles(join(import.meta.dirname, '../../../content/attacks')).map(({ slug, data }) => ({
  slug,
  data,
}));

/** A classification made by hand: only what the matching reads. */
function classified(category: Category, ...signals: SignalId[]): Exposable {
  return { classification: { category, signals: signals.map((id) => ({ id, evidence: [`hand-made ${id}`] })) } };
}

const linked = (tool: Exposable) => attacksFor(tool, ARTICLES).map((a) => a.slug);

describe('the attack patterns a tool page links', () => {
  test.each<[string, Exposable, string[]]>([
    ['a plain read tool', classified('read'), ['rug-pull', 'prompt-injection-via-tool-output']],
    ['a write tool (changes state)', classified('write'), ['excessive-agency', 'rug-pull']],
    ['an execute tool', classified('execute', 'code'), ['command-injection', 'excessive-agency', 'rug-pull']],
    ['a destructive tool', classified('destructive'), ['excessive-agency', 'rug-pull']],
    ['a financial tool', classified('financial', 'money'), ['financial-abuse', 'excessive-agency', 'rug-pull']],
    [
      'a read tool taking a URL',
      classified('read', 'url'),
      ['ssrf-via-url-parameters', 'data-exfiltration', 'toxic-flow'],
    ],
    ['a read tool taking a path', classified('read', 'path'), ['path-traversal']],
    ['a write tool sending to recipients', classified('write', 'recipient'), ['data-exfiltration', 'tool-shadowing']],
    ['a tool with poisoning markers', classified('read', 'poisoning'), ['tool-poisoning']],
    ['a tool that costs money per call', classified('write', 'cost'), ['denial-of-wallet']],
    ['a read tool that costs money per call', classified('read', 'cost'), ['denial-of-wallet', 'rug-pull']],
    ['a read tool of financial data', classified('read', 'financial-data'), ['data-exfiltration', 'rug-pull']],
  ])('%s links at least two, among them those that fit it', (_, tool, expected) => {
    const slugs = linked(tool);
    expect(slugs.length).toBeGreaterThanOrEqual(2);
    for (const slug of expected) expect(slugs).toContain(slug);
  });

  test('a match on a signal comes before the articles about every tool of the category', () => {
    const slugs = linked(classified('write', 'cost'));
    expect(slugs.indexOf('denial-of-wallet')).toBeLessThan(slugs.indexOf('excessive-agency'));
    expect(slugs.indexOf('denial-of-wallet')).toBeLessThan(slugs.indexOf('rug-pull'));
  });

  test.each<[string, Exposable, string]>([
    ['path traversal to a tool without a path', classified('destructive'), 'path-traversal'],
    ['SSRF to a tool without a URL', classified('write'), 'ssrf-via-url-parameters'],
    ['command injection to a write tool', classified('write', 'url'), 'command-injection'],
    ['financial abuse to a read tool', classified('read', 'financial-data'), 'financial-abuse'],
    ['excessive agency to a read tool', classified('read'), 'excessive-agency'],
    ['runaway cost to a tool that states no price', classified('financial', 'money'), 'denial-of-wallet'],
  ])('does not link %s', (_, tool, slug) => {
    const article = ARTICLES.find((a) => a.slug === slug)!;
    expect(exposure(article.data, tool)).toBe(0);
    expect(linked(tool)).not.toContain(slug);
  });

  test('every tool of the bundled catalogue links at least two, the rug pull among them', () => {
    const servers = analyseCatalogue(loadCatalogue(catalogueDir({}, join(import.meta.dirname, '../../..'))));
    const short = servers.flatMap((s) =>
      s.tools
        .map((t) => ({ name: `${s.slug}/${t.tool.name}`, slugs: attacksFor(t, ARTICLES).map((a) => a.slug) }))
        .filter(({ slugs }) => slugs.length < 2 || !slugs.includes('rug-pull'))
        .map(({ name }) => name),
    );
    expect(short).toEqual([]);
  });

  test('every category is covered by at least two articles on its own', () => {
    for (const category of CATEGORIES) expect(linked(classified(category)).length).toBeGreaterThanOrEqual(2);
  });
});
