/**
 * Reading a tool's action (docs/classification.md): from its name (a verb, then the
 * object the verb acts on), else from the description's first action, else from the
 * parameters, else from the annotations. Each source is one reader, tried in order;
 * the first that finds an action gives the reading, with an evidence line.
 */
import { CATEGORIES, type Category } from '../../schemas/taxonomy.ts';
import type { Definition } from './definition.ts';
import { IRREVERSIBLE_PHRASES, NOUN_FIRST_WORDS, UNDOABLE_DESTRUCTIVE, verbCategory } from './lexicon.ts';
import { refine } from './refine.ts';
import { textWords, wordForms } from './words.ts';

export interface Reading {
  category: Category;
  /** The word that names the action, and where it was found. */
  verb?: string;
  /** What the name alone reads as, before the description and parameters had their say. */
  nameCategory?: Category;
  /** The words the action acts on (`invoice` of `create_invoice`). */
  objectWords?: string[];
  source: 'name' | 'description' | 'parameters' | 'annotations' | 'default';
  evidence: string[];
  doubts: string[];
  /** The description says the same as the name, in words of its own: a second cue. */
  confirmed?: boolean;
}

/** An action found in a list of words: where, which word (in its dictionary form), and what it reads as. */
export interface Action {
  index: number;
  word: string;
  category: Category;
}

/** An action found in a description, with the words of the sentence it opens. */
export interface DescribedAction extends Action {
  words: string[];
}

export const severity = (c: Category) => CATEGORIES.indexOf(c);

function lookup(word: string): { word: string; category: Category } | undefined {
  for (const form of wordForms(word)) {
    const category = verbCategory(form);
    if (category) return { word: form, category };
  }
  return undefined;
}

/**
 * The action named by a list of words: the first verb, unless it is a noun-first
 * word ("email", "log") with a verb after it. Past the first word such words are
 * nouns (`pods_log`, `image_job_status`).
 */
export function actionOf(words: string[]): Action | undefined {
  const verbs: Action[] = [];
  words.forEach((w, index) => {
    const hit = lookup(w);
    if (hit && (index === 0 || !NOUN_FIRST_WORDS.has(hit.word))) verbs.push({ index, ...hit });
  });
  if (verbs.length === 0) return undefined;
  let action = verbs[0]!;
  const later = verbs.find((v) => v.index > action.index && !NOUN_FIRST_WORDS.has(v.word));
  if (NOUN_FIRST_WORDS.has(action.word) && later) action = later;
  // "get_or_create", "read_and_delete": the more harmful action is the one that counts.
  for (const v of verbs) {
    const joined = words[v.index - 1] === 'or' || words[v.index - 1] === 'and';
    if (joined && severity(v.category) > severity(action.category)) action = v;
  }
  return action;
}

/** Words after which a description names its action: "Use this tool to delete…", "This tool deletes…". */
const ACTION_LEAD_INS = new Set(['to', 'will', 'can', 'tool', 'it', 'that', 'which', 'and', 'then', 'you']);

/**
 * The action a description names. Descriptions say what a tool does first ("Deletes
 * the…", "Use this to…"), so only a sentence's opening word and the word after a
 * lead-in count; a verb deep in a sentence ("…once finished, the paths…") does not.
 */
export function descriptionAction(description: string): DescribedAction | undefined {
  for (const sentence of description
    .split(/(?<=[.!?:])\s+|\n+/)
    .filter((s) => s.trim())
    .slice(0, 2)) {
    const words = textWords(sentence);
    const starts = [0];
    // An adverb before the verb leads in too: "Automatically fix…".
    words.slice(0, 12).forEach((w, i) => (ACTION_LEAD_INS.has(w) || w.endsWith('ly')) && starts.push(i + 1));
    for (const index of starts) {
      const hit = words[index] === undefined ? undefined : lookup(words[index]!);
      if (hit) return { index, words, ...hit };
    }
  }
  return undefined;
}

/** The words a description's action acts on: "Deletes [the old backups of] …". */
export function descriptionObject(action: { index: number; words: string[] }, reach = 4): string[] {
  return action.words.slice(action.index + 1, action.index + 1 + reach);
}

/** "aggregation" for `aggregate`, "queries" for `query`: the same word, another form. */
function sameWord(a: string, b: string): boolean {
  if (wordForms(a).includes(b) || wordForms(b).includes(a)) return true;
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return common >= 5 && common >= Math.min(a.length, b.length) - 2;
}

/**
 * A name that is a bare verb ("make", "expire") says less than the description's own first action, unless that
 * action only reads ("emulate": "Simulate a device") or acts on the name itself ("find": "Run a find query").
 * A bare word that is first a noun ("logs", "email") names what the tool is about, not what it does.
 */
function bareVerbGivesWay({ nameWords, describedAs }: Definition, named: Action): boolean {
  return (
    nameWords.length === 1 &&
    describedAs !== undefined &&
    describedAs.word !== named.word &&
    (NOUN_FIRST_WORDS.has(named.word) ||
      ((describedAs.category !== 'read' || named.category === 'read') &&
        !descriptionObject(describedAs, 6).some((w) => sameWord(w, named.word))))
  );
}

