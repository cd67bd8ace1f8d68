import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  chapterKey,
  chapterProducer,
  epub,
  languageBook,
  uuidFromUrl,
  type Book,
} from '../../../pipeline/after-render/book';
import { buildCache } from '../../../pipeline/render/build-cache';
import type { ParsedPages } from '../../../pipeline/after-render/site-files';
import { uiStrings } from '../../../src/i18n/ui';
import { epubcheck } from '../../support/epubcheck';

/** A document page as the site builds it, its URLs relative to it. */
function documentPage(title: string, date: string, text: string): string {
  return `<!doctype html><html lang="ru"><head><title>${title}</title><script>alert(1)</script></head><body>
<a class="skip-link" href="#content">Skip</a><header class="site-header"><a href="../">Home</a></header>
<main id="content"><article data-pagefind-body><header class="document-header"><p class="document-kind">Письмо</p>
<h1>${title}</h1><dl><dt>Дата</dt><dd data-pagefind-meta="published"><time datetime="${date}">${date}</time></dd></dl></header>
<aside class="translation-notice" data-pagefind-ignore><p>Это перевод. <a href="../../en/b/" hreflang="en">Читать оригинал</a></p></aside>
<div class="document-text">${text}</div>
<footer class="document-footer"><p class="print-url">https://example.org/ru/b/</p><svg viewBox="0 0 1 1"><path d="M0 0h1"></path></svg></footer>
</article><section class="share"><input value="x"><button hidden>Copy</button></section></main>
<footer class="site-footer"><p class="offline-saved" hidden>Saved</p></footer><script>register()</script></body></html>`;
}

const pages: ParsedPages = new Map([
  [
    'ru/b/index.html',
    parse(
      documentPage(
        'Второй & последний',
        '2021-03-01',
        '<p id="p-1"><a class="pn" href="#p-1" aria-label="Абзац 1" data-pagefind-ignore>¶&nbsp;1</a> Рабочие &lt;и&gt; профсоюзы<br>Минск</p>' +
          '<p id="p-2"><a class="pn" href="#p-2" aria-label="Абзац 2">¶&nbsp;2</a> См. <a href="../a/#p-1" data-print-url="x">первый</a>, ' +
          '<a href="../search/?q=x">поиск</a> и <a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">источник</a>.</p>',
      ),
      { comment: true },
    ),
  ],
  [
    'ru/a/index.html',
    parse(documentPage('Первый', '2020-10-12', '<blockquote><p id="p-1">Цитата</p></blockquote>'), { comment: true }),
  ],
]);

const releaseDate = new Date(Date.UTC(2024, 4, 6, 7, 8, 9));

function book(overrides: Partial<Book> = {}): Book {
  return { ...languageBook(pages, 'ru', ['a', 'b'], releaseDate), ...overrides };
}

const entriesOf = (bytes: Uint8Array) => unzipSync(bytes);
const textOf = (bytes: Uint8Array, name: string) => strFromU8(entriesOf(bytes)[name] ?? new Uint8Array());

