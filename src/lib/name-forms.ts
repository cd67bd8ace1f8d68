/**
 * The table of names a language's search page fetches (src/lib/name-search.ts
 * uses it): each entry of the names index, the ways a reader may write it, and
 * the forms this language's documents use. Written at build time from the
 * glossary, so a name added there is found without a change here.
 */
import { inLanguage, localeCodes, type InEveryLanguage, type Locale } from '../i18n/locales.ts';
import type { GlossaryEntry } from './glossary.ts';
import { indexAnchor, type IndexedName, type NameGroup } from './names-index.ts';
import { nameSkeleton, shortestStem, type NameForms } from './name-search.ts';
import { belarusianRomanizations, russianRomanizations } from './romanize.ts';

/** A glossary form's words: `Лукашэнк|` → a stem `Лукашэнк` that endings follow; `Калеснікава` → a whole word. */
function formWords(form: string): { word: string; stem: boolean }[] {
  return form
    .replace(/\{[^{}]*\}/g, '|')
    .split(/[\s()]+/)
    .filter((word) => word !== '')
    .map((word) => ({ word: word.replaceAll('|', ''), stem: word.includes('|') }));
}

/** A form as words to search for: its stems and whole words, without the marks of a pattern or brackets. */
function searchableForm(form: string): string {
  return formWords(form)
    .map(({ word }) => word)
    .join(' ');
}

/**
 * A word of a name of several words shorter than this is no way to tell the name: "of", "the" in "Committee
 * on Freedom of Association". A name of one word keeps it, however short: ILO, EI.
 */
const shortestWordOfSeveral = 4;

/** The keys of a form's words, as `NameForms.keys` writes them, in its own letters and romanized. */
function keysOf(form: string, romanizations: (text: string) => string[] = () => []): string[] {
  const words = formWords(form);
  const shortest = words.length > 1 ? shortestWordOfSeveral : 1;
  return words.flatMap(({ word, stem }) =>
    [word, ...romanizations(word)]
      .map(nameSkeleton)
      .filter((key) => key.length >= (stem ? shortestStem : shortest))
      .map((key) => (stem ? `${key}*` : key)),
  );
}

/**
 * Every way a reader may write an entry: its forms in every language, romanized, and the press's; for a
 * person also the name as the index gives it, in the nominative (an organisation's index name may hold
 * another's: "Governing Body of the ILO").
 */
function nameKeys(entries: readonly GlossaryEntry[], name: IndexedName): string[] {
  const { index } = name;
  const forms: InEveryLanguage<string>[] = index.kind === 'person' ? [...entries, index.name] : [...entries];
  const keys = forms.flatMap((form) => [
    ...keysOf(form.en),
    ...keysOf(form.be, belarusianRomanizations),
    ...keysOf(form.ru, russianRomanizations),
  ]);
  for (const spelling of index.pressSpellings ?? []) keys.push(...keysOf(spelling));
  // A word that one of the stems begins is found by the stem: `lukasenka` by `lukasenk*`.
  const stems = keys.filter((key) => key.endsWith('*')).map((key) => key.slice(0, -1));
  return [...new Set(keys)].filter((key) => key.endsWith('*') || !stems.some((stem) => key.startsWith(stem)));
}

/**
 * The forms to search for: each form of the entry in `lang`, but for those that hold every word of a shorter
 * one, which finds all they find ("Лукашэнк" finds what "Аляксандр Лукашэнк" finds).
 */
function formsToSearch(forms: readonly string[]): string[] {
  const wordsOf = (form: string) => form.toLowerCase().split(' ');
  const unique = [...new Set(forms)];
  return unique.filter(
    (form) => !unique.some((other) => other !== form && wordsOf(other).every((word) => wordsOf(form).includes(word))),
  );
}

/**
 * Each entry of the names index as each language's search page knows it. The ways of writing a name are the
 * same in every language, and worked out once.
 */
export function nameFormsByLanguage(
  groups: readonly NameGroup[],
  names: readonly IndexedName[],
): Record<Locale, NameForms[]> {
  const named = names.map((name) => {
    const entries = groups.find(({ key }) => key === name.key)?.entries ?? [];
    return { name, entries, keys: nameKeys(entries, name) };
  });
  return Object.fromEntries(
    localeCodes.map((lang) => [
      lang,
      named.map(({ name, entries, keys }) => ({
        anchor: indexAnchor(name.key),
        name: inLanguage(name.index.name, lang).value,
        forms: formsToSearch(
          entries.flatMap((entry) => (entry[lang] === undefined ? [] : [searchableForm(entry[lang])])),
        ),
        keys,
      })),
    ]),
  ) as Record<Locale, NameForms[]>;
}
