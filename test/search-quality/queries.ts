/**
 * What people type, and the tool each query means, for the search-quality benchmark
 * over the catalogue in ./catalogue.ts. The kinds issue 17 lists: plain sentences with
 * small words, the server named as a word, plurals, the field's verb equivalents
 * (remove for delete, post for send, fetch for get…), and a tool's exact name; then the
 * verbs of what a tool does (wipe, erase, charge, bill), servers by what people call them
 * and typos. This is the tuning set: the held-out set in ./held-out/ is only measured.
 */
export interface QualityQuery {
  q: string;
  /** `server-slug/tool_name`: the tool the query means; `server-slug` alone: the server. */
  meant: string;
  /**
   * What the query is, scored apart: words for a tool (the default), a server's name, or a
   * typo of a tool's or a server's name or of the words around it.
   */
  kind?: QueryKind;
}

export type QueryKind = 'natural' | 'server' | 'typo';

export const QUALITY_QUERIES: QualityQuery[] = [
  // A sentence naming the server and small words the tool's text lacks.
  { q: 'create a github issue', meant: 'github/issue_write' },
  { q: 'delete a database branch', meant: 'neon/delete_branch' },
  { q: 'get kubernetes pod logs', meant: 'kubernetes/pods_log' },
  { q: 'create a notion page', meant: 'notion/notion-create-pages' },
  { q: 'read a file', meant: 'filesystem/read_text_file' },
  { q: 'send a message to a slack channel', meant: 'slack/slack_post_message' },
  { q: 'merge a pull request on github', meant: 'github/merge_pull_request' },
  { q: 'refund a stripe payment', meant: 'stripe/create_refund' },
  { q: 'cancel a subscription in stripe', meant: 'stripe/cancel_subscription' },
  { q: 'take a screenshot of the page', meant: 'playwright/browser_take_screenshot' },
  { q: 'click a button in the browser', meant: 'playwright/browser_click' },
  { q: 'scale a kubernetes deployment', meant: 'kubernetes/deployments_scale' },
  { q: 'restart a deployment', meant: 'kubernetes/deployments_restart' },
  { q: 'run a sql query on neon', meant: 'neon/run_sql' },
  { q: 'upload a file to an s3 bucket', meant: 'aws/s3_put_object' },
  { q: 'schedule a meeting in google calendar', meant: 'gcal/create_event' },
  { q: 'add rows to a google sheet', meant: 'gsheets/add_rows' },
  { q: 'search my gmail', meant: 'gmail/search_emails' },
  { q: 'move a jira issue to done', meant: 'jira/jira_transition_issue' },
  { q: 'list the pods in a namespace', meant: 'kubernetes/pods_list_in_namespace' },
  { q: 'stop a docker container', meant: 'docker/stop_container' },
  { q: 'comment on a linear issue', meant: 'linear/create_comment' },
  { q: 'text a phone number', meant: 'twilio/send_sms' },
  { q: 'convert time between time zones', meant: 'time/convert_time' },
  { q: 'directions between two places', meant: 'google-maps/maps_directions' },
  { q: 'get the transcript of a youtube video', meant: 'youtube/get_transcript' },
  { q: 'turn on the lights', meant: 'home-assistant/HassTurnOn' },
  { q: 'run a shell command', meant: 'shell/run_command' },
  { q: 'crawl a website', meant: 'firecrawl/firecrawl_crawl' },
  { q: 'search the web with brave', meant: 'brave-search/brave_web_search' },
  // Verb equivalents: the words people use for the tool's own verb.
  { q: 'remove a supabase branch', meant: 'supabase/delete_branch' },
  { q: 'post a slack message', meant: 'slack/slack_post_message' },
  { q: 'send a discord message', meant: 'discord/send-message' },
  { q: 'fetch stripe customer', meant: 'stripe/retrieve_customer' },
  { q: 'show my google calendar events', meant: 'gcal/list_events' },
  { q: 'add a new hubspot contact', meant: 'hubspot/hubspot-create-contact' },
  { q: 'edit a confluence page', meant: 'confluence/confluence_update_page' },
  { q: 'retrieve a shopify order', meant: 'shopify/getOrder' },
  { q: 'remove a file from s3', meant: 'aws/s3_delete_object' },
  { q: 'new asana task', meant: 'asana/asana_create_task' },
  { q: 'show the branches of a git repository', meant: 'git/git_branch' },
  { q: 'read slack channel messages', meant: 'slack/slack_get_channel_history' },
  // Plurals and singulars.
  { q: 'notion pages', meant: 'notion/notion-create-pages' },
  { q: 'list stripe invoices', meant: 'stripe/list_invoices' },
  { q: 'delete record airtable', meant: 'airtable/delete_records' },
  { q: 'kubernetes namespaces', meant: 'kubernetes/namespaces_list' },
  { q: 'sentry issues', meant: 'sentry/search_issues' },
  // The server's name with a noun.
  { q: 'mongodb aggregation pipeline', meant: 'mongodb/aggregate' },
  { q: 'vercel build logs', meant: 'vercel/get_deployment_build_logs' },
  { q: 'pagerduty on call', meant: 'pagerduty/list_oncalls' },
  { q: 'figma design to code', meant: 'figma/get_code' },
  { q: 'elevenlabs text to speech', meant: 'elevenlabs/text_to_speech' },
  { q: 'datadog mute monitor', meant: 'datadog/mute_monitor' },
  // A tool's exact name.
  { q: 'browser_navigate', meant: 'playwright/browser_navigate' },
  { q: 'create_refund', meant: 'stripe/create_refund' },
  { q: 'pods_exec', meant: 'kubernetes/pods_exec' },
  { q: 'git_commit', meant: 'git/git_commit' },
  { q: 'sequentialthinking', meant: 'sequential-thinking/sequentialthinking' },
  // What the tool does, in the verbs of its category: destroying, charging (issue: search on a registry catalogue).
  { q: 'wipe a snowflake table', meant: 'snowflake/drop_object' },
  { q: 'erase an email', meant: 'gmail/delete_email' },
  { q: 'destroy a kubernetes pod', meant: 'kubernetes/pods_delete' },
  { q: 'purge a mongodb collection', meant: 'mongodb/drop-collection' },
  { q: 'drop an edge database', meant: 'cloudflare/d1_database_delete' },
  { q: 'bill a stripe customer', meant: 'stripe/create_invoice' },
  { q: 'charge a paypal order', meant: 'paypal/capture_order' },
  // A server by what people call it: its title, its own name, its owner, its registry name.
  ...servers([
    ['github', 'github'],
    ['stripe', 'stripe'],
    ['notion', 'notion'],
    ['slack', 'slack'],
    ['kubernetes', 'kubernetes'],
    ['playwright', 'playwright'],
    ['brave search', 'brave-search'],
    ['hugging face', 'hugging-face'],
    ['io.github.github/github-mcp-server', 'github'],
    ['com.stripe/mcp', 'stripe'],
    ['invoice ninja', 'invoice-ninja'],
    ['octopus deploy', 'octopus-deploy'],
    ['rovo', 'rovo'],
    ['acme-billing', 'invoice-ninja'],
    ['pgvector', 'pgvector'],
    ['io.github.jdoe-labs/weather-alerts', 'weather-alerts'],
  ]),
  // Typos of tool names, server names and the words around them.
  ...typos([
    ['kuberntes pods', 'kubernetes/pods_list'],
    ['stirpe refund', 'stripe/create_refund'],
    ['notoin', 'notion'],
    ['slak', 'slack'],
    ['githbu list issues', 'github/list_issues'],
    ['creat_refund', 'stripe/create_refund'],
    ['sequentialthinkng', 'sequential-thinking/sequentialthinking'],
    ['browser_navgate', 'playwright/browser_navigate'],
    ['serach gmail', 'gmail/search_emails'],
    ['merge a pul request', 'github/merge_pull_request'],
    ['meilisaerch', 'meilisearch'],
    ['octopuss deploy', 'octopus-deploy'],
  ]),
];

function servers(list: [string, string][]): QualityQuery[] {
  return list.map(([q, meant]) => ({ q, meant, kind: 'server' }));
}

function typos(list: [string, string][]): QualityQuery[] {
  return list.map(([q, meant]) => ({ q, meant, kind: 'typo' }));
}
