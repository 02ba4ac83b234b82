/**
 * Every address the site writes, in one place: pages, API files, search records, listings and the
 * build's own checks all take their URLs from here (docs/architecture.md, "Addresses").
 * Page 1 of a paginated list is the list's own address; pages 2…N live under `page/N/`.
 */
const paged = (base: string, page: number) => (page > 1 ? `${base}page/${page}/` : base);

export const HOME_PATH = '/';
export const serverListPath = (page = 1) => paged('/servers/', page);
export const serverPath = (server: string) => `/servers/${server}/`;
export const serverPolicyPath = (server: string) => `/servers/${server}/policy.json`;
export const toolListPath = (page = 1) => paged('/tools/', page);
export const toolPath = (server: string, tool: string) => `/tools/${server}/${tool}/`;
export const categoryPath = (category: string, page = 1) => paged(`/categories/${category}/`, page);
export const riskPath = (risk: string, page = 1) => paged(`/risk/${risk}/`, page);
export const ATTACK_LIST_PATH = '/attacks/';
export const attackPath = (slug: string) => `/attacks/${slug}/`;
/** How the catalogue classifies tools and chooses policies; `#grades` is its section on grades. */
export const HOW_PATH = '/how-recommendations-are-made/';
export const searchPath = (query = '') => `/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`;
export const CATALOGUE_API_PATH = '/api/catalogue.json';
export const serverApiPath = (server: string) => `/api/servers/${server}.json`;
export const POLICY_SCHEMA_PATH = '/schemas/policy.schema.json';
export const CATALOGUE_SCHEMA_PATH = '/schemas/catalogue-server.schema.json';
