import { describe, expect, test } from 'vitest';
import { analyseCatalogue, serverPolicyTexts, toolPolicyTexts } from '../core/analyse.ts';
import { catalogueDir, loadCatalogue } from '../build/catalogue-files.ts';
import { codeColoursCss, highlight, highlightDocument, serverPolicyBlocks, STYLE_TO_CLASS } from './highlight.ts';

const servers = analyseCatalogue(loadCatalogue(catalogueDir()));

describe('highlighting a server policy block by block', () => {
  test.each(servers.map((s) => [s.slug, s] as const))(
    '%s: gives exactly the HTML of highlighting it whole',
    async (_, server) => {
      const texts = serverPolicyTexts(server);
      for (const [format, code, lang] of [
        ['policylayer', texts.policyJson, 'json'],
        ['intercept', texts.interceptYaml, 'yaml'],
        ['claude', texts.claudeJson, 'json'],
      ] as const) {
        expect(await highlightDocument(code, lang, serverPolicyBlocks(format, server.slug)), format).toBe(
          await highlight(code, lang),
        );
      }
    },
  );
});

test('a tool policy highlighted through a shared shape is the same as highlighted alone', async () => {
  for (const server of servers) {
    for (const tool of server.tools) {
      const texts = toolPolicyTexts(server, tool);
      for (const [code, lang] of [
        [texts.policyJson, 'json'],
        [texts.interceptYaml, 'yaml'],
        [texts.claudeJson, 'json'],
      ] as const) {
        expect(await highlight(code, lang, [tool.tool.name, server.slug])).toBe(await highlight(code, lang));
      }
    }
  }
  // Every format of every sample tool, twice: about 3 s alone, more on a busy machine.
}, 30_000);

test('token colours are classes, with their CSS for both themes', async () => {
  const html = await highlight('{"a": 1}', 'json');
  expect(html).not.toContain('style=');
  const classes = html.match(/class="c[0-9a-z]{2}"/g) ?? [];
  expect(classes.length).toBeGreaterThan(3);
  for (const cls of classes) expect(codeColoursCss()).toContain(`.${cls.slice(7, -1)}{`);
});

test('highlighting has no time limit, so a loaded machine colours every line the same', () => {
  // Shiki's default leaves the rest of a line uncoloured after 500 ms of wall time.
  const options = { lang: 'json', theme: 'github-light', tokenizeTimeLimit: 500 };
  STYLE_TO_CLASS.preprocess?.call({} as never, '{}', options as never);
  expect(options.tokenizeTimeLimit).toBe(0);
});
