/**
 * A realistic catalogue for the search-quality benchmark (scripts/lib/search-quality.ts):
 * about eighty servers shaped like the MCP servers people use (a code host, a docs
 * workspace, payments, Kubernetes, database branches, a file system, chat, browser
 * automation…), with tool names in each server's own style (snake_case, kebab-case
 * with a prefix, camelCase) and descriptions written for this benchmark. Product names
 * are real because people type them; every name and description of a tool is ours.
 */

export interface QualityTool {
  name: string;
  description: string;
  params?: string[] | undefined;
}

export interface QualityServer {
  slug: string;
  name: string;
  title: string;
  description: string;
  tools: QualityTool[];
}

/** `'name | description | param param'` lines: compact to write, easy to read. */
export function tools(lines: string): QualityTool[] {
  return lines
    .trim()
    .split('\n')
    .map((line) => {
      const [name, description, params] = line.split(' | ').map((part) => part.trim());
      return { name: name!, description: description ?? '', params: params ? params.split(' ') : undefined };
    });
}

type Style = 'snake' | 'kebab' | 'camel';
const join = (words: string[], style: Style) =>
  style === 'snake'
    ? words.join('_')
    : style === 'kebab'
      ? words.join('-')
      : words.map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join('');

/**
 * The usual create/get/list/update/delete tools of an API resource, as API wrappers
 * (payments, CRM, shop) expose them: one tool per verb, described in the server's words.
 */
function resource(
  singular: string,
  plural: string,
  what: string,
  verbs: string[],
  style: Style = 'snake',
  prefix: string[] = [],
): QualityTool[] {
  const words = singular.split(' ');
  const pluralWords = plural.split(' ');
  const forms: Record<string, [string[], string, string[]]> = {
    create: [['create', ...words], `Creates a new ${singular} ${what}.`, ['name', 'metadata']],
    get: [['get', ...words], `Retrieves a single ${singular} by its ID, with all of its fields.`, ['id']],
    retrieve: [['retrieve', ...words], `Returns the details of one ${singular}.`, ['id']],
    list: [['list', ...pluralWords], `Lists ${plural} ${what}, newest first, with paging.`, ['limit', 'cursor']],
    update: [['update', ...words], `Changes fields of an existing ${singular}.`, ['id', 'fields']],
    delete: [['delete', ...words], `Permanently deletes a ${singular}. This cannot be undone.`, ['id']],
    search: [['search', ...pluralWords], `Finds ${plural} matching a query string.`, ['query', 'limit']],
    archive: [['archive', ...words], `Archives a ${singular} so it no longer shows in lists.`, ['id']],
    cancel: [['cancel', ...words], `Cancels a ${singular} that is still pending.`, ['id']],
  };
  return verbs.map((verb) => {
    const [nameWords, description, params] = forms[verb]!;
    return { name: join([...prefix, ...nameWords], style), description, params };
  });
}

const server = (
  slug: string,
  name: string,
  title: string,
  description: string,
  list: QualityTool[],
): QualityServer => ({ slug, name, title, description, tools: list });

