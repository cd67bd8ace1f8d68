/**
 * The spelling checks of pipeline/content-checks/orthography.ts, run on the pages as readers
 * get them: on the text as rendered, where link markup no longer splits two
 * words («спампоўвання](../downloads/) увесь» is «спампоўвання увесь»), and in
 * the language of the element each text stands in, so that the English column
 * of a side-by-side page is not read as Belarusian. Quotations of what a text
 * used to say (`<del>`, on the corrections page) and code are not prose of the
 * page, and are not checked. Each finding names the page and, where it can,
 * the source file and line to fix.
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { NodeType, type HTMLElement, type Node } from 'node-html-parser';
import { isLocale, type Locale } from '../../src/i18n/locales.ts';
import { orthographyFindings, type OrthographyFinding } from '../content-checks/orthography.ts';
import { buildCache, producerOf, type BuildCache, type Producer } from '../render/build-cache.ts';
import type { ParsedPages } from './site-files.ts';

/** Elements whose text is not the page's prose, and that a reader does not read as part of it. */
const unread = new Set(['script', 'style', 'template', 'svg']);
/**
 * Elements a reader reads, but whose text is not prose of the page's language: code, and quotations of what a
 * text used to say. Each stands in its sentence as a word in Latin letters would, which no rule judges.
 */
const quoted = new Set(['code', 'pre', 'kbd', 'samp', 'del']);
const quotedWord = ' code ';
/** Elements that sit inside a line of text; any other element starts and ends a block, as a pause does. */
const inline = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'i',
  'ins',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

/** A stretch of text in one language with no block boundary inside it. */
export interface TextRun {
  lang: Locale;
  text: string;
}

/** The page's text as a reader reads it, in runs of one language and one block each. */
export function textRuns(document: HTMLElement): TextRun[] {
  const runs: TextRun[] = [];
  let current: { lang: Locale | undefined; parts: string[] } = { lang: undefined, parts: [] };
  const flush = () => {
    const text = current.parts
      .join('')
      .replace(/[ \t\r\n]+/g, ' ')
      .trim();
    if (current.lang !== undefined && text !== '') runs.push({ lang: current.lang, text });
    current = { lang: current.lang, parts: [] };
  };
  const walk = (node: Node, lang: Locale | undefined) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      if (lang !== current.lang) {
        flush();
        current.lang = lang;
      }
      current.parts.push(node.text);
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const element = node as HTMLElement;
    const tag = element.rawTagName?.toLowerCase() ?? '';
    if (unread.has(tag) || element.getAttribute('hidden') !== undefined) return;
    if (quoted.has(tag)) {
      current.parts.push(quotedWord);
      return;
    }
    const own = element.getAttribute('lang');
    const elementLang = own === undefined ? lang : isLocale(own) ? own : undefined;
    const block = tag !== '' && !inline.has(tag);
    if (block || tag === 'br') flush();
    for (const child of element.childNodes) walk(child, elementLang);
    if (block) flush();
  };
  walk(document, undefined);
  flush();
  return runs;
}

export interface LanguageFinding {
  page: string;
  lang: Locale;
  text: string;
  problem: string;
}

/** What decides a page's findings besides its HTML: this module and all it imports (the checks, the forms found wrong). */
export const languageCheckProducer: Producer = producerOf(new URL(import.meta.url));

/** Each page's findings, kept between builds by the page's HTML. */
const checkedPages = buildCache('language-check', languageCheckProducer);

type PageFinding = Omit<LanguageFinding, 'page'>;

/**
 * Every spelling finding of every page, in the language of the text it is in; and in code, the forms of names
 * found wrong, which are wrong there too. The quotations of what a text used to say are the one place they stand.
 * A page whose text an earlier build checked gets that build's findings from `cache`.
 */
