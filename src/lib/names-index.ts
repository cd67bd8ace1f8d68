/**
 * The names index: every person, organisation and place the glossary indexes,
 * with the paragraphs that mention it. A paragraph mentions an entry when, in
 * every language that has the document and a form of the name, one of the entry's forms (or of the forms written `sameAs`
 * it) occurs there and is not part of a longer name: "Minsk" inside "Minsk
 * Motor Plant" is the plant, and "ILO" inside "International Labour Office
 * (ILO)" is the Office. Asking every language settles what one alone cannot:
 * English "ILO" names both the Organisation and the Office, Belarusian МАП
 * only the first; Belarusian «Беларус…» begins «Беларускія», English "Belarus"
 * does not begin "Belarusian".
 */
import { glossary } from '../data/glossary.ts';
import {
  formMatcher,
  normaliseForGlossary,
  type FormMatch,
  type GlossaryEntry,
  type IndexEntry,
  type NameKind,
} from './glossary.ts';
import { inLanguage, locales, type InEveryLanguage, type Locale } from '../i18n/locales.ts';
import type { Paragraph } from './paragraphs.ts';

export interface NameGroup {
  /** The English form of the indexed entry: the group's key. */
  key: string;
  index: IndexEntry;
  /** The indexed entry and every entry written `sameAs` it. */
  entries: GlossaryEntry[];
}

/** The glossary's indexed entries with their other forms; throws, naming them, on entries that fit nowhere. */
export function nameGroups(entries: readonly GlossaryEntry[] = glossary): NameGroup[] {
  const groups = new Map<string, NameGroup>();
  const problems: string[] = [];
  for (const entry of entries) {
    if (entry.index) groups.set(entry.en, { key: entry.en, index: entry.index, entries: [entry] });
  }
  for (const entry of entries) {
    const ways = [entry.index, entry.sameAs, entry.notIndexed].filter((way) => way !== undefined).length;
    if (ways !== 1) {
      problems.push(`"${entry.en}" must have exactly one of index, sameAs and notIndexed`);
    } else if (entry.sameAs !== undefined) {
      const group = groups.get(entry.sameAs);
      if (group) group.entries.push(entry);
      else problems.push(`"${entry.en}" is sameAs "${entry.sameAs}", which is no indexed entry`);
    }
  }
  if (problems.length > 0) throw new Error(`src/data/glossary.ts:\n  ${problems.join('\n  ')}`);
  return [...groups.values()];
}

interface FormFinder {
  /** Where the form occurs in a normalised text. */
  find: (text: string) => FormMatch[];
  /** What every match begins with, in lower case: a text without it needs no search. */
  literal: string;
}

/** Each form's finder in each language, made once: the index tests every entry against every paragraph. */
const formFinders = new Map<string, FormFinder>();

