/**
 * Helpers for catalogue text, which comes from third parties and may be hostile
 * (docs/catalogue-format.md, "Every string is hostile").
 */

/**
 * An external link target only for http(s) URLs: anything else (`javascript:`, `data:`,
 * a leading space) is shown as text, never linked.
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

/**
 * JSON for an inline `<script type="application/ld+json">`. Catalogue text can hold
 * `</script>`: every `<`, `>` and `&` is written as a JSON escape, so the text
 * cannot end the script element, and U+2028/U+2029 too, for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
