/**
 * E-mail addresses in the documents' text are the documents' own: an embassy's,
 * an official's. They are shown as text, not as links, so that no mistaken tap
 * on a phone opens a message to a Belarusian state body. (Markdown links an
 * address written on its own, so the build unlinks them as it compiles the
 * documents.) The project's own contact, outside the documents' text, stays a
 * link.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import type { HastPluginEntry } from 'satteri';
import { isDocumentFile } from './paragraph-ids.ts';

const isMailLink = (node: Readonly<Element>) =>
  node.tagName === 'a' && typeof node.properties?.['href'] === 'string' && /^mailto:/i.test(node.properties['href']);

/** The Sätteri hast plugin that unlinks e-mail addresses in every document as Astro compiles it. */
export const plainAddressesPlugin: HastPluginEntry = (context) =>
  isDocumentFile(context.fileURL)
    ? {
        name: 'plain-addresses',
        element: {
          filter: ['a'],
          visit(node, ctx) {
            if (isMailLink(node)) ctx.replaceNode(node, [...node.children]);
          },
        },
      }
    : null;

/** The same, in place, for a tree the site parses itself (the side-by-side pages). */
export function unlinkAddresses(root: Root | Element): void {
  const visit = (node: Nodes) => {
    if (!('children' in node)) return;
    node.children = node.children.flatMap((child): ElementContent[] =>
      child.type === 'element' && isMailLink(child) ? child.children : [child as ElementContent],
    ) as typeof node.children;
    for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
}
