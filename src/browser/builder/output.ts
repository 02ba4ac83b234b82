/**
 * The policy in the format on screen: the format and the Claude Code server name it is written for,
 * the text, the check that must pass before Copy and Download, and Copy and Download themselves.
 */
import {
  builderText,
  checkInterceptByTool,
  checkPolicyLayer,
  parseServerName,
  type InterceptCache,
  type OutputFormat,
} from '../../core/policy/builder.ts';
import { paint, type Painted } from './blocks.ts';
import { el } from './dom.ts';
import { writeAddress, type Builder } from './state.ts';

const FORMATS: { key: OutputFormat; label: string; file: (slug: string) => string; type: string }[] = [
  { key: 'policylayer', label: 'PolicyLayer JSON', file: (s) => `${s}.policy.json`, type: 'application/json' },
  { key: 'intercept', label: 'Intercept YAML', file: (s) => `${s}.intercept.yaml`, type: 'application/yaml' },
  {
    key: 'claude',
    label: 'Claude Code settings.json',
    file: (s) => `${s}.claude-settings.json`,
    type: 'application/json',
  },
];

/** The output's elements, and the text they show. */
export interface Output {
  /** The line above the tools that says how many differ from the recommendation. */
  readonly summary: HTMLParagraphElement;
  /** Everything below the tools. */
  readonly panel: HTMLDivElement;
  readonly title: HTMLHeadingElement;
  readonly radios: HTMLInputElement[];
  readonly nameInput: HTMLInputElement;
  readonly nameProblem: HTMLSpanElement;
  readonly copy: HTMLButtonElement;
  readonly download: HTMLButtonElement;
  readonly copyStatus: HTMLSpanElement;
  /** The line that says whether the policy on screen may be copied, and if not why. */
  readonly checked: HTMLParagraphElement;
  readonly painted: Painted;
  /** The text on screen, and what its format's check says of it. */
  text: string;
  problems: string[];
  /** The text on screen is not checked yet: Copy and Download wait for it. */
  checking: boolean;
  /** Counts the texts written, so the check of a text already replaced is dropped. */
  generation: number;
  readonly interceptCache: InterceptCache;
}

function formatRadios(): HTMLLabelElement[] {
  return FORMATS.map((f, i) =>
    el(
      'label',
      {},
      el('input', { type: 'radio', name: 'builder-format', value: f.key, checked: i === 0 }),
      ` ${f.label} `,
    ),
  );
}

function nameInput(value: string): HTMLInputElement {
  return el('input', {
    type: 'text',
    id: 'builder-claude-name',
    value,
    'aria-describedby': 'builder-claude-name-problem builder-claude-name-note',
    autocomplete: 'off',
    spellcheck: 'false',
  });
}

/** The output's elements, empty until the first `update`. */
export function drawOutput(builder: Builder): Output {
  const radios = formatRadios();
  const output: Output = {
    summary: el('p', { role: 'status', 'aria-live': 'polite' }),
    panel: el('div', { class: 'builder-output' }),
    title: el('h3', { id: 'builder-output-h' }),
    radios: radios.map((r) => r.querySelector('input')!),
    nameInput: nameInput(builder.state.claudeName),
    nameProblem: el('span', { id: 'builder-claude-name-problem', class: 'builder-problem' }),
    copy: el('button', { type: 'button', 'aria-describedby': 'builder-blocked' }, 'Copy policy'),
    download: el('button', { type: 'button', 'aria-describedby': 'builder-blocked' }, 'Download'),
    copyStatus: el('span', { role: 'status', 'aria-live': 'polite' }),
    checked: el('p', { id: 'builder-blocked' }),
    painted: { element: el('code'), blocks: [] },
    text: '',
    problems: [],
    checking: false,
    generation: 0,
    interceptCache: new Map(),
  };
  output.panel.append(
    output.title,
    el('fieldset', {}, el('legend', {}, 'Format'), ...radios),
    el(
      'label',
      { class: 'builder-field', for: 'builder-claude-name' },
      'Claude Code server name ',
      output.nameInput,
      output.nameProblem,
    ),
    el(
      'p',
      { class: 'muted', id: 'builder-claude-name-note' },
      `The name you registered the server under in Claude Code (claude mcp add <name> …); the catalogue's slug, ${builder.data.slug}, until you change it. Claude Code cannot count calls or check arguments, so in its settings: Allow on a low-risk tool becomes allow; Allow on any other tool, and Custom with any limit or check, become ask (you approve each call); Deny and Hide become deny.`,
    ),
    el('div', { class: 'builder-actions' }, output.copy, output.download, output.copyStatus),
    output.checked,
    el('pre', { tabindex: '0', 'aria-labelledby': 'builder-output-h' }, output.painted.element),
  );
  return output;
}

