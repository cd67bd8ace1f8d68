import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import type {} from 'satteri';
import { visit } from 'unist-util-visit';
import { layoutIds } from './layout-ids.ts';
import { paragraphNumber } from './paragraph-number.ts';

/**
 * Content is data. Translators and editors write Markdown and a few of the
 * site's components; nothing they write may run, in the build (MDX is
 * JavaScript: `import`, `export` and `{…}` run while the signed release is
 * made) or in a reader's browser (elements, event handlers, styles, links to
 * `javascript:`). These rules are checked twice with the same code: by the
 * content check before anything is built, and inside Astro's MDX compiler on
 * the very tree it compiles.
 */

/** The components each collection's pages provide to its MDX, by name. */
export const contentComponents = {
  documents: ['SignatureBlock'],
  pages: [
    'MirrorList',
    'PublicKey',
    'KeyFileCommand',
    'SiteAddress',
    'RepositoryLink',
    'ContactLink',
    'OnionAddress',
    'KeepOffline',
    'Publisher',
    'SecureContact',
  ],
} as const;

export type ContentCollection = keyof typeof contentComponents;

/** What a page passes as `components` to a collection's `<Content />`: at least every allowed component. */
export type ContentComponentMap<C extends ContentCollection> = Record<(typeof contentComponents)[C][number], unknown> &
  Record<string, unknown>;

/** HTML elements that Markdown cannot write and that do nothing but format text; they take no attributes. */
export const allowedElements = ['br', 'sub', 'sup'] as const;

/**
 * The Markdown a content file may use: what CommonMark and GFM write, but no raw HTML, no images (`imageProblem`)
 * and no struck-through text (~~…~~): words a text no longer says belong on the corrections page
 * (src/data/corrections.ts), the only place the site shows them, and where the spelling checks let them be.
 */
const markdownNodes = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'code',
  'inlineCode',
  'definition',
  'text',
  'emphasis',
  'strong',
  'break',
  'link',
  'linkReference',
  'footnoteDefinition',
  'footnoteReference',
  'table',
  'tableRow',
  'tableCell',
]);

const linkProtocols = new Set(['http:', 'https:', 'mailto:']);

/** What Markdown writes instead of an element a translator may know from HTML. */
const markdownFor: Record<string, string> = {
  a: 'a Markdown link, [text](https://…) or [text](../page/)',
  b: '**bold**',
  strong: '**bold**',
  i: '*italics*',
  em: '*italics*',
  p: 'a blank line between paragraphs',
  blockquote: 'a quotation, each line starting with "> "',
  ul: 'a list, each item starting with "- "',
  ol: 'a numbered list, each item starting with "1. "',
  li: 'a list item starting with "- "',
  h1: 'a heading, "# Title"',
  h2: 'a heading, "## Title"',
  h3: 'a heading, "### Title"',
  code: '`code` between backticks',
  hr: 'a line of "---"',
};

export interface UnsafeContent {
  /** The line of the file, where the parser knows it. */
  line: number | undefined;
  problem: string;
}

function lineOf(node: Nodes): number | undefined {
  return node.position?.start.line;
}

/** A short quotation of what the author wrote, for the message. */
function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine}"`;
}

function allowedList(components: readonly string[]): string {
  return [...components, ...allowedElements].map((name) => `<${name}>`).join(', ');
}

/**
 * Why a link target is not allowed, or undefined when it is: links go to
 * http(s), mailto or a page of the site.
 */
export function linkProblem(target: string): string | undefined {
  const site = new URL('https://site.invalid/lang/page/');
  if (URL.canParse(target)) {
    if (linkProtocols.has(new URL(target).protocol)) return undefined;
    return `a link to ${quote(target)} — a link may lead only to an https:, http: or mailto: address or to a page of the site: write the page's full https:// address, or its path relative to this page`;
  }
  const resolved = new URL(target, site);
  if (resolved.origin !== site.origin) {
    return `a link to ${quote(target)}, an address without its scheme — write the full address, https://${resolved.host}${resolved.pathname}`;
  }
  return undefined;
}

