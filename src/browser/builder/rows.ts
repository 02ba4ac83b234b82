/**
 * A row per tool, each with its select of Allow, Deny, Hide or Custom and, for Custom, its fields;
 * and the bulk actions over every row.
 */
import {
  choiceOf,
  denyDestructive,
  hidePoisoned,
  initialState,
  recommendedChoice,
  setChoice,
  startingCustom,
  type BuilderData,
  type BuilderTool,
  type ChoiceAccess,
} from '../../core/policy/builder.ts';
import { CATEGORY_LABELS, RISK_LABELS } from '../../schemas/taxonomy.ts';
import { customFields, readCustom } from './custom-fields.ts';
import { code, el } from './dom.ts';
import type { Builder } from './state.ts';

const ACCESS_LABELS: Record<ChoiceAccess, string> = {
  allow: 'Allow',
  deny: 'Deny',
  hide: 'Hide',
  custom: 'Custom',
};

/** A tool's row, and the select of its access. */
interface Row {
  readonly select: HTMLSelectElement;
  readonly item: HTMLLIElement;
}

/** The list of tools, and each tool's row in it. */
export interface Rows {
  readonly list: HTMLUListElement;
  readonly byTool: ReadonlyMap<string, Row>;
}

/** The `i`th tool's row: its name, badges and select, the recommended access marked. */
function toolRow(tool: BuilderTool, i: number): Row {
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
  return { select, item };
}

/** The rows, their selects not yet set (`showAll`). */
export function drawRows(data: BuilderData): Rows {
  const list = el('ul', { class: 'builder-tools', 'aria-label': 'Tools' });
  const byTool = new Map<string, Row>();
  data.tools.forEach((tool, i) => {
    const row = toolRow(tool, i);
    byTool.set(tool.name, row);
    list.append(row.item);
  });
  return { list, byTool };
}

/**
 * Draws a Custom tool's fields, or (`open` false) a button that draws them: a server of 1,000
 * tools, most of them Custom in the recommendation, opens without 1,000 forms.
 */
function showFields(builder: Builder, rows: Rows, tool: BuilderTool, open: boolean): void {
  const { select, item } = rows.byTool.get(tool.name)!;
  const index = select.id.replace('builder-tool-', '');
  const old = item.querySelector<HTMLFieldSetElement>('.builder-custom');
  for (const input of old?.querySelectorAll<HTMLElement>('[aria-invalid]') ?? []) {
    builder.invalid.delete(input.id);
    builder.invalid.delete(input.getAttribute('aria-describedby')?.replace(/-problem$/, '') ?? '');
  }
  old?.remove();
  item.querySelector('[data-edit]')?.remove();
  const choice = choiceOf(builder.state, tool);
  if (choice.access !== 'custom') return;
  if (open) item.append(customFields(tool, choice.custom, Number(index)));
  else
    item.append(
      el('button', { type: 'button', 'data-edit': '', 'aria-label': `Edit rules of ${tool.name}` }, 'Edit rules'),
    );
}

/** Sets every select from the state, with the fields drawn only of the tools the state changed. */
export function showAll(builder: Builder, rows: Rows): void {
  for (const tool of builder.data.tools) {
    rows.byTool.get(tool.name)!.select.value = choiceOf(builder.state, tool).access;
    showFields(builder, rows, tool, builder.state.choices.has(tool.name));
  }
}

/** Brings the selects and fields in line with the state; `touched` tools get their fields drawn again. */
function showChoices(builder: Builder, rows: Rows, touched: ReadonlySet<string>): void {
  for (const tool of builder.data.tools) {
    const { select, item } = rows.byTool.get(tool.name)!;
    const access = choiceOf(builder.state, tool).access;
    const drawn = item.querySelector('.builder-custom') !== null;
    const shown = drawn || item.querySelector('[data-edit]') !== null;
    if (select.value === access && shown === (access === 'custom') && !touched.has(tool.name)) continue;
    select.value = access;
    showFields(builder, rows, tool, drawn);
  }
}

/** Runs a change to the whole state, then redraws what it touched and asks for the policy again. */
export function replaceState(builder: Builder, rows: Rows, change: () => void, schedule: () => void): void {
  const touched = new Set(builder.state.choices.keys());
  change();
  for (const name of builder.state.choices.keys()) touched.add(name);
  showChoices(builder, rows, touched);
  schedule();
}

/** The tool of the row an element is in. */
function toolOf(builder: Builder, target: Element): BuilderTool | undefined {
  return builder.byName.get(target.closest('li')?.querySelector('select')?.dataset.tool ?? '');
}

/** A select changed: the tool takes that access, Custom with the rules it had last or its starting rules. */
function onSelect(builder: Builder, rows: Rows, tool: BuilderTool, select: HTMLSelectElement): void {
  const access = select.value as ChoiceAccess;
  const before = choiceOf(builder.state, tool);
  if (before.access === 'custom') builder.lastCustom.set(tool.name, before.custom);
  setChoice(
    builder.state,
    tool,
    access === 'custom' ? { access, custom: builder.lastCustom.get(tool.name) ?? startingCustom(tool) } : { access },
  );
  showFields(builder, rows, tool, true);
}

/** A Custom field changed: the tool's rules are read again from all its fields. */
function onField(builder: Builder, tool: BuilderTool, target: HTMLElement): void {
  const fieldset = target.closest<HTMLFieldSetElement>('.builder-custom');
  if (fieldset) setChoice(builder.state, tool, { access: 'custom', custom: readCustom(fieldset, builder.invalid) });
}

/** The rows' events, on the list: a select or a field changed, a text field typed in, "Edit rules" pressed. */
export function listenToRows(builder: Builder, rows: Rows, schedule: () => void): void {
  rows.list.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    const select = target.closest('select');
    const tool = toolOf(builder, target);
    if (!tool) return;
    if (select) onSelect(builder, rows, tool, select);
    else onField(builder, tool, target);
    schedule();
  });
  rows.list.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.type !== 'text') return;
    const tool = toolOf(builder, target);
    if (tool) onField(builder, tool, target);
    schedule();
  });
  rows.list.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-edit]');
    const tool = button && toolOf(builder, button);
    if (!tool) return;
    showFields(builder, rows, tool, true);
    rows.byTool.get(tool.name)!.item.querySelector<HTMLInputElement>('.builder-custom input')?.focus();
  });
}

/** The bulk actions, each counted and disabled when it has nothing to do, listened to. */
export function bulkActions(builder: Builder, rows: Rows, schedule: () => void): HTMLDivElement {
  const { data } = builder;
  const count = (pred: (t: BuilderTool) => boolean) => data.tools.filter(pred).length;
  const destructive = count((t) => t.category === 'destructive');
  const poisoned = count((t) => t.signals.includes('poisoning'));
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
  const replace = (change: () => void) => replaceState(builder, rows, change, schedule);
  const status = el('p', { class: 'muted', role: 'status', 'data-bulk-status': '' });
  bulk.append(status);
  const said = (changed: number, what: string) =>
    (status.textContent =
      changed === 0
        ? `Nothing changed: every ${what} already had that choice.`
        : `${changed} ${changed === 1 ? 'tool' : 'tools'} changed.`);
  bulk.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest('button')?.dataset.bulk;
    if (action === 'deny') replace(() => said(denyDestructive(data, builder.state), 'destructive tool'));
    else if (action === 'hide') replace(() => said(hidePoisoned(data, builder.state), 'tool with poisoning markers'));
    else if (action === 'reset')
      replace(() => (builder.state = { ...initialState(data), claudeName: builder.state.claudeName }));
  });
  return bulk;
}
