import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { mdxToMdast, type Features } from 'satteri';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

/**
 * The Markdown features the site's MDX is compiled with; astro.config.mjs gives
 * Astro's compiler (Sätteri) the same, so the checks parse what the build compiles.
 */
export const mdxFeatures = { gfm: true, smartPunctuation: true } as const satisfies Features;

export interface SplitMdx {
  /** The parsed YAML front matter. */
  frontMatter: unknown;
  /**
   * The file as Astro hands it to the MDX compiler: the front matter blanked
   * out with spaces, so that lines and columns stay those of the file.
   */
  body: string;
}

/**
 * Separates a content file's YAML front matter from its body, with the very
 * function Astro's MDX integration uses, so that the body checked is the body
 * compiled. Stricter than Astro in what it accepts: the file starts with a line
 * `---` (after an optional byte-order mark, which editors on Windows add and
 * Astro ignores) and the closing `---` stands alone on its line.
 */
export function splitFrontMatter(source: string): SplitMdx {
  const text = source.replace(/^\uFEFF/, '');
  if (!/^---\r?\n/.test(text)) throw new Error('has no front matter: its first line must be "---"');
  let parsed;
  try {
    parsed = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  } catch (error) {
    throw new Error(`has front matter that is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  const closed = `---${parsed.rawFrontmatter}---`.length;
  if (!parsed.rawFrontmatter || !/^(?:\r?\n|$)/.test(text.slice(closed))) {
    throw new Error('has front matter without an end: close it with a line that is only "---"');
  }
  return { frontMatter: parsed.frontmatter, body: parsed.content };
}

/** Parses MDX with Astro's own MDX parser; positions are lines of the file. */
export function parseMdx(body: string, features: Features = mdxFeatures): Root {
  return mdxToMdast(body, { features }) as Root;
}

/** The blocks a faithful translation must keep one for one. */
export interface Outline {
  headings: number;
  paragraphs: number;
  listItems: number;
  blockquotes: number;
  hardBreaks: number;
  strong: number;
  links: string[];
}

export function outline(tree: Root): Outline {
  const result: Outline = {
    headings: 0,
    paragraphs: 0,
    listItems: 0,
    blockquotes: 0,
    hardBreaks: 0,
    strong: 0,
    links: [],
  };
  visit(tree, (node) => {
    switch (node.type) {
      case 'heading':
        result.headings += 1;
        break;
      case 'paragraph':
        result.paragraphs += 1;
        break;
      case 'listItem':
        result.listItems += 1;
        break;
      case 'blockquote':
        result.blockquotes += 1;
        break;
      case 'break':
        result.hardBreaks += 1;
        break;
      case 'strong':
        result.strong += 1;
        break;
      case 'link':
        result.links.push(node.url);
        break;
    }
  });
  return result;
}

/** The readable text of each paragraph and heading, in order; line breaks become spaces. */
export function blockTexts(tree: Root): string[] {
  const texts: string[] = [];
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return;
    const parts: string[] = [];
    visit(node, (inline) => {
      if (inline.type === 'text' || inline.type === 'inlineCode') parts.push(inline.value);
      if (inline.type === 'break') parts.push(' ');
    });
    texts.push(parts.join('').replace(/\s+/g, ' ').trim());
  });
  return texts;
}
