/** A server slug is its file's stem (SPEC.md, "The catalogue"). */
export const SERVER_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export function isServerSlug(stem: string): boolean {
  return SERVER_SLUG_PATTERN.test(stem);
}

/**
 * The URL segment of a tool: its name lower-cased, every character outside
 * `a-z0-9_.-` replaced by `-`. Two tools of one server with the same slug is an
 * error the loader reports, never a page silently overwritten.
 */
export function toolSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_.-]/g, '-');
}
