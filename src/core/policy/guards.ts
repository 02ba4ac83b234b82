/**
 * The argument checks of a recommendation and of a variant, each written as what a call may send
 * (docs/policies.md, "Guards fail closed"). A gateway that cannot compare a value — a numeric
 * string against a number, a list against a pattern, an argument the call left out — fails the
 * check, so the call is refused in PolicyLayer (`require`) and in Intercept (`evaluate`) alike.
 */
import { identifierWords } from '../classify/words.ts';
import { listPhrase } from '../text.ts';
import type { Check, Guard, RateLimit, Requirement, TopParameter } from './decision.ts';

const wordsOf = new Map<string, string[]>();
/** Whether a parameter's name has one of these words; the words of each name are worked out once. */
export function hasWord(p: Pick<TopParameter, 'name'>, words: readonly string[]): boolean {
  let own = wordsOf.get(p.name);
  if (own === undefined) {
    if (wordsOf.size > 10_000) wordsOf.clear();
    wordsOf.set(p.name, (own = identifierWords(p.name)));
  }
  return own.some((w) => words.includes(w));
}

const isNumber = (p: TopParameter) => p.type === 'number' || p.type === 'integer';

/** Money caps: 100 in a currency's main unit, or 10,000 where the schema counts in minor units. */
export const AMOUNT_CAP = { major: 100, minor: 10_000 };
/** A quantity bought or traded (shares, packs, years): at most 10 of the schema's own unit. */
export const QUANTITY_CAP = 10;
const MINOR_UNITS = /\b(cents?|pence|minor units?|smallest (currency )?unit|in cents)\b/i;

/**
 * The currencies a money cap is written for: two-decimal ones, where 10,000 minor units are 100
 * in the main unit. In JPY (no decimals) the same 10,000 is ¥10,000, so a cap names its currency.
 */
export const CAP_CURRENCIES = ['usd', 'eur', 'gbp'] as const;

/**
 * A plain relative path in RE2: segments of letters, digits, `_` and `-`, with single dots
 * between them, joined by `/`, or `.` alone. No `..`, no leading `/` or `~`, no `%`, no
 * wildcard, no backslash, nothing outside ASCII (fullwidth `．．` included).
 */
export const PLAIN_RELATIVE_PATH = '^(\\.|[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*(/[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)*)$';

/** A decimal string below 1 (`0.25`): the cap of an amount the schema takes as text, in its own unit. */
export const DECIMAL_BELOW_ONE = '^0\\.[0-9]{1,18}$';

const OMITTED_MEANS_ALL = /\b(all|full|entire|whole|remaining|everything)\b/i;

/** Why an optional argument is made required: with the schema's own words where omission widens the call. */
function omission(p: TopParameter): string {
  if (p.required) return '';
  const all = OMITTED_MEANS_ALL.test(p.description);
  return all
    ? ` ${p.name} is optional, and its description says leaving it out means the whole ("${p.description}"): the policy requires it.`
    : ` ${p.name} is optional: the policy requires it, so the cap cannot be skipped by leaving it out.`;
}

/** A number cap in allowing form: at most `max`, at least a positive minimum (so no negative, no string, no list). */
export function capGuard(
  kind: 'amount-cap' | 'quantity-cap' | 'ceiling-cap' | 'maximum',
  p: Pick<TopParameter, 'name' | 'required' | 'type'> & Partial<Pick<TopParameter, 'minimum' | 'description'>>,
  max: number,
  shown: string,
  reason: string,
): Guard {
  const min = positiveMinimum(p, max);
  return {
    kind,
    parameter: p.name,
    required: p.required,
    allow: [
      { op: 'lte', value: max },
      { op: 'gte', value: min },
    ],
    message: `${p.name} must be a number from ${min.toLocaleString('en-US')} to ${shown}`,
    reason,
  };
}

/** The schema's own minimum when positive, else 1 for an integer, 0.01 for a number (never above the cap). */
function positiveMinimum(p: Pick<TopParameter, 'type'> & { minimum?: number }, max: number): number {
  const base = p.minimum !== undefined && p.minimum > 0 ? p.minimum : p.type === 'integer' ? 1 : 0.01;
  return Math.min(base, max);
}

