import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { documentSchema, type DocumentData } from '../content/schema';
import { isLocale, localeCodes, type Locale } from '../i18n/locales';
import { linkTargets, parseMdxBody, splitFrontMatter } from './mdx';
import { paths } from './routes';

export interface ContentProblem {
  /** The file (or folder) at fault, relative to the project root. */
  file: string;
  problem: string;
}

const contentExtensions = new Set(['.md', '.mdx']);
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface DocumentFile {
  file: string;
  lang: Locale;
  slug: string;
}

interface ParsedDocument extends DocumentFile {
  data: DocumentData;
  links: string[];
}

/**
 * Checks the documents folder as a whole: what the schema of one file cannot
 * see. Every problem names its file, so an author knows what to fix.
 */
export async function checkContent(documentsDir: string, projectRoot = process.cwd()): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const relative = (file: string) => path.relative(projectRoot, file).split(path.sep).join('/');
  /** Every document file, valid or not: a broken file is reported once, not also as missing. */
  const files: DocumentFile[] = [];
  const documents: ParsedDocument[] = [];

  for (const folder of await readdir(documentsDir, { withFileTypes: true })) {
    const folderPath = path.join(documentsDir, folder.name);
    if (!folder.isDirectory()) {
      problems.push({ file: relative(folderPath), problem: `is not in a language folder (${localeCodes.join(', ')})` });
      continue;
    }
    if (!isLocale(folder.name)) {
      problems.push({
        file: relative(folderPath),
        problem: `is not a language of the site: "${folder.name}" (languages: ${localeCodes.join(', ')}; add a language in src/i18n/locales.ts)`,
      });
      continue;
    }
    const lang = folder.name;
    const seenSlugs = new Map<string, string>();
    for (const entry of await readdir(folderPath, { withFileTypes: true })) {
      const file = path.join(folderPath, entry.name);
      const extension = path.extname(entry.name);
      if (!entry.isFile() || !contentExtensions.has(extension)) {
        problems.push({ file: relative(file), problem: 'is not a .mdx or .md document' });
        continue;
      }
      const slug = path.basename(entry.name, extension);
      if (!slugPattern.test(slug)) {
        problems.push({
          file: relative(file),
          problem: `has a file name that is not a valid slug: "${slug}" (use lower-case ASCII letters, digits and single hyphens)`,
        });
        continue;
      }
      const earlier = seenSlugs.get(slug);
      if (earlier) {
        problems.push({ file: relative(file), problem: `has the same slug "${slug}" as ${relative(earlier)}` });
        continue;
      }
      seenSlugs.set(slug, file);
      files.push({ file: relative(file), lang, slug });
      const parsed = await parseDocument(file, lang, slug, relative(file), problems);
      if (parsed) documents.push(parsed);
    }
  }

  problems.push(...checkEveryLanguage(files, documentsDir, relative));
  problems.push(...checkAcrossLanguages(documents));
  problems.push(...checkInternalLinks(documents, files));
  return problems;
}

async function parseDocument(
  file: string,
  lang: Locale,
  slug: string,
  relativeFile: string,
  problems: ContentProblem[],
): Promise<ParsedDocument | undefined> {
  let split;
  try {
    split = splitFrontMatter(await readFile(file, 'utf8'));
  } catch (error) {
    problems.push({ file: relativeFile, problem: (error as Error).message });
    return undefined;
  }
  const result = documentSchema.safeParse(split.frontMatter ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file: relativeFile, problem: describeIssue(issue) });
    }
    return undefined;
  }
  const data = result.data;
  const isOriginal = data.originalLanguage === lang;
  if (isOriginal && data.translated) {
    problems.push({ file: relativeFile, problem: `says "translated: true" but is in the original language (${lang})` });
  }
  if (!isOriginal && !data.translated) {
    problems.push({
      file: relativeFile,
      problem: `is a translation from "${data.originalLanguage}" and must say "translated: true"`,
    });
  }
  if (isOriginal && data.provenance.translationReviewed) {
    problems.push({
      file: relativeFile,
      problem: `is the original (${lang}) and must not have "provenance.translationReviewed": only a translation is reviewed`,
    });
  }
  if (!isOriginal && !data.provenance.translationReviewed) {
    problems.push({
      file: relativeFile,
      problem:
        'is a translation and must say when fluent editors reviewed it: "provenance.translationReviewed" with "YYYY-MM-DD"',
    });
  }
  let links: string[];
  try {
    links = linkTargets(parseMdxBody(split.body));
  } catch (error) {
    problems.push({ file: relativeFile, problem: `is not valid MDX: ${(error as Error).message}` });
    return undefined;
  }
  return { file: relativeFile, lang, slug, data, links };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.map((part) => `${String(part)}.`).join('');
    return `has unknown front matter field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${prefix}${key}"`).join(', ')}`;
  }
  const field = issue.path.map(String).join('.') || '(front matter)';
  return `front matter "${field}" ${issue.message}`;
}

function checkEveryLanguage(
  files: DocumentFile[],
  documentsDir: string,
  relative: (file: string) => string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [slug, versions] of Map.groupBy(files, (file) => file.slug)) {
    const present = localeCodes.filter((lang) => versions.some((version) => version.lang === lang));
    for (const lang of localeCodes) {
      if (!present.includes(lang)) {
        problems.push({
          file: relative(path.join(documentsDir, lang, `${slug}.mdx`)),
          problem: `is missing: "${slug}" exists in ${present.join(', ')} but not in ${lang}`,
        });
      }
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
      for (const field of ['form', 'url', 'artefactsRemoved'] as const) {
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

/** Paths every link inside a document may point at. */
function knownPaths(files: DocumentFile[]): Set<string> {
  const known = new Set<string>([paths.languageChooser()]);
  for (const lang of localeCodes) known.add(paths.home(lang)).add(paths.search(lang));
  for (const file of files) known.add(paths.document(file.lang, file.slug));
  return known;
}

function checkInternalLinks(documents: ParsedDocument[], files: DocumentFile[]): ContentProblem[] {
  const known = knownPaths(files);
  const problems: ContentProblem[] = [];
  const origin = 'https://site.invalid';
  for (const document of documents) {
    const page = new URL(paths.document(document.lang, document.slug), origin);
    for (const target of document.links) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('#')) continue;
      const resolved = new URL(target, page);
      if (!known.has(resolved.pathname)) {
        problems.push({
          file: document.file,
          problem: `links to "${target}", which is ${resolved.pathname} — no page of the site has that address`,
        });
      }
    }
  }
  return problems;
}

export function formatProblems(problems: ContentProblem[]): string {
  return problems.map(({ file, problem }) => `  ${file}: ${problem}`).join('\n');
}