/**
 * Content holds no images. The build reads an image's path as a file to
 * import: a path can lead out of the project to any file of the build machine
 * (the release key among them), and a query such as `?raw` puts the file into
 * the build log. The message names the path, never anything of the file.
 */
function imageProblem(target: string): string {
  return `an image ${quote(target)} — content holds no images (the build would read the file it names, wherever it is): describe the picture in words, as the documents describe their signature images`;
}

/**
 * Characters no text here needs, each with why it is refused: control characters (only tab and line ends belong
 * in text) and non-characters (U+FFFE, U+FFFF…), which feeds and books cannot carry; and invisible format
 * characters (soft hyphen, zero-width space, direction overrides…), which hide a word from search and the
 * spelling checks, or show text in another order than it is read.
 */
const unfitCharacter = /(?![\t\n])[\p{Cc}\p{Cf}\p{Noncharacter_Code_Point}]/u;
/** The same, where a carriage return may end a line before its line feed, as editors on Windows write them. */
const unfitCharacterInFile = /(?![\t\n]|\r\n)[\p{Cc}\p{Cf}\p{Noncharacter_Code_Point}]/gu;

/** Whether a text holds a character `unfitCharacter` refuses. */
export const hasUnfitCharacter = (text: string) => unfitCharacter.test(text);

/** A character for a message: "U+0000". */
const codePoint = (character: string) =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a refused character, and what to do. */
export function unfitCharacterProblem(character: string): string {
  if (/\p{Cf}/u.test(character)) {
    return `an invisible character ${codePoint(character)} — it hides words from search and the spelling checks, or changes the order text shows in: delete it (an editor can show it with "show invisible characters")`;
  }
  const kind = /\p{Cc}/u.test(character) ? 'a control character' : 'a non-character';
  return `${kind} ${codePoint(character)} — it breaks feeds, e-books and pages: delete it (an editor can show it with "show invisible characters")`;
}

/**
 * Each line of a content file that holds a refused character, the first of them named. A byte order mark
 * that starts the file, as some editors write, is no character of the text.
 */
export function unfitCharacterProblems(text: string): UnsafeContent[] {
  const problems: UnsafeContent[] = [];
  const body = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
  for (const match of body.matchAll(unfitCharacterInFile)) {
    const line = body.slice(0, match.index).split('\n').length;
    if (problems.at(-1)?.line === line) continue;
    problems.push({ line, problem: unfitCharacterProblem(match[0]) });
  }
  return problems;
}

/** How deeply blocks and inline spans may nest: real text nests a few levels; thousands would exhaust the build's stack. */
export const maxNesting = 32;

/**
 * Text nested deeper than `maxNesting`, found without recursion: run before
 * any rule that walks the tree recursively, which such text would overflow.
 */
export function nestingProblem(tree: Root): UnsafeContent | undefined {
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.depth > maxNesting) {
      return {
        line: lineOf(next.node),
        problem: `text nested more than ${maxNesting} levels deep (quotations, lists or emphasis inside each other) — no document needs that: flatten it`,
      };
    }
    if ('children' in next.node) {
      for (const child of next.node.children) stack.push({ node: child as Nodes, depth: next.depth + 1 });
    }
  }
  return undefined;
}

/** Ids a heading may not take: a paragraph's (`p-3`, which citations link to) or one the layout gives. */
function headingIdProblem(id: string): string | undefined {
  if (paragraphNumber(id) !== undefined) {
    return `a heading whose id would be "${id}", a paragraph's: links citing ¶ ${paragraphNumber(id)} would land on it — reword the heading`;
  }
  if ((Object.values(layoutIds) as string[]).includes(id)) {
    return `a heading whose id would be "${id}", which the page's layout gives another element — reword the heading`;
  }
  return undefined;
}

/** The text of a heading, as the compiler's slugger reads it. */
function headingText(node: Nodes): string {
  const parts: string[] = [];
  visit(node, (inline) => {
    if (inline.type === 'text' || inline.type === 'inlineCode') parts.push(inline.value);
  });
  return parts.join('');
}

