/**
 * The policy builder in the page (issue #16): the controls, drawn from the JSON the server page
 * carries, around the pure logic of src/core/policy/builder.ts. Every catalogue string goes in
 * as text. A change regenerates the policy once per frame, however many events it took.
 *
 * This module wires the parts: the state and its address (state.ts), the rows of tools and the bulk
 * actions (rows.ts, with each tool's Custom fields in custom-fields.ts), and the policy on screen
 * with its check, Copy and Download (output.ts, written block by block by blocks.ts).
 */
import type { BuilderData } from '../../core/policy/builder.ts';
import { el } from './dom.ts';
import { drawOutput, listenToOutput, update } from './output.ts';
import { bulkActions, drawRows, listenToRows, replaceState, showAll } from './rows.ts';
import { onceAFrame, openBuilder, readAddress } from './state.ts';

/** The line that says what in the address this server's builder could not apply, hidden when nothing. */
function ignoredNote(ignored: string[]): HTMLParagraphElement {
  const note = el('p', { hidden: true });
  if (ignored.length > 0) {
    note.hidden = false;
    note.textContent = `The address named what this server's builder cannot apply, left out: ${ignored.join(', ')}.`;
  }
  return note;
}

export function start(region: HTMLElement): void {
  const root = region.querySelector<HTMLElement>('[data-builder-root]')!;
  const data = JSON.parse(region.querySelector('[data-builder-data]')!.textContent!) as BuilderData;
  const { builder, ignored } = openBuilder(data);
  const rows = drawRows(data);
  const output = drawOutput(builder);
  const schedule = onceAFrame(() => update(builder, output));

  root.replaceChildren(
    output.summary,
    ignoredNote(ignored),
    bulkActions(builder, rows, schedule),
    rows.list,
    output.panel,
  );
  listenToRows(builder, rows, schedule);
  listenToOutput(builder, output, schedule);

  // Someone edits the address, or goes back: the builder follows it.
  // (An in-page link, such as "Skip to content", changes the address too: that one leaves the builder be.)
  addEventListener('hashchange', () => {
    if (!location.hash.startsWith('#builder')) return;
    replaceState(builder, rows, () => (builder.state = readAddress(data).state), schedule);
    output.nameInput.value = builder.state.claudeName;
  });

  showAll(builder, rows);
  update(builder, output);
  region.dataset.ready = '';
  if (location.hash.startsWith('#builder&')) region.scrollIntoView();
}
