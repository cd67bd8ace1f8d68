/**
 * One EPUB 3 book per language, for phones and e-readers, made from the
 * finished pages: each chapter is a page's text as readers see it on the
 * site, with its header, translation notice and paragraph numbers.
 *
 * Written here rather than with one of npm's EPUB generators: those fetch
 * images over the network and stamp the clock into the package and the zip,
 * while a release must be the same bytes on every build. Here the date is
 * the release's, the identifier is derived from the site's address and the
 * language, and the zip's entries are in a fixed order with one date.
 */
import { createHash } from 'node:crypto';
import { NodeType, parse, type HTMLElement, type Node } from 'node-html-parser';
import type { Locale } from '../../src/i18n/locales.ts';
import { useTranslations } from '../../src/i18n/ui.ts';
import { paths } from '../../src/lib/routes.ts';
import { absoluteUrl } from '../../src/lib/site-url.ts';
import { escapeXml } from '../../src/lib/xml.ts';
import { buildCache, producerOf, type BuildCache, type Producer } from '../render/build-cache.ts';
import type { ParsedPages } from './site-files.ts';
import { zipTime } from './take-away.ts';
import { zip } from './zip.ts';

/** A page of the site that becomes a chapter. */
export interface BookPage {
  /** Its path from the site's root: `/en/petition-to-the-ilo/`. */
  path: string;
  /** The finished page, its URLs relative to it. */
  document: HTMLElement;
}

export interface Book {
  lang: Locale;
  title: string;
  /** The heading of the table of contents, in the book's language. */
  contentsTitle: string;
  /** The title page's line saying where the book comes from, as HTML. */
  originLine: string;
  /** The canonical address of the language's home page: the book's source, and what its identifier is made from. */
  source: string;
  /** The release date, or none for a build without one. */
  releaseDate: Date | undefined;
  /** The chapters, in reading order. */
  pages: BookPage[];
}