function elementProblems(
  node: Extract<Root['children'][number], { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>,
  components: readonly string[],
): string[] {
  const name = node.name;
  if (name === null) return ['an empty element "<>" — remove it and its closing "</>"'];
  const isComponent = /^[A-Z]/.test(name);
  if (isComponent && !components.includes(name)) {
    return [
      `a component <${name}>, which this file may not use — use Markdown and only ${components.length > 0 ? components.map((component) => `<${component}>`).join(', ') : 'no component'}`,
    ];
  }
  if (!isComponent && !(allowedElements as readonly string[]).includes(name)) {
    const instead = markdownFor[name];
    return [
      instead
        ? `an HTML element <${name}> — write ${instead}`
        : `an HTML element <${name}> — content is text, not code, embeds or styles: remove it and write Markdown (the elements allowed are ${allowedList(components)})`,
    ];
  }
  return node.attributes.map((attribute) => {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      return `an expression ${quote(attribute.value)} in <${name}> — content cannot run code: remove it`;
    }
    if (/^on/i.test(attribute.name)) {
      return `an event handler "${attribute.name}" on <${name}> — content cannot run code: remove it`;
    }
    if (attribute.name.toLowerCase() === 'style') {
      return `a style attribute on <${name}> — the site's stylesheet styles every page: remove it`;
    }
    if (typeof attribute.value === 'object' && attribute.value !== null) {
      return `an expression ${quote(attribute.value.value)} in <${name}> — content cannot run code: remove it`;
    }
    return `an attribute "${attribute.name}" on <${name}>, which takes none — remove it`;
  });
}

/**
 * What the MDX compiler must not compile, in the tree it is about to compile
 * (pipeline/content-checks/content-guard.ts): text nested too deeply to walk,
 * else refused characters and everything `unsafeContent` finds.
 */
export function uncompilableContent(tree: Root, components: readonly string[]): UnsafeContent[] {
  const tooDeep = nestingProblem(tree);
  if (tooDeep !== undefined) return [tooDeep];
  const problems: UnsafeContent[] = [];
  visit(tree, (node) => {
    const unfit = 'value' in node && typeof node.value === 'string' ? unfitCharacter.exec(node.value) : null;
    if (unfit) problems.push({ line: lineOf(node), problem: unfitCharacterProblem(unfit[0]) });
  });
  return [...problems, ...unsafeContent(tree, components)];
}

/**
 * Everything in a parsed content file that is not plain Markdown, an allowed
 * element or component, or an allowed link: each with its line and what to
 * write instead. The tree must have passed `nestingProblem`, since this walks
 * it recursively.
 */
export function unsafeContent(tree: Root, components: readonly string[]): UnsafeContent[] {
  const problems: UnsafeContent[] = [];
  const report = (node: Nodes, problem: string) => problems.push({ line: lineOf(node), problem });
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    definitions.set(node.identifier, node.url);
  });
  const slugger = new GithubSlugger();
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        report(
          node,
          `JavaScript ${quote(node.value)} — content cannot run code: remove it (the components a file may use need no import)`,
        );
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(
          node,
          `an expression ${quote(`{${node.value}}`)} — content cannot run code: write the text itself, and "\\{" for a brace`,
        );
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        for (const problem of elementProblems(node, components)) report(node, problem);
        return;
      case 'link':
      case 'definition': {
        const problem = linkProblem(node.url);
        if (problem) report(node, problem);
        return;
      }
      case 'image':
        report(node, imageProblem(node.url));
        return;
      case 'imageReference':
        report(node, imageProblem(definitions.get(node.identifier) ?? node.identifier));
        return;
      case 'heading': {
        const problem = headingIdProblem(slugger.slug(headingText(node)));
        if (problem) report(node, problem);
        return;
      }
      case 'delete':
        report(
          node,
          'struck-through text (~~…~~) — words a text no longer says go on the corrections page (src/data/corrections.ts): delete them here',
        );
        return;
      default:
        if (!markdownNodes.has(node.type)) {
          report(
            node,
            node.type === 'html'
              ? `raw HTML ${quote((node as { value?: string }).value ?? '')} — write Markdown`
              : `"${node.type}", which is not Markdown the site publishes — write plain Markdown`,
          );
        }
    }
  });
  return problems;
}
