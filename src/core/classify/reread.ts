/**
 * What the rest of a definition says about an action read from the name or the
 * description (docs/classification.md): the description and the parameters can
 * correct the category ("Execute a read-only SQL query"), cast doubt on it, or
 * confirm it in words of their own. Each correction is one function; they run in
 * the order of {@link CORRECTIONS}, each seeing the category the one before left.
 */
import type { Category } from '../../schemas/taxonomy.ts';
import { severity, type Reading } from './action.ts';
import type { Definition } from './definition.ts';
import {
  AMBIGUOUS_VERBS,
  DESTRUCTIVE_PHRASES,
  IRREVERSIBLE_PHRASES,
  MONEY_PHRASES,
  SAVES_RESULT_PHRASES,
  SOFT_ACTIONS,
  SPEND_PHRASES,
  SPENDING_PHRASES,
} from './lexicon.ts';
import type { Parameter } from './schema-walk.ts';
import { excerpt, wordForms } from './words.ts';

const WRITE_SQL =
  /\b(insert|update|delete|merge|ddl|dml|drop|alter|create table|truncate|modif(y|ies) (data|rows|tables))\b/i;
/** What an `evaluate` tool evaluates, when the description says it is code. */
const EVALUATED_CODE = /\b(javascript|js|typescript|script|code|expressions?|functions?)\b/i;
const BUDGET_WATCH = /\b(alerts?|notif(y|ications?)|thresholds?|monitor(s|ing)?|track(s|ing)?|warn(s|ing)?)\b/i;

/** A description that says what it runs is a query: "Execute a read-only SQL query". */
const QUERY_WORDS = /\b(sql|quer(y|ies)|select statements?)\b/i;
const COST_CONFIRMATION_WORDS = new Set(['confirm', 'confirmation', 'confirmed', 'ack', 'acknowledge', 'approval']);

/** Words that say nothing about an action, left out when comparing a description with a name. */
const STOP_WORDS = new Set(
  'a an the to of in on for with from by and or this that it its is are be will can new one all any given specific existing'.split(
    ' ',
  ),
);

/** Parameter words that hold something to run, and those that hold a query. */
const CODE_PARAMETER_WORDS = ['sql', 'query', 'statement', 'command', 'script', 'code'];
const SQL_PARAMETER_WORDS = ['sql', 'query', 'statement'];

/** A corrected category, the evidence line that says why, and a doubt it leaves. */
interface Change {
  category: Category;
  line: string;
  doubt?: string;
}

type Correction = (definition: Definition, reading: Reading) => Change | undefined;

const withWord = (parameters: Parameter[], words: string[]) =>
  parameters.find((p) => p.words.some((w) => words.includes(w)));
const quoted = (text: string, match: RegExpExecArray) => `"${excerpt(text, match.index, match[0].length)}"`;

/** The first of `corrections` that applies: they are alternatives, not steps. */
const firstOf =
  (...corrections: Correction[]): Correction =>
  (definition, reading) => {
    for (const correction of corrections) {
      const change = correction(definition, reading);
      if (change) return change;
    }
    return undefined;
  };

/** `evaluate` of code runs it. */
const evaluatesCode: Correction = ({ parameters, description }, reading) => {
  if ((reading.verb !== 'evaluate' && reading.verb !== 'eval') || reading.category === 'execute') return undefined;
  const code = withWord(parameters, ['function', 'script', 'code', 'expression', 'javascript', 'js']);
  if (code) return { category: 'execute', line: `Parameter "${code.path}": what it evaluates is code.` };
  const codeWords = EVALUATED_CODE.exec(description);
  return codeWords
    ? { category: 'execute', line: `Description: ${quoted(description, codeWords)}: what it evaluates is code.` }
    : undefined;
};

// What a tool that runs a query or code can change.

const readOnlyQuery: Correction = ({ parameters, description, readOnly }, reading) =>
  reading.category === 'execute' &&
  readOnly &&
  (withWord(parameters, CODE_PARAMETER_WORDS) !== undefined || QUERY_WORDS.test(description))
    ? { category: 'read', line: `Description: ${quoted(description, readOnly)}: what it runs cannot change data.` }
    : undefined;

const queryThatWrites: Correction = ({ parameters, description, sqlContext, readOnly }, reading) => {
  if (
    !((reading.category === 'read' && reading.verb === 'query') || reading.category === 'write') ||
    !withWord(parameters, SQL_PARAMETER_WORDS) ||
    !sqlContext
  )
    return undefined;
  const writesSql = WRITE_SQL.exec(description);
  return writesSql && !readOnly
    ? {
        category: 'execute',
        line: `Description: ${quoted(description, writesSql)}: the query it runs can change data.`,
      }
    : undefined;
};