export interface MoneyCap {
  guard: Guard;
  /** The most one call lets through, in words: "10,000 minor units (100.00 in USD, EUR or GBP)". */
  each: string;
  /** The cap as a number, where rate × cap makes sense. */
  max?: number;
  /** "in the main unit", "minor units", "of qty", "units of the asset". */
  unit: string;
  /** Each call stays below one unit (a decimal string): rate × cap is an upper bound not reached. */
  below?: true;
}

const MONEY_WORDS = ['amount', 'total', 'budget', 'value', 'price', 'sum', 'notional'];
const QUANTITY_WORDS = [
  'quantity',
  'qty',
  'units',
  'packs',
  'pack',
  'minutes',
  'shares',
  'seats',
  'credits',
  'years',
  'months',
  'blocks',
  'licenses',
  'contracts',
  'lots',
  'count',
];
/** A number whose own description says it counts what is bought: "Number of 100 GB blocks to add". */
const COUNTS = /^\s*(the )?(number|count|how many) of\b/i;
const CURRENCY_WORDS = ['currency', 'ccy'];
/** A ceiling the caller chooses (`max_price`); limit and stop prices are order terms, left to the order type. */
const CEILING_WORDS = ['max', 'maximum'];

/** The amount a financial call moves: a number capped in its unit, or a decimal string below 1. */
function amountCap(p: TopParameter, currency: TopParameter | undefined): MoneyCap {
  const note = omission(p);
  if (p.type === 'string') {
    return {
      guard: {
        kind: 'amount-cap',
        parameter: p.name,
        required: p.required,
        allow: [{ op: 'regex', value: DECIMAL_BELOW_ONE }],
        message: `${p.name} must be a plain decimal below 1, such as "0.25"`,
        reason: `Moves money through ${p.name}, a decimal string in the asset's own unit: each call is capped below 1 of that unit (a plain decimal such as "0.25"; a number, a list, a negative or a larger amount is refused).${note}`,
      },
      each: 'less than 1 unit of the asset',
      unit: 'units of the asset',
      below: true,
    };
  }
  const minor = MINOR_UNITS.test(p.description);
  const max = minor ? AMOUNT_CAP.minor : AMOUNT_CAP.major;
  const currencies = listPhrase(
    CAP_CURRENCIES.map((c) => c.toUpperCase()),
    'or',
  );
  const inUnit = minor
    ? `${max.toLocaleString('en-US')} minor units (${(max / 100).toFixed(2)} in ${currencies})`
    : `${max.toLocaleString('en-US')} in the main unit`;
  const where =
    !currency && minor
      ? ` The call does not say its currency: in a zero-decimal currency such as JPY the same cap is ¥${max.toLocaleString('en-US')}.`
      : '';
  return {
    guard: capGuard(
      'amount-cap',
      p,
      max,
      max.toLocaleString('en-US'),
      `Moves money through ${p.name}: each call at most ${inUnit}.${where}${note}`,
    ),
    each: `${inUnit}`,
    max,
    unit: minor ? 'minor units' : 'in the main unit',
  };
}

function quantityCap(p: TopParameter): MoneyCap {
  const max = p.maximum !== undefined ? Math.min(QUANTITY_CAP, p.maximum) : QUANTITY_CAP;
  const unit = p.description ? `${p.name} ("${p.description}")` : p.name;
  return {
    guard: capGuard(
      'quantity-cap',
      p,
      max,
      max.toLocaleString('en-US'),
      `Buys or trades a quantity, ${unit}: each call at most ${max.toLocaleString('en-US')}.${omission(p)}`,
    ),
    each: `${max.toLocaleString('en-US')} of ${p.name}`,
    max,
    unit: `of ${p.name}`,
  };
}

/** A ceiling the caller sets itself (`max_price`): capped too, never instead of the quantity. */
function ceilingCap(p: TopParameter): Guard {
  return capGuard(
    'ceiling-cap',
    p,
    AMOUNT_CAP.major,
    AMOUNT_CAP.major.toLocaleString('en-US'),
    `Takes a price ceiling the caller sets itself (${p.name}): it must be sent and be at most ${AMOUNT_CAP.major}. It bounds the price, not how much is bought.${omission(p)}`,
  );
}

