import type { Category } from '../../schemas/taxonomy.ts';
import { wordList as words, wordSet } from './words.ts';

/**
 * The words the classifier reads a tool's action from. Kept as data so that a
 * misclassification is fixed by adding a word, and the table reads as the policy.
 */
const VERBS: Record<Category, string[]> = {
  read: words(`
    get list search find fetch read lookup look describe show view count check status poll retrieve
    inspect explain estimate preview summarize summarise info validate verify analyze analyse compare
    calculate compute convert translate geocode forecast suggest resolve diff query browse scan
    extract parse measure test ping watch monitor scrape crawl detect classify recognize transcribe
    tokenize embed evaluate whoami return returns navigate hover scroll screenshot capture snapshot
    render format lint audit trace tail load open echo sample aggregate rank recommend plan simulate
    dry health identify locate filter sort select review sum tally total explore discover peek see
    wait think report take encode decode hash derive construct serialize deserialize stringify
  `),
  write: words(`
    create add update set put post upload insert edit modify rename move copy write save generate send
    publish schedule reply respond forward invite share assign unassign merge approve reject tag label
    toggle enable disable register subscribe unsubscribe import sync restore archive unarchive close
    reopen mark apply attach detach commit push pull clone fork scale rotate connect upsert track log
    comment react star lock unlock mute unmute escalate reconcile submit cancel stop pause resume
    start restart make compose draft annotate configure record note bookmark pin unpin follow unfollow
    like vote accept decline confirm complete finish checkout init initialize setup provision allocate
    grant authorize login logout type click fill press drag download export issue place book reserve
    transition promote revert rollback resize crop notify email message broadcast announce remind
    store remember append replace patch change request enqueue queue retry rerun duplicate
    encrypt sign tweet dm sms dial upgrade downgrade migrate seed enroll onboard reindex
    index refresh reload invalidate transfer handoff deactivate activate suspend unsuspend block
    unblock ban unban hide unhide reverse link dismiss manage handle prioritize reprioritize
    reorder unresolve unstar finalize finalise rebase unstage emulate revoke resend switch increase
    decrease mint act interact fix repair unfavorite unfavourite unbookmark unwatch untag unlabel
    disassociate dissociate unshare
  `),
  execute: words(`
    run execute exec eval invoke trigger launch spawn deploy install build compile interpret shell
    bash sh script dispatch kickoff call
  `),
  destructive: words(`
    delete del remove rm drop purge wipe erase destroy truncate flush flushall flushdb prune
    terminate kill uninstall clear empty reset void unlink trash release expire nuke discard forget
    obliterate shred overwrite evict cleanup unregister unpublish dismantle decommission deprovision
    detonate scrub
  `),
  financial: words(`
    pay charge refund buy purchase sell withdraw deposit payout reimburse tip donate invest trade swap
    bid bill fund topup remit wire spend bet wager stake unstake lend borrow repay settle capture
    order liquidate exercise
  `),
};

/**
 * A word in two lists ("capture": a screenshot or a payment) takes the first one in
 * the order read, destructive, financial, execute, write; the lists below re-read it
 * from the words around it (`capture` + `payment` moves money).
 */
const VERB_CATEGORY = new Map<string, Category>();
for (const category of ['read', 'destructive', 'financial', 'execute', 'write'] as const) {
  for (const verb of VERBS[category]) if (!VERB_CATEGORY.has(verb)) VERB_CATEGORY.set(verb, category);
}

export function verbCategory(word: string): Category | undefined {
  return VERB_CATEGORY.get(word);
}

/** Objects that make a write or execute action move money: `create_refund`, `run_payroll`. */
export const MONEY_NOUNS = wordSet(`
  payment payments payout payouts refund refunds charge charges transfer transfers withdrawal
  withdrawals deposit deposits bonus payroll purchase purchases order orders tip donation wire
  remittance cash money funds trade trades billing transaction transactions tx reimbursement buy sell swap
`);

/** Things that belong to money but are not money: `create_payment_link` makes a link, `create_payment` pays. */
export const MONEY_CONTAINER_NOUNS = wordSet(`
  link links method methods page settings details address template templates report reports status
  history list summary info form button widget dashboard policy rule rules profile provider webhook
  terms note notes label labels tag tags comment comments category categories schedule preview export
  receipt receipts pdf qr url number numbers portal
`);

/** Actions that, done to a money object, move the money (`create_payment`); others only edit it (`update_payment`). */
export const MONEY_MOVING_ACTIONS = wordSet(`
  create add issue make send submit initiate execute run process place approve capture confirm
  schedule start retry authorize complete settle request post trigger new pay sign broadcast release
  transfer take mint bridge wrap unwrap void
`);

