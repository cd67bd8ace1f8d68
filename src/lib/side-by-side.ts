/**
 * The side-by-side pages: a translation and its original, paragraph by
 * paragraph. Each document's MDX is parsed with the same parser and features
 * Astro renders it with, its blocks numbered by the same rule as the document
 * pages (src/lib/paragraph-ids.ts), and each block is cut out, with the lists,
 * quotes and signature block around it, as a small piece of static HTML.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { mdxToHast } from 'satteri';
import { mdxFeatures } from './mdx';
import { allowedElements } from './content-safety';
import { numberBlocks } from './paragraph-ids';
import { unlinkAddresses } from './plain-addresses';
import { relativeUrl } from './routes';

/** One piece of a document's text as a side-by-side page shows it: a numbered block, or a heading, rule or the like. */
export interface TextUnit {
  /** The paragraph id of a numbered block; headings and the like have none. */
  id?: string;
  /** Where it sits, e.g. `blockquote > p`: a translation's must match the original's one for one. */
  shape: string;
  /** The unit as HTML, inside the lists, quotes and signature block around it. */
  html: string;
}

export interface UnitPair {
  id?: string;
  original: string;
  translation: string;
}

export interface UnitSource {
  /** The MDX body, without its front matter. */
  body: string;
  /** The file, for error messages. */
  file: string;
  /** The path of the document's own page, which its relative links are written from. */
  documentPath: string;
}

/** What each of the site's components used in documents renders, as plain HTML (see src/components). */
const componentElements: Record<string, { tagName: string; className: string }> = {
  SignatureBlock: { tagName: 'div', className: 'signature-block' },
};

/** Elements that only hold blocks: the units are found inside them. Any other element is a unit. */
const containers = new Set(['ul', 'ol', 'blockquote']);
const plainElements = new Set<string>(allowedElements);
const isAbsolute = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#');

/** Relative links are written from the document's page; the side-by-side page sits one folder deeper. */
function rewriteLinks(node: Nodes, from: string, to: string): void {
  if (node.type === 'element' && node.tagName === 'a' && typeof node.properties['href'] === 'string') {
    const href = node.properties['href'];
    if (!isAbsolute(href)) {
      const target = new URL(href, `https://site.invalid${from}`);
      node.properties['href'] = relativeUrl(to, target.pathname) + target.search + target.hash;
    }
  }
  if ('children' in node) for (const child of node.children) rewriteLinks(child, from, to);
}

/** The few HTML elements content may write in MDX (`<br />`, `<sup>`…) as the plain elements they render. */
function withPlainElements(node: Nodes, file: string): void {
  if (!('children' in node)) return;
  node.children = node.children.map((child) => {
    if ((child.type === 'mdxJsxTextElement' || child.type === 'mdxJsxFlowElement') && child.name) {
      if (!plainElements.has(child.name)) {
        throw new Error(
          `${file}: <${child.name}> cannot be shown side by side; teach src/lib/side-by-side.ts its HTML`,
        );
      }
      return { type: 'element', tagName: child.name, properties: {}, children: child.children } as ElementContent;
    }
    return child;
  }) as typeof node.children;
  for (const child of node.children) withPlainElements(child as Nodes, file);
}

function nameOf(node: Nodes): string {
  if (node.type === 'element') return node.tagName;
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return node.name ?? 'fragment';
  return node.type;
}

/**
 * A copy of `ancestor` that holds only `child`, the copy of its child `original`:
 * the list, quote or signature block around one unit.
 */
function wrap(ancestor: Nodes, original: Nodes, child: ElementContent, file: string): ElementContent {
  if (ancestor.type === 'element') {
    const properties = { ...ancestor.properties };
    if (ancestor.tagName === 'ol') {
      // A numbered list's item keeps its number when shown alone.
      const items = ancestor.children.filter((item) => item.type === 'element' && item.tagName === 'li');
      properties['start'] = Number(properties['start'] ?? 1) + items.indexOf(original as Element);
    }
    return { type: 'element', tagName: ancestor.tagName, properties, children: [child] };
  }
  const component =
    ancestor.type === 'mdxJsxFlowElement' && ancestor.name ? componentElements[ancestor.name] : undefined;
  if (component) {
    return {
      type: 'element',
      tagName: component.tagName,
      properties: { className: [component.className] },
      children: [child],
    };
  }
  throw new Error(
    `${file}: <${nameOf(ancestor)}> cannot be shown side by side; teach src/lib/side-by-side.ts its HTML`,
  );
}

/** The document's text as units, with links made relative to the page at `pagePath`. */
export function textUnits({ body, file, documentPath }: UnitSource, pagePath: string): TextUnit[] {
  const root = mdxToHast(body, { features: mdxFeatures, position: false }) as Root;
  unlinkAddresses(root);
  const numbered = new Set<Nodes>(numberBlocks(root));
  const units: TextUnit[] = [];

  const visit = (node: Nodes, ancestors: Nodes[]) => {
    if (node.type === 'element' && (numbered.has(node) || !containers.has(node.tagName))) {
      const { id, ...properties } = node.properties;
      const unit: Element = structuredClone({ ...node, properties });
      withPlainElements(unit, file);
      rewriteLinks(unit, documentPath, pagePath);
      const inside = ancestors.slice(1);
      const chain = [...inside, node];
      const html = toHtml(
        inside.reduceRight<ElementContent>(
          (child, ancestor, index) => wrap(ancestor, chain[index + 1] as Nodes, child, file),
          unit,
        ),
      );
      units.push({
        ...(typeof id === 'string' ? { id } : {}),
        shape: chain.map(nameOf).join(' > '),
        html,
      });
      return;
    }
    if (node.type === 'text') {
      if (node.value.trim()) throw new Error(`${file}: has text outside any paragraph: "${node.value.trim()}"`);
      return;
    }
    const isContainer =
      node.type === 'root' ||
      node.type === 'element' ||
      (node.type === 'mdxJsxFlowElement' && node.name !== null && node.name in componentElements);
    if (!isContainer) {
      throw new Error(
        `${file}: <${nameOf(node)}> cannot be shown side by side; teach src/lib/side-by-side.ts its HTML`,
      );
    }
    for (const child of node.children) visit(child as Nodes, [...ancestors, node]);
  };
  visit(root, []);
  return units;
}

/**
 * The original's units beside the translation's, by position. The content
 * parity tests keep the blocks one for one; this fails the build, naming the
 * file and the first block that differs, if they ever drift.
 */
export function pairUnits(
  original: TextUnit[],
  translation: TextUnit[],
  files: { original: string; translation: string },
): UnitPair[] {
  const length = Math.max(original.length, translation.length);
  for (let index = 0; index < length; index += 1) {
    const expected = original[index];
    const actual = translation[index];
    if (expected?.shape !== actual?.shape || expected?.id !== actual?.id) {
      throw new Error(
        `${files.translation}: block ${index + 1} is ${actual ? `"${actual.shape}"` : 'missing'} but in ${files.original} it is ${expected ? `"${expected.shape}"` : 'absent'}; a translation keeps the original's paragraphs, list items and headings one for one`,
      );
    }
  }
  return original.map((unit, index) => ({
    ...(unit.id === undefined ? {} : { id: unit.id }),
    original: unit.html,
    translation: translation[index]?.html ?? '',
  }));
}
