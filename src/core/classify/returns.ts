/**
 * The `returns-credentials` signal (docs/classification.md, "Signals"): a tool whose result is a secret, a
 * token, a password, an API key or a private key, which then sits in the agent's context and logs. Read from
 * the name (`read_secret`, `create_token`), the description ("returns the password", "the values are
 * plaintext credentials") and the output schema (a `token` field). A tool that says it returns only names or
 * metadata ("never values"), or that only accepts a credential, does not have it.
 */
import type { Tool } from '../../schemas/tool.ts';
import { sentencesOf } from './poisoning.ts';
import { parametersOf, type Parameter } from './schema-walk.ts';
import { excerpt, wordSet } from './words.ts';

export interface ReturnsInput {
  tool: Tool;
  nameWords: string[];
  /** The action's word, where the classifier found one in the name. */
  verb?: string | undefined;
  /** The tool's input parameters: one that takes the credential means the tool accepts it. */
  parameters: Parameter[];
  /** The definition is about a wallet or a chain: a token there is money, not a credential. */
  crypto: boolean;
}

/** Tokens of a language model or a tokenizer, not credentials: `count_tokens`, "returns the tokens of the text". */
const TEXT_TOKENS =
  /\b(tokeni[sz]\w*|tiktoken|llms?|language models?|prompts?|context window|completions?|embeddings?|(input|output|text) tokens|tokens? (count|usage|limit)s?)\b/i;

/** Words that name a credential on their own. */
const SECRET_HEADS = wordSet(`
  secret secrets token tokens password passwords passphrase passphrases credential credentials apikey apikeys
  mnemonic jwt otp totp
`);
/** `<qualifier>_key` names a secret key: `api_key`, `private_key`; a `public_key` or `sort_key` does not. */
const SECRET_KEY_QUALIFIERS = wordSet(`api private access secret signing encryption license client master`);
/** What may follow the credential in a name and still be it: `get_secret_value`. */
const VALUE_WORDS = wordSet(`value values plaintext text string data content contents`);
/** Actions that hand back what is stored. */
const GIVING_VERBS = wordSet(
  `get read fetch retrieve show reveal view export dump print display lookup copy decrypt unseal`,
);
/** Actions that make a new credential and hand it back. */
const ISSUING_VERBS = wordSet(
  `create generate issue new mint rotate regenerate roll renew refresh exchange obtain request reset`,
);
/** Issuing verbs that take a credential to give a new one: their own credential parameter does not mean "accepts". */
const EXCHANGING_VERBS = wordSet(`refresh exchange renew`);
/** Words beside a credential word that make it something else: a page token, a token's balance. */
const NOT_CREDENTIAL_WORDS = wordSet(`
  page next continuation cursor pagination max address contract symbol mint amount balance limit public
  publishable anon
`);

/** The credential a tool's name says it hands back: `read_secret` → secret, `get_api_key` → api key. */
function credentialInName(words: string[], tokensAreOther: boolean): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const previous = words[i - 1] ?? '';
    let head: string | undefined;
    if (SECRET_HEADS.has(w) && !(tokensAreOther && w.startsWith('token'))) head = w;
    else if ((w === 'key' || w === 'keys') && SECRET_KEY_QUALIFIERS.has(previous)) head = `${previous} ${w}`;
    else if (w === 'string' && previous === 'connection') head = 'connection string';
    if (!head || NOT_CREDENTIAL_WORDS.has(previous)) continue;
    // `get_secret_metadata`, `get_secret_scanning_alert`: the name goes on to something about the secret.
    return words.slice(i + 1).every((a) => VALUE_WORDS.has(a)) ? head : undefined;
  }
  return undefined;
}

/** "never values", "without its values", "only names": the tool says it keeps the secret back. */
const KEEPS_VALUES_BACK =
  /\b(never|not|without|no|excluding|except|omit\w*|redact\w*|mask\w*|hid(e|es|den))\b[^.]{0,40}\b(values?|secrets?|passwords?|tokens?|keys?|credentials?|plain-?text)\b|\bonly (the )?(names?|metadata|ids?|identifiers)\b|\b(names?|metadata) only\b/i;

const NOUNS =
  '(passwords?|passphrases?|secrets?|secret values?|tokens?|access tokens?|refresh tokens?|api keys?|private keys?|credentials?|client secrets?|connection strings?|access keys?|secret keys?|session cookies?|seed phrases?|mnemonics?)';
