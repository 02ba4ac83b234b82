import type { Category, SignalId } from '../../schemas/taxonomy.ts';
import type { Tool } from '../../schemas/tool.ts';
import { financialDataWords, type Surroundings } from './context.ts';
import type { Parameter } from './schema-walk.ts';
import { poisoningEvidence } from './poisoning.ts';
import { returnsCredentials } from './returns.ts';
import { excerpt, wordSet } from './words.ts';

export interface Signal {
  id: SignalId;
  /** What triggered it: the field and the words or parameter, e.g. `parameter "callback_url" (format uri)`. */
  evidence: string[];
}

export interface SignalInput {
  tool: Tool;
  parameters: Parameter[];
  category: Category;
  /** Words of the tool name, and whether the action sends something out. */
  nameWords: string[];
  sends: boolean;
  /** Is "query" SQL here? (the tool or its server talks about a database) */
  sqlContext: boolean;
  /** Tool names of other servers, for spotting a description that steers the agent to them. */
  otherServersTool?: (identifier: string) => string | undefined;
  /** The rest of the definition, for words read in context. */
  around: Surroundings;
  /** What the action acts on, where the classifier found one. */
  objectWords?: string[];
  /** The word that names the action (`create` of `create_attachment`), where the classifier found one. */
  verb?: string;
}

const last = (words: string[]) => words[words.length - 1] ?? '';
const has = (words: string[], ...wanted: string[]) => wanted.some((w) => words.includes(w));
const param = (p: Parameter, why = '') => `parameter "${p.path}"${why ? ` (${why})` : ''}`;

/** Names that mean "an identifier of the thing", not the thing: `secret_name`, `template_id`. */
const REFERENCE_WORDS = wordSet(`
  id ids name names type types count length ttl expiry expires hint format version field fields set
  enabled prefix
`);

const URL_WORDS = wordSet(`
  url urls uri uris endpoint endpoints webhook callback href redirect origin link links 
  host hostname website
`);
const PATH_WORDS = wordSet(`
  path paths dir dirs directory directories folder folders filename filepath cwd dirname workdir
  volume volumes mount
`);
const CODE_WORDS = wordSet(`
  script command commands cmd sql javascript js python expression program snippet statement shell bash
  eval function code cypher graphql promql kql xpath regex
`);
/**
 * A `code` that is a short identifier someone types, not a program: a coupon, promotion, plan,
 * country, currency or verification code. A bare `code` parameter is code to run unless its
 * description or its tool's says it is one of these (a card's `statement_descriptor` is a
 * label printed on a bank statement, not a statement to run: see below).
 */
const IDENTIFIER_CODE =
  /\b(coupon|promo(tion)?|discount|voucher|gift card|referral|plan|country|currency|language|postal|zip|verification|confirmation|invite|invitation|product|sku|tracking)\b/i;
const CODE_QUALIFIERS = wordSet(`
  source js python program script custom user inline raw shell sql
`);
const HTML_WORDS = wordSet(`
  html template markup svg mjml handlebars liquid jinja xml
`);
const CREDENTIAL_WORDS = wordSet(`
  password passwd secret secrets token tokens apikey credential credentials auth authorization bearer
  passphrase mnemonic otp mfa cookie cookies session pat jwt
`);
const KEY_QUALIFIERS = wordSet(`
  api private access secret ssh signing encryption license client master
`);
const DESTINATION_WORDS = wordSet(`
  to recipient recipients cc bcc destination dest iban payee beneficiary
`);
const CONTACT_WORDS = wordSet(`
  email emails phone phones number numbers channel channels chat address addresses attendees invitees
  webhook callback url account user users handle username
`);
const MONEY_WORDS = wordSet(`
  amount amounts price prices cost budget currency fee fees total salary wage payment bonus tip bid
  premium
`);
/** "The ID of the price": a parameter that names a money object rather than an amount. */
const IDENTIFIER_DESCRIPTION = /\b(id|identifier)\s+of\b|^\s*(the\s+)?id\b/i;
/** A currency named in a parameter's description: "in cents", "ISO currency code", "USD". */
const CURRENCY_WORDS =
  /\b(currency|currencies|cents|minor units?|usd|eur|gbp|jpy|usdc|usdt|eth|sats?|lamports|wei)\b|[$€£¥]/i;
/** What a price per call is per: a call, a request, an image, a thousand tokens… */
const CALL_UNITS =
  '(?:call|calls|request|requests|query|queries|search|searches|run|runs|image|images|generation|generations|page|pages|token|tokens|1k|1,?000|thousand|million|video|videos|second|seconds|minute|minutes|character|characters|word|words|email|emails|message|messages|sms|lookup|lookups|result|results|record|records|use|invocation|invocations)';
/**
 * A price per call in a definition: "$0.005/image", "0.01 USD per request", "Each call costs 1 credit",
 * "billed per image". A cost of using the tool, not money it moves.
 */