export const QUALITY_SERVERS: QualityServer[] = [
  server(
    'github',
    'io.github.github/github-mcp-server',
    'GitHub',
    'Work with repositories, issues, pull requests and workflows on the code host.',
    tools(`
issue_read | Get the details of an issue: its body, comments, labels or sub-issues. | owner repo issue_number method
issue_write | Create a new issue or change an existing one in a repository. | owner repo title body labels method
list_issues | List the issues in a repository, filtered by state and labels. | owner repo state labels
search_issues | Search issues across repositories with the code host's query syntax. | query
add_issue_comment | Add a comment to an issue or a pull request. | owner repo issue_number body
sub_issue_write | Add, remove or reorder the sub-issues of an issue. | owner repo issue_number sub_issue_id
label_write | Create, update or delete a label in a repository. | owner repo name color
list_label | List the labels defined in a repository. | owner repo
create_pull_request | Open a new pull request from one branch into another. | owner repo head base title body
list_pull_requests | List pull requests in a repository, optionally only open ones. | owner repo state
pull_request_read | Get a pull request's details, diff, files, status or reviews. | owner repo pull_number method
update_pull_request | Change the title, body, base branch or state of a pull request. | owner repo pull_number
merge_pull_request | Merge a pull request into its base branch. | owner repo pull_number merge_method
search_pull_requests | Search pull requests across repositories. | query
pull_request_review_write | Create, submit or delete a review on a pull request. | owner repo pull_number event body
request_copilot_review | Ask the coding assistant to review a pull request. | owner repo pull_number
create_branch | Create a new branch in a repository from an existing ref. | owner repo branch from_branch
list_branches | List the branches of a repository. | owner repo
list_commits | List commits on a branch, newest first. | owner repo sha
get_commit | Get one commit with its diff and stats. | owner repo sha
get_file_contents | Read the contents of a file or directory in a repository. | owner repo path ref
create_or_update_file | Create a file or replace its contents with a new commit. | owner repo path content message branch
delete_file | Delete a file from a repository with a commit. | owner repo path message branch
push_files | Commit several files to a branch in one push. | owner repo branch files message
create_repository | Create a new repository for the signed-in user or an organisation. | name private
fork_repository | Fork a repository into your account or an organisation. | owner repo
search_repositories | Find repositories by name, topic or language. | query
search_code | Search source code across all repositories. | query
list_releases | List the releases of a repository. | owner repo
get_latest_release | Get the latest published release of a repository. | owner repo
list_tags | List git tags in a repository. | owner repo
list_workflows | List the workflows defined in a repository. | owner repo
run_workflow | Start a workflow run by dispatching an event. | owner repo workflow_id ref inputs
get_job_logs | Download the logs of a workflow job, or of all failed jobs in a run. | owner repo job_id run_id
cancel_workflow_run | Cancel a workflow run that is in progress. | owner repo run_id
list_notifications | List your unread notifications. | filter
dismiss_notification | Mark a notification as read or done. | threadID state
get_me | Get the profile of the signed-in user. |
search_users | Find users by name, login or email. | query
list_gists | List the gists of a user. | username
create_gist | Create a new gist with one or more files. | files description public
list_code_scanning_alerts | List code scanning alerts for a repository. | owner repo state
get_secret_scanning_alert | Get one secret scanning alert. | owner repo alertNumber
list_discussions | List discussions in a repository. | owner repo category
get_team_members | List the members of a team in an organisation. | org team_slug
list_tags_for_release | List the tags that releases point to. | owner repo
get_tag | Get one git tag with the commit it points to. | owner repo tag
get_release_by_tag | Get the release published for a tag. | owner repo tag
list_workflow_runs | List the runs of a workflow, newest first. | owner repo workflow_id status
get_workflow_run | Show a workflow run's status, timing and trigger. | owner repo run_id
rerun_failed_jobs | Run the failed jobs of a workflow run again. | owner repo run_id
list_workflow_jobs | List the jobs of a workflow run. | owner repo run_id
download_workflow_run_artifact | Get a download link for an artifact a run produced. | owner repo artifact_id
list_starred_repositories | List the repositories a user has starred. | username
star_repository | Star a repository. | owner repo
unstar_repository | Remove your star from a repository. | owner repo
list_repository_collaborators | List the people who can push to a repository. | owner repo
get_repository_tree | Get the tree of files and folders at a ref. | owner repo tree_sha recursive
get_file_blame | Show who last changed each line of a file. | owner repo path
list_dependabot_alerts | List the dependency alerts of a repository. | owner repo severity
get_dependabot_alert | Get one dependency alert. | owner repo alert_number
list_secret_scanning_alerts | List leaked-secret alerts of a repository. | owner repo state
get_code_scanning_alert | Get one code scanning alert with its location. | owner repo alertNumber
list_global_security_advisories | List security advisories from the global database. | ecosystem severity
get_discussion | Get a discussion with its body. | owner repo discussionNumber
get_discussion_comments | List the comments of a discussion. | owner repo discussionNumber
list_discussion_categories | List the categories discussions can be filed under. | owner repo
mark_all_notifications_read | Mark every notification as read. | lastReadAt
get_notification_details | Get one notification with its subject. | notificationID
manage_notification_subscription | Ignore, watch or unsubscribe from a notification thread. | notificationID action
get_label | Get one label of a repository. | owner repo name
add_sub_issue | Attach an existing issue as a sub-issue. | owner repo issue_number sub_issue_id
assign_copilot_to_issue | Ask the coding assistant to work on an issue and open a pull request. | owner repo issueNumber
update_pull_request_branch | Bring a pull request's branch up to date with its base. | owner repo pullNumber
add_comment_to_pending_review | Add a line comment to your pending review. | owner repo pullNumber path line body
list_teams | List the teams you belong to. | org
get_gist | Get one gist with its files. | gist_id
update_gist | Change a gist's description or files. | gist_id files
list_projects | List the project boards of an organisation or user. | owner
add_project_item | Add an issue or pull request to a project board. | owner project_number item_id
`),
  ),
  server(
    'gitlab',
    'io.gitlab/gitlab-mcp',
    'GitLab',
    'Projects, merge requests, issues and pipelines on a GitLab instance.',
    tools(`
create_issue | Open a new issue in a project. | project_id title description
list_issues | List issues in a project or across groups. | project_id state
get_issue | Show one issue with its description and labels. | project_id issue_iid
create_merge_request | Open a merge request between two branches. | project_id source_branch target_branch title
get_merge_request_diffs | Show the changes of a merge request, file by file. | project_id merge_request_iid
list_merge_requests | List merge requests of a project. | project_id state
list_pipelines | List CI pipelines for a project. | project_id ref
retry_pipeline | Run the failed jobs of a pipeline again. | project_id pipeline_id
get_project | Show a project's settings and statistics. | project_id
search_projects | Look up projects you can see by name. | search
create_project_branch | Create a branch in a project. | project_id branch ref
`),
  ),
  server(
    'notion',
    'com.notion/mcp',
    'Notion',
    'Read and edit pages, databases and comments in a Notion workspace.',
    tools(`
notion-search | Search the workspace and connected sources for pages, databases and people. | query
notion-fetch | Get the full content of a page or a database by its URL or ID. | id
notion-create-pages | Create one or more pages, with properties and content, under a parent page or database. | parent pages
notion-update-page | Change a page's properties or replace part of its content. | page_id data
notion-move-pages | Move pages or databases under a new parent. | page_or_database_ids new_parent
notion-duplicate-page | Make a copy of a page in the same place. | page_id
notion-create-database | Create a new database with a schema of properties. | parent title properties
notion-update-database | Change a database's title, description or property schema. | database_id
notion-create-comment | Add a comment to a page or reply in a discussion. | parent rich_text
notion-get-comments | List the comments on a page, with their discussions. | page_id
notion-get-users | List the people in the workspace. | query
notion-get-teams | List the teamspaces of the workspace. |
`),
  ),
  server(
    'confluence',
    'com.atlassian/confluence-mcp',
    'Confluence',
    'Spaces, pages and comments in an Atlassian wiki.',
    tools(`
confluence_search | Find wiki pages with a CQL query or plain words. | query limit
confluence_get_page | Read a page's body as Markdown. | page_id
confluence_create_page | Write a new page in a space, optionally under a parent. | space_key title content parent_id
confluence_update_page | Replace the body or title of a page, making a new version. | page_id title content
confluence_delete_page | Remove a page from its space. | page_id
confluence_get_page_children | List the child pages of a page. | parent_id
confluence_add_comment | Comment on a page. | page_id content
confluence_get_labels | List the labels on a page. | page_id
confluence_add_label | Attach a label to a page. | page_id name
`),
  ),
  server(
    'jira',
    'com.atlassian/jira-mcp',
    'Jira',
    'Issues, sprints and boards in an Atlassian issue tracker.',
    tools(`
jira_get_issue | Get an issue by its key, with fields, comments and links. | issue_key fields
jira_search | Search issues with JQL. | jql limit
jira_create_issue | Create an issue of a given type in a project. | project_key summary issue_type description
jira_update_issue | Change fields of an issue. | issue_key fields
jira_delete_issue | Delete an issue and its subtasks. | issue_key
jira_transition_issue | Move an issue to another status, such as Done. | issue_key transition_id
jira_add_comment | Comment on an issue. | issue_key comment
jira_add_worklog | Log time spent on an issue. | issue_key time_spent
jira_get_sprints_from_board | List the sprints of a board. | board_id state
jira_create_sprint | Start planning a new sprint on a board. | board_id sprint_name
jira_get_project_issues | List every issue of a project. | project_key
jira_link_issues | Link two issues, e.g. "blocks". | inward_issue outward_issue link_type
`),
  ),
  server(
    'linear',
    'app.linear/linear-mcp',
    'Linear',
    'Issues, projects and cycles for product teams.',
    tools(`
list_issues | List issues, filtered by team, assignee, state or label. | team assignee state
get_issue | Show an issue with its description, attachments and branch name. | id
create_issue | File a new issue for a team. | team title description priority
update_issue | Change an issue's title, state, assignee or priority. | id state assignee
list_comments | List the comments on an issue. | issueId
create_comment | Reply on an issue. | issueId body
list_projects | List projects in the workspace. | team
create_project | Start a new project for one or more teams. | name teams
list_cycles | List a team's cycles. | teamId
list_teams | List the teams in the workspace. |
list_users | List the workspace's members. |
`),
  ),
  server(
    'asana',
    'com.asana/asana-mcp',
    'Asana',
    'Tasks, projects and portfolios for work management.',
    tools(`
asana_list_workspaces | List the workspaces you belong to. |
asana_search_tasks | Find tasks in a workspace by text, assignee or due date. | workspace text
asana_get_task | Show a task with its notes, subtasks and followers. | task_id
asana_create_task | Add a task to a project. | project_id name notes due_on assignee
asana_update_task | Change a task's name, notes, due date or completion. | task_id
asana_delete_task | Remove a task for good. | task_id
asana_create_subtask | Add a subtask under a task. | parent_task_id name
asana_get_project | Show a project and its sections. | project_id
asana_add_task_comment | Post a comment on a task's story feed. | task_id text
`),
  ),
  server(
    'trello',
    'io.github.example/trello-mcp',
    'Trello',
    'Boards, lists and cards.',
    tools(`
get_boards | List your boards. |
get_lists | List the lists on a board. | boardId
get_cards_by_list | List the cards in a list. | listId
add_card_to_list | Put a new card on a list. | listId name description dueDate
update_card_details | Change a card's name, description, due date or labels. | cardId
move_card | Move a card to another list. | cardId listId
archive_card | Send a card to the archive. | cardId
add_list_to_board | Add a new list to a board. | boardId name
`),
  ),
  server(
    'todoist',
    'io.github.example/todoist-mcp',
    'Todoist',
    'Personal to-do lists.',
    tools(`
todoist_create_task | Add a to-do with a due date and priority. | content due_string priority
todoist_get_tasks | List to-dos, filtered by project or due date. | project_id filter
todoist_update_task | Change a to-do's text, due date or priority. | task_name
todoist_complete_task | Tick a to-do off as done. | task_name
todoist_delete_task | Delete a to-do. | task_name
`),
  ),
  server(
    'stripe',
    'com.stripe/mcp',
    'Stripe',
    'Payments, customers, invoices and subscriptions through the payments API.',
    [
      ...resource('customer', 'customers', 'for billing', ['create', 'list', 'retrieve', 'update', 'delete']),
      ...resource('product', 'products', 'in the catalogue', ['create', 'list', 'update']),
      ...resource('price', 'prices', 'for a product', ['create', 'list']),
      ...resource('coupon', 'coupons', 'with a percentage or amount off', ['create', 'list']),
      ...resource('payment link', 'payment links', 'that takes a payment for a price', ['create', 'list']),
      ...resource('checkout session', 'checkout sessions', 'for a hosted payment page', ['create', 'retrieve', 'list']),
      ...resource('tax rate', 'tax rates', 'applied to invoices', ['create', 'list', 'update']),
      ...resource('promotion code', 'promotion codes', 'customers can enter', ['create', 'list']),
      ...tools(`
create_invoice | Draft an invoice for a customer. | customer days_until_due
create_invoice_item | Add a line to a customer's draft invoice. | customer price invoice
finalize_invoice | Finalize a draft invoice so it can be paid. | invoice
send_invoice | Email a finalized invoice to the customer. | invoice
void_invoice | Void an open invoice so it can no longer be paid. | invoice
list_invoices | List invoices, optionally for one customer. | customer status
list_subscriptions | List subscriptions, optionally for one customer or price. | customer price status
update_subscription | Change the items or quantity of a subscription. | subscription items proration_behavior
cancel_subscription | Cancel a customer's subscription now or at period end. | subscription
list_payment_intents | List payment intents, newest first. | customer limit
create_refund | Refund a payment, in full or in part. | payment_intent amount reason
list_disputes | List the disputes opened against your payments. | charge
update_dispute | Submit evidence for a dispute. | dispute evidence
retrieve_balance | Show your available and pending balance. |
search_stripe_resources | Search customers, invoices, charges and other objects with query syntax. | query
fetch_stripe_resources | Fetch an object by its ID. | id
search_stripe_documentation | Search the payments documentation for an answer. | question
`),
    ],
  ),
  server(
    'paypal',
    'com.paypal/mcp',
    'PayPal',
    'Invoices, orders and disputes on a PayPal business account.',
    tools(`
create_invoice | Draft an invoice to a recipient's email. | recipient_email items
send_invoice | Send an invoice to its recipient. | invoice_id
list_invoices | List your invoices. | page page_size
cancel_sent_invoice | Cancel an invoice that was already sent. | invoice_id
create_order | Create a checkout order for items. | items currency
capture_order | Capture the payment of an approved order. | order_id
list_transactions | List account transactions in a date range. | start_date end_date
accept_dispute_claim | Accept the buyer's claim in a dispute. | dispute_id
`),
  ),
  server('shopify', 'io.github.example/shopify-mcp', 'Shopify', 'Products, orders and customers of an online shop.', [
    ...resource('product', 'products', 'in the shop', ['create', 'get', 'list', 'update', 'delete'], 'camel'),
    ...resource('order', 'orders', 'of the shop', ['get', 'list', 'update', 'cancel'], 'camel'),
    ...resource('customer', 'customers', 'of the shop', ['get', 'list', 'update', 'search'], 'camel'),
    ...tools(`
getInventoryLevels | Show stock per location for a product variant. | variantId
adjustInventory | Add or remove stock of a variant at a location. | variantId locationId delta
createDiscountCode | Create a discount code for a price rule. | priceRuleId code
fulfillOrder | Mark an order's items as shipped with tracking. | orderId trackingNumber
`),
  ]),
  server('hubspot', 'com.hubspot/mcp', 'HubSpot', 'Contacts, companies and deals in the CRM.', [
    ...resource('contact', 'contacts', 'in the CRM', ['create', 'get', 'list', 'update', 'delete', 'search'], 'kebab', [
      'hubspot',
    ]),
    ...resource('company', 'companies', 'in the CRM', ['create', 'get', 'list', 'update'], 'kebab', ['hubspot']),
    ...resource('deal', 'deals', 'in the sales pipeline', ['create', 'get', 'list', 'update', 'delete'], 'kebab', [
      'hubspot',
    ]),
    ...tools(`
hubspot-create-engagement | Log a note, call, email or meeting on a record. | type associations
hubspot-list-associations | List the records linked to a record. | objectType objectId toObjectType
`),
  ]),
  server(
    'salesforce',
    'com.salesforce/mcp',
    'Salesforce',
    'Query and change records in a Salesforce org.',
    tools(`
sf_query_records | Run a SOQL query and return the matching records. | query
sf_search_all | Run a SOSL search across objects. | search
sf_describe_object | Show the fields and relationships of an object type. | objectName
sf_create_record | Insert a record of any object type. | objectName data
sf_update_record | Change fields of a record. | objectName recordId data
sf_delete_record | Delete a record. | objectName recordId
sf_execute_anonymous | Run anonymous Apex code in the org. | apexCode
`),
  ),
  server(
    'zendesk',
    'io.github.example/zendesk-mcp',
    'Zendesk',
    'Support tickets and help center articles.',
    tools(`
get_ticket | Show a support ticket with its fields. | ticket_id
get_ticket_comments | List the replies and internal notes on a ticket. | ticket_id
create_ticket_comment | Reply to a ticket, publicly or as an internal note. | ticket_id comment public
update_ticket | Change a ticket's status, priority, assignee or tags. | ticket_id status
search_tickets | Find tickets with the support search syntax. | query
list_help_center_articles | List articles in the help center. | section_id
`),
  ),
  server(
    'kubernetes',
    'io.github.containers/kubernetes-mcp-server',
    'Kubernetes',
    'Inspect and manage workloads in a Kubernetes cluster.',
    tools(`
pods_list | List pods in every namespace the user can see. | labelSelector
pods_list_in_namespace | List the pods of one namespace. | namespace labelSelector
pods_get | Show one pod's spec and status. | namespace name
pods_delete | Delete a pod; its controller may start a new one. | namespace name
pods_log | Show what a container in a pod has printed to its output. | namespace name container previous tail
pods_exec | Run a command inside a container of a pod. | namespace name command container
pods_run | Start a new pod from a container image. | namespace image name port
pods_top | Show CPU and memory use of pods. | namespace
resources_list | List objects of any kind, e.g. deployments or config maps. | apiVersion kind namespace
resources_get | Show any object by kind and name. | apiVersion kind namespace name
resources_create_or_update | Apply a manifest: create the object or update it. | resource
resources_delete | Delete an object of any kind. | apiVersion kind namespace name
deployments_scale | Change the number of replicas of a deployment. | namespace name replicas
deployments_restart | Restart a deployment's pods with a rolling update. | namespace name
namespaces_list | List the namespaces of the cluster. |
events_list | List recent events, such as failed scheduling or image pulls. | namespace
nodes_top | Show CPU and memory use of each node. |
configuration_view | Show the current kubeconfig, with secrets masked. | minified
helm_install | Install a chart into the cluster as a release. | chart name namespace values
helm_list | List the chart releases installed in the cluster. | namespace
helm_uninstall | Remove a chart release and its resources. | name namespace
`),
  ),
  server(
    'docker',
    'io.github.example/docker-mcp',
    'Docker',
    'Containers, images and volumes on a local Docker engine.',
    tools(`
list_containers | List containers, running or all. | all
create_container | Create and start a container from an image. | image name ports environment
stop_container | Stop a running container. | container_id
remove_container | Remove a stopped container. | container_id force
fetch_container_logs | Show a container's recent log output. | container_id tail
list_images | List the images stored locally. |
pull_image | Download an image from a registry. | repository tag
remove_image | Delete an image from local storage. | image_id
build_image | Build an image from a Dockerfile. | path tag
list_volumes | List the volumes on the engine. |
`),
  ),
  server(
    'neon',
    'com.neon/mcp-server-neon',
    'Neon',
    'Serverless Postgres: projects, branches, databases and SQL.',
    tools(`
list_projects | List the projects in your account. | limit search
create_project | Create a new project with a default branch and database. | name region
delete_project | Delete a project with all of its branches and data. | projectId
describe_project | Show a project's settings, branches and endpoints. | projectId
create_branch | Create a branch of a project's data, copy-on-write from its parent. | projectId branchName
delete_branch | Remove an existing branch from a project. | projectId branchId
describe_branch | Show a branch's tables and size. | projectId branchId
reset_from_parent | Reset a branch to the current state of its parent. | projectId branchIdOrName
run_sql | Run one SQL statement against a database. | projectId branchId databaseName sql
run_sql_transaction | Run several SQL statements in one transaction. | projectId databaseName sqlStatements
get_database_tables | List the tables of a database. | projectId databaseName
describe_table_schema | Show the columns and types of a table. | projectId databaseName tableName
get_connection_string | Return a connection string for a database. | projectId branchId databaseName roleName
prepare_database_migration | Try a schema migration on a temporary branch first. | projectId migrationSql
complete_database_migration | Apply a tried migration to the main branch. | migrationId
explain_sql_statement | Show the query plan of a statement. | projectId sql
list_slow_queries | List the slowest queries seen on a database. | projectId limit
`),
  ),
  server(
    'supabase',
    'com.supabase/mcp',
    'Supabase',
    'Databases, edge functions and branches of your Supabase projects.',
    tools(`
list_projects | List your projects. |
get_project | Show a project's status and region. | id
create_project | Create a new project in an organisation. | name organization_id region
pause_project | Pause a project to stop its billing. | project_id
list_tables | List the tables in one or more schemas. | project_id schemas
list_extensions | List the database extensions installed. | project_id
list_migrations | List the migrations applied to the database. | project_id
apply_migration | Apply a schema change as a named migration. | project_id name query
execute_sql | Run raw SQL in the database. | project_id query
get_logs | Get logs for a service such as the API, auth or storage. | project_id service
get_advisors | List security and performance advice for a project. | project_id type
generate_typescript_types | Generate TypeScript types from the database schema. | project_id
list_edge_functions | List the edge functions of a project. | project_id
deploy_edge_function | Deploy code as an edge function. | project_id name files
create_branch | Create a development branch with its own database. | project_id name
delete_branch | Delete a development branch. | branch_id
merge_branch | Merge a development branch's migrations into production. | branch_id
`),
  ),
  server(
    'postgres',
    'io.github.example/postgres-mcp',
    'PostgreSQL',
    'Read-only access to a Postgres database.',
    tools(`
query | Run a read-only SQL query. | sql
list_schemas | List the schemas of the database. |
list_objects | List tables, views and sequences in a schema. | schema_name object_type
get_object_details | Show the columns, constraints and indexes of a table. | schema_name object_name
analyze_db_health | Check index health, vacuum, connections and cache hit ratios. | health_type
get_top_queries | Show the queries that take the most time. | sort_by limit
`),
  ),
  server(
    'mysql',
    'io.github.example/mysql-mcp',
    'MySQL',
    'Query a MySQL database.',
    tools(`
mysql_query | Run a SQL statement against the database. | sql
mysql_list_tables | List the tables of the current database. |
mysql_describe_table | Show a table's columns and keys. | table
`),
  ),
  server(
    'mongodb',
    'com.mongodb/mongodb-mcp-server',
    'MongoDB',
    'Documents, collections and indexes in MongoDB.',
    tools(`
find | Run a find query on a collection. | database collection filter projection limit
aggregate | Run an aggregation pipeline on a collection. | database collection pipeline
count | Count the documents that match a filter. | database collection query
insert-many | Insert documents into a collection. | database collection documents
update-many | Update every document that matches a filter. | database collection filter update
delete-many | Delete every document that matches a filter. | database collection filter
list-databases | List the databases on the cluster. |
list-collections | List the collections in a database. | database
create-index | Create an index on a collection. | database collection keys
drop-collection | Drop a collection and its indexes. | database collection
collection-schema | Describe the shape of a collection's documents. | database collection
`),
  ),
  server(
    'redis',
    'io.github.example/redis-mcp',
    'Redis',
    'Keys and values in a Redis store.',
    tools(`
get | Read the value stored under a key. | key
set | Store a value under a key, with an optional expiry. | key value expireSeconds
delete | Remove one or more keys. | key
list | List keys matching a pattern. | pattern
hset | Set a field in a hash. | name key value
`),
  ),
  server(
    'sqlite',
    'io.github.example/sqlite-mcp',
    'SQLite',
    'A local SQLite database file.',
    tools(`
read_query | Run a SELECT query on the database. | query
write_query | Run an INSERT, UPDATE or DELETE statement. | query
create_table | Create a table from a CREATE TABLE statement. | query
list_tables | List the tables in the database. |
describe_table | Show a table's columns. | table_name
append_insight | Note a business insight in the memo. | insight
`),
  ),
  server(
    'bigquery',
    'com.google/bigquery-mcp',
    'BigQuery',
    'Datasets and queries in a Google Cloud data warehouse.',
    tools(`
list_dataset_ids | List the datasets of a project. | project
list_table_ids | List the tables of a dataset. | dataset
get_table_info | Show a table's schema and size. | dataset table
execute_sql | Run a SQL query in the warehouse. | sql dry_run
`),
  ),
  server(
    'snowflake',
    'com.snowflake/mcp',
    'Snowflake',
    'Warehouses and tables in a Snowflake account.',
    tools(`
run_snowflake_query | Run a SQL statement in a warehouse. | statement warehouse
list_objects | List databases, schemas, tables or views. | object_type database schema
describe_object | Show an object's definition. | object_type name
create_object | Create a database, schema or table. | object_type definition
drop_object | Drop a database, schema or table. | object_type name
`),
  ),
  server(
    'filesystem',
    'io.github.modelcontextprotocol/server-filesystem',
    'Filesystem',
    'Read and write files in the folders you allow.',
    tools(`
read_text_file | Read a whole text file, or only its first or last lines. | path head tail
read_media_file | Read an image or audio file and return it base64-encoded. | path
read_multiple_files | Read several files at once. | paths
write_file | Create a file or overwrite it with new content. | path content
edit_file | Replace lines in a text file and return a diff. | path edits dryRun
create_directory | Create a folder, with its parents if needed. | path
list_directory | List the files and folders in a folder. | path
list_directory_with_sizes | List a folder's entries with their sizes. | path sortBy
directory_tree | Show a folder's contents as a nested JSON tree. | path
move_file | Move or rename a file or folder. | source destination
search_files | Find files whose names match a pattern, recursively. | path pattern excludePatterns
get_file_info | Show a file's size, dates and permissions. | path
list_allowed_directories | List the folders this server may use. |
`),
  ),
  server(
    'git',
    'io.github.modelcontextprotocol/server-git',
    'Git',
    'Read and change a local git repository.',
    tools(`
git_status | Show the working tree's status. | repo_path
git_diff_unstaged | Show changes not yet staged. | repo_path
git_diff_staged | Show changes staged for the next commit. | repo_path
git_diff | Show the differences between branches or commits. | repo_path target
git_commit | Record the staged changes with a message. | repo_path message
git_add | Stage files for the next commit. | repo_path files
git_reset | Unstage all staged changes. | repo_path
git_log | Show the commit history. | repo_path max_count
git_create_branch | Start a new branch. | repo_path branch_name base_branch
git_checkout | Switch to another branch. | repo_path branch_name
git_show | Show what a commit changed. | repo_path revision
git_branch | List local or remote branches. | repo_path branch_type
`),
  ),
  server(
    'gdrive',
    'com.google/drive-mcp',
    'Google Drive',
    'Files and folders in Google Drive.',
    tools(`
gdrive_search | Search for files in Drive by name or content. | query
gdrive_read_file | Read the contents of a Drive file, exported to text. | fileId
gdrive_upload_file | Upload a local file into a Drive folder. | name content folderId
gdrive_create_folder | Create a folder. | name parentId
gdrive_share_file | Give someone access to a file. | fileId email role
gdrive_delete_file | Move a file to the trash. | fileId
`),
  ),
  server(
    'gsheets',
    'com.google/sheets-mcp',
    'Google Sheets',
    'Spreadsheets: read ranges, write cells, add rows.',
    tools(`
get_sheet_data | Read the values in a range of a sheet. | spreadsheet_id sheet range
update_cells | Write values into a range of cells. | spreadsheet_id sheet range data
add_rows | Append rows at the end of a sheet. | spreadsheet_id sheet rows
create_spreadsheet | Create a new spreadsheet. | title
list_sheets | List the sheets (tabs) in a spreadsheet. | spreadsheet_id
`),
  ),
  server(
    'gmail',
    'com.google/gmail-mcp',
    'Gmail',
    'Read, search and send email.',
    tools(`
send_email | Send an email to one or more recipients. | to subject body cc
draft_email | Save an email as a draft without sending it. | to subject body
search_emails | Find emails with the mail search syntax. | query maxResults
read_email | Show an email's headers and body. | messageId
modify_email | Add or remove labels, or mark as read. | messageId addLabelIds removeLabelIds
delete_email | Delete an email permanently. | messageId
list_email_labels | List the labels of the mailbox. |
`),
  ),
  server(
    'outlook',
    'com.microsoft/outlook-mcp',
    'Outlook',
    'Mail and calendar in Microsoft 365.',
    tools(`
list-mail-messages | List messages in a mail folder. | folder top
get-mail-message | Read a message. | messageId
send-mail | Send a message from your mailbox. | to subject body
list-calendar-events | List events in your calendar. | startDateTime endDateTime
create-calendar-event | Put a meeting in your calendar and invite people. | subject start end attendees
`),
  ),
  server(
    'gcal',
    'com.google/calendar-mcp',
    'Google Calendar',
    'Events and free time in Google Calendar.',
    tools(`
list_events | List events in a calendar between two dates. | calendarId timeMin timeMax
create_event | Add an event to a calendar and invite attendees. | calendarId summary start end attendees
update_event | Change an event's time, title or attendees. | calendarId eventId
delete_event | Delete an event from a calendar. | calendarId eventId
get_freebusy | Find the busy times of people's calendars. | timeMin timeMax items
list_calendars | List the calendars you can see. |
`),
  ),
  server(
    'slack',
    'com.slack/mcp',
    'Slack',
    'Channels, messages and users in a Slack workspace.',
    tools(`
slack_list_channels | List the public channels of the workspace. | limit cursor
slack_post_message | Post a new message to a channel. | channel_id text
slack_reply_to_thread | Reply in the thread of a message. | channel_id thread_ts text
slack_add_reaction | Add an emoji reaction to a message. | channel_id timestamp reaction
slack_get_channel_history | Get the recent messages of a channel. | channel_id limit
slack_get_thread_replies | Get every reply in a thread. | channel_id thread_ts
slack_get_users | List the workspace's users with their profiles. | cursor limit
slack_get_user_profile | Get one user's profile. | user_id
slack_search_messages | Search messages across channels. | query
slack_create_channel | Create a new channel. | name is_private
`),
  ),
  server(
    'discord',
    'io.github.example/discord-mcp',
    'Discord',
    'Servers, channels and messages on Discord.',
    tools(`
send-message | Send a message to a channel. | channelId message
read-messages | Read recent messages of a channel. | channelId limit
add-reaction | React to a message with an emoji. | channelId messageId emoji
list-channels | List the channels of a server. | guildId
create-text-channel | Create a text channel on a server. | guildId name
delete-message | Delete a message. | channelId messageId
`),
  ),
  server(
    'teams',
    'com.microsoft/teams-mcp',
    'Microsoft Teams',
    'Chats and channels in Microsoft Teams.',
    tools(`
list_chats | List your recent chats. |
send_chat_message | Send a message in a chat. | chatId content
list_channel_messages | Read the messages of a team channel. | teamId channelId
send_channel_message | Post a message in a team channel. | teamId channelId content
`),
  ),
  server(
    'telegram',
    'io.github.example/telegram-mcp',
    'Telegram',
    'Chats and messages through a Telegram bot or account.',
    tools(`
get_chats | List the chats. | page
get_messages | Get the messages of a chat. | chat_id limit
send_message | Send a text message to a chat. | chat_id message
forward_message | Forward a message to another chat. | from_chat_id message_id to_chat_id
`),
  ),
  server(
    'twilio',
    'com.twilio/mcp',
    'Twilio',
    'Text messages and calls.',
    tools(`
send_sms | Text a phone number. | to body from
list_messages | List the text messages sent and received. | to from dateSent
make_call | Call a phone number and play a message. | to twiml
list_phone_numbers | List the phone numbers on the account. |
`),
  ),
  server(
    'sendgrid',
    'com.sendgrid/mcp',
    'SendGrid',
    'Transactional email and contact lists.',
    tools(`
send_mail | Deliver an email through the delivery service. | to from subject html
add_contact | Add a contact to a marketing list. | email list_id
list_templates | List the email templates. |
get_stats | Show delivery, open and click figures. | start_date
`),
  ),
  server(
    'playwright',
    'io.github.microsoft/playwright-mcp',
    'Playwright',
    'Drive a real browser: open pages, click, type and take screenshots.',
    tools(`
browser_navigate | Go to a URL in the current tab. | url
browser_navigate_back | Go back to the previous page. |
browser_click | Click an element on the page. | element ref doubleClick button
browser_type | Type text into an editable element. | element ref text submit
browser_fill_form | Fill several form fields at once. | fields
browser_select_option | Choose an option in a dropdown. | element ref values
browser_hover | Hover the mouse over an element. | element ref
browser_drag | Drag one element onto another. | startElement endElement
browser_press_key | Press a key on the keyboard. | key
browser_snapshot | Capture the page's accessibility tree, better than a screenshot for acting. |
browser_take_screenshot | Take a screenshot of the page or an element. | type filename fullPage
browser_evaluate | Run a JavaScript expression on the page. | function element
browser_console_messages | Return the messages the page wrote to the console. | level
browser_network_requests | List the network requests since the page loaded. |
browser_file_upload | Upload one or more files through a file chooser. | paths
browser_handle_dialog | Accept or dismiss a dialog. | accept promptText
browser_tabs | List, open, close or select a browser tab. | action index
browser_wait_for | Wait for text to appear or disappear, or for some time. | text textGone time
browser_resize | Resize the browser window. | width height
browser_close | Close the page. |
browser_pdf_save | Save the page as a PDF. | filename
browser_install | Install the browser named in the configuration. |
browser_cookie_list | List the cookies of the current browser context. | domain
browser_cookie_set | Set a cookie in the browser context. | name value domain path
browser_cookie_delete | Delete a cookie by name. | name domain
browser_cookie_clear | Remove every cookie. |
browser_localstorage_get | Read a key from the page's local storage. | key
browser_localstorage_set | Write a key in the page's local storage. | key value
browser_localstorage_clear | Empty the page's local storage. |
browser_route | Answer matching network requests with a mocked response. | pattern status body
browser_unroute | Stop mocking requests that match a pattern. | pattern
browser_mouse_click_xy | Click at a position on the page. | x y
browser_mouse_wheel | Scroll with the mouse wheel. | deltaX deltaY
browser_start_tracing | Start recording a trace of the session. |
browser_stop_tracing | Stop recording the trace and save it. | filename
browser_verify_text_visible | Check that a text is visible on the page. | text
browser_generate_locator | Write a locator for an element, for use in tests. | element ref
`),
  ),
  server(
    'puppeteer',
    'io.github.example/puppeteer-mcp',
    'Puppeteer',
    'Headless Chrome automation.',
    tools(`
puppeteer_navigate | Open a URL. | url
puppeteer_screenshot | Capture a screenshot of the page or an element. | name selector width height
puppeteer_click | Click the element a CSS selector finds. | selector
puppeteer_fill | Type into an input field. | selector value
puppeteer_select | Pick a value in a select element. | selector value
puppeteer_hover | Hover over an element. | selector
puppeteer_evaluate | Execute JavaScript in the browser console. | script
`),
  ),
  server(
    'fetch',
    'io.github.modelcontextprotocol/server-fetch',
    'Fetch',
    'Fetch web content for the model.',
    tools(`
fetch | Fetch a URL and return its content as Markdown. | url max_length start_index raw
`),
  ),
  server(
    'brave-search',
    'com.brave/brave-search-mcp',
    'Brave Search',
    'Web and local search through a search engine API.',
    tools(`
brave_web_search | Search the web for pages, news and articles. | query count offset
brave_local_search | Find businesses and places near a location. | query count
brave_image_search | Find images on the web. | query count
brave_news_search | Find recent news articles. | query freshness
`),
  ),
  server(
    'firecrawl',
    'io.github.example/firecrawl-mcp',
    'Firecrawl',
    'Scrape and crawl websites into clean text.',
    tools(`
firecrawl_scrape | Scrape one page into Markdown or HTML. | url formats onlyMainContent
firecrawl_map | List every URL of a website. | url search
firecrawl_crawl | Crawl a website from a start page and return every page's content. | url limit maxDepth
firecrawl_search | Search the web and scrape the results. | query limit
firecrawl_extract | Pull structured data out of pages with a schema. | urls prompt schema
`),
  ),
  server(
    'aws',
    'com.amazonaws/aws-mcp',
    'AWS',
    'Buckets, functions and instances in an Amazon Web Services account.',
    tools(`
s3_list_buckets | List the storage buckets of the account. |
s3_list_objects | List the objects in a bucket under a prefix. | bucket prefix
s3_get_object | Download an object from a bucket. | bucket key
s3_put_object | Upload an object to a bucket. | bucket key body
s3_delete_object | Delete an object from a bucket. | bucket key
lambda_list_functions | List the serverless functions. | region
lambda_invoke | Call a serverless function with a payload. | function_name payload
ec2_describe_instances | List virtual machines and their state. | filters
ec2_stop_instances | Stop running virtual machines. | instance_ids
cloudwatch_get_logs | Read log events from a log group. | log_group start_time filter_pattern
cost_explorer_get_cost | Show spending by service for a date range. | start end granularity
`),
  ),
  server(
    'cloudflare',
    'com.cloudflare/workers-mcp',
    'Cloudflare',
    'Workers, KV, R2 and D1 on a Cloudflare account.',
    tools(`
accounts_list | List the accounts you can use. |
workers_list | List the Workers scripts of an account. |
workers_get_worker_code | Show the source of a Worker. | scriptName
kv_namespaces_list | List the key-value namespaces. |
kv_namespace_create | Create a key-value namespace. | title
kv_namespace_delete | Delete a key-value namespace. | namespace_id
r2_buckets_list | List the object storage buckets. |
r2_bucket_create | Create an object storage bucket. | name
d1_databases_list | List the edge SQL databases. |
d1_database_query | Run SQL on an edge database. | database_id sql params
dns_records_list | List the DNS records of a zone. | zone_id
kv_namespace_get | Show a key-value namespace. | namespace_id
kv_namespace_update | Rename a key-value namespace. | namespace_id title
workers_get_worker | Show a Worker's settings and bindings. | scriptName
r2_bucket_get | Show an object storage bucket. | name
r2_bucket_delete | Delete an object storage bucket. | name
d1_database_create | Create an edge SQL database. | name
d1_database_delete | Delete an edge SQL database. | database_id
d1_database_get | Show an edge SQL database. | database_id
hyperdrive_configs_list | List the database connection accelerators. |
hyperdrive_config_delete | Delete a database connection accelerator. | hyperdrive_id
search_cloudflare_documentation | Search the developer documentation. | query
`),
  ),
  server(
    'vercel',
    'com.vercel/mcp',
    'Vercel',
    'Projects and deployments on Vercel.',
    tools(`
list_projects | List your projects. | teamId
list_deployments | List a project's deployments. | projectId
get_deployment | Show a deployment's status and URL. | idOrUrl
get_deployment_build_logs | Show the build output of a deployment. | idOrUrl
deploy_to_vercel | Deploy the current project. |
`),
  ),
  server(
    'sentry',
    'io.sentry/sentry-mcp',
    'Sentry',
    'Errors and performance issues from Sentry.',
    tools(`
find_organizations | List the organisations you belong to. |
find_projects | List the projects of an organisation. | organizationSlug
search_issues | Find error groups with a plain-language query. | organizationSlug naturalLanguageQuery
get_issue_details | Show an error's stack trace and the latest event. | issueId
update_issue | Resolve, ignore or assign an error group. | issueId status assignedTo
search_events | Count or list error events with a query. | organizationSlug query
analyze_issue_with_seer | Ask for a root-cause analysis of an error. | issueId
`),
  ),
  server(
    'datadog',
    'com.datadoghq/mcp',
    'Datadog',
    'Metrics, monitors, logs and incidents.',
    tools(`
get_logs | Search logs in a time window. | query from to
list_monitors | List the alert monitors. | name tags
get_monitor | Show a monitor's query and state. | monitorId
mute_monitor | Silence a monitor for a while. | monitorId end
query_metrics | Query a metric's time series. | query from to
list_incidents | List open incidents. |
list_dashboards | List dashboards. |
`),
  ),
  server(
    'pagerduty',
    'com.pagerduty/mcp',
    'PagerDuty',
    'Incidents and on-call schedules.',
    tools(`
list_incidents | List incidents by status or service. | statuses service_ids
manage_incidents | Acknowledge, resolve or reassign incidents. | incident_ids status
create_incident | Open an incident for a service. | title service_id urgency
list_oncalls | Show who is on call now. | schedule_ids
`),
  ),
  server(
    'figma',
    'com.figma/mcp',
    'Figma',
    'Read designs from Figma files.',
    tools(`
get_figma_data | Read the layout and styles of a file or a node. | fileKey nodeId depth
download_figma_images | Export images or icons from a file. | fileKey nodes localPath
get_code | Turn a selected frame into UI code. | nodeId
get_variable_defs | List the design variables a node uses. | nodeId
`),
  ),
  server(
    'airtable',
    'com.airtable/mcp',
    'Airtable',
    'Bases, tables and records in Airtable.',
    tools(`
list_bases | List the bases you can open. |
list_tables | List the tables of a base with their fields. | baseId
list_records | List records in a table, with a filter formula. | baseId tableId filterByFormula
search_records | Find records containing some text. | baseId tableId searchTerm
get_record | Get one record. | baseId tableId recordId
create_record | Add a record to a table. | baseId tableId fields
update_records | Change fields of up to ten records. | baseId tableId records
delete_records | Delete records from a table. | baseId tableId recordIds
create_table | Create a table with its fields. | baseId name fields
create_field | Add a field to a table. | baseId tableId field
`),
  ),
  server(
    'obsidian',
    'io.github.example/obsidian-mcp',
    'Obsidian',
    'Notes in an Obsidian vault.',
    tools(`
obsidian_list_files_in_vault | List the notes and folders at the vault's root. |
obsidian_get_file_contents | Read one note. | filepath
obsidian_simple_search | Find notes containing some text. | query
obsidian_append_content | Append text to a note, creating it if needed. | filepath content
obsidian_patch_content | Insert text under a heading or block of a note. | filepath target content
obsidian_delete_file | Delete a note or folder. | filepath confirm
`),
  ),
  server(
    'memory',
    'io.github.modelcontextprotocol/server-memory',
    'Knowledge Graph Memory',
    'A persistent memory as a graph of entities and relations.',
    tools(`
create_entities | Add entities to the knowledge graph. | entities
create_relations | Link entities with named relations. | relations
add_observations | Add facts to existing entities. | observations
delete_entities | Remove entities and their relations. | entityNames
delete_observations | Remove facts from entities. | deletions
delete_relations | Remove relations. | relations
read_graph | Return the whole knowledge graph. |
search_nodes | Find entities by name, type or fact. | query
open_nodes | Return entities by name. | names
`),
  ),
  server(
    'time',
    'io.github.modelcontextprotocol/server-time',
    'Time',
    'Time and time zone conversion.',
    tools(`
get_current_time | Tell the current time in a time zone. | timezone
convert_time | Convert a time from one time zone to another. | source_timezone time target_timezone
`),
  ),
  server(
    'google-maps',
    'com.google/maps-mcp',
    'Google Maps',
    'Places, directions and geocoding.',
    tools(`
maps_geocode | Turn an address into coordinates. | address
maps_reverse_geocode | Turn coordinates into an address. | latitude longitude
maps_search_places | Find places matching a text query. | query location radius
maps_place_details | Show a place's opening hours, rating and contact details. | place_id
maps_directions | Plan a route between two places. | origin destination mode
maps_distance_matrix | Work out travel times between several places. | origins destinations mode
`),
  ),
  server(
    'weather',
    'io.github.example/weather-mcp',
    'Weather',
    'Forecasts and alerts.',
    tools(`
get_forecast | Get the forecast for a latitude and longitude. | latitude longitude
get_alerts | Get the weather alerts for a US state. | state
`),
  ),
  server(
    'flux',
    'io.github.example/image-generation-mcp',
    'Image Generation',
    'Create images from text prompts with a hosted model.',
    tools(`
generate_image | Generate an image from a text prompt. Costs $0.003 per image. | prompt aspect_ratio num_outputs
edit_image | Change an image following a prompt. | image_url prompt
upscale_image | Make an image larger and sharper. | image_url scale
`),
  ),
  server(
    'elevenlabs',
    'io.github.example/elevenlabs-mcp',
    'ElevenLabs',
    'Speech synthesis and voices.',
    tools(`
text_to_speech | Turn text into spoken audio with a chosen voice. | text voice_name
speech_to_text | Transcribe an audio file into text. | input_file_path language
list_voices | List the voices you can use. |
clone_voice | Make a new voice from sample recordings. | name files
`),
  ),
  server(
    'youtube',
    'io.github.example/youtube-mcp',
    'YouTube',
    'Videos, channels and transcripts.',
    tools(`
get_video_details | Show a video's title, channel, length and views. | videoId
get_transcript | Get the transcript of a video. | videoId language
search_videos | Find videos matching a query. | query maxResults
get_channel_statistics | Show a channel's subscriber and view counts. | channelId
`),
  ),
  server(
    'spotify',
    'io.github.example/spotify-mcp',
    'Spotify',
    'Playback and playlists.',
    tools(`
searchSpotify | Find tracks, albums, artists or playlists. | query type limit
playMusic | Start playing a track, album or playlist. | uri deviceId
pausePlayback | Pause the music. | deviceId
createPlaylist | Make a new playlist. | name description public
addTracksToPlaylist | Add tracks to a playlist. | playlistId trackUris
getNowPlaying | Show what is playing now. |
`),
  ),
  server(
    'home-assistant',
    'io.github.example/home-assistant-mcp',
    'Home Assistant',
    'Lights, switches and automations at home.',
    tools(`
HassTurnOn | Turn on a light, switch or other device. | name area domain
HassTurnOff | Turn off a light, switch or other device. | name area domain
HassLightSet | Set a light's brightness or color. | name brightness color
GetLiveContext | Read the current state of every exposed device. |
HassClimateSetTemperature | Set the thermostat's target temperature. | temperature area
`),
  ),
  server(
    'shell',
    'io.github.example/shell-mcp',
    'Shell Commands',
    'Run commands on the host.',
    tools(`
run_command | Run a shell command and return its output. | command cwd timeout
run_script | Run a script with an interpreter. | interpreter script
`),
  ),
  server(
    'everything',
    'io.github.modelcontextprotocol/server-everything',
    'Everything',
    'A test server that exercises every feature of the protocol.',
    tools(`
echo | Return the message it was given. | message
add | Add two numbers. | a b
longRunningOperation | Show progress notifications for a long task. | duration steps
printEnv | Print every environment variable, for debugging. |
sampleLLM | Ask the client's model for a completion. | prompt maxTokens
getTinyImage | Return a small test image. |
annotatedMessage | Return content with annotations. | messageType
`),
  ),
  server(
    'sequential-thinking',
    'io.github.modelcontextprotocol/server-sequential-thinking',
    'Sequential Thinking',
    'Structured step-by-step reasoning.',
    tools(`
sequentialthinking | Think a problem through in numbered steps that can be revised. | thought thoughtNumber totalThoughts nextThoughtNeeded
`),
  ),
  server('xero', 'com.xero/xero-mcp-server', 'Xero', 'Accounting: invoices, contacts, payments and reports.', [
    ...resource('contact', 'contacts', 'in the ledger', ['create', 'list', 'update'], 'kebab'),
    ...resource('invoice', 'invoices', 'for a contact', ['create', 'list', 'update'], 'kebab'),
    ...resource('quote', 'quotes', 'for a contact', ['create', 'list', 'update'], 'kebab'),
    ...resource('credit note', 'credit notes', 'against an invoice', ['create', 'list', 'update'], 'kebab'),
    ...resource('bank transaction', 'bank transactions', 'on an account', ['create', 'list', 'update'], 'kebab'),
    ...resource('manual journal', 'manual journals', 'in the ledger', ['create', 'list', 'update'], 'kebab'),
    ...resource('item', 'items', 'sold or bought', ['create', 'list', 'update'], 'kebab'),
    ...tools(`
create-payment | Record a payment against an invoice. | invoiceId accountId amount
list-payments | List the payments recorded. | invoiceNumber
list-accounts | List the chart of accounts. |
list-profit-and-loss | Show the profit and loss report for a period. | fromDate toDate
list-trial-balance | Show the trial balance on a date. | date
list-aged-receivables-by-contact | Show what a contact owes, by age. | contactId
list-tax-rates | List the tax rates. |
list-organisation-details | Show the organisation's settings. |
`),
  ]),
  server('okta', 'com.okta/okta-mcp-server', 'Okta', 'Users, groups and applications in an identity provider.', [
    ...resource('user', 'users', 'in the directory', ['create', 'get', 'list', 'update', 'delete'], 'snake'),
    ...resource('group', 'groups', 'of users', ['create', 'get', 'list', 'update', 'delete'], 'snake'),
    ...resource('application', 'applications', 'for sign-in', ['create', 'get', 'list', 'update', 'delete'], 'snake'),
    ...resource('policy', 'policies', 'for sign-on', ['create', 'get', 'list', 'update', 'delete'], 'snake'),
    ...tools(`
add_user_to_group | Make a user a member of a group. | group_id user_id
remove_user_from_group | Take a user out of a group. | group_id user_id
deactivate_user | Deactivate a user so they can no longer sign in. | user_id
reset_user_password | Send a user a password reset link. | user_id send_email
list_system_logs | List sign-in and admin events. | since until filter
assign_user_to_application | Give a user access to an application. | app_id user_id
`),
  ]),
  server('grafana', 'com.grafana/mcp-grafana', 'Grafana', 'Dashboards, data sources, alerts and incidents.', [
    ...resource('dashboard', 'dashboards', 'with panels', ['get', 'search', 'update'], 'snake'),
    ...resource('datasource', 'datasources', 'for queries', ['get', 'list'], 'snake'),
    ...resource('alert rule', 'alert rules', 'for a metric', ['get', 'list'], 'snake'),
    ...resource('incident', 'incidents', 'for an outage', ['create', 'get', 'list'], 'snake'),
    ...resource('annotation', 'annotations', 'on a dashboard', ['create', 'list', 'update'], 'snake'),
    ...resource('contact point', 'contact points', 'for alert notifications', ['list'], 'snake'),
    ...tools(`
query_prometheus | Run a PromQL query against a data source. | datasourceUid expr startTime endTime
query_loki_logs | Query logs with LogQL. | datasourceUid logql limit
list_loki_label_names | List the label names of a log data source. | datasourceUid
list_prometheus_metric_names | List the metric names of a data source. | datasourceUid regex
get_dashboard_panel_queries | Show the queries behind each panel of a dashboard. | uid
list_oncall_schedules | List on-call schedules. | teamId
get_current_oncall_users | Show who is on call for a schedule. | scheduleId
find_error_pattern_logs | Look for error patterns in the logs of a service. | name labels
`),
  ]),
  server(
    'terraform',
    'com.hashicorp/terraform-mcp-server',
    'Terraform',
    'Providers, modules and workspaces for infrastructure as code.',
    [
      ...resource(
        'workspace',
        'workspaces',
        'in an organisation',
        ['create', 'get', 'list', 'update', 'delete'],
        'snake',
      ),
      ...resource('variable', 'variables', 'of a workspace', ['create', 'list', 'update', 'delete'], 'snake', [
        'workspace',
      ]),
      ...resource('run', 'runs', 'of a workspace', ['create', 'get', 'list', 'cancel'], 'snake'),
      ...tools(`
search_providers | Find a provider in the registry. | provider_name
get_provider_details | Show a provider's resources and documentation. | provider_doc_id
search_modules | Find modules in the registry. | module_query
get_module_details | Show a module's inputs, outputs and examples. | module_id
apply_run | Apply a run's plan to the infrastructure. | run_id comment
discard_run | Discard a run's plan without applying it. | run_id
get_plan_logs | Show the output of a run's plan. | run_id
`),
    ],
  ),
  server('intercom', 'com.intercom/mcp', 'Intercom', 'Customer conversations, contacts and help articles.', [
    ...resource('conversation', 'conversations', 'with a customer', ['get', 'list', 'search'], 'camel'),
    ...resource(
      'contact',
      'contacts',
      'in the messenger',
      ['create', 'get', 'list', 'update', 'delete', 'search'],
      'camel',
    ),
    ...resource('article', 'articles', 'in the help center', ['create', 'get', 'list', 'update', 'delete'], 'camel'),
    ...resource('ticket', 'tickets', 'for a customer request', ['create', 'get', 'update'], 'camel'),
    ...tools(`
replyToConversation | Reply to a conversation as an admin. | conversationId body
closeConversation | Close a conversation. | conversationId
assignConversation | Assign a conversation to an admin or team. | conversationId assigneeId
tagContact | Add a tag to a contact. | contactId tagId
`),
  ]),
  server('mailchimp', 'com.mailchimp/mcp', 'Mailchimp', 'Audiences, campaigns and email marketing reports.', [
    ...resource('audience', 'audiences', 'for email marketing', ['create', 'get', 'list', 'update', 'delete'], 'snake'),
    ...resource('campaign', 'campaigns', 'to an audience', ['create', 'get', 'list', 'update', 'delete'], 'snake'),
    ...resource(
      'member',
      'members',
      'of an audience',
      ['create', 'get', 'list', 'update', 'delete', 'search'],
      'snake',
    ),
    ...resource('template', 'templates', 'for campaigns', ['create', 'list', 'delete'], 'snake'),
    ...tools(`
send_campaign | Send a campaign to its audience now. | campaign_id
schedule_campaign | Send a campaign at a set time. | campaign_id schedule_time
get_campaign_report | Show opens, clicks and bounces of a sent campaign. | campaign_id
`),
  ]),
  server(
    'jenkins',
    'io.jenkins/jenkins-mcp',
    'Jenkins',
    'Jobs and builds on a CI server.',
    tools(`
getJobs | List the jobs on the server. | folder
getJob | Show a job's configuration and last builds. | jobFullName
triggerBuild | Start a build of a job with parameters. | jobFullName parameters
getBuild | Show a build's result and duration. | jobFullName buildNumber
getBuildLog | Read a build's console output. | jobFullName buildNumber
stopBuild | Abort a running build. | jobFullName buildNumber
getQueueItems | List builds waiting to run. |
`),
  ),
  server('azure-devops', 'com.microsoft/azure-devops-mcp', 'Azure DevOps', 'Work items, repos, pipelines and wikis.', [
    ...resource('work item', 'work items', 'in a project', ['create', 'get', 'list', 'update', 'search'], 'snake', [
      'wit',
    ]),
    ...resource('pull request', 'pull requests', 'in a repository', ['create', 'get', 'list', 'update'], 'snake', [
      'repo',
    ]),
    ...resource('pipeline', 'pipelines', 'of a project', ['get', 'list'], 'snake', ['pipelines']),
    ...resource('wiki page', 'wiki pages', 'in a project wiki', ['create', 'get', 'list', 'update'], 'snake', ['wiki']),
    ...tools(`
pipelines_run_pipeline | Queue a run of a pipeline. | project pipelineId branch
pipelines_get_build_log | Read the log of a build. | project buildId
repo_list_branches | List the branches of a repository. | repositoryId
repo_create_branch | Create a branch in a repository. | repositoryId branchName sourceBranch
wit_add_work_item_comment | Comment on a work item. | project workItemId text
work_list_iterations | List a team's iterations (sprints). | project team
`),
  ]),
  server('zoom', 'us.zoom/zoom-mcp', 'Zoom', 'Meetings, webinars, recordings and users.', [
    ...resource('meeting', 'meetings', 'for a user', ['create', 'get', 'list', 'update', 'delete'], 'snake'),
    ...resource('webinar', 'webinars', 'for an audience', ['create', 'get', 'list', 'update', 'delete'], 'snake'),
    ...resource('user', 'users', 'of the account', ['create', 'get', 'list', 'update', 'delete'], 'snake', ['zoom']),
    ...tools(`
list_recordings | List the cloud recordings of a user. | userId from to
get_meeting_transcript | Get the transcript of a recorded meeting. | meetingId
delete_recording | Delete a meeting's cloud recording. | meetingId
add_meeting_registrant | Register someone for a meeting. | meetingId email first_name
list_past_meeting_participants | List who joined a past meeting. | meetingUUID
`),
  ]),
  server(
    'dropbox',
    'com.dropbox/mcp',
    'Dropbox',
    'Files, folders and shared links in Dropbox.',
    tools(`
list_folder | List the files and folders in a folder. | path recursive
search_files | Find files by name or content. | query path
download_file | Download a file's contents. | path
upload_file | Upload a file to a path. | path content mode
create_folder | Create a folder. | path
move_file | Move or rename a file or folder. | from_path to_path
copy_file | Copy a file or folder. | from_path to_path
delete_file | Delete a file or folder. | path
create_shared_link | Make a link anyone can open for a file. | path
list_shared_links | List the shared links you have made. | path
get_file_metadata | Show a file's size, dates and revision. | path
list_revisions | List the earlier versions of a file. | path limit
restore_file | Restore an earlier version of a file. | path rev
get_space_usage | Show how much of your space is used. |
`),
  ),
  server('monday', 'com.monday/monday-api-mcp', 'monday.com', 'Boards, items and updates for work management.', [
    ...resource('board', 'boards', 'in a workspace', ['create', 'get', 'list', 'delete'], 'snake'),
    ...resource('item', 'items', 'on a board', ['create', 'get', 'list', 'update', 'delete', 'search'], 'snake'),
    ...resource('group', 'groups', 'on a board', ['create', 'list', 'delete'], 'snake', ['board']),
    ...tools(`
create_update | Post an update on an item. | itemId body
change_item_column_values | Change the values of an item's columns. | boardId itemId columnValues
move_item_to_group | Move an item to another group. | itemId groupId
list_workspaces | List the workspaces you belong to. |
get_board_schema | Show a board's columns and groups. | boardId
`),
  ]),
  server(
    'supabase-storage',
    'com.supabase/storage-mcp',
    'Supabase Storage',
    'Buckets and files in Supabase Storage.',
    tools(`
list_storage_buckets | List the storage buckets of a project. | project_id
create_storage_bucket | Create a bucket, public or private. | project_id name public
delete_storage_bucket | Delete an empty bucket. | project_id name
list_storage_objects | List the files in a bucket. | project_id bucket prefix
upload_storage_object | Upload a file into a bucket. | project_id bucket path content
delete_storage_objects | Delete files from a bucket. | project_id bucket paths
create_signed_url | Make a link to a private file that expires. | project_id bucket path expiresIn
`),
  ),
  server(
    'bitbucket',
    'org.bitbucket/bitbucket-mcp',
    'Bitbucket',
    'Repositories, pull requests and pipelines on Bitbucket.',
    tools(`
listRepositories | List the repositories of a workspace. | workspace
getRepository | Show a repository's settings. | workspace repo_slug
createPullRequest | Open a pull request between branches. | workspace repo_slug title source_branch destination_branch
getPullRequest | Show a pull request. | workspace repo_slug pull_request_id
listPullRequests | List a repository's pull requests. | workspace repo_slug state
mergePullRequest | Merge a pull request. | workspace repo_slug pull_request_id
declinePullRequest | Decline a pull request without merging. | workspace repo_slug pull_request_id
approvePullRequest | Approve a pull request. | workspace repo_slug pull_request_id
addPullRequestComment | Comment on a pull request. | workspace repo_slug pull_request_id content
getPullRequestDiff | Show a pull request's diff. | workspace repo_slug pull_request_id
listBranches | List the branches of a repository. | workspace repo_slug
createBranch | Create a branch from a commit. | workspace repo_slug name target
listPipelines | List the pipeline runs of a repository. | workspace repo_slug
runPipeline | Run the pipeline on a branch. | workspace repo_slug branch
getPipelineStepLog | Read the log of a pipeline step. | workspace repo_slug pipeline_uuid step_uuid
`),
  ),
  server(
    'pinecone',
    'io.pinecone/pinecone-mcp',
    'Pinecone',
    'Vector indexes for semantic search.',
    tools(`
list-indexes | List your vector indexes. |
describe-index | Show an index's dimension, metric and record count. | name
create-index-for-model | Create an index that embeds text with a hosted model. | name embed
upsert-records | Add or replace records in an index. | name namespace records
search-records | Find the records closest to a text query. | name namespace query topK
delete-records | Delete records by ID. | name namespace ids
rerank-documents | Reorder documents by relevance to a query. | model query documents
search-docs | Search the vector database's documentation. | query
`),
  ),
  server(
    'cloud-run',
    'com.google/cloud-run-mcp',
    'Cloud Run',
    'Deploy and run containers on Google Cloud.',
    tools(`
list_services | List the services of a project and region. | project region
get_service | Show a service's URL, revision and traffic. | project region service
deploy_local_folder | Build and deploy a local folder as a service. | project region service folderPath
deploy_container_image | Deploy a container image as a service. | project region service imageUrl
get_service_log | Read a service's recent logs. | project region service
delete_service | Delete a service. | project region service
list_projects | List your cloud projects. |
create_project | Create a cloud project. | projectId
update_service_traffic | Split traffic between revisions. | project region service traffic
list_revisions | List a service's revisions. | project region service
`),
  ),
  server(
    'hugging-face',
    'co.huggingface/hf-mcp-server',
    'Hugging Face',
    'Models, datasets and Spaces on the Hub.',
    tools(`
model_search | Find models by task, library or author. | query task limit
dataset_search | Find datasets on the Hub. | query limit
paper_search | Find machine learning papers. | query
hub_repo_details | Show a model's, dataset's or Space's card. | repo_id
space_search | Find Spaces (hosted demos). | query
`),
  ),
];