function currencyGuard(p: TopParameter): Guard {
  const values = CAP_CURRENCIES.flatMap((c) => [c, c.toUpperCase()]);
  const allowed = p.enum ? values.filter((v) => p.enum!.includes(v)) : values;
  const list = allowed.length > 0 ? allowed : values;
  return {
    kind: 'currency',
    parameter: p.name,
    required: p.required,
    allow: [{ op: 'in', value: list }],
    message: `${p.name} must be one of ${list.join(', ')}: the money cap is written for these currencies`,
    reason: `The money cap is written for two-decimal currencies: ${p.name} must be one of ${list.join(', ')}.${p.required ? '' : ` ${p.name} is optional: the policy requires it.`}`,
  };
}

export interface MoneyGuards {
  guards: Guard[];
  caps: MoneyCap[];
  /** The sentence that says what moves money and what the variant bounds. */
  reasons: string[];
}

/**
 * A money argument that is another way to say how much (`notional` "instead of qty"): refused, so
 * that the cap on the argument it stands in for cannot be stepped around.
 */
function alternative(p: TopParameter, other: TopParameter): Guard {
  return {
    ...refusedList(p, `another way to say how much than ${other.name}, which is capped`),
    reason: `Takes ${p.name}, which its description gives as an alternative to ${other.name} ("${p.description}"): any call that sends it is refused, so the cap on ${other.name} holds.`,
  };
}

/** The quantities a financial call buys or trades: every number that counts what moves money. */
function quantities(parameters: TopParameter[], ceilings: TopParameter[]): TopParameter[] {
  return parameters.filter(
    (p) => isNumber(p) && !ceilings.includes(p) && (hasWord(p, QUANTITY_WORDS) || COUNTS.test(p.description)),
  );
}

/** What a financial variant caps: the amount and every quantity that moves money, its ceilings, its currency. */
export function moneyGuards(parameters: TopParameter[], limits: readonly RateLimit[]): MoneyGuards {
  const numberOrText = (p: TopParameter) => isNumber(p) || p.type === 'string';
  const ceilings = parameters.filter((p) => isNumber(p) && hasWord(p, CEILING_WORDS) && hasWord(p, MONEY_WORDS));
  const counted = quantities(parameters, ceilings);
  const amount = parameters.find(
    (p) =>
      numberOrText(p) &&
      !ceilings.includes(p) &&
      !counted.includes(p) &&
      hasWord(p, MONEY_WORDS) &&
      !hasWord(p, ['limit', 'stop']) &&
      !p.enum,
  );
  const currency = parameters.find((p) => p.type === 'string' && hasWord(p, CURRENCY_WORDS));
  // An amount given "instead of" a capped quantity is refused rather than capped beside it:
  // requiring both would make the call one the server itself rejects.
  const insteadOf =
    amount && counted.find((q) => new RegExp(`\\binstead of ${q.name}\\b`, 'i').test(amount.description));
  const caps: MoneyCap[] = [];
  if (amount && !insteadOf) caps.push(amountCap(amount, currency));
  caps.push(...counted.map(quantityCap));
  const guards = [
    ...caps.map((c) => c.guard),
    ...(amount && insteadOf ? [alternative(amount, insteadOf)] : []),
    ...ceilings.map(ceilingCap),
  ];
  const capsMoney = caps.some((c) => c.guard.kind === 'amount-cap' && c.max !== undefined) || ceilings.length > 0;
  if (currency && capsMoney) guards.push(currencyGuard(currency));
  return { guards, caps, reasons: [...guards.map((g) => g.reason), throughput(caps, ceilings, limits)] };
}