export function languageFindings(pages: ParsedPages, cache: BuildCache = checkedPages): LanguageFinding[] {
  const findings: LanguageFinding[] = [];
  // Every page repeats its language's navigation and footer, and a document's text stands on its page, its
  // side-by-side page and its single file: each run of text is checked once.
  const checked = new Map<string, OrthographyFinding[]>();
  const findingsIn = (text: string, lang: Locale, options: { namesOnly?: boolean } = {}) => {
    const key = `${lang} ${options.namesOnly === true} ${text}`;
    let found = checked.get(key);
    if (found === undefined) {
      found = orthographyFindings(text, lang, options);
      checked.set(key, found);
    }
    return found;
  };
  for (const [page, document] of pages) {
    // Keyed on the page's HTML, which an unchanged page keeps: serialising it takes a tenth of finding its text.
    const check = (): PageFinding[] => [
      ...textRuns(document).flatMap(({ lang, text }) =>
        findingsIn(text, lang).map((finding) => ({ lang, text: finding.text, problem: finding.problem })),
      ),
      ...codeIn(document).flatMap(({ lang, text }) =>
        findingsIn(text, lang, { namesOnly: true }).map((finding) => ({
          lang,
          text: finding.text,
          problem: finding.problem,
        })),
      ),
    ];
    const kept = cache.through(cache.key(document.toString()), () => Buffer.from(JSON.stringify(check())));
    for (const finding of JSON.parse(kept.toString('utf8')) as PageFinding[]) findings.push({ page, ...finding });
  }
  return findings;
}

/** Elements that hold code, whose text is checked for the forms of names alone. */
const code = new Set(['code', 'pre', 'kbd', 'samp']);

/**
 * The text of each element of code, in document order, in the language of its element (its own `lang`, or its
 * nearest ancestor's): one walk of the tree, where a selector query walks it once for each kind of element.
 */
function codeIn(document: HTMLElement): TextRun[] {
  const found: TextRun[] = [];
  const walk = (element: HTMLElement, inherited: Locale | undefined) => {
    const own = element.getAttribute?.('lang');
    const lang = own === undefined ? inherited : isLocale(own) ? own : undefined;
    if (lang !== undefined && code.has(element.rawTagName?.toLowerCase() ?? ''))
      found.push({ lang, text: element.text });
    for (const child of element.childNodes) {
      if (child.nodeType === NodeType.ELEMENT_NODE) walk(child as HTMLElement, lang);
    }
  };
  walk(document, undefined);
  return found;
}

/** A source line as the page renders it: without link targets, emphasis, code marks or tags. */
const asRendered = (line: string) =>
  line
    .replace(/\]\([^)]*\)/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[[\]*`]/g, '')
    .replace(/[\s\u00a0]+/g, ' ');

/** The files a page's text in `lang` is written in. */
async function sourceFiles(root: string, lang: Locale): Promise<string[]> {
  const inFolder = async (folder: string, extension: string) =>
    (await readdir(path.join(root, folder), { recursive: true }))
      .filter((file) => file.endsWith(extension))
      .map((file) => path.join(folder, file));
  return [
    ...(await inFolder(`src/content/documents/${lang}`, '.mdx')),
    ...(await inFolder(`src/content/pages/${lang}`, '.mdx')),
    `src/i18n/strings/${lang}.json`,
    ...(await inFolder('src/data', '.ts')),
    ...(await inFolder('src/components', '.astro')),
    ...(await inFolder('src/pages', '.astro')),
  ];
}

/**
 * Where a finding's text is written, as `file:line`, at most three: the lines that hold it as the page renders
 * it, or else those that hold its words in order, with other text (code, say) between them.
 */
export async function sourcesOf(finding: LanguageFinding, root: string): Promise<string[]> {
  const wanted = finding.text.replace(/[\s\u00a0]+/g, ' ');
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const inOrder = new RegExp(
    wanted
      .split(' ')
      .map((word) => `(?<![\\p{L}])${escape(word)}(?![\\p{L}])`)
      .join('.*'),
    'u',
  );
  const found: { exact: string[]; inOrder: string[] } = { exact: [], inOrder: [] };
  for (const file of await sourceFiles(root, finding.lang)) {
    readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const rendered = asRendered(line);
        if (rendered.includes(wanted)) found.exact.push(`${file}:${index + 1}`);
        else if (inOrder.test(rendered)) found.inOrder.push(`${file}:${index + 1}`);
      });
  }
  return (found.exact.length > 0 ? found.exact : found.inOrder).slice(0, 3);
}

/** The findings as lines of a build error: page, text, problem, and where to fix it. */
export async function formatLanguageFindings(findings: LanguageFinding[], root: string): Promise<string> {
  const lines = await Promise.all(
    findings.map(async (finding) => {
      const sources = await sourcesOf(finding, root);
      const where =
        sources.length > 0 ? sources.join(', ') : `no source line found: search the ${finding.lang} sources`;
      return `${finding.page} (${finding.lang}): «${finding.text}» ${finding.problem} — ${where}`;
    }),
  );
  return lines.join('\n  ');
}
