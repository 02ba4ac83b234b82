/**
 * The policy builder in the page (issue #16): the controls, drawn from the JSON the server page
 * carries, around the pure logic of src/core/policy/builder.ts. Every catalogue string goes in
 * as text. A change regenerates the policy once per frame, however many events it took.
 */
import {
  builderText,
  checkInterceptByTool,
  checkPolicyLayer,
  choiceOf,
  decodeState,
  denyDestructive,
  encodeState,
  hidePoisoned,
  initialState,
  parseLimit,
  parseMaximum,
  parsePattern,
  parseServerName,
  presets,
  reasonPreset,
  recommendedChoice,
  setChoice,
  startingCustom,
  type BuilderData,
  type BuilderState,
  type BuilderTool,
  type ChoiceAccess,
  type Custom,
  type Field,
  type InterceptCache,
  type OutputFormat,
} from '../../core/policy/builder.ts';
import type { Window } from '../../core/policy/decision.ts';
import { CATEGORY_LABELS, RISK_LABELS } from '../../schemas/taxonomy.ts';

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

const ACCESS_LABELS: Record<ChoiceAccess, string> = {
  allow: 'Allow',
  deny: 'Deny',
  hide: 'Hide',
  custom: 'Custom',
};

const WINDOWS: Window[] = ['minute', 'hour', 'day'];

type Child = Node | string;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

const code = (text: string) => el('code', {}, text);

/** A line's own number, from its text alone (FNV-1a). */
function lineHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A policy cut into blocks of a few dozen lines. A cut falls before a line indented by at most
 * four (mostly where a tool starts) whose hash says so: it depends on that line alone, so a tool
 * added, changed or removed changes the blocks around it and the cuts after it stay where they were.
 */
