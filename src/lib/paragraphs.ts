/**
 * A document's citable paragraphs as plain text: the blocks its page numbers
 * (src/lib/paragraph-ids.ts), parsed from its MDX with the parser and features
 * Astro renders it with, so that paragraph 12 here is ¶ 12 on the page.
 */
import type { Nodes, Root } from 'hast';
import { mdxToHast } from 'satteri';
import { mdxFeatures } from './mdx.ts';
import { numberedBlocks } from './paragraph-ids.ts';
import { paragraphId } from './paragraph-number.ts';

export interface Paragraph {
  /** Its number on the page, from 1: the `12` of ¶ 12. */
  number: number;
  /** Its id on the page: `p-12`. */
  id: string;
  text: string;
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as Nodes)).join('') : '';
}

/** The numbered paragraphs of a document's MDX body (the file without its front matter). */
export function paragraphsOf(body: string): Paragraph[] {
  const root = mdxToHast(body, { features: mdxFeatures, position: false }) as Root;
  return numberedBlocks(root).map((block, index) => ({
    number: index + 1,
    id: paragraphId(index + 1),
    text: textOf(block).replace(/\s+/g, ' ').trim(),
  }));
}
