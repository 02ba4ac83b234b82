/**
 * Re-reads an action in the light of the object it acts on (docs/classification.md):
 * `create` + `refund` moves money, `remove` + `collaborator` only lowers access,
 * `run` + `report` reads. Each refinement is one rule; the rules are tried in the
 * order of {@link REFINEMENTS} and the first that applies decides.
 */
import type { Category } from '../../schemas/taxonomy.ts';
import {
  ALLOWANCE_RAISERS,
  BILLING_ACTIONS,
  COMPUTED_KEY_QUALIFIERS,
  COMPUTED_VALUE_NOUNS,
  COMPUTING_VERBS,
  CREATED_LINK_WORDS,
  CREDENTIAL_NOUNS,
  DERIVED_DATA_NOUNS,
  DROP_OBJECTS,
  EXECUTION_NOUNS,
  EXECUTION_STARTERS,
  FREE_FORM_REQUEST,
  INFRASTRUCTURE_NOUNS,
  MEMBERSHIP_CONTAINERS,
  MEMBERSHIP_NOUNS,
  MONEY_MOVING_ACTIONS,
  PAGE_CONTROLS,
  PAYABLE_NOUNS,
  POSITION_CLOSERS,
  POSITION_NOUNS,
  READ_RUN_NOUNS,
  REQUEST_ACTIONS,
  RESOLVABLE_NOUNS,
  SIGNABLE_NOUNS,
  SPENDING_APPROVAL_NOUNS,
  STORAGE_NOUNS,
  STORED_CONTENT_NOUNS,
  UNDOABLE_DESTRUCTIVE,
  verbCategory,
} from './lexicon.ts';
import { wordForms } from './words.ts';
import { billingObject, moneyHead, type Surroundings } from './context.ts';

/** An action as a refinement reads it: its word and category, what it acts on, and the rest of the definition. */
interface Acting {
  word: string;
  category: Category;
  objectWords: string[];
  around: Surroundings;
}

/** The category a refinement gives, and the note that says why (without the "Name:" or "Description:" before it). */
export interface Refinement {
  category: Category;
  note: string;
}

type Rule = (a: Acting) => Refinement | undefined;

/** The first object word in `nouns`. */
const objectIn = (a: Acting, nouns: ReadonlySet<string>) => a.objectWords.find((w) => nouns.has(w));
/** Whether some object word is in `nouns` (an object word found may be any string, so not by truthiness). */
const actsOn = (a: Acting, nouns: ReadonlySet<string>) => a.objectWords.some((w) => nouns.has(w));

// Actions that move money, bill someone or let someone spend: financial.

const movesMoney: Rule = ({ word, objectWords, around }) => {
  const money = moneyHead(objectWords, around);
  return money && MONEY_MOVING_ACTIONS.has(word)
    ? { category: 'financial', note: `"${word}" a "${money}" moves money` }
    : undefined;
};

const closesPosition: Rule = (a) => {
  const position = POSITION_CLOSERS.has(a.word) && objectIn(a, POSITION_NOUNS);
  return position ? { category: 'financial', note: `"${a.word}" a ${position} sells what it holds` } : undefined;
};

const bills: Rule = ({ word, objectWords, around }) => {
  const billed = BILLING_ACTIONS.has(word) && billingObject(objectWords, around);
  return billed ? { category: 'financial', note: `"${word}" a "${billed}" bills someone` } : undefined;
};

const raisesAllowance: Rule = ({ word, objectWords, around }) => {
  if (!ALLOWANCE_RAISERS.has(word)) return undefined;
  const { crypto } = around;
  const allowance = objectWords.find(
    (w) =>
      SPENDING_APPROVAL_NOUNS.has(w) &&
      (crypto || !w.startsWith('token') || around.parameters.some((p) => p.words.includes('spender'))),
  );
  return allowance
    ? { category: 'financial', note: `"${word}" a ${allowance} lets someone spend from the account` }
    : undefined;
};

const approvesPayment: Rule = ({ word, objectWords, around }) => {
  if (word !== 'approve' && word !== 'accept') return undefined;
  const payable = [...objectWords, ...around.opening].find((w) => PAYABLE_NOUNS.has(w));
  return payable ? { category: 'financial', note: `"${word}" a ${payable} releases money` } : undefined;
};