/** RFC 4122's namespace for URLs. */
const urlNamespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/** A name-based (version 5) UUID: the same name always gives the same identifier. */
export function uuidFromUrl(url: string): string {
  const bytes = createHash('sha1').update(urlNamespace).update(url, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What of a page is not for a book: scripts, forms, sharing, the QR code footer, and what only screens show. */
const leftOut = 'script, style, form, button, input, svg, .share, .document-footer, .skip-link, [hidden]';

/** Attributes a chapter keeps; the rest (classes for the site's scripts, `data-`, `rel`) mean nothing in a book. */
const keptAttributes = new Set(['id', 'href', 'lang', 'hreflang', 'class', 'datetime', 'title', 'start', 'aria-label']);
const voidElements = new Set(['br', 'hr', 'wbr', 'img']);

/** The chapter's file in the book: `/en/petition-to-the-ilo/` → `petition-to-the-ilo.xhtml`. */
function chapterFile(lang: Locale, path: string): string {
  const name = path.slice(`/${lang}/`.length).replace(/\/$/, '').split('/').join('-');
  return `${name || 'home'}.xhtml`;
}

/** An arbitrary base for resolving a page's relative URLs to site paths. */
const pathBase = 'https://site.invalid';

/**
 * Where a link in a chapter leads in the book: another chapter or a place in
 * one when the page is in the book, else the page on the site, by its
 * canonical address; links out of the site are left as they are.
 */
function bookHref(href: string, fromPath: string, chapters: Map<string, string>): string {
  if (href.startsWith('#')) return href;
  const target = new URL(href, `${pathBase}${fromPath}`);
  if (target.origin !== pathBase) return href;
  const chapter = chapters.get(target.pathname);
  if (chapter !== undefined) return chapter + target.hash;
  return absoluteUrl(target.pathname) + target.search + target.hash;
}

/** A page's text as well-formed XHTML: only elements and attributes that mean something in a book. */
function xhtml(node: Node, fromPath: string, chapters: Map<string, string>): string {
  if (node.nodeType === NodeType.TEXT_NODE) return escapeXml(node.text);
  if (node.nodeType !== NodeType.ELEMENT_NODE) return '';
  const element = node as HTMLElement;
  const tag = element.tagName.toLowerCase();
  const attributes = Object.entries(element.attributes)
    .filter(([name]) => keptAttributes.has(name.toLowerCase()))
    .map(([name, value]) => {
      const attribute = name.toLowerCase();
      return ` ${attribute}="${escapeXml(attribute === 'href' ? bookHref(value, fromPath, chapters) : value)}"`;
    })
    .join('');
  if (voidElements.has(tag)) return `<${tag}${attributes}/>`;
  const children = element.childNodes.map((child) => xhtml(child, fromPath, chapters)).join('');
  return `<${tag}${attributes}>${children}</${tag}>`;
}

/** The part of a page a chapter holds: its article, or its main content when it has none. */
function chapterBody(page: BookPage): HTMLElement {
  const content = parse(page.document.toString(), { comment: false });
  const main = content.querySelector('main article') ?? content.querySelector('main');
  if (!main) throw new Error(`${page.path} has no <main> to make a chapter of`);
  for (const element of main.querySelectorAll(leftOut)) element.remove();
  return main;
}

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';

function xhtmlDocument(lang: Locale, title: string, body: string): string {
  return (
    `${xmlDeclaration}<!DOCTYPE html>\n` +
    `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">\n` +
    `<head><title>${escapeXml(title)}</title><link rel="stylesheet" type="text/css" href="book.css"/></head>\n` +
    `<body>${body}</body>\n</html>\n`
  );
}

/** The book's stylesheet: the site's look, reduced to what e-readers honour. */
const stylesheet = `body { line-height: 1.5; }
h1 { font-size: 1.5em; line-height: 1.25; }
.document-kind { font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.05em; }
dt { font-weight: bold; }
dd { margin: 0 0 0.5em 0; }
.translation-notice { border-left: 3px solid #888; padding-left: 0.75em; margin: 1em 0; }
.pn { font-size: 0.75em; color: #666; text-decoration: none; }
blockquote { margin: 1em 0 1em 1.5em; }
.signature-block { margin-top: 1.5em; }
.visually-hidden { display: none; }
`;

/** `2026-11-30T06:40:11Z`, as `dcterms:modified` requires; zip's earliest date when the release has none. */
function modifiedDate(releaseDate: Date | undefined): string {
  return (releaseDate ?? new Date(Date.UTC(1980, 0, 1))).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A chapter's heading, and its text as XHTML. */
interface Chapter {
  heading: string;
  body: string;
}

/** What decides a chapter besides its page: this module and all it imports. */
export const chapterProducer: Producer = producerOf(new URL(import.meta.url));

/** Each chapter, kept by its page: a rebuild makes again only the chapters whose pages changed. */
const keptChapters = buildCache('book-chapters', chapterProducer);

/**
 * The key of a page's chapter: its path and HTML, the chapters its links may lead to, and the site's address,
 * which links to pages outside the book name.
 */
export function chapterKey(cache: BuildCache, page: BookPage, chapters: Map<string, string>): string {
  return cache.key(page.path, page.document.toString(), JSON.stringify([...chapters]), absoluteUrl('/'));
}

/** The book as an EPUB file: the same book gives the same bytes. */
export function epub(book: Book, cache: BuildCache = keptChapters): Uint8Array {
  const { lang, title } = book;
  const identifier = `urn:uuid:${uuidFromUrl(book.source)}`;
  const chapters = new Map(book.pages.map(({ path }) => [path, chapterFile(lang, path)]));
  if (new Set(chapters.values()).size !== book.pages.length) throw new Error(`${lang} book: two pages share a chapter`);
  const contents = book.pages.map((page) => {
    const made = (): Chapter => {
      const body = chapterBody(page);
      const heading = body.querySelector('h1')?.text.trim();
      if (!heading) throw new Error(`${page.path} has no <h1> to title its chapter`);
      return { heading, body: xhtml(body, page.path, chapters) };
    };
    const kept = cache.through(chapterKey(cache, page, chapters), () => Buffer.from(JSON.stringify(made())));
    return { file: chapters.get(page.path) ?? '', ...(JSON.parse(kept.toString('utf8')) as Chapter) };
  });

  const nav = xhtmlDocument(
    lang,
    title,
    `<h1>${escapeXml(title)}</h1><p>${book.originLine}</p>` +
      `<nav epub:type="toc" id="toc"><h2>${escapeXml(book.contentsTitle)}</h2><ol>` +
      contents.map(({ file, heading }) => `<li><a href="${file}">${escapeXml(heading)}</a></li>`).join('') +
      '</ol></nav>',
  );
  // For older readers that know only EPUB 2's table of contents.
  const ncx =
    `${xmlDeclaration}<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${lang}">` +
    `<head><meta name="dtb:uid" content="${identifier}"/></head>` +
    `<docTitle><text>${escapeXml(title)}</text></docTitle><navMap>` +
    contents
      .map(
        ({ file, heading }, index) =>
          `<navPoint id="n${index + 1}" playOrder="${index + 1}"><navLabel><text>${escapeXml(heading)}</text></navLabel>` +
          `<content src="${file}"/></navPoint>`,
      )
      .join('') +
    '</navMap></ncx>\n';
  const packageDocument =
    `${xmlDeclaration}<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="${lang}">\n` +
    `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<dc:identifier id="id">${identifier}</dc:identifier>` +
    `<dc:title>${escapeXml(title)}</dc:title><dc:language>${lang}</dc:language>` +
    `<dc:source>${escapeXml(book.source)}</dc:source>` +
    `<meta property="dcterms:modified">${modifiedDate(book.releaseDate)}</meta></metadata>\n<manifest>` +
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' +
    '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>' +
    '<item id="css" href="book.css" media-type="text/css"/>' +
    contents
      .map(({ file }, index) => `<item id="c${index + 1}" href="${file}" media-type="application/xhtml+xml"/>`)
      .join('') +
    '</manifest>\n<spine toc="ncx"><itemref idref="nav"/>' +
    contents.map((_, index) => `<itemref idref="c${index + 1}"/>`).join('') +
    '</spine>\n</package>\n';
  const container =
    `${xmlDeclaration}<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">` +
    '<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>\n';

  const text = (value: string) => new TextEncoder().encode(value);
  const files: [string, string][] = [
    ['META-INF/container.xml', container],
    ['EPUB/package.opf', packageDocument],
    ['EPUB/nav.xhtml', nav],
    ['EPUB/toc.ncx', ncx],
    ['EPUB/book.css', stylesheet],
    ...contents.map(({ file, heading, body }): [string, string] => [
      `EPUB/${file}`,
      xhtmlDocument(lang, heading, body),
    ]),
  ];
  // The mimetype first and stored, as EPUB requires; then every other entry in a fixed order, deflated.
  return zip(
    [
      { path: 'mimetype', bytes: text('application/epub+zip'), deflate: false },
      ...files.map(([name, value]) => ({ path: name, bytes: text(value), deflate: true })),
    ],
    zipTime(book.releaseDate),
  );
}

/** The date a document page's header gives it (`<time datetime>`), by which its chapter is ordered. */
function documentDate(page: BookPage): string {
  const date = page.document.querySelector('.document-header time')?.getAttribute('datetime');
  if (!date) throw new Error(`${page.path} has no date in its header to order its chapter by`);
  return date;
}

/**
 * A language's book: its documents, oldest first as its home page lists them,
 * made from their finished pages.
 */
export function languageBook(
  pages: ParsedPages,
  lang: Locale,
  slugs: readonly string[],
  releaseDate: Date | undefined,
): Book {
  const pageAt = (path: string): BookPage => {
    const document = pages.get(`${path.slice(1)}index.html`);
    if (!document) throw new Error(`${path} was not built, so the ${lang} book cannot include it`);
    return { path, document };
  };
  // Each page's date looked up once, not at every comparison: a lookup searches the whole page.
  const documents = slugs
    .map((slug) => {
      const page = pageAt(paths.document(lang, slug));
      return { page, date: documentDate(page) };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.page.path.localeCompare(b.page.path))
    .map(({ page }) => page);
  const t = useTranslations(lang);
  const source = absoluteUrl(paths.home(lang));
  const link = `<a href="${escapeXml(source)}">${escapeXml(source)}</a>`;
  return {
    lang,
    title: t('site.title'),
    contentsTitle: t('book.contents'),
    originLine: t('downloads.origin', { url: link }),
    source,
    releaseDate,
    pages: documents,
  };
}