/** Words that are first a noun in a tool name (`email_validate`, `order_status`): a later verb is the action. */
export const NOUN_FIRST_WORDS = wordSet(`
  email message sms log note record order tag label comment index plan test trace filter sort review
  sample snapshot screenshot script shell build query status info health format book star pin bookmark
  lock draft request capture call release fund tip bill trade charge payout refund deposit transfer
  text image file data cache issue copy change store total sum forecast audit reverse pull place checkout
  hash
`);

/** `kubectl_apply`, `terraform_apply`: applying infrastructure code runs whatever it declares. */
export const INFRASTRUCTURE_NOUNS = wordSet(`
  manifest manifests terraform kubectl helm chart stack plan playbook ansible pulumi cloudformation
  migration migrations
`);

/** Objects run by a start/retry-style action: `start_workflow` executes, `start_timer` writes. */
export const EXECUTION_NOUNS = wordSet(`
  pipeline pipelines workflow workflows job jobs build builds automation automations runbook runbooks
  script scripts container containers process lambda function functions notebook migration migrations
  tests command commands task playbook action actions code sql query queries statement javascript
  python program
`);
export const EXECUTION_STARTERS = wordSet(`
  start restart retry rerun dispatch kickoff queue enqueue submit
`);

/** Things that are only a copy of other data: clearing them loses nothing (`purge_cache`). */
export const DERIVED_DATA_NOUNS = wordSet(`
  cache caches cdn memo memoization preview previews thumbnail thumbnails selection highlight
  highlights filter filters notification notifications badge badges
`);

/** `reset_password` changes a credential: a write with a credentials signal, not a wipe. */
export const CREDENTIAL_NOUNS = wordSet(`
  password passwords pin mfa otp passphrase
`);

/** What `run_<noun>` reads rather than runs: `run_report`, `run_search`. */
export const READ_RUN_NOUNS = wordSet(`
  report reports search analysis check checks lookup forecast estimate simulation audit
`);

/** Phrases in a description that say a tool cannot change anything. */
export const READ_ONLY_PHRASES =
  /\b(read[- ]only|does not (modify|change|write|alter)|never (modifies|writes|changes)|select[- ]only|only (select|read)s?\b|no side[- ]effects|on (a|the) read replica|against (a|the) read replica)/i;

