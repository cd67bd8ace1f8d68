import { HTMLElement, NodeType, TextNode, type Node } from 'node-html-parser';
import { noBreakSpaces } from '../../src/lib/typography.ts';

/**
 * The line-breaking rules of the site's text, applied here once to every page after it is rendered, whatever
 * wrote the text (a component, a strings file, a content file):
 *
 * - No-break spaces after "¶", before a separator ("·") and before «г.» (src/lib/typography.ts).
 * - An acronym joined by a hyphen, ACV-CSC, never breaks at the hyphen: it is wrapped in a span the stylesheet
 *   keeps on one line (`.nowrap`, in global.css). Its characters stay as the document has them, so that copied
 *   text, find in page, search and screen readers meet the ordinary hyphen; a no-break hyphen (U+2011) would
 *   change all four.
 */

/** The class that keeps a span on one line. */
export const noWrapClass = 'nowrap';

/** Capitals, at least two, then a hyphen and at least two more capitals, once or more: ACV-CSC, ACLVB-CGSLB. */
export const hyphenatedAcronym = /(?<![\p{L}\p{N}-])\p{Lu}{2,}(?:-\p{Lu}{2,})+(?![\p{L}\p{N}])/gu;

/** Elements whose text is not read as running text: code keeps its spaces; a title or a script is no line. */
const leftAlone = new Set(['head', 'script', 'style', 'title', 'textarea', 'pre', 'code', 'svg', 'template']);

/** A text node's text as nodes: the acronyms in spans that keep them on one line, the rest as text. */
function withAcronymsKept(text: TextNode, parent: HTMLElement): Node[] | undefined {
  const raw = text.rawText;
  const found = [...raw.matchAll(hyphenatedAcronym)];
  if (found.length === 0) return undefined;
  const nodes: Node[] = [];
  let from = 0;
  for (const match of found) {
    if (match.index > from) nodes.push(new TextNode(raw.slice(from, match.index), parent));
    const span = new HTMLElement('span', { class: noWrapClass }, `class="${noWrapClass}"`, parent);
    span.appendChild(new TextNode(match[0], span));
    nodes.push(span);
    from = match.index + match[0].length;
  }
  if (from < raw.length) nodes.push(new TextNode(raw.slice(from), parent));
  return nodes;
}

function typesetElement(element: HTMLElement): void {
  if (leftAlone.has(element.rawTagName?.toLowerCase() ?? '')) return;
  const keptTogether = element.classList.contains(noWrapClass);
  element.childNodes = element.childNodes.flatMap((child) => {
    if (child.nodeType === NodeType.ELEMENT_NODE) {
      typesetElement(child as HTMLElement);
      return [child];
    }
    if (child.nodeType !== NodeType.TEXT_NODE) return [child];
    const text = child as TextNode;
    text.rawText = noBreakSpaces(text.rawText);
    return (keptTogether ? undefined : withAcronymsKept(text, element)) ?? [text];
  });
}

/** Applies the rules to a parsed page, in place; applying them again changes nothing. */
export function typeset(document: HTMLElement): void {
  typesetElement(document);
}