describe('EPUB books', () => {
  it('derives a version 5 UUID from an address, as RFC 4122 does', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_URL, 'https://example.org/')
    expect(uuidFromUrl('https://example.org/')).toBe('527dda32-a0de-5105-a042-cb475b5f7d11');
  });

  it('orders a language’s documents by their dates, and titles the book in its language', () => {
    const ru = book();
    expect(ru.pages.map(({ path }) => path)).toEqual(['/ru/a/', '/ru/b/']);
    expect(ru.title).toBe(uiStrings.ru.site.title);
    expect(ru.contentsTitle).toBe(uiStrings.ru.book.contents);
  });

  it('writes the mimetype first, stored, with no extra field, then the package, navigation and chapters', () => {
    const bytes = epub(book());
    const view = Buffer.from(bytes);
    expect(view.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(view.readUInt16LE(8)).toBe(0); // stored
    expect(view.readUInt16LE(26)).toBe('mimetype'.length);
    expect(view.readUInt16LE(28)).toBe(0); // no extra field
    expect(view.subarray(30, 38 + 20).toString('latin1')).toBe('mimetypeapplication/epub+zip');
    expect(Object.keys(entriesOf(bytes))).toEqual([
      'mimetype',
      'META-INF/container.xml',
      'EPUB/package.opf',
      'EPUB/nav.xhtml',
      'EPUB/toc.ncx',
      'EPUB/book.css',
      'EPUB/a.xhtml',
      'EPUB/b.xhtml',
    ]);
  });

  it('is the same bytes every time, and names the release date and a stable identifier', () => {
    const bytes = epub(book());
    expect(Buffer.from(epub(book())).equals(Buffer.from(bytes))).toBe(true);
    const opf = textOf(bytes, 'EPUB/package.opf');
    expect(opf).toContain('<meta property="dcterms:modified">2024-05-06T07:08:09Z</meta>');
    expect(opf).toContain(`urn:uuid:${uuidFromUrl('https://belarus-unions.example/ru/')}`);
    const later = epub(book({ releaseDate: new Date(Date.UTC(2025, 0, 1)) }));
    expect(textOf(later, 'EPUB/package.opf')).toContain(
      `urn:uuid:${uuidFromUrl('https://belarus-unions.example/ru/')}`,
    );
    expect(Buffer.from(later).equals(Buffer.from(bytes))).toBe(false);
  });

  it('keeps the text, paragraph numbers and translation notice, and leaves out what only the site needs', () => {
    const chapter = textOf(epub(book()), 'EPUB/b.xhtml');
    expect(chapter).toContain('<h1>Второй &amp; последний</h1>');
    expect(chapter).toContain('<p id="p-1"><a class="pn" href="#p-1" aria-label="Абзац 1">¶\u00a01</a>');
    expect(chapter).toContain('Рабочие &lt;и&gt; профсоюзы<br/>Минск');
    expect(chapter).toContain('<aside class="translation-notice"><p>Это перевод.');
    for (const gone of ['<script', 'skip-link', 'site-header', 'document-footer', '<svg', 'share', 'offline-saved']) {
      expect(chapter).not.toContain(gone);
    }
    expect(chapter.slice(chapter.indexOf('<body>'))).not.toMatch(/ data-|rel="/);
  });

  it('links to another chapter inside the book, and to other pages at their address on the site', () => {
    const chapter = textOf(epub(book()), 'EPUB/b.xhtml');
    expect(chapter).toContain('<a href="a.xhtml#p-1">первый</a>');
    expect(chapter).toContain('<a href="https://belarus-unions.example/ru/search/?q=x">поиск</a>');
    expect(chapter).toContain('<a href="https://example.com/a?b=1&amp;c=2">источник</a>');
    expect(chapter).toContain('<a href="https://belarus-unions.example/en/b/" hreflang="en">Читать оригинал</a>');
    const nav = textOf(epub(book()), 'EPUB/nav.xhtml');
    expect(nav).toContain('<li><a href="a.xhtml">Первый</a></li><li><a href="b.xhtml">Второй &amp; последний</a></li>');
  });

  // epubcheck is a Java program: on a busy machine it takes more than the usual minute to start and check.
  it('passes epubcheck', { timeout: 180_000 }, async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'book-')), 'ru.epub');
    await writeFile(file, epub(book()));
    const { passed, output } = epubcheck(file);
    expect(output).toContain('0 fatals / 0 errors / 0 warnings');
    expect(passed, output).toBe(true);
  });

  it('refuses a page without a title or a date, naming it', () => {
    const untitled: ParsedPages = new Map(pages);
    untitled.set('ru/a/index.html', parse('<html><body><main><article><p>x</p></article></main></body></html>'));
    expect(() => languageBook(untitled, 'ru', ['a', 'b'], releaseDate)).toThrow(
      '/ru/a/ has no date in its header to order its chapter by',
    );
    expect(() => epub(book({ pages: [{ path: '/ru/a/', document: parse('<main><p>x</p></main>') }] }))).toThrow(
      '/ru/a/ has no <h1> to title its chapter',
    );
    expect(() => languageBook(pages, 'ru', ['a', 'c'], releaseDate)).toThrow('/ru/c/ was not built');
  });

  it('keeps each chapter by its page, the chapters it may link to, the site’s address and this code', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'book-chapters-'));
    try {
      const cache = buildCache('book-chapters', chapterProducer, folder);
      const { pages: [first, second] = [] } = book();
      if (first === undefined || second === undefined) throw new Error('the book has two chapters');
      const chapters = new Map([
        [first.path, 'a.xhtml'],
        [second.path, 'b.xhtml'],
      ]);
      const key = chapterKey(cache, first, chapters);
      // A stand-in for what the last build kept shows that it is read, not made again, while the page is the same.
      cache.set(key, Buffer.from(JSON.stringify({ heading: 'Kept', body: '<p>kept</p>' })));
      expect(textOf(epub(book(), cache), 'EPUB/a.xhtml')).toContain('<body><p>kept</p></body>');
      const changed = { ...first, document: parse(first.document.toString().replace('Цитата', 'Цитаты')) };
      for (const other of [
        chapterKey(cache, changed, chapters),
        chapterKey(cache, second, chapters),
        chapterKey(cache, first, new Map([[first.path, 'a.xhtml']])),
      ]) {
        expect(other).not.toBe(key);
      }
      expect(textOf(epub(book({ pages: [changed, second] }), cache), 'EPUB/a.xhtml')).toContain('Цитаты');
      // And of every module it uses, however indirectly: the archive's own code among them.
      expect(chapterProducer.modules.map((module) => path.basename(module.pathname))).toEqual(
        expect.arrayContaining(['book.ts', 'xml.ts', 'zip.ts', 'routes.ts']),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
