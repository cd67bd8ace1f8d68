/**
 * Citable paragraphs: every paragraph and list item of a document's text gets
 * an id from its place in the text, `p-1`, `p-2`…, so that "the petition, ¶ 12"
 * names the same passage in every language and `…/#p-12` opens scrolled to it.
 *
 * The rule, in reading order:
 * - every `<p>` and every `<li>` is one block and takes the next number;
 * - a paragraph directly inside a list item belongs to that item and takes no number of its own;
 * - paragraphs inside a block quote are numbered one by one (each testimony paragraph can be cited);
 * - the signature block is text like any other: its paragraphs and list items are numbered;
 * - headings are not numbered: they are titles, not paragraphs.
 *
 * Translations keep the original's blocks one for one (the content parity
 * tests), so the same number is the same passage in be, ru and en.
 */
import { fileURLToPath } from 'node:url';
import type { Element, Nodes, Root } from 'hast';
import type { HastPluginDefinition, HastPluginEntry } from 'satteri';

// The ids themselves live apart, without this file's Node and hast imports, so that the search page's script can read them.
import { paragraphId } from './paragraph-number.ts';

function isElement(node: Nodes | undefined, tagName: string): node is Element {
  return node?.type === 'element' && node.tagName === tagName;
}

/** The blocks of a document's text that take a number, in reading order. */
export function numberedBlocks(root: Readonly<Root>): Element[] {
  const blocks: Element[] = [];
  const visit = (node: Nodes, parent: Nodes | undefined) => {
    if (isElement(node, 'li') || (isElement(node, 'p') && !isElement(parent, 'li'))) blocks.push(node);
    if ('children' in node) for (const child of node.children) visit(child as Nodes, node);
  };
  visit(root as Root, undefined);
  return blocks;
}

/** Gives each numbered block of a tree its id, in place. */
export function numberBlocks(root: Root): Element[] {
  const blocks = numberedBlocks(root);
  blocks.forEach((block, index) => {
    block.properties = { ...block.properties, id: paragraphId(index + 1) };
  });
  return blocks;
}

/** The folder whose MDX files are documents; other content (the mirrors page) keeps its paragraphs unnumbered. */
const documentsFolder = '/src/content/documents/';

export function isDocumentFile(fileURL: URL | undefined): boolean {
  return fileURL !== undefined && fileURLToPath(fileURL).replaceAll('\\', '/').includes(documentsFolder);
}

const paragraphIds: HastPluginDefinition = {
  name: 'paragraph-ids',
  before(root, context) {
    numberedBlocks(root).forEach((block, index) => context.setProperty(block, 'id', paragraphId(index + 1)));
  },
};

/** The Sätteri hast plugin that numbers the blocks of every document as Astro compiles it. */
export const paragraphIdsPlugin: HastPluginEntry = (context) => (isDocumentFile(context.fileURL) ? paragraphIds : null);