/**
 * Writes the policy and shows it at once; checks it in the next task, with Copy and Download
 * disabled meanwhile, so the text on screen never waits for the check and is never copied
 * before it (a 1,000-tool policy: the check is a third of a change's work).
 */
export function update(builder: Builder, output: Output): void {
  const { data, state, format } = builder;
  // Named in the browser's performance timeline, for npm run bench:builder and a profiler.
  const start = performance.now();
  output.text = builderText(data, state, format);
  writeAddress(builder);
  const changed = state.choices.size;
  output.summary.textContent =
    changed === 0
      ? `The recommendation, unchanged, for all ${data.tools.length} tools.`
      : `${changed} of ${data.tools.length} tools changed from the recommendation.`;
  output.title.textContent = `Your policy: ${FORMATS.find((x) => x.key === format)!.label}`;
  paint(output.painted, output.text);
  output.checking = true;
  render(builder, output);
  performance.measure('builder: policy written and shown', { start });
  const mine = ++output.generation;
  setTimeout(() => {
    if (mine === output.generation) check(builder, output);
  });
}

/** Checks the text on screen against its format's schema or validator, then says whether it may be copied. */
function check(builder: Builder, output: Output): void {
  const started = performance.now();
  output.problems =
    builder.format === 'policylayer'
      ? checkPolicyLayer(output.text).map((p) => `Policy schema: ${p}`)
      : builder.format === 'intercept'
        ? checkInterceptByTool(output.text, output.interceptCache).map((p) => `Intercept's validator: ${p}`)
        : [];
  output.checking = false;
  render(builder, output);
  performance.measure('builder: policy checked', { start: started });
}

/** The buttons and the line that says whether the policy on screen may be copied, and if not why. */
function render(builder: Builder, output: Output): void {
  const { invalid, format } = builder;
  const { checking } = output;
  const blocked = [
    ...(invalid.size > 0
      ? [
          `${invalid.size} field${invalid.size === 1 ? ' is' : 's are'} not valid: fix or clear ${invalid.size === 1 ? 'it' : 'them'}.`,
        ]
      : []),
    ...(checking ? [] : output.problems),
    ...(format === 'claude' && parseServerName(output.nameInput.value).problem
      ? ['The Claude Code server name is missing.']
      : []),
  ];
  output.copy.disabled = output.download.disabled = checking || blocked.length > 0;
  output.checked.textContent =
    blocked.length > 0
      ? `Cannot be copied yet. ${blocked.join(' ')}`
      : checking
        ? 'Checking…'
        : format === 'claude'
          ? 'Ready to copy: the rules are named for the server name above.'
          : `Checked: it passes ${format === 'policylayer' ? 'the policy schema' : "Intercept's validator checks"}.`;
}

/**
 * The output's own controls: a format chosen is written at once, a server name typed in the next
 * frame (`schedule`), with the other changes of that frame.
 */
export function listenToOutput(builder: Builder, output: Output, schedule: () => void): void {
  for (const radio of output.radios)
    radio.addEventListener('change', () => {
      builder.format = radio.value as OutputFormat;
      update(builder, output);
    });

  output.nameInput.addEventListener('input', () => {
    const field = parseServerName(output.nameInput.value);
    output.nameProblem.textContent = field.problem ?? '';
    output.nameInput.setAttribute('aria-invalid', String(field.problem !== undefined));
    if (field.value !== undefined) builder.state.claudeName = field.value;
    schedule();
  });

  output.copy.addEventListener('click', () => void copyText(output));
  output.download.addEventListener('click', () => downloadText(builder, output));
}

async function copyText(output: Output): Promise<void> {
  try {
    await navigator.clipboard.writeText(output.text);
    output.copyStatus.textContent = 'Copied';
  } catch {
    output.copyStatus.textContent = 'Copy failed: select the text and copy it by hand';
  }
  setTimeout(() => (output.copyStatus.textContent = ''), 4000);
}

/** Downloads the text on screen, named for the server and the format. */
function downloadText(builder: Builder, output: Output): void {
  const f = FORMATS.find((x) => x.key === builder.format)!;
  const url = URL.createObjectURL(new Blob([output.text], { type: f.type }));
  const link = el('a', { href: url, download: f.file(builder.data.slug) });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
