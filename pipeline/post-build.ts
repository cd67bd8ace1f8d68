import { mkdir, readdir, rename, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { localeCodes, type Locale } from '../src/i18n/locales.ts';
import { useTranslations } from '../src/i18n/ui.ts';
import { paths } from '../src/lib/routes.ts';
import { absoluteUrl, siteUrl } from '../src/lib/site-url.ts';
import { escapeXml } from '../src/lib/xml.ts';
import { epub, languageBook } from './after-render/book.ts';
import { findBrokenLinks, findDuplicateIds } from './after-render/check-links.ts';
import { addContentSecurityPolicy, siteScripts } from './after-render/content-security-policy.ts';
import { formatLanguageFindings, languageFindings } from './after-render/language-check.ts';
import { writeOfflineFiles } from './after-render/offline.ts';
import { pagesOverBudget } from './after-render/page-budget.ts';
import { pruneStyles } from './after-render/page-styles.ts';
import { fillFileSizes } from './after-render/file-sizes.ts';
import { releaseDate } from '../src/lib/release-revision.ts';
import {
  assertUnchangedSinceIndexed,
  pagesToIndex,
  writeSearchIndex,
  writeSearchPreloads,
} from './search-index/search-index.ts';
import { writeHeadersFile } from './after-render/security-headers.ts';
import { readPreparedPages } from './after-render/prepared-pages.ts';
import { writePages, type ParsedPages } from './after-render/site-files.ts';
import { addSingleFiles, type SingleFileSource } from './after-render/take-away.ts';

/** The slugs of a language's documents, from the content folder. */
async function documentSlugs(root: URL, lang: Locale): Promise<string[]> {
  const folder = new URL(`src/content/documents/${lang}/`, root);
  return (await readdir(folder))
    .filter((name) => /\.mdx$/.test(name))
    .map((name) => name.replace(/\.mdx$/, ''))
    .sort();
}

/** Every document in every language, from the content folder. */
async function singleFileSources(root: URL): Promise<SingleFileSource[]> {
  const sources: SingleFileSource[] = [];
  for (const lang of localeCodes) {
    for (const slug of await documentSlugs(root, lang)) {
      const url = escapeXml(absoluteUrl(paths.document(lang, slug)));
      const originLine = useTranslations(lang)('downloads.origin', { url: `<a href="${url}">${url}</a>` });
      sources.push({ lang, slug, originLine });
    }
  }
  return sources;
}

/**
 * Astro writes a page at /be/404 as be/404/index.html; hosts that serve the
 * nearest 404 page look for be/404.html.
 */
async function placeNotFoundPages(distDir: string): Promise<void> {
  for (const lang of localeCodes) {
    const target = path.join(distDir, paths.notFound(lang));
    await rename(path.join(path.dirname(target), '404', 'index.html'), target);
    await rmdir(path.join(path.dirname(target), '404'));
  }
}

/**
 * Everything a page gets after its text is final: the single-file copies, the
 * books, each page's Content-Security-Policy (after the last change to a page,
 * so it hashes the final inline code), the sizes of the files pages offer, and
 * the checks of links and byte budgets.
 */
async function finishPages(distDir: string, root: URL, pages: ParsedPages, logger: AstroIntegrationLogger) {
  addSingleFiles(pages, await singleFileSources(root));
  const misspelt = languageFindings(pages);
  if (misspelt.length > 0) {
    throw new Error(
      `Text the spelling checks refuse, as the pages render it:\n  ${await formatLanguageFindings(misspelt, fileURLToPath(root))}`,
    );
  }
  logger.info('the text of every page passes the spelling checks of its language');
  // The books are made from the finished text of the pages; the downloads pages give their sizes below.
  const bookDate = releaseDate(fileURLToPath(root));
  for (const lang of localeCodes) {
    const book = epub(languageBook(pages, lang, await documentSlugs(root, lang), bookDate));
    const file = path.join(distDir, paths.book(lang));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, book);
  }
  logger.info('an EPUB book in every language');
  // After the single-file copies, which carry their page's styles and none of its scripts; before the hashes.
  await pruneStyles(distDir, pages);
  logger.info('every page carries only the CSS that can apply to it');
  addContentSecurityPolicy(pages, await siteScripts());
  logger.info('every page carries its Content-Security-Policy; no inline code but the site’s own');
  // After the last change to the single-file copies, whose sizes the document pages give.
  await fillFileSizes(distDir, pages, new Set([paths.siteArchive()]));
  logger.info('every file a page offers is there, and the page gives its size');
  const broken = await findBrokenLinks(distDir, {
    pages,
    writtenLater: new Set(
      [paths.siteArchive(), paths.siteCar(), paths.verifier(), paths.rewriteOriginTool()].map((file) => file.slice(1)),
    ),
    siteUrl,
  });
  if (broken.length > 0) throw new Error(`Broken internal links:\n  ${broken.join('\n  ')}`);
  const duplicateIds = findDuplicateIds(pages);
  if (duplicateIds.length > 0) {
    throw new Error(
      'Ids given to more than one element of a page, where a link lands on the first alone: where one is a ' +
        "heading's, give that heading in its content file other words; else a component writes the id twice " +
        `(src/lib/layout-ids.ts holds the layout's ids):\n  ${duplicateIds.join('\n  ')}`,
    );
  }
  logger.info('every internal link and anchor resolves, to the one element with its id');
  const overBudget = pagesOverBudget(pages);
  if (overBudget.length > 0) throw new Error(`Pages over their byte budget:\n  ${overBudget.join('\n  ')}`);
  logger.info('every page’s HTML fits the first-visit budget');
}