/** A query tool is only as read-only as it says: without the restriction, the caller's SQL can write. */
const unrestrictedQuery: Correction = ({ parameters, sqlContext, readOnly }, reading) => {
  const sql = withWord(parameters, SQL_PARAMETER_WORDS);
  return reading.category === 'read' && reading.verb === 'query' && sql && sqlContext && !readOnly
    ? {
        category: 'execute',
        line: `Parameter "${sql.path}" takes the caller's SQL, and nothing in the definition restricts it to reads.`,
      }
    : undefined;
};

/** `write_cypher`: "Execute a write query…" with the query as a parameter runs whatever the caller writes. */
const runsWrittenCode: Correction = ({ parameters, describedAs, readOnly }, reading) => {
  const code = withWord(parameters, CODE_PARAMETER_WORDS);
  return reading.category === 'write' && describedAs?.category === 'execute' && code && !readOnly
    ? {
        category: 'execute',
        line: `Description: its action "${describedAs.word}" runs what parameter "${code.path}" holds, which the caller writes.`,
      }
    : undefined;
};

// A request whose address, method, headers or body the caller chooses.

/** A parameter that names where a request goes. */
const REQUEST_ADDRESS_WORDS = ['url', 'uri', 'endpoint', 'href'];
/** Parameters that say how it goes: the method, the headers, the body. */
const REQUEST_SHAPE_WORDS = ['method', 'verb', 'headers', 'header', 'body', 'data', 'payload', 'json', 'form', 'value'];
const HTTP_CONTEXT = /\b(https?|rest|request|requests|api calls?)\b/i;
/** Actions that make a request rather than store a URL: `playwright_post`, `http_request`, `fetch` with a method. */
const REQUEST_VERBS = new Set([
  'post',
  'put',
  'patch',
  'send',
  'request',
  'fetch',
  'call',
  'make',
  'perform',
  'do',
  'invoke',
  'submit',
  'issue',
  'execute',
]);

/**
 * `playwright_post`, `http_request`: an HTTP request to an address the caller gives, with a method, headers or body
 * it writes, does whatever that endpoint does. A read must let the caller choose the method or the body; a GET
 * with headers only fetches.
 */
const freeFormRequest: Correction = ({ parameters, description, nameWords }, reading) => {
  if (reading.category !== 'read' && reading.category !== 'write') return undefined;
  const requestsByName =
    REQUEST_VERBS.has(reading.verb ?? '') || nameWords.some((w) => w === 'http' || w === 'request' || w === 'curl');
  const address = parameters.find(
    (p) =>
      p.words.some((w) => REQUEST_ADDRESS_WORDS.includes(w)) &&
      !p.words.some((w) => w === 'webhook' || w === 'callback'),
  );
  if (!requestsByName || !address || !HTTP_CONTEXT.test(`${nameWords.join(' ')} ${description}`)) return undefined;
  const shape = parameters.filter(
    (p) => p !== address && p.words.length <= 2 && REQUEST_SHAPE_WORDS.includes(p.words.at(-1) ?? ''),
  );
  const chooses =
    reading.category === 'write'
      ? shape
      : shape.filter((p) => !p.words.includes('headers') && !p.words.includes('header'));
  if (chooses.length === 0) return undefined;
  const named = [address, ...shape].map((p) => `"${p.path}"`).join(', ');
  return {
    category: 'execute',
    line: `Parameters ${named}: it sends an HTTP request whose address and content the caller writes, so what it does is up to the endpoint.`,
  };
};

// What a tool that changes something spends.

const movesMoney: Correction = ({ description }) => {
  const moneyPhrase = MONEY_PHRASES.exec(description);
  return moneyPhrase
    ? { category: 'financial', line: `Description: ${quoted(description, moneyPhrase)}: it moves money.` }
    : undefined;
};

const spendsAnAmount: Correction = ({ parameters, description, around }) => {
  const moneyParameter = withWord(parameters, ['amount', 'price', 'budget', 'cost', 'fee']);
  // A budget that only watches spend ("a budget with alerts") commits none.
  const spendingPhrase = BUDGET_WATCH.test(around.text) ? null : SPENDING_PHRASES.exec(description);
  return moneyParameter && spendingPhrase
    ? {
        category: 'financial',
        line: `Description: ${quoted(description, spendingPhrase)}, with parameter "${moneyParameter.path}": it spends money.`,
      }
    : undefined;
};

const createsWhatCosts: Correction = ({ description }) => {
  const spendPhrase = SPEND_PHRASES.exec(description);
  return spendPhrase
    ? { category: 'financial', line: `Description: ${quoted(description, spendPhrase)}: what it creates costs money.` }
    : undefined;
};

const asksToConfirmCost: Correction = ({ parameters }) => {
  const costConfirmation = parameters.find(
    (p) => p.words.includes('cost') && p.words.some((w) => COST_CONFIRMATION_WORDS.has(w)),
  );
  return costConfirmation
    ? {
        category: 'financial',
        line: `Parameter "${costConfirmation.path}": the server asks for the cost to be confirmed first, so the call commits spend.`,
      }
    : undefined;
};

