/**
 * The held-out catalogue of the search-quality benchmark (scripts/lib/search-quality.ts):
 * shaped like a catalogue synced from the MCP Registry. Search is not tuned on it: a query
 * that fails here is a reason to look for a general rule, tried on the tuning set first.
 * Names are the registry's (`io.github.<owner>/<name>`, a few domain namespaces such as
 * `com.notion/mcp`), many servers have no title, and two in five have no tools at all:
 * the sync wrote them and the scan failed, needed credentials or never ran. Tool names
 * follow each server's own style (snake_case, kebab-case, camelCase, `API-post-search`,
 * `twilio_api_v2010--CreateMessage`); every description is written for this benchmark.
 *
 * Its queries are in ./queries.ts. Keep both apart from the tuning set (../catalogue.ts,
 * ../queries.ts): a change to search is tuned there and only measured here.
 */
import type { ScanStatus } from '../../../src/schemas/registry.ts';
import { tools, type QualityTool } from '../catalogue.ts';

export interface HeldOutServer {
  /** The catalogue file's name, without `.json`: the server's slug. */
  slug: string;
  /** The registry name. */
  name: string;
  /** Many registry entries have none. */
  title?: string;
  description: string;
  scan: ScanStatus;
  tools: QualityTool[];
}

const scanned = (slug: string, name: string, title: string | undefined, description: string, list: QualityTool[]) => ({
  slug,
  name,
  ...(title ? { title } : {}),
  description,
  scan: 'scanned' as const,
  tools: list,
});

const unscanned = (slug: string, name: string, title: string | undefined, description: string, scan: ScanStatus) => ({
  slug,
  name,
  ...(title ? { title } : {}),
  description,
  scan,
  tools: [],
});

