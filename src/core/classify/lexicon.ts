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
    wait think report take
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
    reorder unresolve unstar finalize finalise rebase
  `),
  execute: words(`
    run execute exec eval invoke trigger launch spawn deploy install build compile interpret shell
    bash sh script dispatch kickoff call
  `),
  destructive: words(`
    delete del remove rm drop purge wipe erase destroy truncate flush flushall flushdb prune revoke
    terminate kill uninstall clear empty reset void unlink trash release expire nuke discard forget
    obliterate shred overwrite evict cleanup unregister unpublish dismantle decommission deprovision
    detonate scrub
  `),
  financial: words(`
    pay charge refund buy purchase sell withdraw deposit payout reimburse tip donate invest trade swap
    bid bill fund topup remit wire spend bet wager stake unstake lend borrow repay settle capture
    order
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
  receipt receipts
`);

/** Actions that, done to a money object, move the money (`create_payment`); others only edit it (`update_payment`). */
export const MONEY_MOVING_ACTIONS = wordSet(`
  create add issue make send submit initiate execute run process place approve capture confirm
  schedule start retry authorize complete settle request post trigger new pay sign broadcast release
  transfer take
`);

/** Words that are first a noun in a tool name (`email_validate`, `order_status`): a later verb is the action. */
export const NOUN_FIRST_WORDS = wordSet(`
  email message sms log note record order tag label comment index plan test trace filter sort review
  sample snapshot screenshot script shell build query status info health format book star pin bookmark
  lock draft request capture call release fund tip bill trade charge payout refund deposit transfer
  text image file data cache issue copy change store total sum forecast audit reverse pull
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
  /\b(charge[sd]?\s+(to\s+)?(the|your|its|their)\s+([\w']+\s+)?(card|account|balance|wallet|customer|payment method)|(is|are|will be|gets?)\s+(charged|billed|debited)|moves? money|sends? money|transfers? (money|funds)|withdraws? (money|funds|cash))\b/i;

/** Weaker phrases that say so only beside an amount parameter ("the daily budget it spends"). */
export const SPENDING_PHRASES = /\b(spends?|spending|budget|purchases?|buys?)\b/i;

/** A read that keeps its result ("translate the document and save the result"): that is a write. */
export const SAVES_RESULT_PHRASES =
  /\b(saves?|saving|writes?|writing|stores?|storing)\s+(the|it|them|a|an|its|their)\b/i;

/** Destructive words in a description beside an action that reads otherwise: a reason for doubt. */
export const DESTRUCTIVE_PHRASES =
  /\b(revokes?|revoked|deletes?|deleted|wipes?|erases?|destroys?|stops? working|removes? (all|every)|terminates?)\b/i;

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