const signsWithWallet: Rule = (a) =>
  a.word === 'sign' && actsOn(a, SIGNABLE_NOUNS) && a.around.crypto
    ? {
        category: 'financial',
        note: `signing a ${objectIn(a, SIGNABLE_NOUNS)} with a wallet's key can spend from it`,
      }
    : undefined;

// A request the caller writes: execute.

const requestsAnyEndpoint: Rule = ({ word, objectWords, around }) => {
  if (!REQUEST_ACTIONS.has(word) || around.readOnly) return undefined;
  const request = FREE_FORM_REQUEST.exec(`${objectWords.join(' ')} ${around.opening.join(' ')}`);
  return request
    ? { category: 'execute', note: `"${word}" ${request[0]}: a request the caller writes, to any endpoint` }
    : undefined;
};

// Words that sound harmful and, on these objects, only change something: write.

const rebuildsDerivedData: Rule = (a) =>
  a.category === 'destructive' && actsOn(a, DERIVED_DATA_NOUNS)
    ? {
        category: 'write',
        note: `"${a.word}" acts on a ${objectIn(a, DERIVED_DATA_NOUNS)}, which is rebuilt from other data: nothing is lost`,
      }
    : undefined;

/** Whether `word` is a destructive verb that always destroys (`deletes`, not `removes`). */
function destroys(word: string | undefined): boolean {
  return wordForms(word ?? '').some((f) => verbCategory(f) === 'destructive' && !UNDOABLE_DESTRUCTIVE.has(f));
}

/** The words of `words` that name something: not an article, a preposition or a qualifier. */
const nouns = (words: readonly string[]) => words.filter((w) => !LINKING_WORDS.has(w));
const LINKING_WORDS = new Set([
  'a',
  'an',
  'the',
  'its',
  'their',
  'this',
  'that',
  'from',
  'of',
  'to',
  'one',
  'or',
  'and',
]);

/**
 * `remove_collaborator`, `removeIssueFromRelease`, `unlink_issue`: taking a member, a label or a link away
 * destroys nothing. Removing stored content (`remove_comment`) or removing from where it is stored
 * (`remove_file_from_bucket`) still destroys it.
 */
const removesLink: Rule = (a) => {
  if (a.word !== 'remove' && a.word !== 'unlink') return undefined;
  const from = a.objectWords.indexOf('from');
  const removed = from >= 0 ? a.objectWords.slice(0, from) : a.objectWords;
  const { opening } = a.around;
  // "Deletes a wallet from the keystore": a description that says it destroys is not read as unlinking.
  const said = destroys(opening[0]) ? -1 : opening.indexOf('from');
  const named = from >= 0 ? nouns(a.objectWords.slice(from + 1)) : [];
  const container = named.length ? named : said >= 0 ? nouns(opening.slice(said + 1, said + 4)) : [];
  const member = removed.find((w) => MEMBERSHIP_NOUNS.has(w));
  if (member)
    return {
      category: 'write',
      note: `"${a.word}" a ${member} takes away a membership or a permission, which lowers access and destroys nothing`,
    };
  // A list, a group, a queue… keeps what leaves it; elsewhere, stored content or its storage means it is deleted.
  const stored = removed.some((w) => STORED_CONTENT_NOUNS.has(w)) || container.some((w) => STORAGE_NOUNS.has(w));
  const link = container.find((w) => MEMBERSHIP_CONTAINERS.has(w)) ?? (stored ? undefined : container[0]);
  if (link)
    return {
      category: 'write',
      note: `"${a.word}" … from a ${link} undoes a link between two records: the ${link} and what was in it both remain`,
    };
  const record = nouns(removed)[0];
  return a.word === 'unlink' && record && !stored
    ? { category: 'write', note: `"unlink" a ${record} undoes a link to it: the ${record} remains` }
    : undefined;
};

const selectsPageControl: Rule = ({ word, objectWords, around }) => {
  if (word !== 'select') return undefined;
  const control = [...objectWords, ...around.opening].find((w) => PAGE_CONTROLS.has(w));
  return control
    ? { category: 'write', note: `"select" chooses a ${control} of the page, which changes the browser's state` }
    : undefined;
};

const resetsCredential: Rule = (a) =>
  a.word === 'reset' && actsOn(a, CREDENTIAL_NOUNS)
    ? { category: 'write', note: `"reset" of a credential sets a new one rather than wiping data` }
    : undefined;