function formFinderOf(entry: GlossaryEntry, lang: Locale): FormFinder | undefined {
  const form = entry[lang];
  if (form === undefined) return undefined;
  const key = `${lang} ${form}`;
  let found = formFinders.get(key);
  if (!found) {
    found = {
      find: formMatcher(form, lang),
      literal: normaliseForGlossary(form)
        .replace(/[|{].*$/su, '')
        .toLowerCase(),
    };
    formFinders.set(key, found);
  }
  return found;
}

interface Match {
  key: string;
  start: number;
  end: number;
}

/** The keys of the groups a text in `lang` mentions, leaving out forms that are part of a longer name. */
export function mentionedIn(text: string, lang: Locale, groups: readonly NameGroup[]): Set<string> {
  const normalised = normaliseForGlossary(text);
  const lowerCase = normalised.toLowerCase();
  const matches: Match[] = groups.flatMap(({ key, entries }) =>
    entries.flatMap((entry) => {
      const finder = formFinderOf(entry, lang);
      if (finder === undefined) return [];
      const { find, literal } = finder;
      if (!lowerCase.includes(literal)) return [];
      return find(normalised).map(({ start, end }) => ({ key, start, end }));
    }),
  );
  const inside = (match: Match, other: Match) =>
    other.key !== match.key &&
    other.start <= match.start &&
    match.end <= other.end &&
    other.end - other.start > match.end - match.start;
  return new Set(matches.filter((match) => !matches.some((other) => inside(match, other))).map((match) => match.key));
}

/** One document's paragraphs in every language that has it: a partial language may not yet. */
export type DocumentParagraphs = InEveryLanguage<Paragraph[]>;

export interface Mention {
  slug: string;
  /** The paragraphs that mention the entry, by number. */
  paragraphs: number[];
}

export interface IndexedName {
  key: string;
  kind: NameKind;
  index: IndexEntry;
  /** By document, in the order the documents are given. */
  mentions: Mention[];
}

/** Every indexed entry with the paragraphs that mention it, in the documents' order; entries no paragraph mentions are left out. */
export function namesIndex(
  documents: readonly { slug: string; paragraphs: DocumentParagraphs }[],
  groups: readonly NameGroup[] = nameGroups(),
): IndexedName[] {
  const mentions = new Map<string, Mention[]>(groups.map(({ key }) => [key, []]));
  for (const { slug, paragraphs } of documents) {
    // Counted over the languages that have the document, and of those, the ones with a form of the name.
    const byLanguage = (Object.entries(paragraphs) as [Locale, Paragraph[]][]).map(([lang, inLanguage]) => ({
      lang,
      found: inLanguage.map(({ text }) => mentionedIn(text, lang, groups)),
    }));
    const [first] = byLanguage;
    first?.found.forEach((_, index) => {
      for (const { key, entries } of groups) {
        const asked = byLanguage.filter(({ lang }) => entries.some((entry) => entry[lang] !== undefined));
        if (asked.every(({ found }) => found[index]?.has(key))) {
          const list = mentions.get(key) ?? [];
          const last = list.at(-1);
          if (last?.slug === slug) last.paragraphs.push(index + 1);
          else list.push({ slug, paragraphs: [index + 1] });
          mentions.set(key, list);
        }
      }
    });
  }
  return groups
    .map(({ key, index }) => ({ key, kind: index.kind, index, mentions: mentions.get(key) ?? [] }))
    .filter(({ mentions: found }) => found.length > 0);
}

/**
 * An entry's name as the index lists it in `lang` (in English, so marked, where a partial language has no name
 * for it yet): a person surname first ("Lukashenko", then "Alexander (Lukashenka)"), anything else as it is. The
 * surname is the last word before an aside in brackets.
 */
export function listedName(name: IndexedName, lang: Locale): { lead: string; rest: string; lang: Locale } {
  const { value: shown, lang: shownIn } = inLanguage(name.index.name, lang);
  if (name.kind !== 'person') return { lead: shown, rest: '', lang: shownIn };
  const [, words = shown, aside = ''] = /^(.*?)\s*(\(.*\))?$/u.exec(shown) ?? [];
  const given = words.split(' ');
  const lead = given.pop() ?? words;
  return { lead, rest: [given.join(' '), aside].filter(Boolean).join(' '), lang: shownIn };
}

/** What an entry sorts by in `lang`: a person's surname, then given names; else the name without its aside in brackets. */
export function sortName(name: IndexedName, lang: Locale): string {
  const { lead, rest } = listedName(name, lang);
  return `${lead} ${rest}`.replace(/\s*\(.*\)$/u, '').trim();
}

/** The entries of one part of the index, sorted by `sortName` in the order of `lang`'s alphabet. */
export function sortedForIndex(names: readonly IndexedName[], lang: Locale): IndexedName[] {
  const collator = new Intl.Collator(locales[lang].dateFormat);
  return [...names].sort((a, b) => collator.compare(sortName(a, lang), sortName(b, lang)));
}

/** The jump to names in Latin letters on a page whose alphabet is another, where a Latin A would look like its А. */
export const latinLettersJump = 'A–Z';

/** The letters the sorted entries begin with, in their order, each with the anchor of its first entry. */
export function letterJumps(sorted: readonly IndexedName[], lang: Locale): { letter: string; anchor: string }[] {
  const latinPage = new Intl.Locale(lang).maximize().script === 'Latn';
  const jumps: { letter: string; anchor: string }[] = [];
  for (const name of sorted) {
    const initial = sortName(name, lang).charAt(0).toLocaleUpperCase(lang);
    const latin = /\p{Script=Latin}/u.test(initial);
    // Ö sorts among the Os in English; but Ў, Й and Ё are letters of the Belarusian and Russian alphabets.
    const letter = !latin ? initial : latinPage ? initial.normalize('NFD').charAt(0) : latinLettersJump;
    if (jumps.at(-1)?.letter !== letter) jumps.push({ letter, anchor: indexAnchor(name.key) });
  }
  return jumps;
}

/** The id of an entry on the index page, from its English form: `kemal-ozkan`. */
export function indexAnchor(key: string): string {
  return key
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
