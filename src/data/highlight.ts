/**
 * Shiki at build time, for the policy snippets. One highlighter for the whole
 * build, the JavaScript regex engine (no WebAssembly to load), two themes that
 * follow the system setting.
 *
 * Two things keep 50,000 tool pages fast and small:
 * - most snippets differ only by the tool's name and server: those are swapped for
 *   placeholders, the snippet highlighted once per shape, and the names put back;
 * - token colours become classes (`sl-005cc5 sd-79b8ff`) instead of inline styles,
 *   with their CSS served once at /code-colors.css.
 */
import { createHighlighterCore, type HighlighterCore, type ShikiTransformer, type ThemeRegistration } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import githubDark from 'shiki/themes/github-dark.mjs';
import githubLight from 'shiki/themes/github-light.mjs';

export type SnippetLanguage = 'json' | 'yaml';

let highlighter: Promise<HighlighterCore> | undefined;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [githubLight, githubDark],
    langs: [import('shiki/langs/json.mjs'), import('shiki/langs/yaml.mjs')],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** Every foreground colour a theme's tokens can have. */
function tokenColours(theme: ThemeRegistration): Set<string> {
  const colours = new Set<string>();
  for (const rule of theme.tokenColors ?? []) {
    const fg = rule.settings?.foreground;
    if (typeof fg === 'string') colours.add(fg.replace('#', '').toLowerCase());
  }
  const fg = theme.colors?.['editor.foreground'];
  if (typeof fg === 'string') colours.add(fg.replace('#', '').toLowerCase());
  return colours;
}

const LIGHT = [...tokenColours(githubLight)].sort();
const DARK = [...tokenColours(githubDark)].sort();

/** One short class per (light, dark) colour pair: `c5b` is LIGHT[5] by day, DARK[11] by night. */
const pairClass = (light: number, dark: number) => `c${light.toString(36)}${dark.toString(36)}`;

/** The CSS behind the colour classes, every pair the two themes can produce: light by default, dark when the system asks. */
export function codeColoursCss(): string {
  const light: string[] = [];
  const dark: string[] = [];
  LIGHT.forEach((l, i) =>
    DARK.forEach((d, j) => {
      light.push(`.${pairClass(i, j)}{color:#${l}}`);
      dark.push(`.${pairClass(i, j)}{color:#${d}}`);
    }),
  );
  return `${light.join('\n')}\n@media (prefers-color-scheme: dark){\n${dark.join('\n')}\n}\n`;
}

/** Also used for the code in the attack articles (astro.config.mjs): no inline styles anywhere, which the CSP forbids. */
export const STYLE_TO_CLASS: ShikiTransformer = {
  name: 'style-to-class',
  preprocess(_code, options) {
    // Shiki stops tokenizing a line after 500 ms of wall time by default and leaves
    // the rest of it uncoloured: on a loaded machine the same build then gives
    // different pages. No limit: every snippet here is short and ours.
    options.tokenizeTimeLimit = 0;
  },
  pre(node) {
    delete node.properties.style;
    node.properties.class = 'shiki code-block';
  },
  span(node) {
    const style = node.properties.style;
    if (typeof style !== 'string') return;
    const light = /(?:^|;)color:#([0-9a-fA-F]{3,8})(?:;|$)/.exec(style)?.[1]?.toLowerCase();
    const dark = /(?:^|;)--shiki-dark:#([0-9a-fA-F]{3,8})(?:;|$)/.exec(style)?.[1]?.toLowerCase();
    const i = light ? LIGHT.indexOf(light) : -1;
    const j = dark ? DARK.indexOf(dark) : -1;
    // A colour outside the themes' token lists (never seen so far) keeps its inline style.
    if (i < 0 || j < 0) return;
    const rest = style
      .split(';')
      .filter((decl) => decl && !decl.startsWith('color:') && !decl.startsWith('--shiki-dark:'))
      .join(';');
    node.properties.class = pairClass(i, j);
    if (rest) node.properties.style = rest;
    else delete node.properties.style;
  },
};

/** Names that read as a plain identifier everywhere (JSON strings, YAML plain scalars). */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n)$/i;
const placeholder = (i: number) => `zqxPlaceholder${i}zqx`;
/** Promises, not strings: pages render a few at a time, and the first to meet a shape highlights it for all. */
const byShape = new Map<string, Promise<string>>();
const MAX_SHAPES = 5000;

async function render(code: string, lang: SnippetLanguage, context?: string): Promise<string> {
  const shiki = await getHighlighter();
  return shiki.codeToHtml(code, {
    lang,
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: 'light',
    transformers: [STYLE_TO_CLASS],
    ...(context ? { grammarContextCode: context } : {}),
  });
}