/** "Returns the new token", "reveals the decrypted password", "returns the value of a secret". */
const RETURNS_SECRET = new RegExp(
  `\\b(returns?|returning|outputs?|reveals?|shows?|displays?|exposes?|prints?|gives? back|hands? back|responds? with)\\s+(the|its|their|a|an|your|all)?\\s*((new|newly created|generated|plain-?text|decrypted|raw|full|actual|unmasked|current|secret|session|bearer|auth|authentication|temporary|short-lived|signed|oauth|one-time)\\s+)*(${NOUNS}|values? of (the|a|an|each) (secrets?|passwords?|tokens?|keys?|credentials?))\\b(?!['’]s\\b|\\s+(names?|ids?|metadata|info|information|details|status|expir\\w*|scopes?|permissions?|types?|versions?|history|count|list|polic(y|ies)|paths?|prefix|hints?|balance|price|address))`,
  'i',
);
/** "The values are plaintext credentials", "decrypted secrets". */
const PLAINTEXT_SECRET =
  /\b(plain-?text|decrypted|unmasked|clear-?text)\s+(credentials?|passwords?|secrets?|tokens?|api keys?|private keys?|keys?)\b/i;
/** "The token is shown only once": a credential handed back at creation. */
const SHOWN_ONCE = /\b(token|key|secret|password)\s+is\s+(only\s+)?(shown|returned|displayed)\s+(only\s+)?once\b/i;

/** Words one of the description's patterns needs: most descriptions have none and are not split. */
const CREDENTIAL_WORDS =
  /\b(secrets?|tokens?|passwords?|passphrases?|credentials?|keys?|mnemonics?|cookies?|connection strings?|seed phrases?)\b/i;

/** The sentences of the description that say the result is a credential, and do not take it back. */
function credentialInDescription(description: string, tokensAreOther: boolean): string | undefined {
  if (!CREDENTIAL_WORDS.test(description)) return undefined;
  for (const text of sentencesOf(description)) {
    const m = RETURNS_SECRET.exec(text) ?? PLAINTEXT_SECRET.exec(text) ?? SHOWN_ONCE.exec(text);
    if (m && tokensAreOther && /\btokens?\b/i.test(m[0])) continue;
    if (m && !KEEPS_VALUES_BACK.test(text)) return `description: "${excerpt(text, m.index, m[0].length, 60)}"`;
  }
  return undefined;
}

/** Output fields named or described as a credential: `access_token`, `private_key`, `value` "the secret value". */
function credentialFields(outputSchema: Tool['outputSchema']): string[] {
  if (!outputSchema) return [];
  return parametersOf(outputSchema)
    .parameters.filter((p) => {
      const words = p.words;
      if (
        words.some((w) => NOT_CREDENTIAL_WORDS.has(w)) ||
        /\b(pagination|cursor|next page|masked|redacted|last \d)\b/i.test(p.description)
      )
        return false;
      if (credentialInName(words, false)) return true;
      return (
        words.every((w) => VALUE_WORDS.has(w)) &&
        /\b(secret|password|token|api key|private key|credential)s?\b/i.test(p.description) &&
        !/\b(id|name)\s+of\b/i.test(p.description)
      );
    })
    .map((p) => `outputSchema field "${p.path}"${p.description ? ` ("${excerpt(p.description, 0, 0, 60)}")` : ''}`);
}

const an = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** The name's reading: a giving verb, or an issuing one on a tool that does not take the credential itself. */
function nameEvidence({ tool, nameWords, verb, parameters }: ReturnsInput, tokensAreOther: boolean) {
  if (!verb || !nameWords.includes(verb)) return undefined;
  const head = credentialInName(
    nameWords.filter((w) => w !== verb),
    tokensAreOther,
  );
  if (!head) return undefined;
  if (GIVING_VERBS.has(verb)) return `name "${tool.name}": "${verb}" ${an(head)} hands its value to the agent`;
  if (!ISSUING_VERBS.has(verb)) return undefined;
  const takesIt = parameters.some((p) => credentialInName(p.words, tokensAreOther) || p.words.join(' ') === 'value');
  return takesIt && !EXCHANGING_VERBS.has(verb)
    ? undefined
    : `name "${tool.name}": "${verb}" ${an(head)} hands the new ${head} to the agent`;
}

/** The evidence that a tool's result is a credential; empty when it has none or says it keeps values back. */
export function returnsCredentials(input: ReturnsInput): string[] {
  const { description, outputSchema } = input.tool;
  const keepsBack = KEEPS_VALUES_BACK.test(description);
  const tokensAreOther = input.crypto || TEXT_TOKENS.test(`${input.tool.name} ${description}`);
  return [
    ...(keepsBack ? [] : [nameEvidence(input, tokensAreOther)]),
    credentialInDescription(description, tokensAreOther),
    ...credentialFields(outputSchema),
  ].filter((e): e is string => e !== undefined);
}
