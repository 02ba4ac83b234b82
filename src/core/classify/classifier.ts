/**
 * The risk classifier (docs/classification.md): deterministic, no network.
 *
 * It reads the tool's action from its name (a verb, then the object the verb acts
 * on), falls back to the description, then to the parameters; annotations are
 * weighed against that reading and never decide it. Every step leaves an evidence
 * line, so the page can say why.
 */
import type { Catalogue } from '../catalogue/check.ts';
import { CATEGORIES, RISKS, type Category, type Risk, type SignalId } from '../../schemas/taxonomy.ts';
import type { Tool } from '../../schemas/tool.ts';
import {
  CREDENTIAL_NOUNS,
  DERIVED_DATA_NOUNS,
  DROP_OBJECTS,
  EXECUTION_NOUNS,
  EXECUTION_STARTERS,
  INFRASTRUCTURE_NOUNS,
  DESTRUCTIVE_PHRASES,
  IRREVERSIBLE_PHRASES,
  MONEY_MOVING_ACTIONS,
  MONEY_PHRASES,
  NOUN_FIRST_WORDS,
  READ_ONLY_PHRASES,
  READ_RUN_NOUNS,
  RESOLVABLE_NOUNS,
  SOFT_ACTIONS,
  SAVES_RESULT_PHRASES,
  SPENDING_PHRASES,
  verbCategory,
  BILLING_ACTIONS,
  FREE_FORM_REQUEST,
  MEMBERSHIP_CONTAINERS,
  MEMBERSHIP_NOUNS,
  ALLOWANCE_RAISERS,
  AMBIGUOUS_VERBS,
  PAGE_CONTROLS,
  PAYABLE_NOUNS,
  POSITION_CLOSERS,
  POSITION_NOUNS,
  REQUEST_ACTIONS,
  SIGNABLE_NOUNS,
  SPEND_PHRASES,
  SPENDING_APPROVAL_NOUNS,
  UNDOABLE_DESTRUCTIVE,
} from './lexicon.ts';
import { billingObject, moneyHead, surroundings, type Surroundings } from './context.ts';
import { parametersOf, type Parameter } from './schema-walk.ts';
import { detectSignals, type Signal } from './signals.ts';
import { excerpt, identifierWords, INVISIBLE_CHARACTERS, textWords, wordForms } from './words.ts';

export type { Signal } from './signals.ts';

/** The risk each category carries before any signal (docs/classification.md). */
export const BASE_RISK: Record<Category, Risk> = {
  read: 'low',
  write: 'medium',
  execute: 'high',
  destructive: 'critical',
  financial: 'critical',
};

/**
 * Where the action was found sets where confidence starts: a name the description
 * confirms in words of its own is two cues; one cue alone stays lower.
 */
export const CONFIDENCE_BASE = {
  confirmed: 0.85,
  name: 0.75,
  description: 0.65,
  parameters: 0.45,
  annotations: 0.4,
  default: 0.3,
} as const;

export interface RiskRaise {
  signal: SignalId;
  from: Risk;
  to: Risk;
}

export interface Classification {
  category: Category;
  risk: Risk;
  /** Signals that raised the risk above the category's base, in order. */
  raisedBy: RiskRaise[];
  signals: Signal[];
  /** 0..1, two decimals. */
  confidence: number;
  confidenceReasons: string[];
  /** "From the tool's definition": what led to the category. */
  evidence: string[];
  /** A curator's `review` decided category and risk. */
  reviewed: boolean;
}

export interface ClassifyContext {
  /** The server's own description, as context for ambiguous words ("query" on a database server is SQL). */
  serverDescription?: string;
  /** Which other server, if any, has a tool of this name (for tool-shadowing evidence). */
  otherServersTool?: (identifier: string) => string | undefined;
}

const SENDING_ACTIONS = new Set([
  'send',
  'share',
  'invite',
  'forward',
  'post',
  'publish',
  'reply',
  'respond',
  'notify',
  'email',
  'sms',
  'message',
  'broadcast',
  'announce',
  'export',
  'tweet',
  'dm',
  'remind',
  'dial',
  'call',
  'text',
  'mail',
  'webhook',
]);
const SQL_CONTEXT =
  /\b(sql|postgres(ql)?|mysql|sqlite|snowflake|bigquery|database|warehouse|clickhouse|redshift|duckdb|select statements?)\b/i;
