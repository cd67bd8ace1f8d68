/**
 * The content check across files: every complete language has every document
 * and page (a partial one any of them), translations agree with their originals, links lead to pages and
 * paragraphs that exist, and the timeline and the corrections cite the text as
 * it is. Reading and checking each file on its own is content-files.ts's.
 */
import path from 'node:path';
import { completeLocaleCodes, localeCodes, locales } from '../../src/i18n/locales';
import { languagePages } from '../../src/lib/pages';
import { paragraphNumber } from '../../src/lib/paragraph-number';
import { paths } from '../../src/lib/routes';
import { siteUrl as publicSiteUrl } from '../../src/lib/site-url';
import { timelineProblems, type TimelineEvent } from '../../src/lib/timeline';
import { correctionProblems, type Correction } from '../../src/lib/corrections';
import type { ContentCollection } from '../../src/lib/content-safety';
import {
  collections,
  listContentFiles,
  parseContentFile,
  type ContentFile,
  type ContentProblem,
  type ParsedDocument,
  type ParsedFile,
  type ParsedFileCache,
} from './content-files';
export interface CheckOptions {
  /** Files are named relative to it. */
  projectRoot?: string;
  /** The site's public address: links to it are checked like links inside the site. */
  siteUrl?: URL;
  /** The timeline (src/data/timeline.ts), whose events cite the documents' paragraphs. */
  timeline?: readonly TimelineEvent[];
  /** The corrections (src/data/corrections.ts), each of a paragraph or a timeline line. */
  corrections?: readonly Correction[];
  /** Each file's parse, kept between builds; without it every file is parsed. */
  cache?: ParsedFileCache | undefined;
}

/** Where the timeline's events live, for messages. */
export const timelineFile = 'src/data/timeline.ts';
/** Where the corrections live, for messages. */
export const correctionsFile = 'src/data/corrections.ts';

/**
 * Checks the content folder as a whole: the documents and the site's own
 * pages, each file's front matter and body, and what the schema of one file
 * cannot see. Every problem names its file, and its line where it has one, so
 * an author knows what to fix.
 */
export async function checkContent(contentDir: string, options: CheckOptions = {}): Promise<ContentProblem[]> {
  const projectRoot = options.projectRoot ?? process.cwd();
  const relative = (file: string) => path.relative(projectRoot, file).split(path.sep).join('/');
  const problems: ContentProblem[] = [];
  /** Every content file, valid or not: a broken file is reported once, not also as missing. */
  const files: ContentFile[] = [];
  const parsed: ParsedFile[] = [];

  for (const collection of Object.keys(collections) as ContentCollection[]) {
    const collectionDir = path.join(contentDir, collection);
    const found = await listContentFiles(collection, collectionDir, relative, problems);
    files.push(...found);
    for (const file of found) {
      const result = await parseContentFile(file, path.join(projectRoot, file.file), problems, options.cache);
      if (result) parsed.push(result);
    }
    problems.push(...checkEveryLanguage(found, collectionDir, relative));
  }

  const documents = parsed.filter((file): file is ParsedDocument => file.collection === 'documents');
  problems.push(...checkTranslations(documents));
  problems.push(...checkAcrossLanguages(documents));
  problems.push(...checkInternalLinks(parsed, files, options.siteUrl ?? publicSiteUrl));
  if (options.timeline) problems.push(...checkTimeline(options.timeline, documents));
  if (options.corrections) problems.push(...checkCorrections(options.corrections, documents, options.timeline ?? []));
  return problems;
}

function checkEveryLanguage(
  files: ContentFile[],
  collectionDir: string,
  relative: (file: string) => string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [slug, versions] of Map.groupBy(files, (file) => file.slug)) {
    const present = localeCodes.filter((lang) => versions.some((version) => version.lang === lang));
    // A partial language shows the original where its translation is missing; a complete one must have each.
    for (const lang of completeLocaleCodes) {
      if (!present.includes(lang)) {
        problems.push({
          file: relative(path.join(collectionDir, lang, `${slug}.mdx`)),
          problem: `is missing: "${slug}" exists in ${present.join(', ')} but not in ${lang}`,
        });
      }
    }
  }
  return problems;
}

function checkTranslations(documents: ParsedDocument[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { file, lang, data } of documents) {
    const isOriginal = data.originalLanguage === lang;
    if (isOriginal && data.translated) {
      problems.push({ file, problem: `says "translated: true" but is in the original language (${lang})` });
    }
    if (!isOriginal && !data.translated) {
      problems.push({
        file,
        problem: `is a translation from "${data.originalLanguage}" and must say "translated: true"`,
      });
    }
    if (isOriginal && data.provenance.translationReviewed) {
      problems.push({
        file,
        problem: `is the original (${lang}) and must not have "provenance.translationReviewed": only a translation is reviewed`,
      });
    }
    if (!isOriginal && !data.provenance.translationReviewed) {
      problems.push({
        file,
        problem:
          'is a translation and must say when fluent editors reviewed it: "provenance.translationReviewed" with "YYYY-MM-DD"',
      });
    }
  }
  return problems;
}

