import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyseCatalogue, byTitle } from '../../src/core/analyse.ts';
import {
  FULL_SCORE,
  GRADE_KIND_LABELS,
  gradeServer,
  LETTER_FLOORS,
  POINTS,
  reasonsByKind,
  serverGrade,
  type Grade,
} from '../../src/core/site/grade.ts';
import { catalogueDir, loadCatalogue } from '../../src/build/catalogue-files.ts';
import { DIST } from './helpers.ts';

// Reads the dist/ that `npm run build` wrote from the bundled catalogue.
const servers = analyseCatalogue(loadCatalogue(catalogueDir()));
const json = (path: string) => JSON.parse(readFileSync(join(DIST, path), 'utf8'));
const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
/** Page text as a reader sees it: tags dropped, entities and whitespace as the browser reads them. */
const text = (page: string) =>
  page
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the grade in the API', () => {
  const index = json('api/catalogue.json');

  test.each(servers.map((s) => [s.slug, s] as const))(
    '%s: the catalogue item and the server document carry the same grade, {letter, score, reasons}',
    (slug, server) => {
      const item = index.items.find((i: { slug: string }) => i.slug === slug);
      expect(item.grade).toEqual(gradeServer(server));
      expect(json(`api/servers/${slug}.json`).grade).toEqual(item.grade);
    },
  );

  test('a server whose tool hides instructions for the agent is an F, and the reason names the tool', () => {
    const grade: Grade = json('api/servers/weather-maps.json').grade;
    expect(grade.letter).toBe('F');
    expect(grade.reasons[0]).toMatchObject({
      id: 'poisoning',
      text: '2 of 10 tools carry tool-poisoning markers: get_current_conditions, get_air_quality',
      ceiling: 'F',
    });
  });
});

describe('the grade on the pages', () => {
  test.each(servers.map((s) => [s.slug, gradeServer(s)] as const))(
    '/servers/%s/ shows the letter, in words for screen readers, with every reason',
    (slug, grade) => {
      const page = text(html(`servers/${slug}`));
      expect(page).toContain(`Grade ${grade.letter}: ${grade.score} of ${FULL_SCORE} points`);
      for (const reason of grade.reasons) expect(page).toContain(`${reason.text} (−${reason.points}`);
    },
  );

  test.each(servers.map((s) => [s.slug, gradeServer(s)] as const))(
    '/servers/%s/ lists what its tools can do apart from the signs to weigh before trusting it',
    (slug, grade) => {
      const page = text(html(`servers/${slug}`));
      const groups = reasonsByKind(grade);
      for (const kind of ['capability', 'trust'] as const)
        expect(page.includes(GRADE_KIND_LABELS[kind])).toBe(groups.some((g) => g.kind === kind));
      for (const line of groups.flatMap((g) => g.reasons.flatMap((r) => r.evidence ?? [])))
        expect(page).toContain(line.replace(/\s+/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    },
  );

  test('the F of a poisoned server names each tool, the sentence and why it is an instruction', () => {
    const page = text(html('servers/weather-maps'));
    expect(page).toContain(
      'get_current_conditions: an instruction to ignore earlier instructions in description: "Ignore previous instructions and',
    );
    expect(page).toContain('it tells the model to set aside the instructions it was given');
    expect(page).toContain('get_air_quality: U+202E RIGHT-TO-LEFT OVERRIDE in description');
  });

  test('/servers/ gives every server its grade, in words as well as a letter', () => {
    // One row per server after the header row, in the list's order, by title (the bundled catalogue fits on one page).
    const rows = html('servers').split('<tr>').slice(2).map(text);
    expect(rows).toHaveLength(servers.length);
    expect(rows.map((row) => /Grade ([A-F])\b/.exec(row)?.[1])).toEqual(
      [...servers].sort(byTitle).map((s) => serverGrade(s).letter),
    );
  });

  test('"How grades are given" states the figures the code applies', () => {
    const page = text(html('how-recommendations-are-made'));
    expect(page).toContain('How grades are given');
    expect(page).toContain(`A server starts at ${FULL_SCORE} points`);
    expect(page).toContain(`up to ${POINTS.criticalShare} (every tool critical)`);
    expect(page).toContain(`${POINTS.annotationMismatch} per tool, at most ${POINTS.annotationMismatchMax}`);
    expect(page).toContain(LETTER_FLOORS.map((f) => `${f.letter} from ${f.min}`).join(', '));
  });
});
