/**
 * What each language still lacks, and which paragraphs of its translations are
 * out of date: `npm run translation-status` (pipeline/translation-status.ts).
 *
 * A translation records what it was made from in
 * `src/data/translated-from/{lang}/{slug}.json`: a hash of each paragraph of
 * the original, numbered as the site numbers them (src/lib/paragraphs.ts), as
 * it stood when a translator last brought the translation up to date. A
 * paragraph of the original whose hash differs is out of date. Files, not git
 * history, hold the record, so the command works from a source archive. One
 * file per translation: volunteers adding different documents never edit the
 * same file, and `--mark-checked` rewrites only the one it names. Nothing the
 * site renders reads these files, so they change no page.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { glossary } from '../../src/data/glossary.ts';
import { isLocale, localeCodes, locales, type Locale } from '../../src/i18n/locales.ts';
import { keysOf, stringAt } from '../../src/i18n/string-keys.ts';
import { splitFrontMatter } from '../../src/lib/mdx.ts';
import { paragraphId, paragraphNumber } from '../../src/lib/paragraph-number.ts';
import { paragraphsOf } from '../../src/lib/paragraphs.ts';

/**
 * The language the site's own pages, its interface strings and its glossary
 * are written in first: what a language without its own shows in their place.
 * A document names its original in its front matter (`originalLanguage`).
 */
const sourceLanguage: Locale = 'en';

/** Where the records live, relative to the project's root. */
const recordsFolder = 'src/data/translated-from';

const command = 'npm run translation-status --';

/** Input the command cannot work with: one line, naming the file and what to do. Exit status 2. */
class BadInput extends Error {}

/** What a translator brought a translation up to date with: the original, and a hash of each of its paragraphs. */
interface TranslationRecord {
  /** The original, relative to the project's root. */
  original: string;
  /** Each paragraph's hash, by its id on the page (`p-12`). */
  paragraphs: Record<string, string>;
}

type Collection = 'documents' | 'pages';

/** A document or page in one language, and its original. */
interface Text {
  collection: Collection;
  slug: string;
  lang: Locale;
  /** The file, relative to the project's root. */
  file: string;
  /** The original's file, relative to the project's root. */
  original: string;
  originalLanguage: Locale;
  /** Whether the file exists: a translation still to be made does not. */
  exists: boolean;
}

/** A paragraph's text as the record keeps it: short, and changed by any change of a word. */
function paragraphHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const recordFile = (lang: string, slug: string) => `${recordsFolder}/${lang}/${slug}.json`;
const contentFile = (collection: Collection, lang: string, slug: string) =>
  `src/content/${collection}/${lang}/${slug}.mdx`;