export const HELD_OUT_SERVERS: HeldOutServer[] = [
  scanned(
    'stripe-agent-toolkit',
    'io.github.stripe/agent-toolkit',
    undefined,
    'Tools for agents that take payments: customers, products, prices, invoices, refunds and subscriptions.',
    tools(`
create_customer | Make a new customer record with an email address and a name. | email name
list_customers | Page through customers, optionally only those with a given email. | email limit
create_product | Add a product that prices can be attached to. | name description
list_products | Page through the products of the account. | limit
create_price | Attach a one-off or recurring price to a product. | product unit_amount currency recurring
list_prices | Page through prices, optionally for one product. | product limit
create_payment_link | Make a hosted checkout link for a price that anyone can pay. | price quantity
create_invoice | Start a draft invoice for a customer. | customer days_until_due
create_invoice_item | Put a line on a customer's draft invoice. | customer price invoice
finalize_invoice | Turn a draft invoice into an open one that can be paid. | invoice
retrieve_balance | Show the money available and pending in the account. |
create_refund | Give back all or part of a payment to the card it came from. | payment_intent amount
list_payment_intents | Page through payment intents, optionally for one customer. | customer limit
list_subscriptions | Page through subscriptions by customer, price or status. | customer price status
cancel_subscription | End a customer's subscription now. | subscription
update_subscription | Swap the items or the quantity of a subscription. | subscription items proration_behavior
list_coupons | Page through the discount coupons. | limit
create_coupon | Make a coupon that takes a percentage or an amount off. | percent_off amount_off duration
list_disputes | Page through card disputes, newest first. | charge payment_intent limit
update_dispute | Send evidence for a dispute or add notes to it. | dispute evidence submit
search_stripe_documentation | Look up how to do something in the payments documentation. | question language
`),
  ),
  scanned(
    'slack-mcp-server',
    'io.github.korotovsky/slack-mcp-server',
    undefined,
    'A Slack workspace through the user or bot token: channels, threads, DMs and search.',
    tools(`
conversations_history | Messages of a channel or a direct message, newest first, with paging. | channel_id limit cursor
conversations_replies | The replies in one thread of a channel. | channel_id thread_ts limit cursor
conversations_add_message | Post a message into a channel or a thread as the token's user. | channel_id thread_ts payload content_type
conversations_search_messages | Find messages across the workspace by words, author, channel or date. | search_query filter_in_channel filter_users_from filter_date_after
channels_list | The public and private channels the token can see, with member counts. | channel_types sort limit cursor
`),
  ),
  scanned(
    'notion-api',
    'io.github.makenotion/notion-mcp-server',
    'Notion API',
    'The Notion public API as tools: pages, blocks, databases, comments and users.',
    tools(`
API-post-search | Find pages and databases whose title matches a query. | query filter sort
API-get-block-children | The blocks inside a page or a block. | block_id page_size
API-patch-block-children | Append new blocks at the end of a page or block. | block_id children
API-retrieve-a-page | A page's properties. | page_id
API-patch-page | Change the properties of a page, or archive it. | page_id properties archived
API-post-page | Make a new page under a page or in a database. | parent properties children
API-create-a-database | Make a new database inside a page. | parent title properties
API-query-data-source | Rows of a database that match a filter, in a given order. | data_source_id filter sorts
API-create-a-comment | Comment on a page or in a discussion. | parent rich_text
API-get-users | The people and bots of the workspace. | page_size
API-delete-a-block | Move a block to the trash. | block_id
`),
  ),
  scanned(
    'mongodb',
    'io.github.mongodb-js/mongodb-mcp-server',
    'MongoDB',
    'Query and administer MongoDB deployments and Atlas clusters.',
    tools(`
find | Return the documents of a collection that match a filter. | database collection filter projection limit sort
aggregate | Run an aggregation pipeline over a collection. | database collection pipeline
count | How many documents of a collection match a filter. | database collection query
insert-many | Add documents to a collection. | database collection documents
update-many | Change every document that matches a filter. | database collection filter update upsert
delete-many | Remove every document that matches a filter. | database collection filter
create-index | Build an index on fields of a collection. | database collection keys name
collection-indexes | The indexes of a collection. | database collection
collection-schema | Guess a collection's schema from a sample of its documents. | database collection
list-databases | The databases of the connected deployment with their sizes. |
list-collections | The collections of a database. | database
rename-collection | Give a collection a new name. | database collection newName dropTarget
drop-collection | Remove a collection with its documents and indexes. | database collection
drop-database | Remove a database with everything in it. | database
db-stats | Storage statistics of a database. | database
explain | Show how the server would run a query. | database collection method
atlas-list-projects | The Atlas projects of the organisation. | orgId
atlas-list-clusters | The clusters of an Atlas project. | projectId
atlas-create-free-cluster | Start a free-tier cluster in a project. | projectId name region
atlas-create-db-user | Add a database user to an Atlas project. | projectId username password roles
`),
  ),
  scanned(
    'gitea',
    'io.github.gitea/gitea-mcp',
    'Gitea',
    'A self-hosted Gitea instance, the lightweight GitHub-like forge: repositories, branches, issues, pull requests and releases.',
    tools(`
create_repo | Make a repository for the user or an organisation. | name description private org
list_my_repos | The repositories of the signed-in user. | page pageSize
search_repos | Find repositories by keyword. | keyword page
create_branch | Start a branch from an existing one. | owner repo branch old_branch
delete_branch | Remove a branch from a repository. | owner repo branch
list_branches | The branches of a repository. | owner repo
create_issue | Open an issue in a repository. | owner repo title body
list_repo_issues | The issues of a repository, open or closed. | owner repo state page
get_issue_by_index | One issue by its number. | owner repo index
create_issue_comment | Reply on an issue. | owner repo index body
create_pull_request | Ask to merge one branch into another. | owner repo title head base body
list_repo_pull_requests | The pull requests of a repository. | owner repo state
get_file_content | A file of a repository at a ref. | owner repo ref filePath
create_file | Commit a new file. | owner repo filePath content message branch
update_file | Commit new contents for a file. | owner repo filePath content message branch sha
delete_file | Commit the removal of a file. | owner repo filePath message branch sha
list_releases | The releases of a repository. | owner repo
create_release | Publish a release from a tag. | owner repo tag_name title body
`),
  ),
  scanned(
    'grafana',
    'io.github.grafana/mcp-grafana',
    'Grafana',
    'Dashboards, data sources, alerting, incidents and on-call of a Grafana instance.',
    tools(`
search_dashboards | Find dashboards by title. | query
get_dashboard_by_uid | A dashboard's JSON model. | uid
update_dashboard | Save a changed dashboard. | dashboard folderUid message overwrite
list_datasources | The data sources the instance is connected to. | type
query_prometheus | Run a PromQL expression against a Prometheus data source. | datasourceUid expr startTime endTime stepSeconds
query_loki_logs | Read log lines from a Loki data source with LogQL. | datasourceUid logql limit
list_alert_rules | The alert rules and their state. | limit
create_incident | Declare an incident. | title severity roomPrefix
list_oncall_schedules | The on-call schedules of a team. | teamId
get_current_oncall_users | Who is on call right now on a schedule. | scheduleId
`),
  ),
  scanned(
    'dynamodb',
    'io.github.awslabs/dynamodb-mcp-server',
    'Amazon DynamoDB',
    'Tables and items in DynamoDB.',
    tools(`
create_table | Make a table with a key schema and billing mode. | table_name key_schema attribute_definitions billing_mode region
delete_table | Remove a table and all of its items. | table_name region
describe_table | A table's keys, indexes, size and status. | table_name region
list_tables | The tables of the account in a region. | region limit
put_item | Write one item, replacing any item with the same key. | table_name item region
get_item | Read one item by its key. | table_name key region
update_item | Change attributes of one item. | table_name key update_expression region
delete_item | Remove one item by its key. | table_name key region
query | Read the items that share a partition key. | table_name key_condition_expression region
scan | Read every item of a table, page by page. | table_name filter_expression region
create_backup | Take an on-demand backup of a table. | table_name backup_name region
`),
  ),
  scanned(
    'elasticsearch',
    'io.github.elastic/mcp-server-elasticsearch',
    'Elasticsearch',
    'Read-only access to an Elasticsearch cluster.',
    tools(`
list_indices | The indices of the cluster that match a pattern. | index_pattern
get_mappings | The field mappings of an index. | index
search | Run a query DSL search against an index. | index query_body
esql | Run an ES|QL query. | query
get_shards | Where the shards of an index live. | index
`),
  ),
  scanned(
    'qdrant',
    'io.github.qdrant/mcp-server-qdrant',
    undefined,
    'A semantic memory on top of the Qdrant vector search engine.',
    tools(`
qdrant-store | Keep a piece of information, with metadata, for later. | information metadata collection_name
qdrant-find | Look up stored information that is close in meaning to a query. | query collection_name
`),
  ),
  scanned(
    'tavily',
    'io.github.tavily-ai/tavily-mcp',
    undefined,
    'Real-time web search, extraction, mapping and crawling.',
    tools(`
tavily-search | Search the web for current information. | query search_depth topic max_results
tavily-extract | Pull the readable content out of one or more URLs. | urls extract_depth
tavily-crawl | Follow the links of a site from a start URL and return its pages. | url max_depth limit instructions
tavily-map | List the URLs of a site without reading them. | url max_depth
`),
  ),
  scanned(
    'exa',
    'io.github.exa-labs/exa-mcp-server',
    'Exa Search',
    'Neural web search and research by Exa.',
    tools(`
web_search_exa | Search the web and return pages with their text. | query numResults
company_research_exa | Gather what the web says about a company. | companyName numResults
crawling_exa | Read the content of a given URL. | url maxCharacters
linkedin_search_exa | Find people and companies on LinkedIn. | query searchType
deep_researcher_start | Begin a long research task on a question. | instructions model
deep_researcher_check | See whether a research task is done and get its report. | taskId
`),
  ),
  scanned(
    'airtable',
    'io.github.domdomegg/airtable-mcp-server',
    undefined,
    'Read and write Airtable bases.',
    tools(`
list_bases | The bases the token can open. |
list_tables | The tables of a base. | baseId detailLevel
describe_table | A table's fields and views. | baseId tableId
list_records | The rows of a table, filtered and sorted. | baseId tableId filterByFormula maxRecords sort view
search_records | Find rows whose fields contain a text. | baseId tableId searchTerm fieldIds
get_record | One row by its ID. | baseId tableId recordId
create_record | Add a row. | baseId tableId fields
update_records | Change up to ten rows. | baseId tableId records
delete_records | Remove rows by ID. | baseId tableId recordIds
create_table | Add a table to a base. | baseId name fields
create_field | Add a column to a table. | baseId tableId field
`),
  ),
  scanned(
    'shopify',
    'io.github.pashpashpash/shopify-mcp-server',
    'Shopify Store',
    'Products, orders, customers and discounts of a Shopify store through the Admin API.',
    tools(`
get-products | Products of the store, optionally matching a title. | searchTitle limit
get-product | One product with its variants. | productId
create-product | Add a product to the store. | title descriptionHtml vendor productType
update-product | Change a product's title, description or status. | productId title descriptionHtml status
delete-product | Take a product out of the store for good. | productId
get-orders | Orders of the store, newest first. | status limit
get-order | One order with its lines and fulfilment. | orderId
create-draft-order | Prepare an order on behalf of a customer. | lineItems customerId note
complete-draft-order | Turn a draft into a real order. | draftOrderId paymentPending
get-customers | Customers of the store. | searchQuery limit
tag-customer | Put tags on a customer. | customerId tags
create-discount | Make a discount code. | title code valueType value startsAt endsAt
get-collections | The product collections. | limit name
`),
  ),
  scanned(
    'twilio',
    'io.github.twilio-labs/mcp',
    'Twilio',
    'The Twilio REST API: messages, calls, phone numbers and recordings.',
    tools(`
twilio_api_v2010--CreateMessage | Send an SMS, MMS or WhatsApp message to a phone number. | AccountSid To From Body MediaUrl
twilio_api_v2010--ListMessage | Messages sent from or to the account. | AccountSid To From DateSent PageSize
twilio_api_v2010--CreateCall | Place an outgoing voice call. | AccountSid To From Url Twiml
twilio_api_v2010--FetchAccount | The account's name, status and type. | Sid
twilio_api_v2010--ListIncomingPhoneNumber | The phone numbers the account owns. | AccountSid PhoneNumber PageSize
twilio_api_v2010--DeleteRecording | Remove a call recording. | AccountSid Sid
`),
  ),
  scanned(
    'resend',
    'io.github.resend/mcp-send-email',
    undefined,
    'Send email and manage audiences with Resend.',
    tools(`
send-email | Send an email, now or at a given time, in text or HTML. | to subject text html from scheduledAt
list-audiences | The audiences (contact lists) of the account. |
create-audience | Make a new audience. | name
add-contact | Put a contact into an audience. | audienceId email firstName lastName
remove-contact | Take a contact out of an audience. | audienceId email
create-broadcast | Write a broadcast for an audience. | audienceId subject html from
send-broadcast | Send a broadcast to its audience. | broadcastId scheduledAt
`),
  ),
  scanned(
    'mailgun',
    'com.mailgun/mailgun-mcp-server',
    'Mailgun',
    'Email sending, templates and delivery statistics for Mailgun domains.',
    tools(`
send-email | Send a message from one of your sending domains. | domain from to subject text html
list-domains | Your sending domains and their state. |
get-domain-stats | Delivered, failed and opened counts for a domain. | domain event duration
create-template | Store an email template for a domain. | domain name template
list-templates | The templates of a domain. | domain
delete-template | Remove a template from a domain. | domain name
get-bounces | Addresses that bounced. | domain limit
delete-bounce | Allow mail to a bounced address again. | domain address
`),
  ),
  scanned(
    'desktop-commander',
    'io.github.wonderwhy-er/desktop-commander',
    'Desktop Commander',
    'Terminal commands, processes and file editing on your own computer.',
    tools(`
read_file | Read a local file or a URL, optionally from a given line. | path offset length
write_file | Write text to a file, replacing it or appending. | path content mode
edit_block | Replace an exact piece of text in a file with another. | file_path old_string new_string expected_replacements
list_directory | The files and folders in a directory. | path
create_directory | Make a directory, with its parents. | path
move_file | Move or rename a file or a directory. | source destination
search_files | Find files whose names match a pattern. | path pattern
search_code | Find text inside files with ripgrep. | path pattern filePattern ignoreCase
get_file_info | Size, dates and permissions of a file. | path
start_process | Start a terminal command and return its first output. | command timeout_ms shell
read_process_output | Read what a running process printed since last time. | pid timeout_ms
interact_with_process | Send input to a running process and read its answer. | pid input
force_terminate | Stop a terminal session. | pid
list_processes | The processes running on the machine. |
kill_process | End a process by its PID. | pid
get_config | The server's settings. |
set_config_value | Change one of the server's settings. | key value
`),
  ),
  scanned(
    'mcp-playwright',
    'io.github.executeautomation/mcp-playwright',
    'Playwright Automation',
    'Browser automation and API testing with Playwright.',
    tools(`
playwright_navigate | Open a URL in the browser. | url browserType width height headless
playwright_screenshot | Capture the page or an element as a PNG. | name selector fullPage
playwright_click | Click an element. | selector
playwright_fill | Type a value into an input field. | selector value
playwright_select | Choose an option of a select element. | selector value
playwright_hover | Move the mouse over an element. | selector
playwright_evaluate | Run JavaScript in the page. | script
playwright_console_logs | What the page wrote to its console. | type search limit
playwright_close | Close the browser. |
playwright_get | Make an HTTP GET request. | url
playwright_post | Make an HTTP POST request. | url value
playwright_delete | Make an HTTP DELETE request. | url
playwright_upload_file | Set a file on a file input. | selector filePath
playwright_go_back | Go back in the browser history. |
playwright_press_key | Press a keyboard key, optionally on an element. | key selector
playwright_save_as_pdf | Save the page as a PDF file. | outputPath filename format
`),
  ),
  scanned(
    'terraform',
    'io.github.hashicorp/terraform-mcp-server',
    'Terraform',
    'The Terraform Registry and HCP Terraform workspaces and runs.',
    tools(`
search_providers | Find provider documentation for a resource or data source. | provider_name provider_namespace service_slug
get_provider_details | The full documentation page of a provider resource. | provider_doc_id
search_modules | Find modules in the public registry. | module_query
get_module_details | Inputs, outputs and examples of a module. | module_id
search_policies | Find policy sets in the registry. | policy_query
list_workspaces | The workspaces of an organisation. | terraform_org_name search_query
create_workspace | Make a workspace in an organisation. | terraform_org_name workspace_name
delete_workspace_safely | Remove a workspace that manages no resources. | terraform_org_name workspace_name
create_run | Queue a plan, and an apply if auto-apply is on, for a workspace. | workspace_id message auto_apply
get_run_details | The state and logs of a run. | run_id
list_runs | The runs of a workspace. | workspace_id
`),
  ),
  scanned(
    'spotify',
    'io.github.varunneal/spotify-mcp',
    undefined,
    'Control Spotify playback and playlists.',
    tools(`
SpotifyPlayback | Start, pause or skip what is playing, or show the current track. | action spotify_uri num_skips
SpotifySearch | Find tracks, albums, artists or playlists. | query qtype limit
SpotifyQueue | Add a track to the queue or show the queue. | action track_id
SpotifyGetInfo | Details of a track, album, artist or playlist. | item_uri
SpotifyPlaylist | Read and change your playlists. | action playlist_id track_ids name
`),
  ),
  scanned(
    'intercom',
    'com.intercom/mcp-server',
    'Intercom',
    'Customer conversations and contacts in Intercom.',
    tools(`
search_conversations | Find conversations by state, assignee or text. | query state assignee
get_conversation | One conversation with all its parts. | conversation_id
reply_to_conversation | Answer a customer in a conversation. | conversation_id body message_type
close_conversation | Mark a conversation as closed. | conversation_id
assign_conversation | Give a conversation to a teammate or a team. | conversation_id assignee_id
search_contacts | Find contacts by email, name or attribute. | query
get_contact | One contact with its attributes. | contact_id
create_contact | Add a lead or a user. | email name role
add_note_to_contact | Leave an internal note on a contact. | contact_id body
tag_conversation | Put a tag on a conversation. | conversation_id tag_id
`),
  ),
  scanned(
    'razorpay',
    'io.github.razorpay/razorpay-mcp-server',
    'Razorpay',
    'Payments, orders, refunds and payment links on Razorpay.',
    tools(`
create_payment_link | Make a link a customer can pay through. | amount currency description customer
fetch_payment | One payment with its status and method. | payment_id
fetch_all_payments | Payments in a period. | from to count
capture_payment | Take the money of an authorised card payment. | payment_id amount currency
create_refund | Return money for a captured payment. | payment_id amount speed
fetch_refund | One refund and its status. | refund_id
create_order | Start an order that a payment will settle. | amount currency receipt
fetch_order | One order and its payments. | order_id
`),
  ),
  scanned(
    'clickup',
    'io.github.taazkareem/clickup-mcp-server',
    'ClickUp',
    'Tasks, lists, folders, comments and time tracking in ClickUp.',
    tools(`
create_task | Add a task to a list. | listId name description dueDate priority
get_task | A task with its fields. | taskId
update_task | Change a task's name, status, dates or priority. | taskId name status priority
delete_task | Remove a task for good. | taskId
move_task | Put a task into another list. | taskId listId
duplicate_task | Copy a task, into the same or another list. | taskId listId
create_list | Add a list to a space or folder. | spaceId folderId name
create_folder | Add a folder to a space. | spaceId name
get_workspace_hierarchy | Spaces, folders and lists of the workspace. |
add_task_comment | Comment on a task. | taskId commentText
get_task_comments | The comments of a task. | taskId
start_time_tracking | Start the clock on a task. | taskId
stop_time_tracking | Stop the running clock. |
`),
  ),
  scanned(
    'firebase',
    'io.github.firebase/firebase-tools',
    'Firebase',
    'Firebase projects: Firestore, Authentication, Storage, Remote Config and Cloud Messaging.',
    tools(`
firebase_get_project | The active project's details. |
firebase_list_apps | The apps of the project. | platform
firestore_get_documents | Documents by their paths. | paths
firestore_list_collections | The top-level collections of the database. | database
firestore_query_collection | Documents of a collection that match conditions. | collection_path filters order limit
firestore_delete_document | Remove a document by its path. | path
auth_get_user | A user by email, phone number or UID. | email phone_number uid
auth_disable_user | Stop a user from signing in, or let them again. | uid disabled
auth_set_claim | Set a custom claim on a user's token. | uid claim value
storage_get_object_download_url | A download URL for a file in Cloud Storage. | bucket object_path
remoteconfig_get_template | The project's Remote Config template. |
messaging_send_message | Send a push notification to a device or a topic. | registration_token topic title body
`),
  ),
  scanned(
    'cal-com',
    'io.github.calcom/cal-mcp',
    'Cal.com',
    'Scheduling with Cal.com: bookings, event types and availability.',
    tools(`
get_bookings | Bookings of the user, upcoming or past. | status limit
create_booking | Book a slot of an event type for an attendee. | eventTypeId start attendeeName attendeeEmail timeZone
cancel_booking | Call off a booking. | bookingUid reason
reschedule_booking | Move a booking to another time. | bookingUid start reason
get_event_types | The kinds of meetings that can be booked. |
get_availability | Free slots of an event type in a date range. | eventTypeId startTime endTime
`),
  ),
  scanned(
    'podman',
    'io.github.containers/podman-mcp-server',
    undefined,
    'Containers, images, networks and volumes through Podman or Docker.',
    tools(`
container_list | The containers on the host, running or stopped. | all
container_run | Start a new container from an image. | imageName ports environment
container_stop | Stop a running container. | name
container_remove | Delete a container. | name
container_logs | The output of a container. | name
image_list | The images on the host. |
image_pull | Download an image from a registry. | imageName
image_remove | Delete an image from the host. | imageName
image_build | Build an image from a Containerfile. | containerFile imageName
network_list | The networks on the host. |
volume_list | The volumes on the host. |
`),
  ),
  scanned(
    'cloudinary',
    'com.cloudinary/asset-management-mcp',
    'Cloudinary',
    'Upload, find, transform and organise media in Cloudinary.',
    tools(`
upload-asset | Put an image, video or file into the media library. | file public_id folder tags
list-images | Images of the library, newest first. | max_results next_cursor
get-asset-details | One asset with its size, format and tags. | asset_id
delete-asset | Remove assets from the library. | public_ids resource_type
transform-asset | Make a derived version of an asset, such as a resized one. | public_id transformation
create-folder | Add a folder to the media library. | path
search-assets | Find assets with a search expression. | expression max_results
`),
  ),
  scanned(
    'browserbase',
    'io.github.browserbase/mcp-server-browserbase',
    'Browserbase',
    'Cloud browsers driven in plain language with Stagehand.',
    tools(`
browserbase_session_create | Open a cloud browser session. | sessionId
browserbase_session_close | Close the current cloud browser session. |
browserbase_stagehand_navigate | Go to a URL. | url
browserbase_stagehand_act | Do something on the page described in words, such as clicking a button. | action variables
browserbase_stagehand_extract | Pull structured data out of the page. | instruction
browserbase_stagehand_observe | List the actions the page offers. | instruction
browserbase_screenshot | Capture the page as an image. | name
`),
  ),
  scanned(
    'prisma',
    'io.github.prisma/mcp',
    'Prisma',
    'Prisma ORM migrations and Prisma Postgres databases.',
    tools(`
migrate-status | Which migrations have been applied to the database. | projectCWD
migrate-dev | Create a migration from the schema and apply it. | name projectCWD
migrate-reset | Drop the development database, recreate it and apply all migrations. | projectCWD
Prisma-Studio | Open the data browser for the database. | projectCWD
Create-Prisma-Postgres-Database | Make a new hosted Postgres database. | name region
`),
  ),
  scanned(
    'e2b',
    'io.github.e2b-dev/mcp-server',
    'E2B',
    'Secure cloud sandboxes for code.',
    tools(`
run_code | Run Python code in a sandbox and return its output and charts. | code
`),
  ),
  scanned(
    'kagi',
    'io.github.kagisearch/kagimcp',
    'Kagi',
    'Search and summaries from Kagi.',
    tools(`
kagi_search_fetch | Search the web with Kagi. | queries
kagi_summarizer | Summarise a web page or a video from its URL. | url summary_type target_language
`),
  ),
  unscanned(
    'github',
    'io.github.github/github-mcp-server',
    'GitHub',
    "GitHub's official server: repositories, issues, pull requests, Actions and code security.",
    'needs-auth',
  ),
  unscanned(
    'notion',
    'com.notion/mcp',
    'Notion',
    'The hosted Notion server: search and edit pages, databases and comments in your workspace.',
    'needs-auth',
  ),
  unscanned(
    'azure-devops',
    'io.github.microsoft/azure-devops-mcp',
    'Azure DevOps',
    'Work items, repos, pipelines and wikis in Azure DevOps.',
    'runtime-unavailable',
  ),
  unscanned(
    'perplexity',
    'io.github.perplexityai/modelcontextprotocol',
    'Perplexity Ask',
    'Answers from the web through the Sonar API.',
    'needs-auth',
  ),
  unscanned(
    'apify',
    'io.github.apify/actors-mcp-server',
    'Apify',
    'Run Apify Actors to scrape and automate the web.',
    'needs-auth',
  ),
  unscanned(
    'browserstack',
    'io.github.browserstack/mcp-server',
    'BrowserStack',
    'Test on real devices and browsers.',
    'failed',
  ),
  unscanned(
    'chroma',
    'io.github.chroma-core/chroma-mcp',
    'Chroma',
    'Collections and documents in a Chroma embedding database.',
    'runtime-unavailable',
  ),
  unscanned(
    'neo4j-cypher',
    'io.github.neo4j-contrib/mcp-neo4j-cypher',
    undefined,
    'Read and write a Neo4j graph with Cypher.',
    'runtime-unavailable',
  ),
  unscanned('snyk', 'io.snyk/snyk-mcp', 'Snyk', 'Security scans of code, dependencies and containers.', 'not-scanned'),
  unscanned(
    'circleci',
    'io.github.circleci-public/mcp-server-circleci',
    'CircleCI',
    'Build failures, flaky tests and pipeline status from CircleCI.',
    'needs-auth',
  ),
  unscanned(
    'launchdarkly',
    'io.github.launchdarkly/mcp-server',
    'LaunchDarkly',
    'Feature flags and their targeting.',
    'needs-auth',
  ),
  unscanned(
    'heroku',
    'com.heroku/heroku-mcp-server',
    'Heroku',
    'Apps, dynos, add-ons and pipelines on Heroku.',
    'failed',
  ),
  unscanned('mapbox', 'io.github.mapbox/mcp-server', undefined, 'Geocoding, directions and static maps.', 'needs-auth'),
  unscanned(
    'jetbrains',
    'io.github.jetbrains/mcp-jetbrains',
    'JetBrains',
    'Work with an open JetBrains IDE.',
    'failed',
  ),
  unscanned(
    'auth0',
    'io.github.auth0/auth0-mcp-server',
    'Auth0',
    'Applications, users and actions of an Auth0 tenant.',
    'needs-auth',
  ),
  unscanned(
    'redis',
    'io.github.redis/mcp-redis',
    'Redis',
    'Keys, hashes, streams and vector search in Redis.',
    'runtime-unavailable',
  ),
  unscanned('tinybird', 'io.github.tinybirdco/mcp-tinybird', undefined, 'Query Tinybird data sources.', 'not-scanned'),
  unscanned(
    'motherduck',
    'io.github.motherduckdb/mcp-server-motherduck',
    'MotherDuck',
    'DuckDB and MotherDuck databases with SQL.',
    'runtime-unavailable',
  ),
  unscanned(
    'alpaca',
    'io.github.alpacahq/alpaca-mcp-server',
    'Alpaca',
    'Stock and crypto trading with Alpaca.',
    'needs-auth',
  ),
  unscanned(
    'weather-mcp',
    'io.github.jane-doe-dev/weather-mcp',
    undefined,
    'Weather forecasts for any city.',
    'not-scanned',
  ),
  unscanned('pdf-tools', 'io.github.kaito-dev/pdf-tools-mcp', undefined, 'Merge, split and read PDF files.', 'failed'),
  unscanned('zapier', 'com.zapier/mcp', 'Zapier', 'Actions across thousands of apps through Zapier.', 'needs-auth'),
];

/** A catalogue file in the registry's shape: the `server` part, the sync's `registry` record, the scan's record, the tools. */
export function heldOutFile(s: HeldOutServer) {
  return {
    server: {
      name: s.name,
      ...(s.title ? { title: s.title } : {}),
      description: s.description,
      version: '1.0.0',
    },
    registry: {
      source: 'https://registry.modelcontextprotocol.io',
      status: 'active',
      publishedAt: '2026-09-01T00:00:00Z',
      syncedAt: '2026-11-30T00:00:00Z',
    },
    scan:
      s.scan === 'scanned'
        ? { status: 'scanned', version: '1.0.0', listedAt: '2026-11-30T01:00:00Z' }
        : { status: s.scan, ...(s.scan === 'not-scanned' ? {} : { reason: 'held-out fixture', version: '1.0.0' }) },
    tools: s.tools.map((t) => ({
      name: t.name,
      description: t.description,
      inputSchema: {
        type: 'object',
        properties: Object.fromEntries((t.params ?? []).map((p) => [p, { type: 'string' }])),
      },
    })),
  };
}
