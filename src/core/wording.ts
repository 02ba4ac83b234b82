/**
 * Small phrases that pages build from catalogue values and that read wrong when built
 * naively: "a hour", "EFLOWCODE Image MCP MCP server".
 */

/** "10 a minute", "10 an hour", "10 a day"; `unit` goes between the number and the article ("10 calls an hour"). */
export function perWindow(max: number, window: 'minute' | 'hour' | 'day', unit = ''): string {
  return `${max.toLocaleString('en-US')}${unit ? ` ${unit}` : ''} ${window === 'hour' ? 'an' : 'a'} ${window}`;
}

/** "Acme MCP server", but "EFLOWCODE Image MCP server" and "Image Gen MCP Server" as their titles already say it. */
export function serverNoun(title: string): string {
  if (/\bMCP[\s-]+server$/i.test(title)) return title;
  if (/\bMCP$/i.test(title)) return `${title} server`;
  return `${title} MCP server`;
}
