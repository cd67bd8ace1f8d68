/**
 * Reading the content folder: which files each collection holds, and each file
 * parsed (its front matter against the schema, its body as Markdown that is
 * only data), with every problem found on the way named by file and line. The
 * checks across files are in content-check.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import type { z } from 'astro/zod';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { documentSchema, pageSchema, type DocumentData } from '../../src/content/schema';
import { isLocale, localeCodes, type Locale } from '../../src/i18n/locales';
import {
  contentComponents,
  unfitCharacterProblems,
  nestingProblem,
  unsafeContent,
  type ContentCollection,
} from '../../src/lib/content-safety';
import { parseMdx, splitFrontMatter } from '../../src/lib/mdx';
import { paragraphsOf } from '../../src/lib/paragraphs';
import { paths } from '../../src/lib/routes';

export interface ContentProblem {
  /** The file (or folder) at fault, relative to the project root. */
  file: string;
  /** The line of the file, where there is one to name. */
  line?: number;
  problem: string;
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const collections = {
  documents: { schema: documentSchema, path: paths.document, noun: 'document' },
  /** Each page file is served at `/{lang}/{name}/` by its own route in src/pages/[lang]/. */
  pages: { schema: pageSchema, path: (lang: Locale, name: string) => `/${lang}/${name}/`, noun: 'page' },
} satisfies Record<
  ContentCollection,
  { schema: z.ZodType; path: (lang: Locale, slug: string) => string; noun: string }
>;

export interface ContentFile {
  collection: ContentCollection;
  file: string;
  lang: Locale;
  slug: string;
}

interface LinkTarget {
  url: string;
  line: number | undefined;
}

export interface ParsedFile extends ContentFile {
  data: unknown;
  links: LinkTarget[];
  /** A document's citable paragraphs as plain text (src/lib/paragraph-ids.ts): `#p-N` names the Nth. */
  paragraphs?: string[];
}

export interface ParsedDocument extends ParsedFile {
  data: DocumentData;
}

export async function listContentFiles(
  collection: ContentCollection,
  collectionDir: string,
  relative: (file: string) => string,
  problems: ContentProblem[],
): Promise<ContentFile[]> {
  const files: ContentFile[] = [];
  let folders;
  try {
    folders = await readdir(collectionDir, { withFileTypes: true });
  } catch {
    problems.push({ file: relative(collectionDir), problem: `is missing: the site's ${collection} live there` });
    return files;
  }
  for (const folder of folders) {
    const folderPath = path.join(collectionDir, folder.name);
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
    for (const entry of await readdir(folderPath, { withFileTypes: true })) {
      const file = path.join(folderPath, entry.name);
      if (!entry.isFile() || path.extname(entry.name) !== '.mdx') {
        problems.push({
          file: relative(file),
          problem: entry.name.endsWith('.md')
            ? `is a .md file, whose raw HTML would pass unchecked — rename it to ${path.basename(entry.name, '.md')}.mdx`
            : `is not a .mdx ${collections[collection].noun}`,
        });
        continue;
      }
      const slug = path.basename(entry.name, '.mdx');
      if (!slugPattern.test(slug)) {
        problems.push({
          file: relative(file),
          problem: `has a file name that is not a valid slug: "${slug}" (use lower-case ASCII letters, digits and single hyphens)`,
        });
        continue;
      }
      files.push({ collection, file: relative(file), lang, slug });
    }
  }
  return files;
}

/**
 * Decodes a content file, or names its first line that is not UTF-8. A line
 * feed is never part of another character in UTF-8, so each line can be
 * checked on its own.
 */
function decodeUtf8(bytes: Buffer): { text: string } | { line: number; problem: string } {
  if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  let start = 0;
  let line = 1;
  for (
    let end = bytes.indexOf(0x0a);
    end !== -1 && isUtf8(bytes.subarray(start, end));
    end = bytes.indexOf(0x0a, start)
  ) {
    start = end + 1;
    line += 1;
  }
  return { line, problem: 'is not UTF-8 text — save the file as UTF-8 in your editor' };
}

