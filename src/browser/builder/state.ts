/**
 * What every part of the builder reads and changes, the address that keeps it, and the once-per-frame
 * regeneration a change asks for.
 */
import {
  decodeState,
  encodeState,
  type BuilderData,
  type BuilderState,
  type BuilderTool,
  type Custom,
  type OutputFormat,
} from '../../core/policy/builder.ts';

export interface Builder {
  /** The server's tools, from the JSON the page carries. */
  readonly data: BuilderData;
  readonly byName: ReadonlyMap<string, BuilderTool>;
  /** The choices and the Claude Code name: replaced whole by Reset and by an address edited by hand. */
  state: BuilderState;
  /** The format on screen, the only one written. */
  format: OutputFormat;
  /** The last Custom rules of each tool, so Deny and back to Custom keeps what was typed. */
  readonly lastCustom: Map<string, Custom>;
  /** Fields whose text is not valid now, by element id: they block copying. */
  readonly invalid: Set<string>;
}

/** The builder in the state the address names; `ignored` is what the address named that this server cannot apply. */
export function openBuilder(data: BuilderData): { builder: Builder; ignored: string[] } {
  const fromAddress = readAddress(data);
  const builder: Builder = {
    data,
    byName: new Map(data.tools.map((t) => [t.name, t])),
    state: fromAddress.state,
    format: 'policylayer',
    lastCustom: new Map(),
    invalid: new Set(),
  };
  return { builder, ignored: fromAddress.ignored };
}

/** The state the address (`#builder&…`) names. */
export function readAddress(data: BuilderData): { state: BuilderState; ignored: string[] } {
  return decodeState(data, location.hash);
}

/**
 * Puts the state in the address, which keeps only what differs from the recommendation, so a link
 * or a reload gives the same policy. It replaces the entry: a change is not a step of Back.
 */
export function writeAddress(builder: Builder): void {
  const fragment = encodeState(builder.data, builder.state);
  history.replaceState(history.state, '', `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`);
}

/** `run` in the next frame, once however many changes asked for it before then. */
export function onceAFrame(run: () => void): () => void {
  let pending = 0;
  return () => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      run();
    });
  };
}
