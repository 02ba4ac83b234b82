/**
 * The policy on screen, kept as blocks of lines so that a change writes only the blocks it changed
 * (BENCHMARKS.md, "Policy builder").
 */
import { el } from './dom.ts';

/** The element the policy is written into, and the blocks it holds now. */
export interface Painted {
  readonly element: HTMLElement;
  blocks: string[];
}

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
export function blocks(text: string): string[] {
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

/**
 * Writes the text into the output block by block, replacing only the blocks between the
 * unchanged head and tail: Chromium lays out again only those (a 1,000-tool policy is 10,000
 * lines, and laying it all out took most of a change's time).
 */
export function paint(painted: Painted, text: string): void {
  const before = painted.blocks;
  const next = blocks(text);
  let head = 0;
  while (head < before.length && head < next.length && before[head] === next[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < next.length - head &&
    before[before.length - 1 - tail] === next[next.length - 1 - tail]
  )
    tail++;
  const nodes = [...painted.element.children];
  for (const node of nodes.slice(head, before.length - tail)) node.remove();
  const fresh = document.createDocumentFragment();
  fresh.append(...next.slice(head, next.length - tail).map((b) => el('span', {}, b)));
  painted.element.insertBefore(fresh, nodes[before.length - tail] ?? null);
  painted.blocks = next;
}