/** Phrases that say a tool's effect cannot be undone. */
export const IRREVERSIBLE_PHRASES =
  /\b(permanent(ly)?|irreversibl[ey]|cannot be (undone|recovered|reversed)|can't be (undone|recovered)|no way to (undo|recover)|for good)\b/i;

/** Phrases that say the tool itself spends or moves money ("the price is charged to the account's card"). */
export const MONEY_PHRASES =
  /\b(charge[sd]?\s+(to\s+)?(the|your|its|their)\s+([\w']+\s+)?(card|account|balance|wallet|customer|payment method)|(is|are|will be|gets?)\s+(charged|billed|debited)|refund(s|ed)? to (the|its|their|your) (original )?(payment method|card|account|customer|buyer)|moves? money|sends? money|transfers? (money|funds)|withdraws? (money|funds|cash))\b/i;

/** Weaker phrases that say so only beside an amount parameter ("the daily budget it spends"). */
export const SPENDING_PHRASES = /\b(spends?|spending|budget|purchases?|buys?)\b/i;

/** A read that keeps its result ("translate the document and save the result"): that is a write. */
export const SAVES_RESULT_PHRASES =
  /\b(saves?|saving|writes?|writing|stores?|storing)\s+(the|it|them|a|an|its|their)\b/i;

/** Destructive words in a description beside an action that reads otherwise: a reason for doubt. */
export const DESTRUCTIVE_PHRASES =
  /\b(revokes?|revoked|deletes?|deleted|wipes?|erases?|destroys?|stops? working|removes? (all|every)|terminates?)\b/i;

/** What a browser's `select` chooses: an option, a tab or a frame, which changes the browser's state. */
export const PAGE_CONTROLS = wordSet(`
  option options dropdown dropdowns element elements checkbox checkboxes radio listbox combobox tab tabs
  frame frames page pages
`);

/**
 * Destructive verbs that are not always so (`git_reset` unstages, `trash` keeps files for 30 days): a
 * description whose own action is a write decides. `delete`, `kill` or `purge` stay destructive.
 */
export const UNDOABLE_DESTRUCTIVE = wordSet(`
  reset clear remove trash release expire unlink discard cleanup evict unregister unpublish empty
`);

/** `drop_table` destroys; `browser_drop` lets go of a dragged item. */
export const DROP_OBJECTS = wordSet(`
  table tables database databases db index indexes collection collections schema column columns view
  keyspace bucket namespace user role constraint
`);

/** `resolve_review_thread` closes a thread; `resolve_hostname` only looks something up. */
export const RESOLVABLE_NOUNS = wordSet(
  `thread threads issue issues ticket tickets conflict conflicts comment incident alert alerts`,
);

/**
 * Actions that change nothing lasting by themselves (`generate_typescript_types`,
 * `browser_start_tracing`): where the server's annotations say read-only and nothing
 * else in the definition writes, the annotations are believed, with less confidence.
 */
export const SOFT_ACTIONS = wordSet(`
  generate start stop close hide unhide resize annotate highlight record snapshot pause resume open
  show render
`);

/**
 * Things whose creation or change bills someone (docs/classification.md: invoices created, sent,
 * finalized or voided; subscriptions and plans created, changed or cancelled;
 * payment links and checkouts). `plan` counts only beside a billing word.
 */
export const BILLING_NOUNS = wordSet(`
  invoice invoices subscription subscriptions checkout checkouts paymentlink
`);
/** What done to a billing object bills someone; reading, listing or deleting a draft does not. */
export const BILLING_ACTIONS = wordSet(`
  create add issue make send resend submit finalize finalise void cancel update change modify edit
  upgrade downgrade renew reactivate pause resume remind schedule generate mark apply start set report
  record
`);
/** `create_webhook_subscription`, "a Pub/Sub subscription": subscriptions that bill nobody. */
export const FREE_SUBSCRIPTION_CONTEXT =
  /\b(notifications?|webhooks?|events?|topics?|pub\s*\/?\s*sub|pubsub|channels?|feeds?|alerts?|repositor(y|ies)|repo|calendars?|newsletters?|mailing|streams?|threads?|issues?|rss|graphql|websockets?|realtime|push|azure)\b/i;
/** Usage bills someone only where it is metered for billing: `report_usage` "for metered billing". */
export const METERED_BILLING_CONTEXT = /\b(metered|billing|billed|invoiced?|subscription items?)\b/i;
/** A `plan` bills only when it is a price plan: "subscription plan", "paid plan", "billing plan". */
export const BILLING_PLAN_CONTEXT =
  /\b(subscription|billing|pricing|price|paid|tier|seats?|prorat\w*|charged|invoiced?)\b/i;

/** Objects an approval of which lets someone spend: `approve_token`, an ERC-20 allowance. */
export const SPENDING_APPROVAL_NOUNS = wordSet(`
  token tokens allowance allowances spender spending erc20 permit permit2 nft nfts
`);
/** What raises an allowance: `set_allowance`, `increase_allowance`; lowering or revoking one is a write. */
export const ALLOWANCE_RAISERS = wordSet(`approve set increase grant update raise change add`);
/** Coins and tokens: money where the definition is about a wallet or a chain (`transfer` "ERC-20 tokens"). */
export const CRYPTO_ASSET_NOUNS = wordSet(`
  token tokens coin coins crypto eth sol btc usdc usdt weth wsol nft nfts lamports sats
`);

/** Claims and expenses: approving them releases money (`approve_expense`, "approve every pending claim"). */
export const PAYABLE_NOUNS = wordSet(`
  claim claims expense expenses reimbursement reimbursements payment payments payout payouts invoice
  invoices bill bills withdrawal withdrawals transfer transfers refund refunds
`);
/** What a wallet signs: signing a transaction or a typed message with a private key can spend. */
export const SIGNABLE_NOUNS = wordSet(`
  transaction transactions tx txs message messages typed data payload permit psbt
`);
/** The definition is about a wallet or a chain: "sign" and "approve" there are about money. */
export const CRYPTO_CONTEXT =
  /\b(wallets?|private[\s_-]?keys?|blockchains?|on-?chain|ethereum|eth|solana|sol|bitcoin|btc|web3|evm|erc-?20|erc-?721|smart contracts?|defi|dex|lamports|wei|gwei|seed phrase|mnemonic|spl|usdc|usdt|crypto(currency)?)\b/i;

/** A database transaction is a unit of queries, not money: `run_sql_transaction`. */
export const DATABASE_TRANSACTION_CONTEXT =
  /\b(sql|quer(y|ies)|statements?|database|db|postgres(ql)?|mysql|sqlite|commit|rollback|isolation|schema)\b/i;

/** "Execute API calls to …", `make_api_request`: a request the caller writes, to any endpoint. */
export const FREE_FORM_REQUEST =
  /\b(?:(?:raw|arbitrary|any|custom|generic|free-?form|authenticated)\s+)?(?:api|http|https|rest|graphql)\s+(?:calls?|requests?)\b/i;
/** Actions that make such a request rather than list or read past ones. */
export const REQUEST_ACTIONS = wordSet(`
  make send call execute exec invoke perform run issue do request submit
`);

/** A resource the server says costs money to create: "incurs charges", "billed hourly". */
export const SPEND_PHRASES =
  /\b(incurs?\s+(a\s+)?(charges?|costs?|fees?)|(will|may|can)\s+(incur|cost)|(is|are|will be|gets?)\s+(billed|invoiced)|billed\s+(hourly|daily|monthly|yearly|annually)|billable|costs?\s+[$€£]\s?\d|charges apply|paid (plan|tier|resource|instance|project|add-?on))\b/i;

/** Membership-like things that `remove` takes away without destroying: `remove_collaborator`. */
export const MEMBERSHIP_NOUNS = wordSet(`
  member members collaborator collaborators assignee assignees reviewer reviewers label labels tag tags
  participant participants attendee attendees permission permissions role roles access reaction
  reactions watcher watchers follower followers relation relations dependency dependencies link links
  sub subissue subissues
`);
/** "Remove X from a group": the container keeps existing, and so does X. */
export const MEMBERSHIP_CONTAINERS = wordSet(`
  parent group groups team teams channel channels list lists project projects issue issues role roles
  organization organisation org workspace board playlist cart queue thread conversation meeting event
  segment audience allowlist whitelist blocklist blacklist watchlist favorites favourites milestone
  sprint epic cycle label labels space spaces
`);

/**
 * "Remove X from Y" destroys X when Y is where X is stored (`remove_file_from_bucket`) or X is stored
 * content itself (`remove_comment_from_issue`); otherwise it undoes a link between two records.
 */
export const STORAGE_NOUNS = wordSet(`
  disk disks bucket buckets storage repository repositories repo repos table tables database databases db
  filesystem fs drive folder folders directory directories server servers cluster clusters registry store
  stores collection collections namespace volume volumes system machine host index indexes keystore
  keystores keychain keychains vault vaults
`);
export const STORED_CONTENT_NOUNS = wordSet(`
  file files object objects row rows record records message messages comment comments document documents
  doc docs data key keys secret secrets version versions snapshot snapshots backup backups image images
  branch branches post posts attachment attachments entry entries note notes blob blobs commit commits
  column columns value values path paths symlink symlinks
`);

/**
 * What a build, a hash or an encoding computes and returns, changing nothing: `build_event_topic`,
 * `generate_uuid`, `compose_query_string`, `generate_presigned_url`.
 */
export const COMPUTED_VALUE_NOUNS = wordSet(`
  topic topics signature signatures hmac hash hashes checksum checksums digest digests url urls uri uris
  querystring qs id ids uuid uuids guid guids ulid ulids nanoid slug slugs filename filenames cron regex
  payload header headers expression name names string
`);
/** Verbs that, on a computed value, only compute it. */
export const COMPUTING_VERBS = wordSet(`
  build compose construct generate encode hash make format derive assemble serialize
`);
/** Links that are records of their own: a short link, a share or an invitation is created, not computed. */
export const CREATED_LINK_WORDS = wordSet(`
  short shortened share sharing shared invite invitation public webhook magic login signup checkout payment
  meeting join
`);
/** Keys that are computed values (`build_cache_key`), unlike an API key. */
export const COMPUTED_KEY_QUALIFIERS = wordSet(`cache idempotency partition routing dedup dedupe sort lookup`);

/** Things about money records that hold none: a refund policy, an invoice template, a payment method's type. */
export const ABOUT_MONEY_NOUNS = wordSet(`
  policy policies rule rules settings setting template templates terms method methods category categories
  webhook webhooks schema docs documentation
`);

/** Nouns of money records: reading them reads financial data (`list_invoices`, `retrieve_balance`). */
export const FINANCIAL_DATA_NOUNS = wordSet(`
  invoice invoices balance balances payment payments charge charges refund refunds payout payouts
  transaction transactions subscription subscriptions billing bill bills statement statements ledger
  ledgers cost costs spend spending expense expenses revenue payroll salary salaries tax taxes dispute
  disputes transfer transfers wallet wallets portfolio bank earnings funds deposit deposits withdrawal
  withdrawals paymentintent paymentintents
`);

/** A trading position: closing it sells what it holds (`close_position`, `deleteOpenPosition`). */
export const POSITION_NOUNS = wordSet(`position positions holding holdings`);
export const POSITION_CLOSERS = wordSet(`close delete exit flatten reduce remove cancel`);

/**
 * Verbs whose category hangs on what they act on and where: `run` a report or a script, `generate` a
 * picture or a plan, `validate` by reading or by fixing. Named by them alone, a category is less sure.
 */
export const AMBIGUOUS_VERBS = wordSet(`
  run generate validate deploy select complete manage handle process trigger apply sync import export
  open close submit test check evaluate wait start stop make do execute perform build launch call
`);
