/**
 * Words that mean money in one place and not in another: a "transaction" of a
 * database, a "subscription" to events, a "plan" of a project. Read against the
 * rest of the definition and the server's description, as a person would.
 */
import {
  BILLING_NOUNS,
  BILLING_PLAN_CONTEXT,
  CRYPTO_ASSET_NOUNS,
  CRYPTO_CONTEXT,
  DATABASE_TRANSACTION_CONTEXT,
  FINANCIAL_DATA_NOUNS,
  ABOUT_MONEY_NOUNS,
  FREE_SUBSCRIPTION_CONTEXT,
  METERED_BILLING_CONTEXT,
  MONEY_CONTAINER_NOUNS,
  MONEY_NOUNS,
} from './lexicon.ts';
import type { Parameter } from './schema-walk.ts';
import { textWords } from './words.ts';

/** What, besides the object words, a word is read against: the rest of the definition and its server. */
export interface Surroundings {
  /** The tool's name as words, its description, its parameters' names and the server's description. */
  text: string;
  /** The description's first sentence, in words. */
  opening: string[];
  parameters: Parameter[];
  sqlContext: boolean;
  readOnly: boolean;
  /** The definition is about a wallet or a chain: tokens are money, "sign" and "approve" spend. */
  crypto: boolean;
  /** "Transaction" here is a unit of database work rather than money. */
  databaseTransactions: boolean;
}

export function surroundings(
  nameWords: string[],
  description: string,
  parameters: Parameter[],
  serverDescription: string,
  sqlContext: boolean,
  readOnly: boolean,
): Surroundings {
  const text = `${nameWords.join(' ')} ${description} ${parameters.map((p) => p.words.join(' ')).join(' ')} ${serverDescription}`;
  const crypto = CRYPTO_CONTEXT.test(text);
  return {
    text,
    opening: textWords(description.split(/(?<=[.!?])\s+|\n+/).find((s) => s.trim()) ?? ''),
    parameters,
    sqlContext,
    readOnly,
    crypto,
    // Only a definition that says "transaction" needs the database reading of it.
    databaseTransactions:
      /transaction|\btx/i.test(text) && (sqlContext || DATABASE_TRANSACTION_CONTEXT.test(text)) && !crypto,
  };
}

const TRANSACTION_WORDS = new Set(['transaction', 'transactions', 'tx']);

/** The first money noun of `objectWords` that is money itself, not something about money (`payment_link`'s link). */
export function moneyHead(objectWords: string[], around: Surroundings): string | undefined {
  // A database transaction is a unit of queries (`run_sql_transaction`), unless the definition is about a chain.
  const { databaseTransactions: database, crypto } = around;
  const headIndex = objectWords.findIndex(
    (w) => (MONEY_NOUNS.has(w) && !(database && TRANSACTION_WORDS.has(w))) || (crypto && CRYPTO_ASSET_NOUNS.has(w)),
  );
  if (headIndex < 0) return undefined;
  return objectWords.slice(headIndex + 1).some((w) => MONEY_CONTAINER_NOUNS.has(w))
    ? undefined
    : objectWords[headIndex];
}

/** The billing object an action acts on (`finalize_invoice`, `create_payment_link`), if it bills someone. */
export function billingObject(objectWords: string[], around: Surroundings): string | undefined {
  for (let i = 0; i < objectWords.length; i++) {
    const w = objectWords[i]!;
    const next = objectWords[i + 1] ?? '';
    let object: string | undefined;
    if (BILLING_NOUNS.has(w)) object = w;
    else if (w === 'payment' && (next === 'link' || next === 'links')) object = `payment ${next}`;
    else if (w === 'credit' && (next === 'note' || next === 'notes')) object = `credit ${next}`;
    else if ((w === 'usage' || w === 'meter') && METERED_BILLING_CONTEXT.test(around.text)) object = `metered ${w}`;
    else if ((w === 'plan' || w === 'plans') && BILLING_PLAN_CONTEXT.test(around.text)) object = w;
    if (!object) continue;
    const after = objectWords.slice(i + (object.includes(' ') ? 2 : 1));
    if (after.some((a) => MONEY_CONTAINER_NOUNS.has(a))) continue;
    if (w.startsWith('subscription') && freeSubscription(objectWords, around)) continue;
    return object;
  }
  return undefined;
}

/** A subscription to events, topics or notifications, which bills nobody. */
function freeSubscription(words: string[], around: Surroundings): boolean {
  return FREE_SUBSCRIPTION_CONTEXT.test(`${words.join(' ')} ${around.opening.join(' ')}`);
}

/**
 * The words of `words` that name money records in this context: `list_invoices`, `get_statements` of a
 * brokerage, not `list_sql_transactions` or `explain_sql_statement`.
 */
export function financialDataWords(words: string[], around: Surroundings): string[] {
  const database = around.databaseTransactions;
  const free = freeSubscription(words, around);
  // `refund_policy_get`, `invoice_template_list`: about money records, not money records.
  if (words.some((w) => ABOUT_MONEY_NOUNS.has(w))) return [];
  return words.filter(
    (w) =>
      FINANCIAL_DATA_NOUNS.has(w) &&
      !(database && TRANSACTION_WORDS.has(w)) &&
      !(around.sqlContext && w.startsWith('statement')) &&
      !(free && w.startsWith('subscription')),
  );
}