/**
 * Turns Astro's output into the site a release is made of: relative URLs (one
 * build works under any prefix and from disk), safe external links, the search
 * index, the take-away copies, each page's Content-Security-Policy (after the
 * last change to a page, so it hashes the final inline code), and the checks.
 * Hashing and signing come after, in pipeline/build.ts, outside this process.
 */
export function postBuild(): AstroIntegration {
  let root: URL;
  return {
    name: 'post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        await placeNotFoundPages(distDir);
        // Each page is parsed once; every step below works on the same trees, written back once. Typeset before
        // the index, the books and the single files, which all take the pages' text from here.
        const pages = await readPreparedPages(distDir);
        logger.info('every internal URL is relative; external links carry noopener noreferrer');
        logger.info('¶ and its number, a separator and the line above it, a hyphenated acronym: each kept together');
        // The documents' text is final now. Pagefind indexes it in its own process, and Zopfli compresses the index
        // on other threads, while this one finishes the pages; that this changed nothing Pagefind read is checked
        // before they are written. Both are awaited even when one fails, so that nothing is still writing into the
        // output when the build stops.
        const indexed = pagesToIndex(pages);
        const [indexing, finishing] = await Promise.allSettled([
          writeSearchIndex(distDir, indexed),
          finishPages(distDir, root, pages, logger),
        ]);
        if (finishing.status === 'rejected' && indexing.status === 'rejected') {
          // One error whose message holds both: Astro reports an error's message, not the errors it carries.
          const messageOf = (reason: unknown) => (reason instanceof Error ? reason.message : String(reason));
          throw new Error(
            `${messageOf(finishing.reason)}\nand the search index failed too: ${messageOf(indexing.reason)}`,
          );
        }
        if (finishing.status === 'rejected') throw finishing.reason;
        if (indexing.status === 'rejected') throw indexing.reason;
        assertUnchangedSinceIndexed(indexed, pages);
        await writePages(distDir, pages);
        await writeHeadersFile(distDir);
        await writeSearchPreloads(distDir, indexing.value.bundledExcerpts);
        logger.info(`search index written for ${indexing.value.pages} pages`);
        // Last: the release stamp of the offline copy hashes the saved files, which must be final by now.
        // What each copy costs to download is weighed by the budget test (tests/e2e/budgets.spec.ts), not here:
        // compressing every saved file at brotli's best took longer than the rest of these steps together. The pages'
        // trees give the scripts each loads: writing the search preloads changed none of those.
        const { release, languages } = await writeOfflineFiles(distDir, pages);
        const counts = Object.entries(languages).map(([lang, files]) => `${lang} ${files.length}`);
        logger.info(`offline copy ${release}, files saved per language: ${counts.join(', ')}`);
      },
    },
  };
}
