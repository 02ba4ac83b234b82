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
} from './lexicon.ts';
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

const removesMembership: Rule = (a) => {
  if (a.word !== 'remove' && a.word !== 'unlink') return undefined;
  const member = objectIn(a, MEMBERSHIP_NOUNS);
  const { opening } = a.around;
  const from = opening.indexOf('from');
  const container = from >= 0 ? opening.slice(from + 1, from + 4).find((w) => MEMBERSHIP_CONTAINERS.has(w)) : undefined;
  if (!member && !container) return undefined;
  return {
    category: 'write',
    note: member
      ? `"${a.word}" a ${member} takes away a membership or a permission, which lowers access and destroys nothing`
      : `"${a.word}" … from a ${container}: the ${container} and what was in it both remain`,
  };
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
  removesMembership,
  selectsPageControl,
  resetsCredential,
  dropsDraggedItem,
  resolvesItem,
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