/**
 * Servers as a registry sync leaves them before a scan lists their tools, some without a
 * title: what a query naming a server must find on a catalogue synced from the registry.
 */
export const UNSCANNED_SERVERS: QualityServer[] = [
  server('invoice-ninja', 'io.github.acme-billing/invoice-ninja-mcp', '', 'Invoices and clients in Invoice Ninja.', []),
  server('octopus-deploy', 'com.octopus/octopus-mcp', 'Octopus Deploy', 'Releases and deployments in Octopus.', []),
  server('rovo', 'com.atlassian/rovo-mcp', 'Atlassian Rovo', 'Search across Atlassian products.', []),
  server('weather-alerts', 'io.github.jdoe-labs/weather-alerts', '', 'Severe weather alerts by region.', []),
  server('pgvector', 'io.github.vectorlab/pgvector-mcp-server', '', 'Similarity search in Postgres with pgvector.', []),
  server('meilisearch', 'com.meilisearch/meilisearch-mcp', 'Meilisearch', 'Indexes and documents in Meilisearch.', []),
];

/** A catalogue file (docs/catalogue-format.md: the registry's `server` part and the `tools/list` result). */
export function serverFile(s: QualityServer) {
  return {
    server: { name: s.name, ...(s.title ? { title: s.title } : {}), description: s.description },
    ...(s.tools.length ? {} : { scan: { status: 'not-scanned' } }),
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
