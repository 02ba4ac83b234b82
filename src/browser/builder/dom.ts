/**
 * Elements of the builder, made from tags, attributes and children. Every catalogue string goes in
 * as text (a child or an attribute value), never as markup.
 */

export type Child = Node | string;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

export const code = (text: string) => el('code', {}, text);