function checkAcrossLanguages(documents: ParsedDocument[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const versions of Map.groupBy(documents, (document) => document.slug).values()) {
    const [first, ...others] = versions;
    if (!first) continue;
    for (const other of others) {
      for (const field of ['kind', 'originalLanguage'] as const) {
        if (other.data[field] !== first.data[field]) {
          problems.push({
            file: other.file,
            problem: `has ${field} "${other.data[field]}" but ${first.file} has "${first.data[field]}"`,
          });
        }
      }
      if (JSON.stringify(other.data.date) !== JSON.stringify(first.data.date)) {
        problems.push({ file: other.file, problem: `has a different date from ${first.file}` });
      }
      // The publisher is named in each language; how and where the original was published is one fact.
      for (const field of ['form', 'url', 'reports', 'artefactsRemoved'] as const) {
        if (JSON.stringify(other.data.provenance[field]) !== JSON.stringify(first.data.provenance[field])) {
          problems.push({
            file: other.file,
            problem: `has a different "provenance.${field}" from ${first.file}: it describes the same original`,
          });
        }
      }
    }
  }
  return problems;
}

/** Paths every link inside a content file may point at. */
function knownPaths(files: ContentFile[]): Set<string> {
  const known = new Set<string>([paths.languageChooser(), paths.siteArchive(), paths.sitemap()]);
  for (const lang of localeCodes) {
    for (const { route } of languagePages) known.add(paths[route](lang));
    known.add(paths.feed(lang));
  }
  for (const file of files) {
    known.add(collections[file.collection].path(file.lang, file.slug));
    if (file.collection === 'documents') known.add(paths.singleFile(file.lang, file.slug));
    // A partial language has a page for every document and page: the original's, where it lacks a translation.
    for (const lang of localeCodes.filter((code) => !locales[code].complete)) {
      known.add(collections[file.collection].path(lang, file.slug));
    }
  }
  return known;
}

/**
 * The site path a link leads to, or undefined for a link out of the site: a
 * relative link, and an absolute one to the site's own public address, which
 * a mirror would otherwise send its readers to.
 */
function sitePath(target: string, page: URL, siteUrl: URL): string | undefined {
  if (URL.canParse(target)) {
    const url = new URL(target);
    const own =
      /^https?:$/.test(url.protocol) && url.host === siteUrl.host && url.pathname.startsWith(siteUrl.pathname);
    return own ? `/${url.pathname.slice(siteUrl.pathname.length)}` : undefined;
  }
  if (target.startsWith('#')) return undefined;
  const resolved = new URL(target, page);
  // An address without its scheme leaves the site; the safety rules report it.
  return resolved.origin === page.origin ? resolved.pathname : undefined;
}

function checkInternalLinks(files: ParsedFile[], allFiles: ContentFile[], siteUrl: URL): ContentProblem[] {
  const known = knownPaths(allFiles);
  const paragraphCounts = new Map(
    files.flatMap((file) =>
      file.paragraphs === undefined
        ? []
        : [[collections[file.collection].path(file.lang, file.slug), file.paragraphs.length]],
    ),
  );
  const problems: ContentProblem[] = [];
  const origin = 'https://site.invalid';
  for (const file of files) {
    const page = new URL(collections[file.collection].path(file.lang, file.slug), origin);
    for (const { url, line } of file.links) {
      const target = sitePath(url, page, siteUrl);
      if (target === undefined) continue;
      const problem = known.has(target)
        ? paragraphLinkProblem(url, target, new URL(url, page).hash, paragraphCounts)
        : `links to "${url}", which is ${target} — no page of the site has that address`;
      if (problem === undefined) continue;
      problems.push(line === undefined ? { file: file.file, problem } : { file: file.file, line, problem });
    }
  }
  return problems;
}

const paragraphHint = 'each paragraph’s number is the ¶ beside it on the document’s page';

/**
 * What is wrong with a link to a paragraph of a document (`…/petition-to-the-ilo/#p-12`):
 * a number the document does not have, or a `#p-` fragment that is no number.
 */
function paragraphLinkProblem(
  url: string,
  target: string,
  hash: string,
  paragraphCounts: ReadonlyMap<string, number>,
): string | undefined {
  const count = paragraphCounts.get(target);
  if (count === undefined || !hash.startsWith('#p-')) return undefined;
  const number = paragraphNumber(decodeURIComponent(hash.slice(1)));
  if (number === undefined) {
    return `links to "${url}", whose "${hash}" names no paragraph: write #p-1, #p-2… (${paragraphHint})`;
  }
  if (number > count) {
    return `links to "${url}", paragraph ${number} of ${target}, which has paragraphs 1 to ${count}: link to the paragraph that says it (${paragraphHint})`;
  }
  return undefined;
}

/**
 * The timeline's events, checked against the documents: each paragraph an
 * event cites must exist in every language (translations keep the original's
 * paragraphs one for one, so the least count is the one that counts).
 */
function checkTimeline(events: readonly TimelineEvent[], documents: ParsedFile[]): ContentProblem[] {
  const counts = new Map<string, number>();
  for (const { slug, paragraphs } of documents) {
    if (paragraphs !== undefined) counts.set(slug, Math.min(paragraphs.length, counts.get(slug) ?? paragraphs.length));
  }
  return timelineProblems(events, counts).map((problem) => ({ file: timelineFile, problem }));
}

/** The corrections, checked against the documents' paragraphs and the timeline's lines as they are now. */
function checkCorrections(
  corrections: readonly Correction[],
  documents: ParsedFile[],
  timeline: readonly TimelineEvent[],
): ContentProblem[] {
  return correctionProblems(corrections, {
    paragraphs: (lang, slug) => documents.find((file) => file.lang === lang && file.slug === slug)?.paragraphs,
    timelineLine: (lang, id) => timeline.find((event) => event.id === id)?.text[lang],
  }).map((problem) => ({ file: correctionsFile, problem }));
}

export function formatProblems(problems: ContentProblem[]): string {
  return problems
    .map(({ file, line, problem }) => `  ${file}${line === undefined ? '' : `:${line}`}: ${problem}`)
    .join('\n');
}