/**
 * Highlighted HTML for `code`. `names` (a tool name, a server slug) may appear any
 * number of times; snippets that differ only by them share one highlighting.
 */
export async function highlight(
  code: string,
  lang: SnippetLanguage,
  names: string[] = [],
  context?: string,
): Promise<string> {
  const swap = [...new Set(names)].sort((a, b) => b.length - a.length);
  const safe = swap.every((n) => PLAIN_NAME.test(n) && !YAML_WORDS.test(n)) && !code.includes('zqxPlaceholder');
  if (!safe || swap.length === 0) return render(code, lang, context);
  let shape = code;
  swap.forEach((name, i) => (shape = shape.split(name).join(placeholder(i))));
  const key = `${lang}\n${context ?? ''}\n\n${shape}`;
  let pending = byShape.get(key);
  if (pending === undefined) {
    pending = render(shape, lang, context);
    // Least recently used out first: a run of rare shapes (one huge server's blocks)
    // must not push out the few shapes most tool pages share.
    if (byShape.size >= MAX_SHAPES) byShape.delete(byShape.keys().next().value!);
  } else byShape.delete(key);
  byShape.set(key, pending);
  let html = await pending;
  for (let i = swap.length - 1; i >= 0; i--) html = html.split(placeholder(i)).join(swap[i]!);
  return html;
}

/** The highlighted lines of a `<pre><code>` block, one string per source line. */
function linesOf(html: string): string[] {
  const start = html.indexOf('<code>') + '<code>'.length;
  return html.slice(start, html.lastIndexOf('</code>')).split('\n');
}

export interface DocumentBlocks {
  /** Where a new block starts: one per tool in a server policy. */
  blockStart: RegExp;
  /**
   * What every block is tokenized after: the shortest text that puts the grammar in
   * the state the real document is in at a block's start. Being the same for every
   * server, it lets blocks of one shape share their highlighting across servers.
   */
  context: string;
  /** The tool name a block is about, read from its first line. */
  nameOf: (firstLine: string) => string | undefined;
  /** Names found in every block (the server slug). */
  names?: string[];
}

/**
 * A whole server policy, highlighted block by block: the lines before the first
 * block are the context every block is tokenized after, and a block of the same
 * shape (the same rules for another tool) is highlighted once for the whole build.
 * The result is identical to highlighting the document in one go (tested).
 */
export async function highlightDocument(code: string, lang: SnippetLanguage, spec: DocumentBlocks): Promise<string> {
  const lines = code.split('\n');
  const first = lines.findIndex((l) => spec.blockStart.test(l));
  if (first <= 0) return highlight(code, lang, spec.names);
  const head = lines.slice(0, first).join('\n');
  const out = linesOf(await highlight(head, lang, spec.names));
  const context = spec.context;
  for (let i = first; i < lines.length;) {
    let end = i + 1;
    while (end < lines.length && !spec.blockStart.test(lines[end]!)) end++;
    const block = lines.slice(i, end).join('\n');
    const name = spec.nameOf(lines[i]!);
    out.push(...linesOf(await highlight(block, lang, [...(spec.names ?? []), ...(name ? [name] : [])], context)));
    i = end;
  }
  return `<pre class="shiki code-block" tabindex="0"><code>${out.join('\n')}</code></pre>`;
}

/** How to split each format of a server policy into one block per tool (see `highlightDocument`). */
export function serverPolicyBlocks(format: 'policylayer' | 'intercept' | 'claude', serverSlug: string): DocumentBlocks {
  const unquote = (text: string) => {
    try {
      return text.startsWith('"') ? (JSON.parse(text) as string) : text;
    } catch {
      return undefined;
    }
  };
  switch (format) {
    case 'policylayer':
      // `    "tool_name": {` — a key of "tools" (the hide list's entries have no colon).
      return {
        blockStart: /^ {4}"(?:[^"\\]|\\.)*": \{/,
        context: '{\n  "tools": {\n',
        nameOf: (l) => unquote(l.trim().replace(/: \{$/, '')),
        names: [serverSlug],
      };
    case 'intercept':
      return {
        blockStart: /^ {2}[^\s-].*:$/,
        context: 'tools:\n',
        nameOf: (l) => unquote(l.trim().replace(/:$/, '')),
        names: [serverSlug],
      };
    case 'claude': {
      const prefix = `mcp__${serverSlug}__`;
      return {
        blockStart: /^ {6}"/,
        context: '{\n  "permissions": {\n    "allow": [\n',
        nameOf: (l) => {
          const rule = unquote(l.trim().replace(/,$/, ''));
          return rule?.startsWith(prefix) ? rule.slice(prefix.length) : undefined;
        },
        names: [serverSlug],
      };
    }
  }
}
