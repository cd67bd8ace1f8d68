import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

export interface SplitMdx {
  /** The parsed YAML front matter. */
  frontMatter: unknown;
  /** Everything after the closing `---`. */
  body: string;
}

/** Separates a content file's YAML front matter from its body. */
export function splitFrontMatter(source: string): SplitMdx {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  if (!match) throw new Error('has no front matter: it must start with a line "---"');
  let frontMatter: unknown;
  try {
    frontMatter = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new Error(`has front matter that is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  return { frontMatter, body: source.slice(match[0].length) };
}

const processor = unified().use(remarkParse).use(remarkMdx);

export function parseMdxBody(body: string): Root {
  return processor.parse(body);
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

/** Every link target in the body, from Markdown links and from `href` attributes of elements. */
export function linkTargets(tree: Root): string[] {
  const targets: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') targets.push(node.url);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'href' && typeof attribute.value === 'string') {
          targets.push(attribute.value);
        }
      }
    }
  });
  return targets;
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