const dropsDraggedItem: Rule = (a) =>
  a.word === 'drop' && !actsOn(a, DROP_OBJECTS)
    ? { category: 'write', note: `"drop" with no table or store after it is a drop of a dragged item, not of data` }
    : undefined;

const resolvesItem: Rule = (a) =>
  a.word === 'resolve' && actsOn(a, RESOLVABLE_NOUNS)
    ? { category: 'write', note: `"resolve" a ${objectIn(a, RESOLVABLE_NOUNS)} changes its state` }
    : undefined;

// A build or an encoding that only returns a value: read.

/** The computed value a build, hash or encoding acts on (`build_event_topic`: a topic), if that is all it makes. */
function computedValue(objectWords: readonly string[]): string | undefined {
  if (objectWords.some((w) => CREATED_LINK_WORDS.has(w))) return undefined;
  const key = objectWords.findIndex((w, i) => w === 'key' && COMPUTED_KEY_QUALIFIERS.has(objectWords[i - 1] ?? ''));
  if (key > 0) return `${objectWords[key - 1]} key`;
  const query = objectWords.indexOf('query');
  if (query >= 0 && (objectWords[query + 1] === 'string' || objectWords[query + 1] === 'parameters'))
    return 'query string';
  return objectWords.find((w) => COMPUTED_VALUE_NOUNS.has(w) && w !== 'string');
}

const computesValue: Rule = (a) => {
  if (a.category === 'read' || !COMPUTING_VERBS.has(a.word)) return undefined;
  const value = computedValue(a.objectWords);
  return value
    ? { category: 'read', note: `"${a.word}" a ${value} computes a value and returns it, changing nothing` }
    : undefined;
};

// A run that only produces a result: read.

const runsReport: Rule = (a) =>
  a.category === 'execute' && a.word === 'run' && actsOn(a, READ_RUN_NOUNS)
    ? {
        category: 'read',
        note: `"run" a ${objectIn(a, READ_RUN_NOUNS)} produces a result without changing anything`,
      }
    : undefined;

// Words that sound milder than what they do on these objects: execute or destructive.

const startsExecution: Rule = (a) =>
  a.category === 'write' && EXECUTION_STARTERS.has(a.word) && actsOn(a, EXECUTION_NOUNS)
    ? { category: 'execute', note: `"${a.word}" a ${objectIn(a, EXECUTION_NOUNS)} runs it` }
    : undefined;

const appliesInfrastructure: Rule = (a) =>
  a.category === 'write' && a.word === 'apply' && actsOn(a, INFRASTRUCTURE_NOUNS)
    ? { category: 'execute', note: `applying ${objectIn(a, INFRASTRUCTURE_NOUNS)} runs whatever it declares` }
    : undefined;

const forcesOverwrite: Rule = (a) =>
  a.category === 'write' &&
  a.objectWords.includes('force') &&
  ['push', 'update', 'write', 'set', 'move', 'merge'].includes(a.word)
    ? { category: 'destructive', note: `a forced "${a.word}" overwrites what was there` }
    : undefined;

const evaluatesCode: Rule = (a) =>
  a.category === 'read' && a.word === 'evaluate' && actsOn(a, EXECUTION_NOUNS)
    ? { category: 'execute', note: `"evaluate" ${objectIn(a, EXECUTION_NOUNS)} runs code` }
    : undefined;

/** In order: the first rule that applies decides, so money comes before the milder re-readings. */
const REFINEMENTS: readonly Rule[] = [
  movesMoney,
  closesPosition,
  bills,
  raisesAllowance,
  approvesPayment,
  signsWithWallet,
  requestsAnyEndpoint,
  rebuildsDerivedData,
  removesLink,
  selectsPageControl,
  resetsCredential,
  dropsDraggedItem,
  resolvesItem,
  computesValue,
  runsReport,
  startsExecution,
  appliesInfrastructure,
  forcesOverwrite,
  evaluatesCode,
];

/** The action re-read against its object (`create` + `refund` moves money), or undefined when no rule applies. */
export function refine(
  action: { word: string; category: Category },
  objectWords: string[],
  around: Surroundings,
): Refinement | undefined {
  const acting: Acting = { word: action.word, category: action.category, objectWords, around };
  for (const rule of REFINEMENTS) {
    const refinement = rule(acting);
    if (refinement) return refinement;
  }
  return undefined;
}