/**
 * Where each file's parse is kept between builds (pipeline/render/build-cache.ts, given by astro.config.mjs),
 * keyed on the file's place and bytes and on the code that parses it: an edit to one document parses that one.
 */
export interface ParsedFileCache {
  key(...parts: (string | Uint8Array)[]): string;
  get(key: string): Uint8Array | undefined;
  set(key: string, bytes: Uint8Array): void;
}

/** What a file's parse gives: the file parsed, or undefined where it cannot be, and the problems found on the way. */
interface FileParse {
  parsed: ParsedFile | undefined;
  problems: ContentProblem[];
}

/** One file read and parsed, and its problems added to `problems`; from `cache` where an earlier build parsed the same bytes. */
export async function parseContentFile(
  file: ContentFile,
  absolutePath: string,
  problems: ContentProblem[],
  cache?: ParsedFileCache,
): Promise<ParsedFile | undefined> {
  const bytes = await readFile(absolutePath);
  const key = cache?.key(file.collection, file.file, bytes);
  const kept = key === undefined ? undefined : cache?.get(key);
  let result = kept === undefined ? undefined : (deserialize(kept) as FileParse);
  if (result === undefined) {
    const found: ContentProblem[] = [];
    result = { parsed: parseContentText(file, bytes, found), problems: found };
    if (key !== undefined) cache?.set(key, serialize(result));
  }
  problems.push(...result.problems);
  return result.parsed;
}

function parseContentText(file: ContentFile, bytes: Buffer, problems: ContentProblem[]): ParsedFile | undefined {
  const report = ({ line, problem }: { line?: number | undefined; problem: string }) => {
    problems.push(line === undefined ? { file: file.file, problem } : { file: file.file, line, problem });
  };
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) {
    report(decoded);
    return undefined;
  }
  unfitCharacterProblems(decoded.text).forEach(report);
  let split;
  try {
    split = splitFrontMatter(decoded.text);
  } catch (error) {
    report({ problem: (error as Error).message });
    return undefined;
  }
  const result = collections[file.collection].schema.safeParse(split.frontMatter ?? {});
  let tree;
  try {
    tree = parseMdx(split.body);
  } catch (error) {
    // The parser's message starts with the line and column: "12:5: Unexpected character…".
    const [, line, message] = /^(\d+):\d+: ([\s\S]*)$/.exec((error as Error).message) ?? [];
    const problem = `is not valid MDX: ${message ?? (error as Error).message}`;
    report({ line: line === undefined ? undefined : Number(line), problem });
    return undefined;
  }
  // Text nested too deeply for the recursive walks below stops the check of this file here.
  const tooDeep = nestingProblem(tree);
  if (tooDeep !== undefined) {
    report(tooDeep);
    return undefined;
  }
  unsafeContent(tree, contentComponents[file.collection]).forEach(report);
  if (!result.success) {
    for (const issue of result.error.issues) report({ problem: describeIssue(issue) });
    return undefined;
  }
  const paragraphs =
    file.collection === 'documents' ? { paragraphs: paragraphsOf(split.body).map((paragraph) => paragraph.text) } : {};
  return { ...file, data: result.data, links: linkTargets(tree), ...paragraphs };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.map((part) => `${String(part)}.`).join('');
    return `has unknown front matter field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${prefix}${key}"`).join(', ')}`;
  }
  const field = issue.path.map(String).join('.') || '(front matter)';
  return `front matter "${field}" ${issue.message}`;
}

/** Every link target in the body, from Markdown links and reference definitions. */
function linkTargets(tree: Root): LinkTarget[] {
  const targets: LinkTarget[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') {
      targets.push({ url: node.url, line: node.position?.start.line });
    }
  });
  return targets;
}