const WRITE_SQL =
  /\b(insert|update|delete|merge|ddl|dml|drop|alter|create table|truncate|modif(y|ies) (data|rows|tables))\b/i;

interface Reading {
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

/** Words that say nothing about an action, left out when comparing a description with a name. */
const STOP_WORDS = new Set(
  'a an the to of in on for with from by and or this that it its is are be will can new one all any given specific existing'.split(
    ' ',
  ),
);

const severity = (c: Category) => CATEGORIES.indexOf(c);
const raise = (risk: Risk, steps: number): Risk => RISKS[Math.min(RISKS.length - 1, RISKS.indexOf(risk) + steps)]!;

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
export function actionOf(words: string[]): { index: number; word: string; category: Category } | undefined {
  const verbs: { index: number; word: string; category: Category }[] = [];
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

/** Re-reads an action in the light of the object it acts on (`create` + `refund` moves money). */
function refine(
  action: { word: string; category: Category },
  objectWords: string[],
  around: Surroundings,
  evidence: string[],
): Category {
  const { word } = action;
  let category = action.category;
  const money = moneyHead(objectWords, around);
  if (money && MONEY_MOVING_ACTIONS.has(word)) {
    evidence.push(`"${word}" a "${money}" moves money`);
    return 'financial';
  }
  const position = POSITION_CLOSERS.has(word) && objectWords.find((w) => POSITION_NOUNS.has(w));
  if (position) {
    evidence.push(`"${word}" a ${position} sells what it holds`);
    return 'financial';
  }
  const billed = BILLING_ACTIONS.has(word) && billingObject(objectWords, around);
  if (billed) {
    evidence.push(`"${word}" a "${billed}" bills someone`);
    return 'financial';
  }
  if (ALLOWANCE_RAISERS.has(word)) {
    const { crypto } = around;
    const allowance = objectWords.find(
      (w) =>
        SPENDING_APPROVAL_NOUNS.has(w) &&
        (crypto || !w.startsWith('token') || around.parameters.some((p) => p.words.includes('spender'))),
    );
    if (allowance) {
      evidence.push(`"${word}" a ${allowance} lets someone spend from the account`);
      return 'financial';
    }
  }
  if (word === 'approve' || word === 'accept') {
    const payable = [...objectWords, ...around.opening].find((w) => PAYABLE_NOUNS.has(w));
    if (payable) {
      evidence.push(`"${word}" a ${payable} releases money`);
      return 'financial';
    }
  }
  if (word === 'sign' && objectWords.some((w) => SIGNABLE_NOUNS.has(w)) && around.crypto) {
    evidence.push(`signing a ${objectWords.find((w) => SIGNABLE_NOUNS.has(w))} with a wallet's key can spend from it`);
    return 'financial';
  }
  if (REQUEST_ACTIONS.has(word) && !around.readOnly) {
    const request = FREE_FORM_REQUEST.exec(`${objectWords.join(' ')} ${around.opening.join(' ')}`);
    if (request) {
      evidence.push(`"${word}" ${request[0]}: a request the caller writes, to any endpoint`);
      return 'execute';
    }
  }
  if (category === 'destructive' && objectWords.some((w) => DERIVED_DATA_NOUNS.has(w))) {
    const noun = objectWords.find((w) => DERIVED_DATA_NOUNS.has(w));
    evidence.push(`"${word}" acts on a ${noun}, which is rebuilt from other data: nothing is lost`);
    return 'write';
  }
  if (word === 'remove' || word === 'unlink') {
    const member = objectWords.find((w) => MEMBERSHIP_NOUNS.has(w));
    const from = around.opening.indexOf('from');
    const container =
      from >= 0 ? around.opening.slice(from + 1, from + 4).find((w) => MEMBERSHIP_CONTAINERS.has(w)) : undefined;
    if (member || container) {
      evidence.push(
        member
          ? `"${word}" a ${member} takes away a membership or a permission, which lowers access and destroys nothing`
          : `"${word}" … from a ${container}: the ${container} and what was in it both remain`,
      );
      return 'write';
    }
  }
  if (word === 'select') {
    const control = [...objectWords, ...around.opening].find((w) => PAGE_CONTROLS.has(w));
    if (control) {
      evidence.push(`"select" chooses a ${control} of the page, which changes the browser's state`);
      return 'write';
    }
  }
  if (word === 'reset' && objectWords.some((w) => CREDENTIAL_NOUNS.has(w))) {
    evidence.push(`"reset" of a credential sets a new one rather than wiping data`);
    return 'write';
  }
  if (word === 'drop' && !objectWords.some((w) => DROP_OBJECTS.has(w))) {
    evidence.push(`"drop" with no table or store after it is a drop of a dragged item, not of data`);
    return 'write';
  }
  if (word === 'resolve' && objectWords.some((w) => RESOLVABLE_NOUNS.has(w))) {
    evidence.push(`"resolve" a ${objectWords.find((w) => RESOLVABLE_NOUNS.has(w))} changes its state`);
    return 'write';
  }
  if (category === 'execute' && word === 'run' && objectWords.some((w) => READ_RUN_NOUNS.has(w))) {
    evidence.push(
      `"run" a ${objectWords.find((w) => READ_RUN_NOUNS.has(w))} produces a result without changing anything`,
    );
    return 'read';
  }
  if (category === 'write' && EXECUTION_STARTERS.has(word) && objectWords.some((w) => EXECUTION_NOUNS.has(w))) {
    evidence.push(`"${word}" a ${objectWords.find((w) => EXECUTION_NOUNS.has(w))} runs it`);
    return 'execute';
  }
  if (category === 'write' && word === 'apply' && objectWords.some((w) => INFRASTRUCTURE_NOUNS.has(w))) {
    evidence.push(`applying ${objectWords.find((w) => INFRASTRUCTURE_NOUNS.has(w))} runs whatever it declares`);
    return 'execute';
  }
  if (
    category === 'write' &&
    objectWords.includes('force') &&
    ['push', 'update', 'write', 'set', 'move', 'merge'].includes(word)
  ) {
    evidence.push(`a forced "${word}" overwrites what was there`);
    return 'destructive';
  }
  if (category === 'read' && word === 'evaluate' && objectWords.some((w) => EXECUTION_NOUNS.has(w))) {
    evidence.push(`"evaluate" ${objectWords.find((w) => EXECUTION_NOUNS.has(w))} runs code`);
    return 'execute';
  }
  return category;
}

/** Words after which a description names its action: "Use this tool to delete…", "This tool deletes…". */
const ACTION_LEAD_INS = new Set(['to', 'will', 'can', 'tool', 'it', 'that', 'which', 'and', 'then', 'you']);

/**
 * The action a description names. Descriptions say what a tool does first ("Deletes
 * the…", "Use this to…"), so only a sentence's opening word and the word after a
 * lead-in count; a verb deep in a sentence ("…once finished, the paths…") does not.
 */
function descriptionAction(
  description: string,
): { index: number; word: string; category: Category; words: string[] } | undefined {
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
function descriptionObject(action: { index: number; words: string[] }, reach = 4): string[] {
  return action.words.slice(action.index + 1, action.index + 1 + reach);
}

/** "aggregation" for `aggregate`, "queries" for `query`: the same word, another form. */
function sameWord(a: string, b: string): boolean {
  if (wordForms(a).includes(b) || wordForms(b).includes(a)) return true;
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return common >= 5 && common >= Math.min(a.length, b.length) - 2;
}

/** What an `evaluate` tool evaluates, when the description says it is code. */
const EVALUATED_CODE = /\b(javascript|js|typescript|script|code|expressions?|functions?)\b/i;
const BUDGET_WATCH = /\b(alerts?|notif(y|ications?)|thresholds?|monitor(s|ing)?|track(s|ing)?|warn(s|ing)?)\b/i;

/** A description that says what it runs is a query: "Execute a read-only SQL query". */
const QUERY_WORDS = /\b(sql|quer(y|ies)|select statements?)\b/i;
const COST_CONFIRMATION_WORDS = new Set(['confirm', 'confirmation', 'confirmed', 'ack', 'acknowledge', 'approval']);

function readAction(tool: Tool, parameters: Parameter[], sqlContext: boolean, around: Surroundings): Reading {
  const nameWords = identifierWords(tool.name);
  const description = tool.description.replace(INVISIBLE_CHARACTERS, '');
  const evidence: string[] = [];
  const doubts: string[] = [];
  let reading: Reading | undefined;
  const readOnly = READ_ONLY_PHRASES.exec(description);

  const fromDescription = descriptionAction(description);
  const describedAs = fromDescription && {
    ...fromDescription,
    category: refine(fromDescription, descriptionObject(fromDescription), around, []),
  };
  let fromName = actionOf(nameWords);
  // A name that is a bare verb ("make", "expire") says less than the description's own first action, unless that
  // action only reads ("emulate": "Simulate a device") or acts on the name itself ("find": "Run a find query").
  // A bare word that is first a noun ("logs", "email") names what the tool is about, not what it does.
  if (
    fromName &&
    nameWords.length === 1 &&
    describedAs &&
    describedAs.word !== fromName.word &&
    (NOUN_FIRST_WORDS.has(fromName.word) ||
      ((describedAs.category !== 'read' || fromName.category === 'read') &&
        !descriptionObject(describedAs, 6).some((w) => sameWord(w, fromName!.word))))
  ) {
    evidence.push(
      `Name "${tool.name}" is a bare verb; the description's first action "${describedAs.word}" says more.`,
    );
    fromName = undefined;
  }
  if (fromName) {
    // A bare verb acts on what its description says it acts on: `transfer`: "Transfer ERC-20 tokens to…".
    const objectWords =
      nameWords.length === 1 && describedAs?.word === fromName.word
        ? descriptionObject(describedAs)
        : [...nameWords.slice(0, fromName.index), ...nameWords.slice(fromName.index + 1)];
    evidence.push(`Name "${tool.name}": the action "${fromName.word}" reads as ${fromName.category}.`);
    const notes: string[] = [];
    const nameCategory = refine(fromName, objectWords, around, notes);
    let category = nameCategory;
    for (const note of notes) evidence.push(`Name: ${note}.`);
    // `git_reset`: "Unstages all staged changes". The description names the operation more precisely than a
    // destructive verb in the name, and says it keeps what it acts on.
    if (
      category === 'destructive' &&
      UNDOABLE_DESTRUCTIVE.has(fromName.word) &&
      describedAs?.category === 'write' &&
      !IRREVERSIBLE_PHRASES.test(description)
    ) {
      evidence.push(
        `Description: its own action "${describedAs.word}" reads as write: what "${fromName.word}" does here can be undone.`,
      );
      category = 'write';
    }
    reading = { category, nameCategory, verb: fromName.word, objectWords, source: 'name', evidence, doubts };
  } else {
    // No verb in the name ("whois", "text_to_speech"): the description's first sentences say what it does.
    if (fromDescription) {
      evidence.push(
        `Description: the action "${fromDescription.word}" reads as ${fromDescription.category} (the name "${tool.name}" names no action).`,
      );
      const notes: string[] = [];
      const category = refine(fromDescription, descriptionObject(fromDescription), around, notes);
      for (const note of notes) evidence.push(`Description: ${note}.`);
      reading = {
        category,
        verb: fromDescription.word,
        objectWords: descriptionObject(fromDescription),
        source: 'description',
        evidence,
        doubts,
      };
    }
  }

  if (!reading) {
    const code = parameters.find(
      (p) => p.words.some((w) => ['command', 'script', 'sql', 'cmd'].includes(w)) || p.words.join('_') === 'code',
    );
    const money = parameters.find((p) => p.words.some((w) => ['amount', 'price', 'currency'].includes(w)));
    if (code) {
      evidence.push(`Parameter "${code.path}" takes something to run (neither name nor description names an action).`);
      return { category: 'execute', source: 'parameters', evidence, doubts };
    }
    if (money) {
      evidence.push(
        `Parameter "${money.path}" takes an amount of money (neither name nor description names an action).`,
      );
      return { category: 'financial', source: 'parameters', evidence, doubts };
    }
    const hints = tool.annotations;
    if (hints?.destructiveHint === true) {
      evidence.push('Annotations: destructiveHint is true, and nothing in the definition says otherwise.');
      return { category: 'destructive', source: 'annotations', evidence, doubts };
    }
    if (hints?.readOnlyHint === true) {
      evidence.push('Annotations: readOnlyHint is true, and nothing in the definition says otherwise.');
      return { category: 'read', source: 'annotations', evidence, doubts };
    }
    if (description.trim()) {
      // A description that only describes data ("Registration record of a domain") describes what comes back.
      evidence.push('The description names no action, only what the tool returns.');
      return { category: 'read', source: 'default', evidence, doubts };
    }
    evidence.push(`Nothing in the definition names the action; it is treated as one that changes something.`);
    return { category: 'write', source: 'default', evidence, doubts };
  }

  // What the description says can correct a reading from the name, or cast doubt on it.
  const writesSql = WRITE_SQL.exec(description);
  const takesCode = parameters.some((p) =>
    p.words.some((w) => ['sql', 'query', 'statement', 'command', 'script', 'code'].includes(w)),
  );
  const takesSql = parameters.some((p) => p.words.some((w) => ['sql', 'query', 'statement'].includes(w)));
  if (reading.verb === 'evaluate' || reading.verb === 'eval') {
    const code = parameters.find((p) =>
      p.words.some((w) => ['function', 'script', 'code', 'expression', 'javascript', 'js'].includes(w)),
    );
    const codeWords = EVALUATED_CODE.exec(description);
    if (code && reading.category !== 'execute') {
      evidence.push(`Parameter "${code.path}": what it evaluates is code.`);
      reading.category = 'execute';
    } else if (codeWords && reading.category !== 'execute') {
      evidence.push(
        `Description: "${excerpt(description, codeWords.index, codeWords[0].length)}": what it evaluates is code.`,
      );
      reading.category = 'execute';
    }
  }
  if (reading.category === 'execute' && readOnly && (takesCode || QUERY_WORDS.test(description))) {
    evidence.push(
      `Description: "${excerpt(description, readOnly.index, readOnly[0].length)}": what it runs cannot change data.`,
    );
    reading.category = 'read';
  } else if (
    ((reading.category === 'read' && reading.verb === 'query') || reading.category === 'write') &&
    takesSql &&
    sqlContext &&
    writesSql &&
    !readOnly
  ) {
    evidence.push(
      `Description: "${excerpt(description, writesSql.index, writesSql[0].length)}": the query it runs can change data.`,
    );
    reading.category = 'execute';
  } else if (reading.category === 'read' && reading.verb === 'query' && takesSql && sqlContext && !readOnly) {
    // A query tool is only as read-only as it says: without the restriction, the caller's SQL can write.
    const sql = parameters.find((p) => p.words.some((w) => ['sql', 'query', 'statement'].includes(w)))!;
    evidence.push(
      `Parameter "${sql.path}" takes the caller's SQL, and nothing in the definition restricts it to reads.`,
    );
    reading.category = 'execute';
  } else if (reading.category === 'write' && describedAs?.category === 'execute' && takesCode && !readOnly) {
    // `write_cypher`: "Execute a write query…" with the query as a parameter runs whatever the caller writes.
    const code = parameters.find((p) =>
      p.words.some((w) => ['sql', 'query', 'statement', 'command', 'script', 'code'].includes(w)),
    )!;
    evidence.push(
      `Description: its action "${describedAs.word}" runs what parameter "${code.path}" holds, which the caller writes.`,
    );
    reading.category = 'execute';
  }
  const moneyParameter = parameters.find((p) =>
    p.words.some((w) => ['amount', 'price', 'budget', 'cost', 'fee'].includes(w)),
  );
  const moneyPhrase = MONEY_PHRASES.exec(description);
  // A budget that only watches spend ("a budget with alerts") commits none.
  const spendingPhrase = BUDGET_WATCH.test(around.text) ? null : SPENDING_PHRASES.exec(description);
  const spendPhrase = SPEND_PHRASES.exec(description);
  const costConfirmation = parameters.find(
    (p) => p.words.includes('cost') && p.words.some((w) => COST_CONFIRMATION_WORDS.has(w)),
  );
  if (reading.category === 'write' || reading.category === 'execute') {
    if (moneyPhrase) {
      evidence.push(
        `Description: "${excerpt(description, moneyPhrase.index, moneyPhrase[0].length)}": it moves money.`,
      );
      reading.category = 'financial';
    } else if (moneyParameter && spendingPhrase) {
      evidence.push(
        `Description: "${excerpt(description, spendingPhrase.index, spendingPhrase[0].length)}", with parameter "${moneyParameter.path}": it spends money.`,
      );
      reading.category = 'financial';
    } else if (spendPhrase) {
      evidence.push(
        `Description: "${excerpt(description, spendPhrase.index, spendPhrase[0].length)}": what it creates costs money.`,
      );
      reading.category = 'financial';
    } else if (costConfirmation) {
      evidence.push(
        `Parameter "${costConfirmation.path}": the server asks for the cost to be confirmed first, so the call commits spend.`,
      );
      reading.category = 'financial';
    }
  }
  const saves = SAVES_RESULT_PHRASES.exec(description);
  if (reading.category === 'read' && saves && !readOnly) {
    evidence.push(`Description: "${excerpt(description, saves.index, saves[0].length)}": it keeps what it produces.`);
    reading.category = 'write';
  }
  const hints = tool.annotations;
  if (
    reading.category === 'write' &&
    reading.verb &&
    SOFT_ACTIONS.has(reading.verb) &&
    hints?.readOnlyHint === true &&
    hints.destructiveHint !== true &&
    !saves
  ) {
    evidence.push(`Annotations: readOnlyHint is true, and "${reading.verb}" need not change anything lasting: read.`);
    doubts.push(`the category rests on the server's own annotations`);
    reading.category = 'read';
  }
  const destroys = DESTRUCTIVE_PHRASES.exec(description);
  if (destroys && (reading.category === 'write' || reading.category === 'execute')) {
    doubts.push(`the description says "${excerpt(description, destroys.index, destroys[0].length, 15)}"`);
  }
  const irreversible = IRREVERSIBLE_PHRASES.exec(description);
  if (
    irreversible &&
    reading.category !== 'destructive' &&
    reading.category !== 'financial' &&
    reading.category !== 'read'
  ) {
    doubts.push(
      `the description says "${excerpt(description, irreversible.index, irreversible[0].length, 15)}", yet the action reads as ${reading.category}`,
    );
  }
  if (reading.category === 'write' || reading.category === 'execute') {
    const deleting = parameters.find((p) =>
      ['delete', 'remove', 'purge', 'drop', 'destroy', 'overwrite', 'force'].includes(p.words[0] ?? ''),
    );
    if (deleting) doubts.push(`parameter "${deleting.path}" can also remove data`);
  }
  if (reading.source === 'name' && describedAs) {
    // Compared with what the name said, before the rest of the definition re-read it ("… is billed hourly").
    const named = reading.nameCategory ?? reading.category;
    if (describedAs.category === named) {
      // "Create invoice" under `create_invoice` only repeats the name; a sentence that says more confirms it.
      const inName = new Set(nameWords.flatMap(wordForms));
      const more = around.opening.filter(
        (w) => !inName.has(w) && !wordForms(w).some((f) => inName.has(f)) && !STOP_WORDS.has(w),
      );
      // A verb whose sense hangs on its object ("run an audit", "generate a model") is confirmed only by a
      // description that names the action in another word.
      const independent = !AMBIGUOUS_VERBS.has(reading.verb ?? '') || describedAs.word !== reading.verb;
      reading.confirmed = more.length >= 2 && reading.category === named && independent;
    } else if (
      describedAs.category !== 'execute' &&
      (severity(describedAs.category) > severity(named) || describedAs.category !== 'read')
    ) {
      doubts.push(`the description's first action, "${describedAs.word}", reads as ${describedAs.category}`);
    }
  }
  return reading;
}

/** Annotations that claim the tool is safer than its definition shows. */
function annotationConflicts(tool: Tool, category: Category, signals: Signal[]): string[] {
  const a = tool.annotations;
  if (!a) return [];
  const out: string[] = [];
  if (a.readOnlyHint === true && category !== 'read')
    out.push(`readOnlyHint is true, but the definition reads as ${category}`);
  if (a.destructiveHint === false && category === 'destructive')
    out.push('destructiveHint is false, but the definition reads as destructive');
  const reachesOut = signals.find((s) => s.id === 'url' || s.id === 'recipient');
  if (a.openWorldHint === false && reachesOut)
    out.push(
      `openWorldHint is false, but the tool ${reachesOut.id === 'url' ? 'takes a URL' : 'sends to an outside recipient'}`,
    );
  return out;
}

function annotationAgreement(tool: Tool, category: Category): { agree: string[]; cautious: string[] } {
  const a = tool.annotations;
  const agree: string[] = [];
  const cautious: string[] = [];
  if (!a) return { agree, cautious };
  if (a.readOnlyHint === true && category === 'read') agree.push('readOnlyHint is true');
  if (a.readOnlyHint === false && category !== 'read') agree.push('readOnlyHint is false');
  if (a.destructiveHint === true && category === 'destructive') agree.push('destructiveHint is true');
  if (a.destructiveHint === true && category === 'read')
    cautious.push('destructiveHint is true on a tool that reads as read');
  if (a.readOnlyHint === false && category === 'read' && a.destructiveHint !== false)
    cautious.push('readOnlyHint is false on a tool that reads as read');
  return { agree, cautious };
}

export function classifyTool(tool: Tool, context: ClassifyContext = {}): Classification {
  const { parameters, truncated } = parametersOf(tool.inputSchema);
  const nameWords = identifierWords(tool.name);
  const sqlContext = SQL_CONTEXT.test(
    `${tool.name.replace(/_/g, ' ')} ${tool.description} ${context.serverDescription ?? ''}`,
  );
  const description = tool.description.replace(INVISIBLE_CHARACTERS, '');
  const around = surroundings(
    nameWords,
    description,
    parameters,
    context.serverDescription ?? '',
    sqlContext,
    READ_ONLY_PHRASES.test(description),
  );
  const reading = readAction(tool, parameters, sqlContext, around);
  const action = reading.verb ?? '';
  const sends =
    SENDING_ACTIONS.has(action) ||
    (reading.source === 'name' && nameWords.some((w) => SENDING_ACTIONS.has(w) && w !== 'message' && w !== 'email'));

  let category = reading.category;
  const signals = detectSignals({
    tool,
    parameters,
    category,
    nameWords,
    sends,
    sqlContext,
    around,
    ...(reading.objectWords ? { objectWords: reading.objectWords } : {}),
    ...(context.otherServersTool ? { otherServersTool: context.otherServersTool } : {}),
  });
  const conflicts = annotationConflicts(tool, category, signals);
  if (conflicts.length > 0) signals.push({ id: 'annotation-mismatch', evidence: conflicts });

  const evidence = [...reading.evidence];
  if (sqlContext && signals.some((s) => s.id === 'code')) {
    const server = context.serverDescription && SQL_CONTEXT.test(context.serverDescription);
    if (server)
      evidence.push(`Server: "${excerpt(context.serverDescription!, 0, 0, 80)}": its queries are database queries.`);
  }
  const { agree, cautious } = annotationAgreement(tool, category);
  if (agree.length) evidence.push(`Annotations agree: ${agree.join(', ')}.`);
  for (const c of conflicts)
    evidence.push(`Annotations disagree: ${c}. Annotations come from the server and do not override the definition.`);
  if (truncated)
    evidence.push('The input schema is deeper or larger than the classifier reads; only its first levels were read.');

  // Risk: the category's base, raised (never lowered) by the signals that change what the tool can do to the agent.
  let risk = BASE_RISK[category];
  const raisedBy: RiskRaise[] = [];
  if (conflicts.length > 0) {
    const to = raise(risk, 1);
    if (to !== risk) raisedBy.push({ signal: 'annotation-mismatch', from: risk, to });
    risk = to;
  }
  if (signals.some((s) => s.id === 'poisoning') && risk !== 'critical') {
    raisedBy.push({ signal: 'poisoning', from: risk, to: 'critical' });
    risk = 'critical';
  }

  // Confidence: how sure the category is, with the reasons a reader can check.
  const reasons: string[] = [];
  let confidence = reading.confirmed ? CONFIDENCE_BASE.confirmed : CONFIDENCE_BASE[reading.source];
  reasons.push(
    {
      name: reading.confirmed
        ? 'its name says what it does, and its description confirms it'
        : 'its name says what it does',
      description: 'only its description says what it does',
      parameters: 'only its parameters hint at what it does',
      annotations: "only the server's annotations hint at what it does",
      default: 'nothing in it says what it does',
    }[reading.source],
  );
  const trimmed = tool.description.trim();
  if (trimmed.length === 0) {
    confidence -= 0.25;
    reasons.push('the description is empty');
  } else if (trimmed.length < 20) {
    confidence -= 0.1;
    reasons.push('the description is very short');
  }
  if (agree.length) {
    confidence += 0.05 * Math.min(2, agree.length);
    reasons.push(`annotations agree (${agree.join(', ')})`);
  }
  if (conflicts.length) {
    confidence -= 0.2;
    reasons.push('annotations contradict the definition');
  }
  for (const c of cautious) {
    confidence -= 0.1;
    reasons.push(`annotations are more cautious: ${c}`);
  }
  for (const d of reading.doubts) {
    confidence -= 0.15;
    reasons.push(d);
  }

  const review = tool.review;
  if (review) {
    evidence.unshift(
      `Reviewed by a curator: ${review.category}, ${review.risk} risk${review.note ? ` (${review.note})` : ''}.`,
    );
    return {
      category: review.category,
      risk: review.risk,
      raisedBy: [],
      signals,
      confidence: 1,
      confidenceReasons: [
        'a curator reviewed this tool',
        ...(category !== review.category ? [`the classifier alone read it as ${category}`] : []),
      ],
      evidence,
      reviewed: true,
    };
  }
  category = reading.category;
  return {
    category,
    risk,
    raisedBy,
    signals,
    confidence: Math.round(Math.min(0.98, Math.max(0.05, confidence)) * 100) / 100,
    confidenceReasons: reasons,
    evidence,
    reviewed: false,
  };
}

/**
 * Classifies every tool of a catalogue in one pass. The only catalogue-wide fact a
 * tool needs is which tool names other servers have (tool shadowing), built once.
 */
export function classifyCatalogue(catalogue: Catalogue): Map<string, Map<string, Classification>> {
  const serversOf = new Map<string, Set<string>>();
  for (const server of catalogue.servers) {
    for (const { tool } of server.tools) {
      let set = serversOf.get(tool.name);
      if (!set) serversOf.set(tool.name, (set = new Set()));
      set.add(server.slug);
    }
  }
  const result = new Map<string, Map<string, Classification>>();
  for (const server of catalogue.servers) {
    const own = new Set(server.tools.map((t) => t.tool.name));
    const otherServersTool = (identifier: string) => {
      if (own.has(identifier)) return undefined;
      const servers = serversOf.get(identifier);
      if (!servers) return undefined;
      for (const s of servers) if (s !== server.slug) return s;
      return undefined;
    };
    const byTool = new Map<string, Classification>();
    for (const { slug, tool } of server.tools) {
      byTool.set(slug, classifyTool(tool, { serverDescription: server.server.description, otherServersTool }));
    }
    result.set(server.slug, byTool);
  }
  return result;
}
