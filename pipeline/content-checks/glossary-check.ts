import { glossary } from '../../src/data/glossary';
import {
  englishTermPattern,
  normaliseForGlossary,
  translatedFormPattern,
  wrongEndings,
  type GlossaryEntry,
} from '../../src/lib/glossary';
import type { Locale } from '../../src/i18n/locales';

/** The glossary entries whose form in `lang` occurs in a text. */
export function termsUsed(text: string, lang: Locale, entries: readonly GlossaryEntry[] = glossary): GlossaryEntry[] {
  const normalised = normaliseForGlossary(text);
  return entries.filter((entry) =>
    (lang === 'en' ? englishTermPattern(entry[lang]) : translatedFormPattern(entry[lang])).test(normalised),
  );
}

/**
 * What a translation gets wrong about the names its original uses, one line each: a term whose glossary form it
 * lacks (`Alexander Kapshul → Александр| Капшул{ь,я,ю,ем,е}`), or a word with an ending the glossary rules out
 * (`Капшула: Александр| Капшул{ь,я,ю,ем,е}`).
 */
export function glossaryFindings(
  original: { text: string; lang: Locale },
  translation: { text: string; lang: Locale },
  entries: readonly GlossaryEntry[] = glossary,
): string[] {
  const text = normaliseForGlossary(translation.text);
  const missing = termsUsed(original.text, original.lang, entries)
    .filter((entry) => !translatedFormPattern(entry[translation.lang]).test(text))
    .map((entry) => `${entry[original.lang]} → ${entry[translation.lang]}`);
  const misdeclined = entries.flatMap((entry) =>
    wrongEndings(entry[translation.lang], text).map((word) => `${word}: ${entry[translation.lang]}`),
  );
  return [...missing, ...misdeclined];
}
