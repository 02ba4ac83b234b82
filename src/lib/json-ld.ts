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