/**
 * `git_reset`: "Unstages all staged changes". The description names the operation more precisely than a
 * destructive verb in the name, and says it keeps what it acts on: the evidence line that says so.
 */
function undoneByDescription({ description, describedAs }: Definition, named: Action, category: Category) {
  return category === 'destructive' &&
    UNDOABLE_DESTRUCTIVE.has(named.word) &&
    describedAs?.category === 'write' &&
    !IRREVERSIBLE_PHRASES.test(description)
    ? `Description: its own action "${describedAs.word}" reads as write: what "${named.word}" does here can be undone.`
    : undefined;
}

/** The action the name says: a verb, then the object it acts on. */
function nameReading(definition: Definition, evidence: string[]): Reading | undefined {
  const { tool, nameWords, describedAs, around } = definition;
  const named = actionOf(nameWords);
  if (!named) return undefined;
  if (bareVerbGivesWay(definition, named)) {
    evidence.push(
      `Name "${tool.name}" is a bare verb; the description's first action "${describedAs!.word}" says more.`,
    );
    return undefined;
  }
  // A bare verb acts on what its description says it acts on: `transfer`: "Transfer ERC-20 tokens to…".
  const objectWords =
    nameWords.length === 1 && describedAs?.word === named.word
      ? descriptionObject(describedAs)
      : [...nameWords.slice(0, named.index), ...nameWords.slice(named.index + 1)];
  evidence.push(`Name "${tool.name}": the action "${named.word}" reads as ${named.category}.`);
  const refined = refine(named, objectWords, around);
  if (refined) evidence.push(`Name: ${refined.note}.`);
  const nameCategory = refined?.category ?? named.category;
  const undone = undoneByDescription(definition, named, nameCategory);
  if (undone) evidence.push(undone);
  const category = undone ? 'write' : nameCategory;
  return { category, nameCategory, verb: named.word, objectWords, source: 'name', evidence, doubts: [] };
}

/** No verb in the name ("whois", "text_to_speech"): the description's first sentences say what it does. */
function descriptionReading({ tool, fromDescription, around }: Definition, evidence: string[]): Reading | undefined {
  if (!fromDescription) return undefined;
  evidence.push(
    `Description: the action "${fromDescription.word}" reads as ${fromDescription.category} (the name "${tool.name}" names no action).`,
  );
  const refined = refine(fromDescription, descriptionObject(fromDescription), around);
  if (refined) evidence.push(`Description: ${refined.note}.`);
  return {
    category: refined?.category ?? fromDescription.category,
    verb: fromDescription.word,
    objectWords: descriptionObject(fromDescription),
    source: 'description',
    evidence,
    doubts: [],
  };
}

/** What a reader without an action in words finds: a category, where from, and the line that says why. */
interface Hint {
  category: Category;
  source: 'parameters' | 'annotations' | 'default';
  line: string;
}

const takesSomethingToRun = ({ parameters }: Definition): Hint | undefined => {
  const code = parameters.find(
    (p) => p.words.some((w) => ['command', 'script', 'sql', 'cmd'].includes(w)) || p.words.join('_') === 'code',
  );
  return (
    code && {
      category: 'execute',
      source: 'parameters',
      line: `Parameter "${code.path}" takes something to run (neither name nor description names an action).`,
    }
  );
};

const takesMoney = ({ parameters }: Definition): Hint | undefined => {
  const money = parameters.find((p) => p.words.some((w) => ['amount', 'price', 'currency'].includes(w)));
  return (
    money && {
      category: 'financial',
      source: 'parameters',
      line: `Parameter "${money.path}" takes an amount of money (neither name nor description names an action).`,
    }
  );
};

const destructiveHint = ({ tool }: Definition): Hint | undefined =>
  tool.annotations?.destructiveHint === true
    ? {
        category: 'destructive',
        source: 'annotations',
        line: 'Annotations: destructiveHint is true, and nothing in the definition says otherwise.',
      }
    : undefined;

const readOnlyHint = ({ tool }: Definition): Hint | undefined =>
  tool.annotations?.readOnlyHint === true
    ? {
        category: 'read',
        source: 'annotations',
        line: 'Annotations: readOnlyHint is true, and nothing in the definition says otherwise.',
      }
    : undefined;

/** A description that only describes data ("Registration record of a domain") describes what comes back. */
const describesData = ({ description }: Definition): Hint | undefined =>
  description.trim()
    ? { category: 'read', source: 'default', line: 'The description names no action, only what the tool returns.' }
    : undefined;

/** In order, when neither the name nor the description names an action. */
const HINTS = [takesSomethingToRun, takesMoney, destructiveHint, readOnlyHint, describesData];

const NOTHING: Hint = {
  category: 'write',
  source: 'default',
  line: `Nothing in the definition names the action; it is treated as one that changes something.`,
};

/** The tool's action as its name, else its description, else its parameters or annotations say. */
export function readAction(definition: Definition): Reading {
  const evidence: string[] = [];
  const reading = nameReading(definition, evidence) ?? descriptionReading(definition, evidence);
  if (reading) return reading;
  let hint = NOTHING;
  for (const reader of HINTS) {
    const found = reader(definition);
    if (found) {
      hint = found;
      break;
    }
  }
  evidence.push(hint.line);
  return { category: hint.category, source: hint.source, evidence, doubts: [] };
}