const PRICE_PER_CALL = new RegExp(
  [
    `(?:[$€£¥]\\s?\\d[\\d.,]*|\\b\\d[\\d.,]*\\s?(?:usd|eur|gbp|dollars?|euros?|cents?|credits?))\\s*(?:\\/\\s*|per\\s+|an?\\s+|each\\s+)(?:1\\s+)?${CALL_UNITS}\\b`,
    `\\b(?:each|every|per)\\s+${CALL_UNITS}\\s+(?:costs?|is billed|is charged)\\b`,
    `\\b(?:billed|charged|priced)\\s+per\\s+${CALL_UNITS}\\b`,
    `\\bcosts?\\s+\\d[\\d.,]*\\s*credits?\\b`,
  ].join('|'),
  'i',
);

const PLURAL_TARGETS = wordSet(`
  ids keys names paths numbers recipients emails items urls files objects records messages users
  entries rows documents contacts tasks tickets accounts devices addresses
`);
const BULK_WORDS = wordSet(`
  all bulk batch many mass everything recursive wildcard glob pattern flushall
`);

/** A parameter as the detectors read it: its words, the last of them, and whether it only names the thing. */
interface ParameterView {
  p: Parameter;
  words: string[];
  end: string;
  isReference: boolean;
}

/** What every detector reads: the input, whether the action changes anything, and the currency it is in. */
interface Scope extends SignalInput {
  acts: boolean;
  currencyParameter: Parameter | undefined;
  /** Where a currency is named: a parameter, or a parameter's description. */
  currency: string | undefined;
}

/** Reads one parameter for one signal: the evidence, or undefined. */
type ParameterDetector = (view: ParameterView, scope: Scope) => string | undefined;
/** Reads the whole tool for one signal: one piece of evidence, several, or none. */
type ToolDetector = (scope: Scope) => string | readonly string[] | undefined;

const URL_FORMATS = ['uri', 'url', 'iri', 'uri-reference', 'iri-reference'];

/** Actions that store what they are given on a record: a URL among it is data, not an address to call. */
const STORING_VERBS = wordSet(`
  create add update set edit modify patch upsert save put insert new register change attach
`);
/** Records whose URL the server itself calls, fetches or sends to: a webhook, a feed, a monitor, a remote… */
const URL_CALLERS = wordSet(`
  webhook webhooks hook hooks callback callbacks subscription subscriptions notification notifications endpoint
  endpoints destination destinations sink sinks integration integrations monitor monitors check checks probe
  probes crawler crawlers scrape scraper job jobs import imports feed feeds source sources datasource
  datasources mirror mirrors remote remotes proxy proxies target targets upstream upstreams origin origins
  backend backends server servers connection connections connector connectors base api client config
  configuration redirect redirects route routes url urls uri link links fetch download request
`);
/**
 * Parameter words for an address the server calls or sends a browser to, whatever the record, and for content
 * it downloads from one: `callback_url`, `image_url` on an image edit, `source_url` of an import.
 */
const CALLED_URL_WORDS = wordSet(`
  webhook callback endpoint redirect return success cancel failure host hostname origin base image images photo photos picture pictures video
  videos audio file files document documents pdf media content source src input download upload import feed
`);
/** A definition that says the URL is fetched, called or sent to. */
const FETCHED_URL =
  /\b(fetch\w*|download\w*|import\w*|crawl\w*|scrap\w*|poll\w*|ping\w*|deliver\w*|notif\w*|webhooks?|callbacks?|mirror\w*|clon\w*|from (the|a|this|that) (url|link|address)|(will|to) (call|request|post to|send to|visit|open)|sends? (events|notifications|requests?|a request)|calls? (the|this|that|your) (url|endpoint|address))\b/i;