/** Rate × cap: the most the variant lets through in an hour and a day. */
function throughput(caps: MoneyCap[], ceilings: TopParameter[], limits: readonly RateLimit[]): string {
  const hour = limits.find((l) => l.window === 'hour')?.max;
  const day = limits.find((l) => l.window === 'day')?.max ?? (hour === undefined ? undefined : hour * 24);
  if (caps.length === 0) {
    const bounded =
      ceilings.length > 0 ? ` beyond the price ceiling on ${listPhrase(ceilings.map((c) => c.name))}` : '';
    return `No argument says how much money a call moves, so${bounded} only the call rate is limited.`;
  }
  const per = (n: number | undefined, c: MoneyCap) =>
    c.max === undefined || n === undefined
      ? `${c.below ? 'less than ' : ''}${n} ${c.unit}`
      : `${(n * c.max).toLocaleString('en-US')} ${c.unit}`;
  return `At most ${hour} calls an hour and ${day} a day, each within its cap: in all, no more than ${listPhrase(caps.map((c) => per(hour, c)))} an hour and ${listPhrase(caps.map((c) => per(day, c)))} a day.`;
}

const PATH_WORDS = ['path', 'paths', 'dir', 'directory', 'folder', 'file', 'filename', 'filepath', 'cwd'];
const PATH_SIGNAL_WORDS = ['source', 'destination', 'src', 'dest', 'key'];
const PATTERN_WORDS = ['pattern', 'glob', 'match', 'prefix', 'wildcard'];
/** A string argument whose own description says it is matched, not named: "Glob pattern; every matching file…". */
const PATTERN_DESCRIPTION = /\b(glob|wildcards?|regex|regular expression|prefix)\b/i;

/** Parameters that name a file or a place in a tree: path-like names; `source`/`key` too where the tool takes paths. */
function pathLike(p: TopParameter, pathSignal: boolean): boolean {
  if (hasWord(p, ['id', 'ids', 'url', 'language'])) return false;
  return hasWord(p, PATH_WORDS) || (pathSignal && hasWord(p, PATH_SIGNAL_WORDS));
}