function blocks(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let lines = 0;
  for (let at = 0; at < text.length;) {
    const end = text.indexOf('\n', at);
    const next = end === -1 ? text.length : end + 1;
    const cut = lines >= 400 || (lines >= 8 && !text.startsWith('     ', at) && lineHash(text, at, next) % 8 === 0);
    if (cut) {
      out.push(text.slice(start, at));
      start = at;
      lines = 0;
    }
    lines++;
    at = next;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

export function start(region: HTMLElement): void {
  const root = region.querySelector<HTMLElement>('[data-builder-root]')!;
  const data = JSON.parse(region.querySelector('[data-builder-data]')!.textContent!) as BuilderData;
  const byName = new Map(data.tools.map((t) => [t.name, t]));
  const fromAddress = decodeState(data, location.hash);
  let state: BuilderState = fromAddress.state;
  let format: OutputFormat = 'policylayer';
  /** The last Custom rules of each tool, so Deny and back to Custom keeps what was typed. */
  const lastCustom = new Map<string, Custom>();
  /** Fields whose text is not valid now, by element id: they block copying. */
  const invalid = new Set<string>();
  const interceptCache: InterceptCache = new Map();
  /** The text on screen, and what its format's check says of it. */
  let text = '';
  let problems: string[] = [];

  // Controls.
  const count = (pred: (t: BuilderTool) => boolean) => data.tools.filter(pred).length;
  const destructive = count((t) => t.category === 'destructive');
  const poisoned = count((t) => t.signals.includes('poisoning'));
  const summary = el('p', { role: 'status', 'aria-live': 'polite' });
  const ignored = el('p', { hidden: true });
  const bulk = el(
    'div',
    { class: 'builder-actions', role: 'group', 'aria-label': 'Bulk actions' },
    el(
      'button',
      { type: 'button', 'data-bulk': 'deny', disabled: destructive === 0 },
      `Deny every destructive tool (${destructive})`,
    ),
    el(
      'button',
      { type: 'button', 'data-bulk': 'hide', disabled: poisoned === 0 },
      `Hide every tool with poisoning markers (${poisoned})`,
    ),
    el('button', { type: 'button', 'data-bulk': 'reset' }, 'Reset to the recommendation'),
  );
  const list = el('ul', { class: 'builder-tools', 'aria-label': 'Tools' });
  const rows = new Map<string, { select: HTMLSelectElement; item: HTMLLIElement }>();
  data.tools.forEach((tool, i) => {
    const id = `builder-tool-${i}`;
    const recommended = recommendedChoice(tool).access;
    const select = el(
      'select',
      { id, 'data-tool': tool.name },
      ...(['allow', 'deny', 'hide', 'custom'] as const).map((a) =>
        el('option', { value: a }, a === recommended ? `${ACCESS_LABELS[a]} (recommended)` : ACCESS_LABELS[a]),
      ),
    );
    const item = el(
      'li',
      { class: 'builder-tool' },
      el('label', { for: id }, code(tool.name)),
      el(
        'span',
        { class: 'badges' },
        el('span', { class: `badge c-${tool.category}` }, CATEGORY_LABELS[tool.category]),
        el('span', { class: `badge r-${tool.risk}` }, `${RISK_LABELS[tool.risk]} risk`),
      ),
      select,
    );
    rows.set(tool.name, { select, item });
    list.append(item);
  });

  const nameInput = el('input', {
    type: 'text',
    id: 'builder-claude-name',
    value: state.claudeName,
    'aria-describedby': 'builder-claude-name-problem builder-claude-name-note',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const nameProblem = el('span', { id: 'builder-claude-name-problem', class: 'builder-problem' });
  const radios = FORMATS.map((f, i) =>
    el(
      'label',
      {},
      el('input', { type: 'radio', name: 'builder-format', value: f.key, checked: i === 0 }),
      ` ${f.label} `,
    ),
  );
  const copy = el('button', { type: 'button', 'aria-describedby': 'builder-blocked' }, 'Copy policy');
  const download = el('button', { type: 'button', 'aria-describedby': 'builder-blocked' }, 'Download');
  const copyStatus = el('span', { role: 'status', 'aria-live': 'polite' });
  const checked = el('p', { id: 'builder-blocked' });
  const output = el('code');
  const pre = el('pre', { tabindex: '0', 'aria-labelledby': 'builder-output-h' }, output);
  const outputTitle = el('h3', { id: 'builder-output-h' });

  root.replaceChildren(
    summary,
    ignored,
    bulk,
    list,
    el(
      'div',
      { class: 'builder-output' },
      outputTitle,
      el('fieldset', {}, el('legend', {}, 'Format'), ...radios),
      el(
        'label',
        { class: 'builder-field', for: 'builder-claude-name' },
        'Claude Code server name ',
        nameInput,
        nameProblem,
      ),
      el(
        'p',
        { class: 'muted', id: 'builder-claude-name-note' },
        `The name you registered the server under in Claude Code (claude mcp add <name> …); the catalogue's slug, ${data.slug}, until you change it. Claude Code cannot count calls or check arguments: a tool above low risk that you allow, or give rules, asks you before each call there.`,
      ),
      el('div', { class: 'builder-actions' }, copy, download, copyStatus),
      checked,
      pre,
    ),
  );

  if (fromAddress.ignored.length > 0) {
    ignored.hidden = false;
    ignored.textContent = `The address named what this server's builder cannot apply, left out: ${fromAddress.ignored.join(', ')}.`;
  }

  // Custom fields.

  function fieldProblem(input: HTMLInputElement, field: Field<unknown>): void {
    const problem = document.getElementById(`${input.id}-problem`)!;
    problem.textContent = field.problem ?? '';
    input.setAttribute('aria-invalid', String(field.problem !== undefined));
    if (field.problem) invalid.add(input.id);
    else invalid.delete(input.id);
  }

  function textField(id: string, label: Child[], value: string, mode: string, kind: string): HTMLElement {
    return el(
      'label',
      { class: 'builder-field', for: id },
      ...label,
      ' ',
      el('input', {
        type: 'text',
        id,
        value,
        inputmode: mode,
        autocomplete: 'off',
        spellcheck: 'false',
        'data-field': kind,
        'aria-describedby': `${id}-problem`,
      }),
      el('span', { class: 'builder-problem', id: `${id}-problem` }),
    );
  }

  function customFields(tool: BuilderTool, custom: Custom, index: number): HTMLFieldSetElement {
    const id = (part: string) => `builder-${index}-${part}`;
    const fields: HTMLElement[] = WINDOWS.map((w) =>
      textField(id(`limit-${w}`), [`Calls per ${w}`], custom.limits[w]?.toString() ?? '', 'numeric', `limit:${w}`),
    );
    presets(tool).forEach((check, i) => {
      fields.push(
        el(
          'label',
          { class: 'builder-field' },
          el('input', { type: 'checkbox', 'data-field': `keep:${i}`, checked: custom.keep.includes(i) }),
          ` Keep the check: ${check.message}`,
        ),
      );
    });
    tool.parameters.forEach((p, j) => {
      if (p.enum) {
        const allowed = custom.allowList[p.name];
        const group = id(`enum-${j}`);
        fields.push(
          el(
            'fieldset',
            { 'aria-describedby': `${group}-problem` },
            el('legend', {}, 'Values of ', code(p.name), ' a call may send'),
            ...p.enum.map((v, k) =>
              el(
                'label',
                { class: 'builder-field' },
                el('input', {
                  type: 'checkbox',
                  'data-field': `enum:${p.name}:${k}`,
                  'data-group': group,
                  checked: !allowed || allowed.includes(k),
                }),
                ' ',
                code(JSON.stringify(v)),
              ),
            ),
            el('span', { class: 'builder-problem', id: `${group}-problem` }),
          ),
        );
      } else if (p.type === 'number' || p.type === 'integer') {
        fields.push(
          textField(
            id(`max-${j}`),
            ['Maximum for ', code(p.name)],
            custom.maximum[p.name]?.toString() ?? '',
            'decimal',
            `max:${p.name}`,
          ),
        );
      } else {
        fields.push(
          textField(
            id(`pattern-${j}`),
            ['Pattern ', code(p.name), ' must match (RE2; calls without it are refused)'],
            custom.pattern[p.name] ?? '',
            'text',
            `pattern:${p.name}`,
          ),
        );
      }
    });
    if (tool.reason && !reasonPreset(tool))
      fields.push(
        el(
          'label',
          { class: 'builder-field' },
          el('input', { type: 'checkbox', 'data-field': 'reason', checked: custom.reason }),
          ' Require ',
          code(tool.reason.parameter),
          ' in every call (a reason, for the log)',
        ),
      );
    return el(
      'fieldset',
      { class: 'builder-custom' },
      el('legend', {}, 'Custom rules for ', code(tool.name)),
      ...fields,
    );
  }

  /** Reads a tool's Custom rules back from its fields, marking each field that does not parse. */
  function readCustom(fieldset: HTMLFieldSetElement): Custom {
    const custom: Custom = { limits: {}, keep: [], allowList: {}, maximum: {}, pattern: {}, reason: false };
    const enums = new Map<string, { checked: number[]; total: number; group: string }>();
    for (const input of fieldset.querySelectorAll<HTMLInputElement>('input[data-field]')) {
      const [kind, name = '', index = ''] = input.dataset.field!.split(':');
      switch (kind) {
        case 'limit': {
          const field = parseLimit(input.value);
          fieldProblem(input, field);
          if (field.value !== undefined) custom.limits[name as Window] = field.value;
          break;
        }
        case 'keep':
          if (input.checked) custom.keep.push(Number(name));
          break;
        case 'enum': {
          const entry = enums.get(name) ?? { checked: [], total: 0, group: input.dataset.group! };
          entry.total++;
          if (input.checked) entry.checked.push(Number(index));
          enums.set(name, entry);
          break;
        }
        case 'max': {
          const field = parseMaximum(input.value);
          fieldProblem(input, field);
          if (field.value !== undefined) custom.maximum[name] = field.value;
          break;
        }
        case 'pattern': {
          const field = parsePattern(input.value);
          fieldProblem(input, field);
          if (field.value !== undefined) custom.pattern[name] = field.value;
          break;
        }
        case 'reason':
          custom.reason = input.checked;
          break;
      }
    }
    for (const [name, { checked: values, total, group }] of enums) {
      const problem = document.getElementById(`${group}-problem`)!;
      const none = values.length === 0;
      problem.textContent = none ? 'Tick at least one value, or set the tool to Deny.' : '';
      fieldset.querySelector(`[aria-describedby="${group}-problem"]`)!.setAttribute('aria-invalid', String(none));
      if (none) invalid.add(group);
      else invalid.delete(group);
      // Every value ticked is no list at all.
      if (!none && values.length < total) custom.allowList[name] = values;
    }
    return custom;
  }

  /**
   * Draws a Custom tool's fields, or (`open` false) a button that draws them: a server of 1,000
   * tools, most of them Custom in the recommendation, opens without 1,000 forms.
   */
  function showFields(tool: BuilderTool, open: boolean): void {
    const { select, item } = rows.get(tool.name)!;
    const index = select.id.replace('builder-tool-', '');
    const old = item.querySelector<HTMLFieldSetElement>('.builder-custom');
    for (const input of old?.querySelectorAll<HTMLElement>('[aria-invalid]') ?? []) {
      invalid.delete(input.id);
      invalid.delete(input.getAttribute('aria-describedby')?.replace(/-problem$/, '') ?? '');
    }
    old?.remove();
    item.querySelector('[data-edit]')?.remove();
    const choice = choiceOf(state, tool);
    if (choice.access !== 'custom') return;
    if (open) item.append(customFields(tool, choice.custom, Number(index)));
    else
      item.append(
        el('button', { type: 'button', 'data-edit': '', 'aria-label': `Edit rules of ${tool.name}` }, 'Edit rules'),
      );
  }

  /** Brings the selects and fields in line with the state; `touched` tools get their fields drawn again. */
  function showChoices(touched: ReadonlySet<string>): void {
    for (const tool of data.tools) {
      const { select, item } = rows.get(tool.name)!;
      const access = choiceOf(state, tool).access;
      const drawn = item.querySelector('.builder-custom') !== null;
      const shown = drawn || item.querySelector('[data-edit]') !== null;
      if (select.value === access && shown === (access === 'custom') && !touched.has(tool.name)) continue;
      select.value = access;
      showFields(tool, drawn);
    }
  }

  /** Runs a change to the whole state, then redraws what it touched. */
  function replace(change: () => void): void {
    const touched = new Set(state.choices.keys());
    change();
    for (const name of state.choices.keys()) touched.add(name);
    showChoices(touched);
    schedule();
  }

  // Output.

  let pending = 0;
  function schedule(): void {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      update();
    });
  }

  /**
   * Writes the policy and shows it at once; checks it in the next task, with Copy and Download
   * disabled meanwhile, so the text on screen never waits for the check and is never copied
   * before it (a 1,000-tool policy: the check is a third of a change's work).
   */
  let generation = 0;
  let checking = false;
  function update(): void {
    // Named in the browser's performance timeline, for npm run bench:builder and a profiler.
    const start = performance.now();
    text = builderText(data, state, format);
    const fragment = encodeState(data, state);
    history.replaceState(history.state, '', `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`);
    const changed = state.choices.size;
    summary.textContent =
      changed === 0
        ? `The recommendation, unchanged, for all ${data.tools.length} tools.`
        : `${changed} of ${data.tools.length} tools changed from the recommendation.`;
    outputTitle.textContent = `Your policy: ${FORMATS.find((x) => x.key === format)!.label}`;
    paint(text);
    checking = true;
    render();
    performance.measure('builder: policy written and shown', { start });
    const mine = ++generation;
    setTimeout(() => {
      if (mine !== generation) return;
      const started = performance.now();
      problems =
        format === 'policylayer'
          ? checkPolicyLayer(text).map((p) => `Policy schema: ${p}`)
          : format === 'intercept'
            ? checkInterceptByTool(text, interceptCache).map((p) => `Intercept's validator: ${p}`)
            : [];
      checking = false;
      render();
      performance.measure('builder: policy checked', { start: started });
    });
  }

  /** The buttons and the line that says whether the policy on screen may be copied, and if not why. */
  function render(): void {
    const blocked = [
      ...(invalid.size > 0
        ? [
            `${invalid.size} field${invalid.size === 1 ? ' is' : 's are'} not valid: fix or clear ${invalid.size === 1 ? 'it' : 'them'}.`,
          ]
        : []),
      ...(checking ? [] : problems),
      ...(format === 'claude' && parseServerName(nameInput.value).problem
        ? ['The Claude Code server name is missing.']
        : []),
    ];
    copy.disabled = download.disabled = checking || blocked.length > 0;
    checked.textContent =
      blocked.length > 0
        ? `Cannot be copied yet. ${blocked.join(' ')}`
        : checking
          ? 'Checking…'
          : format === 'claude'
            ? 'Ready to copy: the rules are named for the server name above.'
            : `Checked: it passes ${format === 'policylayer' ? 'the policy schema' : "Intercept's validator checks"}.`;
  }

  /**
   * Writes the text into the output block by block, replacing only the blocks between the
   * unchanged head and tail: Chromium lays out again only those (a 1,000-tool policy is 10,000
   * lines, and laying it all out took most of a change's time).
   */
  let painted: string[] = [];
  function paint(text: string): void {
    const next = blocks(text);
    let head = 0;
    while (head < painted.length && head < next.length && painted[head] === next[head]) head++;
    let tail = 0;
    while (
      tail < painted.length - head &&
      tail < next.length - head &&
      painted[painted.length - 1 - tail] === next[next.length - 1 - tail]
    )
      tail++;
    const nodes = [...output.children];
    for (const node of nodes.slice(head, painted.length - tail)) node.remove();
    const fresh = document.createDocumentFragment();
    fresh.append(...next.slice(head, next.length - tail).map((b) => el('span', {}, b)));
    output.insertBefore(fresh, nodes[painted.length - tail] ?? null);
    painted = next;
  }

  // Events.

  list.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    const select = target.closest('select');
    const tool = byName.get(target.closest('li')?.querySelector('select')?.dataset.tool ?? '');
    if (!tool) return;
    if (select) {
      const access = select.value as ChoiceAccess;
      const before = choiceOf(state, tool);
      if (before.access === 'custom') lastCustom.set(tool.name, before.custom);
      setChoice(
        state,
        tool,
        access === 'custom' ? { access, custom: lastCustom.get(tool.name) ?? startingCustom(tool) } : { access },
      );
      showFields(tool, true);
    } else onField(tool, target);
    schedule();
  });
  list.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.type !== 'text') return;
    const tool = byName.get(target.closest('li')?.querySelector('select')?.dataset.tool ?? '');
    if (tool) onField(tool, target);
    schedule();
  });
  list.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-edit]');
    const tool = button && byName.get(button.closest('li')?.querySelector('select')?.dataset.tool ?? '');
    if (!tool) return;
    showFields(tool, true);
    rows.get(tool.name)!.item.querySelector<HTMLInputElement>('.builder-custom input')?.focus();
  });
  function onField(tool: BuilderTool, target: HTMLElement): void {
    const fieldset = target.closest<HTMLFieldSetElement>('.builder-custom');
    if (fieldset) setChoice(state, tool, { access: 'custom', custom: readCustom(fieldset) });
  }

  bulk.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest('button')?.dataset.bulk;
    if (action === 'deny') replace(() => denyDestructive(data, state));
    else if (action === 'hide') replace(() => hidePoisoned(data, state));
    else if (action === 'reset') replace(() => (state = { ...initialState(data), claudeName: state.claudeName }));
  });

  for (const radio of radios.map((r) => r.querySelector('input')!))
    radio.addEventListener('change', () => {
      format = radio.value as OutputFormat;
      update();
    });

  nameInput.addEventListener('input', () => {
    const field = parseServerName(nameInput.value);
    nameProblem.textContent = field.problem ?? '';
    nameInput.setAttribute('aria-invalid', String(field.problem !== undefined));
    if (field.value !== undefined) state.claudeName = field.value;
    schedule();
  });

  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      copyStatus.textContent = 'Copied';
    } catch {
      copyStatus.textContent = 'Copy failed: select the text and copy it by hand';
    }
    setTimeout(() => (copyStatus.textContent = ''), 4000);
  });
  download.addEventListener('click', () => {
    const f = FORMATS.find((x) => x.key === format)!;
    const url = URL.createObjectURL(new Blob([text], { type: f.type }));
    const link = el('a', { href: url, download: f.file(data.slug) });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });

  // Someone edits the address, or goes back: the builder follows it.
  // (An in-page link, such as "Skip to content", changes the address too: that one leaves the builder be.)
  addEventListener('hashchange', () => {
    if (!location.hash.startsWith('#builder')) return;
    replace(() => (state = decodeState(data, location.hash).state));
    nameInput.value = state.claudeName;
  });

  for (const tool of data.tools) {
    rows.get(tool.name)!.select.value = choiceOf(state, tool).access;
    showFields(tool, state.choices.has(tool.name));
  }
  update();
  region.dataset.ready = '';
  if (location.hash.startsWith('#builder&')) region.scrollIntoView();
}