/** A parameter description that says the URL is kept as data: "Link to the design", "stored with the record". */
const STORED_URL =
  /\b((links?|linking|points?|pointing) to (a|an|the|its|their|your|another|some|external|[\w-]+['’]s)|stored|saved|kept|shown|displayed|for reference)\b/i;

/**
 * `attachmentUrl` on `create_attachment`, `avatar_url` on `update_user`: a URL stored as a field of a record
 * the action creates or changes, which nothing fetches. A bare `url` counts only when its description says so.
 */
function storedUrl({ p, words }: ParameterView, { tool, verb, objectWords, acts }: Scope): boolean {
  if (!acts || words.some((w) => CALLED_URL_WORDS.has(w))) return false;
  if (FETCHED_URL.test(`${p.description} ${tool.description}`)) return false;
  if (STORED_URL.test(p.description)) return true;
  const objects = objectWords ?? [];
  const onRecord =
    STORING_VERBS.has(verb ?? '') &&
    objects.some((w) => w.length > 2 && !URL_CALLERS.has(w)) &&
    !objects.some((w) => URL_CALLERS.has(w));
  const qualified =
    words.length > 1 || !['url', 'uri', 'urls', 'uris', 'link', 'links', 'href'].includes(words[0] ?? '');
  return onRecord && qualified;
}

const urlParameter: ParameterDetector = (view, scope) => {
  const { p, words, isReference } = view;
  const urlLike =
    URL_FORMATS.includes(p.format.toLowerCase()) ||
    (!isReference && words.some((w) => URL_WORDS.has(w)) && !has(words, 'path', 'pattern')) ||
    (!isReference && /\burls?\b/i.test(p.description) && /string/.test(p.type));
  if (!urlLike || storedUrl(view, scope)) return undefined;
  if (URL_FORMATS.includes(p.format.toLowerCase())) return param(p, `format ${p.format}`);
  if (words.some((w) => URL_WORDS.has(w)) && !has(words, 'path', 'pattern')) return param(p);
  return param(p, 'its description asks for a URL');
};

const pathParameter: ParameterDetector = ({ p, words, end, isReference }) =>
  !isReference &&
  (words.some((w) => PATH_WORDS.has(w)) || (words.length === 1 && (end === 'file' || end === 'files'))) &&
  !/\burl\b/i.test(p.description)
    ? param(p)
    : undefined;

const codeParameter: ParameterDetector = ({ p, words, end, isReference }, { tool, sqlContext }) => {
  const codeWord = words.find((w) => CODE_WORDS.has(w));
  if (
    !isReference &&
    codeWord &&
    !(codeWord === 'statement' && has(words, 'descriptor')) &&
    (codeWord !== 'code' ||
      CODE_QUALIFIERS.has(words[words.indexOf('code') - 1] ?? '') ||
      (words.length === 1 && !IDENTIFIER_CODE.test(`${p.description} ${tool.description}`)))
  )
    return param(p);
  if (end === 'query' && (sqlContext || /\b(sql|select|graphql|query language|cypher)\b/i.test(p.description)))
    return param(p, 'a database query');
  return undefined;
};

const htmlParameter: ParameterDetector = ({ p, words, isReference }) => {
  if (!isReference && words.some((w) => HTML_WORDS.has(w))) return param(p);
  if (has(words, 'body', 'content', 'contents', 'markup') && /\bhtml\b/i.test(p.description))
    return param(p, 'its description says HTML');
  return undefined;
};

/** Words beside a credential word that make it something else: a page token, a token's address or amount. */
const NOT_CREDENTIALS = [
  'page',
  'next',
  'continuation',
  'cursor',
  'pagination',
  'max',
  'address',
  'contract',
  'symbol',
  'mint',
  'amount',
  'balance',
  'limit',
];
const SECRET_NAME_WORDS = ['secret', 'password', 'credential', 'token'];

const credentialParameter: ParameterDetector = ({ p, words, end, isReference }, { nameWords }) => {
  const keyLike = end === 'key' && words.some((w) => KEY_QUALIFIERS.has(w));
  if (!isReference && (words.some((w) => CREDENTIAL_WORDS.has(w)) || keyLike))
    return has(words, ...NOT_CREDENTIALS) ? undefined : param(p);
  if (words.length === 1 && (end === 'value' || end === 'data') && has(nameWords, ...SECRET_NAME_WORDS))
    return param(p, `the value of a ${nameWords.find((w) => SECRET_NAME_WORDS.includes(w))}`);
  return undefined;
};

const recipientParameter: ParameterDetector = ({ p, words, isReference }, { acts, sends }) => {
  // "to" names a destination only at the head of a name (`to`, `to_address`), not inside one (`amount_to_wrap`).
  if (acts && words.some((w, i) => DESTINATION_WORDS.has(w) && (w !== 'to' || i === 0))) return param(p);
  if (acts && sends && words.some((w) => CONTACT_WORDS.has(w)) && !isReference) return param(p);
  return undefined;
};

/**
 * An amount is money moving only beside a currency or on a financial action; `price_class` and
 * `payment_intent_id` name something, and "The ID of the price" is an identifier.
 */
const moneyParameter: ParameterDetector = ({ p, end }, { acts, category, currency, currencyParameter }) => {
  if (!acts || !MONEY_WORDS.has(end) || IDENTIFIER_DESCRIPTION.test(p.description)) return undefined;
  if (category === 'financial') return param(p);
  if (currency && p !== currencyParameter) return param(p, `an amount, with ${currency}`);
  return undefined;
};

const bulkParameter: ParameterDetector = ({ p, words, end, isReference }, { acts }) => {
  if (!acts) return undefined;
  if (p.isArray && PLURAL_TARGETS.has(end)) return param(p, p.type);
  if (words.some((w) => BULK_WORDS.has(w)) && !isReference) return param(p);
  if (/(^|\s|["'`])\*|\*\*|\ball matching\b/i.test(p.description)) return param(p, 'takes a wildcard');
  return undefined;
};

/** In order, for each parameter: the order in which signals are first found is the order they are listed in. */
const PARAMETER_DETECTORS: readonly [SignalId, ParameterDetector][] = [
  ['url', urlParameter],
  ['path', pathParameter],
  ['code', codeParameter],
  ['html', htmlParameter],
  ['credentials', credentialParameter],
  ['recipient', recipientParameter],
  ['money', moneyParameter],
  ['bulk', bulkParameter],
];

const sendsOut: ToolDetector = ({ acts, sends, nameWords }) =>
  acts && sends ? `the action "${nameWords.join(' ')}" sends something out` : undefined;

const movesMoney: ToolDetector = ({ category }) =>
  category === 'financial' ? `the category: it can move money, bill someone or commit spend` : undefined;

const pricePerCall: ToolDetector = ({ tool: { description } }) => {
  const perCall = PRICE_PER_CALL.exec(description);
  return perCall
    ? `description states a price per call: "${excerpt(description, perCall.index, perCall[0].length, 10)}"`
    : undefined;
};

const readsFinancialData: ToolDetector = ({ category, tool, nameWords, objectWords, around }) => {
  if (category !== 'read') return undefined;
  const nameRecords = financialDataWords(nameWords, around);
  const records = nameRecords.length ? nameRecords : financialDataWords(objectWords ?? [], around);
  return records.length
    ? `${nameRecords.length ? `name "${tool.name}"` : 'description'}: it reads ${[...new Set(records)].join(', ')}`
    : undefined;
};

const bulkName: ToolDetector = ({ acts, nameWords, tool }) =>
  acts && nameWords.some((w) => BULK_WORDS.has(w)) ? `name "${tool.name}"` : undefined;

const BULK_PHRASE =
  /\b(all (matching|keys|records|items|objects|files|messages|data|users|entries|rows|documents)|every (record|item|key|file|message|user|row|document)|in bulk|wildcard|glob pattern)\b/i;

const bulkPhrase: ToolDetector = ({ acts, tool: { description } }) => {
  const phrase = description.match(BULK_PHRASE);
  return acts && phrase ? `description: "${excerpt(description, phrase.index ?? 0, phrase[0].length)}"` : undefined;
};

const shortDescription: ToolDetector = ({ tool }) => {
  const trimmed = tool.description.trim();
  if (trimmed.length === 0) return 'the description is empty';
  if (trimmed.length < 20) return `the description is ${trimmed.length} characters: "${trimmed}"`;
  return undefined;
};

const handsBackCredentials: ToolDetector = ({ tool, nameWords, verb, parameters, around }) =>
  returnsCredentials({ tool, nameWords, verb, parameters, crypto: around.crypto });

/** In order, after the parameters. */
const TOOL_DETECTORS: readonly [SignalId, ToolDetector][] = [
  ['recipient', sendsOut],
  ['money', movesMoney],
  ['cost', pricePerCall],
  ['financial-data', readsFinancialData],
  ['returns-credentials', handsBackCredentials],
  ['bulk', bulkName],
  ['bulk', bulkPhrase],
  ['poisoning', poisoningEvidence],
  ['short-description', shortDescription],
];

function scopeOf(input: SignalInput): Scope {
  const { parameters } = input;
  const currencyParameter = parameters.find((p) => p.words.includes('currency'));
  const currency = currencyParameter
    ? `parameter "${currencyParameter.path}"`
    : parameters.some((p) => CURRENCY_WORDS.test(p.description))
      ? 'a currency in its description'
      : undefined;
  return { ...input, acts: input.category !== 'read', currencyParameter, currency };
}

function viewOf(p: Parameter): ParameterView {
  const end = last(p.words);
  return { p, words: p.words, end, isReference: REFERENCE_WORDS.has(end) };
}

export function detectSignals(input: SignalInput): Signal[] {
  const found = new Map<SignalId, string[]>();
  const add = (id: SignalId, evidence: string) => {
    const list = found.get(id) ?? [];
    if (!list.includes(evidence) && list.length < 8) list.push(evidence);
    found.set(id, list);
  };
  const scope = scopeOf(input);
  for (const p of scope.parameters) {
    const view = viewOf(p);
    for (const [id, detect] of PARAMETER_DETECTORS) {
      const evidence = detect(view, scope);
      if (evidence !== undefined) add(id, evidence);
    }
  }
  for (const [id, detect] of TOOL_DETECTORS) {
    const evidence = detect(scope);
    if (typeof evidence === 'string') add(id, evidence);
    else for (const e of evidence ?? []) add(id, e);
  }
  return [...found].map(([id, evidence]) => ({ id, evidence }));
}
