/**
 * Shiki at build time, for the policy snippets. One highlighter for the whole
 * build, the JavaScript regex engine (no WebAssembly to load), two themes that
 * follow the system setting through CSS variables.
 *
 * At 50,000 tools most snippets differ only by the tool's name: the name is
 * swapped for a placeholder, the snippet highlighted once per shape, and the name
 * put back into the HTML. That is only done for names the highlighter would
 * tokenize exactly like the placeholder.
 */
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

export type SnippetLanguage = 'json' | 'yaml';

let highlighter: Promise<HighlighterCore> | undefined;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
    langs: [import('shiki/langs/json.mjs'), import('shiki/langs/yaml.mjs')],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

const PLACEHOLDER = 'zqxToolNamePlaceholderzqx';
/** Names that read as a plain identifier everywhere (JSON strings, YAML plain scalars). */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n)$/i;
const byShape = new Map<string, string>();
const MAX_SHAPES = 5000;

async function render(code: string, lang: SnippetLanguage): Promise<string> {
  const shiki = await getHighlighter();
  return shiki.codeToHtml(code, {
    lang,
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: 'light',
  });
}

/** Highlighted HTML for `code`, in which `name` (a tool name) may appear any number of times. */
export async function highlight(code: string, lang: SnippetLanguage, name?: string): Promise<string> {
  if (!name || !PLAIN_NAME.test(name) || YAML_WORDS.test(name) || code.includes(PLACEHOLDER)) return render(code, lang);
  const shape = `${lang}\n${code.split(name).join(PLACEHOLDER)}`;
  let html = byShape.get(shape);
  if (html === undefined) {
    html = await render(shape.slice(lang.length + 1), lang);
    if (byShape.size < MAX_SHAPES) byShape.set(shape, html);
  }
  return html.split(PLACEHOLDER).join(name);
}
