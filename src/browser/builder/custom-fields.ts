/**
 * The Custom fields of a tool: rate limits, the recommendation's checks to keep, conditions from the
 * tool's own schema and its reason parameter; drawn from its Custom rules and read back into them.
 */
import {
  parseLimit,
  parseMaximum,
  parsePattern,
  presets,
  reasonPreset,
  type BuilderParameter,
  type BuilderTool,
  type Custom,
  type Field,
  type Scalar,
} from '../../core/policy/builder.ts';
import type { Window } from '../../core/policy/decision.ts';
import { code, el, type Child } from './dom.ts';

const WINDOWS: Window[] = ['minute', 'hour', 'day'];

/** Shows a field's problem beside it, and counts the field among the `invalid` ones while it has one. */
function fieldProblem(input: HTMLInputElement, field: Field<unknown>, invalid: Set<string>): void {
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

/** The values of an enum parameter a call may send, each a checkbox; all ticked when the rules list none. */
function enumField(p: BuilderParameter, values: Scalar[], group: string, custom: Custom): HTMLElement {
  const allowed = custom.allowList[p.name];
  return el(
    'fieldset',
    { 'aria-describedby': `${group}-problem` },
    el('legend', {}, 'Values of ', code(p.name), ' a call may send'),
    ...values.map((v, k) =>
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
  );
}

/** The condition the `j`th parameter's schema offers: the values of an enum, a maximum for a number, or a pattern. */
function parameterField(p: BuilderParameter, j: number, id: (part: string) => string, custom: Custom): HTMLElement {
  if (p.enum) return enumField(p, p.enum, id(`enum-${j}`), custom);
  if (p.type === 'number' || p.type === 'integer')
    return textField(
      id(`max-${j}`),
      ['Maximum for ', code(p.name)],
      custom.maximum[p.name]?.toString() ?? '',
      'decimal',
      `max:${p.name}`,
    );
  return textField(
    id(`pattern-${j}`),
    ['Pattern ', code(p.name), ' must match (RE2; calls without it are refused)'],
    custom.pattern[p.name] ?? '',
    'text',
    `pattern:${p.name}`,
  );
}

/** A checkbox per check of the recommendation's for this tool: ticked, the check stays. */
function keepFields(tool: BuilderTool, custom: Custom): HTMLElement[] {
  return presets(tool).map((check, i) =>
    el(
      'label',
      { class: 'builder-field' },
      el('input', { type: 'checkbox', 'data-field': `keep:${i}`, checked: custom.keep.includes(i) }),
      ` Keep the check: ${check.message}`,
    ),
  );
}

/** Where the tool has a reason parameter the recommendation does not already require: require it. */
function reasonFields(tool: BuilderTool, custom: Custom): HTMLElement[] {
  if (!tool.reason || reasonPreset(tool)) return [];
  return [
    el(
      'label',
      { class: 'builder-field' },
      el('input', { type: 'checkbox', 'data-field': 'reason', checked: custom.reason }),
      ' Require ',
      code(tool.reason.parameter),
      ' in every call (a reason, for the log)',
    ),
  ];
}

/** The fields of a tool set to Custom, the `index`th of the server, filled in from its rules. */
export function customFields(tool: BuilderTool, custom: Custom, index: number): HTMLFieldSetElement {
  const id = (part: string) => `builder-${index}-${part}`;
  const limits = WINDOWS.map((w) =>
    textField(id(`limit-${w}`), [`Calls per ${w}`], custom.limits[w]?.toString() ?? '', 'numeric', `limit:${w}`),
  );
  return el(
    'fieldset',
    { class: 'builder-custom' },
    el('legend', {}, 'Custom rules for ', code(tool.name)),
    ...limits,
    ...keepFields(tool, custom),
    ...tool.parameters.map((p, j) => parameterField(p, j, id, custom)),
    ...reasonFields(tool, custom),
  );
}

/** Reads a tool's Custom rules back from its fields, marking each field that does not parse. */
export function readCustom(fieldset: HTMLFieldSetElement, invalid: Set<string>): Custom {
  const custom: Custom = { limits: {}, keep: [], allowList: {}, maximum: {}, pattern: {}, reason: false };
  const enums = new Map<string, EnumTicks>();
  for (const input of fieldset.querySelectorAll<HTMLInputElement>('input[data-field]')) {
    const [kind, name = '', index = ''] = input.dataset.field!.split(':');
    switch (kind) {
      case 'limit': {
        const field = parseLimit(input.value);
        fieldProblem(input, field, invalid);
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
        fieldProblem(input, field, invalid);
        if (field.value !== undefined) custom.maximum[name] = field.value;
        break;
      }
      case 'pattern': {
        const field = parsePattern(input.value);
        fieldProblem(input, field, invalid);
        if (field.value !== undefined) custom.pattern[name] = field.value;
        break;
      }
      case 'reason':
        custom.reason = input.checked;
        break;
    }
  }
  readEnums(fieldset, enums, custom, invalid);
  return custom;
}

/** The boxes ticked of one enum parameter, of how many, and the id of their group. */
interface EnumTicks {
  checked: number[];
  total: number;
  group: string;
}

/** Puts each enum parameter's ticked values in `custom`; a parameter with none ticked is a problem. */
function readEnums(
  fieldset: HTMLFieldSetElement,
  enums: ReadonlyMap<string, EnumTicks>,
  custom: Custom,
  invalid: Set<string>,
): void {
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
}