function pathGuard(p: TopParameter, what: 'path' | 'pattern'): Guard {
  return {
    kind: 'path',
    parameter: p.name,
    required: p.required,
    allow: [{ op: 'regex', value: PLAIN_RELATIVE_PATH }],
    message: `${p.name} must be a plain relative ${what}: segments of letters, digits, _ and - (single dots inside), no "..", no leading / or ~, no %, no wildcard`,
    reason: `Takes a ${what === 'path' ? 'file-system path' : 'pattern'} (${p.name}): only plain relative segments pass (no "..", no leading / or ~, no %, no wildcard, nothing outside ASCII).${p.required ? '' : ` ${p.name} is optional: the policy requires it (send "." for the server's own root).`} To allow a root of your own, put it at the start of the pattern (^reports/…).`,
  };
}

/**
 * Path and pattern checks: every path-like string argument against the allow-list; on a tool
 * that changes things, every pattern argument too (a wildcard widens it). A list of paths
 * cannot be checked item by item in either gateway: optional, it is refused; required, the
 * reason says plainly that it is not bounded.
 */
export function pathGuards(
  parameters: TopParameter[],
  /** The tool, or a sibling on its server, takes file-system paths: `source`, `destination` and `key` are paths too. */
  pathSignal: boolean,
  changes: boolean,
): { guards: Guard[]; unbounded: string[] } {
  const guards: Guard[] = [];
  const unbounded: string[] = [];
  for (const p of parameters) {
    const pattern = changes && (hasWord(p, PATTERN_WORDS) || PATTERN_DESCRIPTION.test(p.description));
    if (p.type === 'string' && (pathLike(p, pathSignal) || pattern))
      guards.push(pathGuard(p, pattern && !pathLike(p, pathSignal) ? 'pattern' : 'path'));
    else if (p.type === 'array' && (pathLike(p, pathSignal) || pattern)) {
      if (p.required)
        unbounded.push(
          `${p.name} is a list of paths, which neither gateway can check item by item: the policy does not bound it.`,
        );
      else guards.push(refusedList(p, 'a list of paths neither gateway can check item by item'));
    }
  }
  return { guards, unbounded };
}

/** An argument refused whenever it is present: `exists: false`, which only a call that leaves it out passes. */
export function refusedList(p: TopParameter, why: string): Guard {
  return {
    kind: 'bulk-flag',
    parameter: p.name,
    required: p.required,
    allow: [{ op: 'exists', value: false }],
    message: `${p.name} is refused: ${why}`,
    reason: `Takes ${p.name}, ${why}: any call that sends it is refused.`,
  };
}

/**
 * An optional list whose description says leaving it out means all ("all positions when omitted"):
 * refusing it would leave only the widest call, so every call must send it instead.
 */
function requiredList(p: TopParameter): Guard {
  return {
    kind: 'required-list',
    parameter: p.name,
    required: false,
    allow: [{ op: 'exists', value: true }],
    message: `${p.name} is required: leaving it out acts on everything`,
    reason: `Takes ${p.name}, a list its description says means everything when left out ("${p.description}"): every call must send it.`,
  };
}

const FLAG_WORDS = ['all', 'everything', 'recursive', 'force'];

/**
 * A flag that widens a call (`all`, `recursive`, `force`), refused whenever it is present — not
 * only when it equals `true` (`"yes"`, `1` and `"true"` are truthy to many servers). A required
 * flag can only be `false`.
 */
export function bulkFlags(parameters: TopParameter[]): Guard[] {
  return parameters
    .filter((p) => (p.type === 'boolean' || p.type === '') && hasWord(p, FLAG_WORDS))
    .map((p) => ({
      kind: 'bulk-flag' as const,
      parameter: p.name,
      required: p.required,
      allow: [p.required ? { op: 'in' as const, value: [false] } : { op: 'exists' as const, value: false }],
      message: `${p.name} acts on everything at once and is refused${p.required ? ' unless false' : ' whenever it is sent'}; name the items instead`,
      reason: `Works in bulk through a flag (${p.name}): ${p.required ? 'it must be false' : 'any call that sends it, whatever its value, is refused'}.`,
    }));
}

/** Names of a list of things a call acts on: `ids`, `line_items`, `recipients`. */
const LIST_WORDS = [
  'ids',
  'items',
  'keys',
  'paths',
  'files',
  'names',
  'entries',
  'objects',
  'records',
  'accounts',
  'users',
  'emails',
  'recipients',
  'numbers',
  'symbols',
  'tickers',
  'orders',
  'positions',
  'assets',
  'buckets',
  'documents',
  'messages',
  'rows',
];

/** A description that says leaving the argument out widens the call: "all positions when omitted". */
const OMISSION_WIDENS =
  /\b(omit\w*|left out|leav\w+ (it )?out|not (given|set|provided|sent)|if none|when none|empty)\b/i;

/**
 * Lists that widen a destructive or financial call (ids, line items): optional ones are refused,
 * required ones named as unbounded.
 */
export function bulkLists(
  parameters: TopParameter[],
  already: readonly Guard[],
): { guards: Guard[]; unbounded: string[] } {
  const guards: Guard[] = [];
  const unbounded: string[] = [];
  for (const p of parameters) {
    if (p.type !== 'array' || !hasWord(p, LIST_WORDS) || already.some((g) => g.parameter === p.name)) continue;
    if (p.required) unbounded.push(`${p.name} is a list: the policy cannot bound how many items one call names.`);
    else if (OMISSION_WIDENS.test(p.description) && OMITTED_MEANS_ALL.test(p.description)) {
      guards.push(requiredList(p));
      unbounded.push(`${p.name} is a list: the policy cannot bound how many items one call names.`);
    } else guards.push(refusedList(p, 'a list that widens the call to many items at once'));
  }
  return { guards, unbounded };
}

/**
 * A free-text reason the tool itself asks for: never one of its own enum fields, which records
 * a category, not a justification. Described as what it is: text the server records with the call.
 */
export function reasonRequirement(parameters: TopParameter[]): Requirement | undefined {
  const reason = parameters.find(
    (p) => p.type === 'string' && !p.enum && hasWord(p, ['reason', 'justification', 'memo']),
  );
  if (!reason) return undefined;
  return {
    kind: 'reason',
    parameter: reason.name,
    message: `${reason.name} is required: free text the server records with the call`,
    reason: `Has a free-text ${reason.name} parameter: every call must send one, so the server's record has it. The gateway checks only that it is there, not what it says.`,
  };
}

export type { Check };