/** The names of a folder's files that end in `extension`, without it; none when the folder does not exist. */
async function filesIn(root: string, folder: string, extension: string): Promise<string[]> {
  try {
    return (await readdir(path.join(root, folder), { withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
      .map((entry) => entry.name.slice(0, -extension.length))
      .sort();
  } catch {
    return [];
  }
}

async function isFile(root: string, file: string): Promise<boolean> {
  return stat(path.join(root, file)).then(
    (found) => found.isFile(),
    () => false,
  );
}

/** The front matter and body of a content file, or a BadInput naming it. */
async function readContent(
  root: string,
  file: string,
): Promise<{ frontMatter: Record<string, unknown>; body: string }> {
  let split;
  try {
    split = splitFrontMatter(await readFile(path.join(root, file), 'utf8'));
  } catch (error) {
    throw new BadInput(`${file}: ${(error as Error).message} (npm run build names every problem of the content)`);
  }
  const frontMatter = split.frontMatter;
  return {
    frontMatter:
      typeof frontMatter === 'object' && frontMatter !== null ? (frontMatter as Record<string, unknown>) : {},
    body: split.body,
  };
}

/**
 * Every document and page in every language of the site: each original, its
 * translations, and (with `exists: false`) the translations still to be made.
 * A document's original is the language its first file, in the languages'
 * order, names; the content check holds every file of a document to the same.
 */
async function everyText(root: string): Promise<Text[]> {
  const originals: { collection: Collection; slug: string; originalLanguage: Locale }[] = [];
  const seen = new Set<string>();
  for (const lang of localeCodes) {
    for (const slug of await filesIn(root, `src/content/documents/${lang}`, '.mdx')) {
      if (seen.has(slug)) continue;
      seen.add(slug);
      const file = contentFile('documents', lang, slug);
      const originalLanguage = String((await readContent(root, file)).frontMatter['originalLanguage']);
      if (!isLocale(originalLanguage)) {
        throw new BadInput(
          `${file}: "originalLanguage" must be one of the site's languages (${localeCodes.join(', ')}); npm run build names every problem of the content`,
        );
      }
      originals.push({ collection: 'documents', slug, originalLanguage });
    }
  }
  originals.sort((a, b) => a.slug.localeCompare(b.slug));
  for (const slug of await filesIn(root, `src/content/pages/${sourceLanguage}`, '.mdx')) {
    originals.push({ collection: 'pages', slug, originalLanguage: sourceLanguage });
  }
  const texts: Text[] = [];
  for (const { collection, slug, originalLanguage } of originals) {
    for (const lang of localeCodes) {
      const file = contentFile(collection, lang, slug);
      const original = contentFile(collection, originalLanguage, slug);
      texts.push({ collection, slug, lang, file, original, originalLanguage, exists: await isFile(root, file) });
    }
  }
  return texts;
}

async function paragraphHashes(root: string, file: string): Promise<Record<string, string>> {
  const { body } = await readContent(root, file);
  return Object.fromEntries(paragraphsOf(body).map(({ id, text }) => [id, paragraphHash(text)]));
}

/** The keys missing from `strings`, a group wholly missing named once: `book.*`. */
function missingKeys(reference: object, strings: unknown, prefix = ''): string[] {
  return Object.entries(reference).flatMap(([key, value]) => {
    const own = typeof strings === 'object' && strings !== null ? (strings as Record<string, unknown>)[key] : undefined;
    if (typeof value !== 'object' || value === null) return typeof own === 'string' ? [] : [`${prefix}${key}`];
    if (own === undefined) return [`${prefix}${key}.*`];
    return missingKeys(value, own, `${prefix}${key}.`);
  });
}

/** A JSON file's contents, or a BadInput naming it and saying how to `fix` it. */
async function readJson(root: string, file: string, fix: string): Promise<unknown> {
  const text = await readFile(path.join(root, file), 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadInput(`${file}: is not valid JSON (${(error as Error).message}): ${fix}`);
  }
}

const fixStrings = 'correct it in a text editor (a comma or quote out of place)';

async function readRecord(root: string, text: Text): Promise<TranslationRecord | undefined> {
  const file = recordFile(text.lang, text.slug);
  if (!(await isFile(root, file))) return undefined;
  const name = `${text.lang}/${text.slug}`;
  const fix = `once the translation matches its original, write it again with ${command} --mark-checked ${name}`;
  const record = await readJson(root, file, fix);
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new BadInput(`${file}: must hold "original" and "paragraphs": ${fix}`);
  }
  const { original, paragraphs } = record as Record<string, unknown>;
  if (original !== text.original) {
    throw new BadInput(
      `${file}: records ${JSON.stringify(original)} as the original, but ${name}'s original is ${text.original}: ${fix}`,
    );
  }
  const hashes = typeof paragraphs === 'object' && paragraphs !== null ? Object.entries(paragraphs) : undefined;
  const wellFormed = hashes?.every(
    ([id, hash], index) => id === paragraphId(index + 1) && typeof hash === 'string' && /^[0-9a-f]{16}$/.test(hash),
  );
  if (!hashes || !wellFormed) {
    throw new BadInput(`${file}: "paragraphs" must map p-1, p-2… in order to 16 hex digits each: ${fix}`);
  }
  return { original, paragraphs: Object.fromEntries(hashes) as Record<string, string> };
}

/** Records whose translation does not exist: a file renamed or deleted, or a language not in locales.ts. */
async function strayRecords(root: string, translations: Text[]): Promise<string[]> {
  const expected = new Set(translations.map((text) => recordFile(text.lang, text.slug)));
  const stray: string[] = [];
  let folders;
  try {
    folders = await readdir(path.join(root, recordsFolder), { withFileTypes: true });
  } catch {
    return stray;
  }
  for (const folder of folders) {
    const entries = folder.isDirectory() ? await readdir(path.join(root, recordsFolder, folder.name)) : [''];
    for (const entry of entries) {
      const file = [recordsFolder, folder.name, entry].filter(Boolean).join('/');
      if (!expected.has(file)) stray.push(file);
    }
  }
  return stray.sort();
}

/** The lines of the report; a BadInput when a record or a file it needs cannot be read. */
async function translationStatus(root: string): Promise<string[]> {
  const texts = await everyText(root);
  const translations = texts.filter((text) => text.lang !== text.originalLanguage && text.exists);
  const stray = await strayRecords(root, translations);
  if (stray.length > 0) {
    throw new BadInput(
      stray
        .map(
          (file) =>
            `${file}: records no translation of the site (no such language, document or page): delete it, or restore the translation it belongs to`,
        )
        .join('\n'),
    );
  }
  const englishStrings = (await readJson(root, `src/i18n/strings/${sourceLanguage}.json`, fixStrings)) as object;
  const lines: string[] = [];
  let outOfDate = 0;
  for (const lang of localeCodes) {
    const own = texts.filter((text) => text.lang === lang && text.lang !== text.originalLanguage);
    if (lang === sourceLanguage && own.length === 0) continue;
    lines.push(...(await whatIsMissing(root, lang, own, englishStrings)));
    for (const text of own.filter((text) => text.exists)) {
      const translation = await translationLines(root, text);
      lines.push(...translation.lines);
      outOfDate += translation.outOfDate;
    }
  }
  lines.push(
    outOfDate === 0
      ? 'No paragraph is out of date.'
      : `${outOfDate} paragraph${outOfDate === 1 ? '' : 's'} out of date: bring each translation up to date with its original, then run ${command} --mark-checked {lang}/{slug}`,
  );
  return lines;
}

/** How much of the site a language has, and what it lacks: documents, pages, interface strings, glossary forms. */
async function whatIsMissing(root: string, lang: Locale, own: Text[], englishStrings: object): Promise<string[]> {
  const documents = own.filter((text) => text.collection === 'documents');
  const pages = own.filter((text) => text.collection === 'pages');
  const stringsFile = `src/i18n/strings/${lang}.json`;
  const translatesSource = lang !== sourceLanguage;
  const strings = !translatesSource
    ? englishStrings
    : (await isFile(root, stringsFile))
      ? await readJson(root, stringsFile, fixStrings)
      : {};
  const allStrings = keysOf(englishStrings);
  const stringsPresent = allStrings.filter((key) => stringAt(strings, key) !== undefined).length;
  const missingStrings = missingKeys(englishStrings, strings);
  const lackingForms = translatesSource ? glossary.filter((entry) => !entry[lang]) : [];
  const count = (list: Text[]) => `${list.filter((text) => text.exists).length} of ${list.length}`;
  const missing = (list: Text[]) => list.filter((text) => !text.exists).map((text) => text.slug);
  const lines = [
    `${lang} (${locales[lang].name}): ${count(documents)} documents, ${count(pages)} pages, ` +
      `${stringsPresent} of ${allStrings.length} interface strings, ${glossary.length - lackingForms.length} of ${glossary.length} glossary forms`,
  ];
  if (missing(documents).length > 0) lines.push(`${lang}: missing documents: ${missing(documents).join(', ')}`);
  if (missing(pages).length > 0) lines.push(`${lang}: missing pages: ${missing(pages).join(', ')}`);
  if (missingStrings.length > 0) {
    lines.push(`${lang}: missing interface strings in ${stringsFile}: ${missingStrings.join(', ')}`);
  }
  if (lackingForms.length > 0) {
    lines.push(
      `${lang}: missing glossary forms in src/data/glossary.ts: ${lackingForms.map((entry) => entry.en).join(', ')}`,
    );
  }
  return lines;
}

/** A translation's review date (documents have one), and each paragraph whose original changed since it was checked. */
async function translationLines(root: string, text: Text): Promise<{ lines: string[]; outOfDate: number }> {
  const name = `${text.lang}/${text.slug}`;
  const lines: string[] = [];
  if (text.collection === 'documents') {
    const { frontMatter } = await readContent(root, text.file);
    const provenance = frontMatter['provenance'] as Record<string, unknown> | undefined;
    const reviewed = provenance?.['translationReviewed'];
    lines.push(typeof reviewed === 'string' ? `${name} reviewed ${reviewed}` : `${name} not reviewed`);
  }
  const record = await readRecord(root, text);
  if (!record) {
    lines.push(
      `${name}: no record of what it was translated from (${recordFile(text.lang, text.slug)}): once it matches ${text.original}, run ${command} --mark-checked ${name}`,
    );
    return { lines, outOfDate: 0 };
  }
  const current = await paragraphHashes(root, text.original);
  // A paragraph added to the original, or taken from it, is out of date too, as is every one after it.
  const changed = [...new Set([...Object.keys(current), ...Object.keys(record.paragraphs)])].filter(
    (id) => current[id] !== record.paragraphs[id],
  );
  lines.push(...changed.map((id) => `${name} ¶ ${paragraphNumber(id)} (${id}) out of date`));
  return { lines, outOfDate: changed.length };
}

/**
 * Records that a translator has brought `{lang}/{slug}` up to date: writes its
 * record from the original's paragraphs as they stand. Returns the line to print.
 */
async function markChecked(root: string, target: string): Promise<string> {
  const [lang, slug, ...rest] = target.split('/');
  if (!lang || !slug || rest.length > 0) {
    throw new BadInput(
      `"${target}" is not {lang}/{slug}: write, for example, ${command} --mark-checked be/petition-to-the-ilo`,
    );
  }
  if (!isLocale(lang)) {
    throw new BadInput(
      `src/i18n/locales.ts: has no language "${lang}" (it has ${localeCodes.join(', ')}): add it there first, or correct the language`,
    );
  }
  const texts = (await everyText(root)).filter((text) => text.slug === slug);
  const text = texts.find((candidate) => candidate.lang === lang);
  if (!text) {
    throw new BadInput(
      `src/content/documents/*/${slug}.mdx, src/content/pages/${sourceLanguage}/${slug}.mdx: there is no document or page "${slug}": correct the slug (the file's name without .mdx)`,
    );
  }
  if (text.lang === text.originalLanguage) {
    throw new BadInput(
      `${text.file}: is the original, not a translation: name a translation, such as ${localeCodes.find((other) => other !== lang)}/${slug}`,
    );
  }
  if (!text.exists) {
    throw new BadInput(`${text.file}: does not exist: translate ${text.original} into it first, then mark it checked`);
  }
  const current = await paragraphHashes(root, text.original);
  const translated = Object.keys(await paragraphHashes(root, text.file)).length;
  const original = Object.keys(current).length;
  if (translated !== original) {
    throw new BadInput(
      `${text.file}: has ${translated} paragraphs, its original ${text.original} has ${original}: keep the original's paragraphs one for one, then mark it checked`,
    );
  }
  const file = recordFile(lang, slug);
  const record: TranslationRecord = { original: text.original, paragraphs: current };
  await mkdir(path.join(root, path.dirname(file)), { recursive: true });
  await writeFile(path.join(root, file), `${JSON.stringify(record, null, 2)}\n`);
  return `${file}: ${lang}/${slug} checked against ${text.original} (${original} paragraphs)`;
}

const usage = `usage: ${command} [--mark-checked {lang}/{slug}]`;

/**
 * The command: the report, or `--mark-checked {lang}/{slug}`. Exit status 0
 * whatever the report says (a language missing documents or paragraphs out of
 * date is the normal state of a translation under way, and must not stop CI
 * or a volunteer's script); 2 for input it cannot work with.
 */
export async function runTranslationStatus(
  root: string,
  args: readonly string[],
  print: (line: string) => void,
  printError: (line: string) => void,
): Promise<number> {
  try {
    if (args.length === 0) {
      for (const line of await translationStatus(root)) print(line);
      return 0;
    }
    if (args[0] === '--help' && args.length === 1) {
      print(usage);
      return 0;
    }
    if (args[0] === '--mark-checked' && args.length === 2 && args[1] !== undefined) {
      print(await markChecked(root, args[1]));
      return 0;
    }
    throw new BadInput(usage);
  } catch (error) {
    if (!(error instanceof BadInput)) throw error;
    printError(error.message);
    return 2;
  }
}
