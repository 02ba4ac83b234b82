/** Site paths, in one place so pages, API and tests agree on them. */
export const serverPath = (server: string) => `/servers/${server}/`;
export const toolPath = (server: string, tool: string) => `/tools/${server}/${tool}/`;
export const categoryPath = (category: string, page = 1) =>
  `/categories/${category}/${page > 1 ? `page/${page}/` : ''}`;
export const riskPath = (risk: string, page = 1) => `/risk/${risk}/${page > 1 ? `page/${page}/` : ''}`;
export const attackPath = (slug: string) => `/attacks/${slug}/`;

/**
 * An external link target only for http(s) URLs (SPEC.md, "Untrusted input"):
 * anything else (`javascript:`, `data:`, a leading space) is shown as text, never linked.
 */
export function safeExternalUrl(value: string | undefined): string | undefined {
  if (!value || value !== value.trim()) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