const spendsMoney: Correction = (definition, reading) =>
  reading.category === 'write' || reading.category === 'execute'
    ? firstOf(movesMoney, spendsAnAmount, createsWhatCosts, asksToConfirmCost)(definition, reading)
    : undefined;

// Whether what it produces lasts.

const keepsResult: Correction = ({ description, readOnly }, reading) => {
  const saves = SAVES_RESULT_PHRASES.exec(description);
  return reading.category === 'read' && saves && !readOnly
    ? { category: 'write', line: `Description: ${quoted(description, saves)}: it keeps what it produces.` }
    : undefined;
};

const softActionReadOnly: Correction = ({ tool, description }, reading) => {
  const hints = tool.annotations;
  return reading.category === 'write' &&
    reading.verb &&
    SOFT_ACTIONS.has(reading.verb) &&
    hints?.readOnlyHint === true &&
    hints.destructiveHint !== true &&
    !SAVES_RESULT_PHRASES.exec(description)
    ? {
        category: 'read',
        line: `Annotations: readOnlyHint is true, and "${reading.verb}" need not change anything lasting: read.`,
        doubt: `the category rests on the server's own annotations`,
      }
    : undefined;
};

/** In order, each on the category the one before left. */
const CORRECTIONS: readonly Correction[] = [
  evaluatesCode,
  firstOf(readOnlyQuery, queryThatWrites, unrestrictedQuery, runsWrittenCode),
  freeFormRequest,
  spendsMoney,
  keepsResult,
  softActionReadOnly,
];

type Doubt = (definition: Definition, reading: Reading) => string | undefined;

const destroys: Doubt = ({ description }, reading) => {
  const phrase = DESTRUCTIVE_PHRASES.exec(description);
  return phrase && (reading.category === 'write' || reading.category === 'execute')
    ? `the description says "${excerpt(description, phrase.index, phrase[0].length, 15)}"`
    : undefined;
};

const irreversible: Doubt = ({ description }, { category }) => {
  const phrase = IRREVERSIBLE_PHRASES.exec(description);
  return phrase && category !== 'destructive' && category !== 'financial' && category !== 'read'
    ? `the description says "${excerpt(description, phrase.index, phrase[0].length, 15)}", yet the action reads as ${category}`
    : undefined;
};

const deletingParameter: Doubt = ({ parameters }, reading) => {
  if (reading.category !== 'write' && reading.category !== 'execute') return undefined;
  const deleting = parameters.find((p) =>
    ['delete', 'remove', 'purge', 'drop', 'destroy', 'overwrite', 'force'].includes(p.words[0] ?? ''),
  );
  return deleting ? `parameter "${deleting.path}" can also remove data` : undefined;
};

/** Compared with what the name said, before the rest of the definition re-read it ("… is billed hourly"). */
const namedCategory = (reading: Reading) => reading.nameCategory ?? reading.category;

const descriptionDisagrees: Doubt = ({ describedAs }, reading) => {
  if (reading.source !== 'name' || !describedAs) return undefined;
  const named = namedCategory(reading);
  return describedAs.category !== named &&
    describedAs.category !== 'execute' &&
    (severity(describedAs.category) > severity(named) || describedAs.category !== 'read')
    ? `the description's first action, "${describedAs.word}", reads as ${describedAs.category}`
    : undefined;
};

const DOUBTS: readonly Doubt[] = [destroys, irreversible, deletingParameter, descriptionDisagrees];

/** Whether the description says what the name says, in words of its own: a second cue. */
function confirmedByDescription({ describedAs, nameWords, around }: Definition, reading: Reading): boolean {
  if (reading.source !== 'name' || !describedAs) return false;
  const named = namedCategory(reading);
  if (describedAs.category !== named) return false;
  // "Create invoice" under `create_invoice` only repeats the name; a sentence that says more confirms it.
  const inName = new Set(nameWords.flatMap(wordForms));
  const more = around.opening.filter(
    (w) => !inName.has(w) && !wordForms(w).some((f) => inName.has(f)) && !STOP_WORDS.has(w),
  );
  // A verb whose sense hangs on its object ("run an audit", "generate a model") is confirmed only by a
  // description that names the action in another word.
  const independent = !AMBIGUOUS_VERBS.has(reading.verb ?? '') || describedAs.word !== reading.verb;
  return more.length >= 2 && reading.category === named && independent;
}

/** Re-reads an action read from the name or the description against the rest of the definition. */
export function rereadAction(definition: Definition, reading: Reading): void {
  for (const correction of CORRECTIONS) {
    const change = correction(definition, reading);
    if (!change) continue;
    reading.evidence.push(change.line);
    if (change.doubt) reading.doubts.push(change.doubt);
    reading.category = change.category;
  }
  for (const doubt of DOUBTS) {
    const text = doubt(definition, reading);
    if (text) reading.doubts.push(text);
  }
  if (confirmedByDescription(definition, reading)) reading.confirmed = true;
}
