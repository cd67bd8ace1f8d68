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
  return entries.filter((entry) => {
    const form = entry[lang];
    return (
      form !== undefined && (lang === 'en' ? englishTermPattern(form) : translatedFormPattern(form)).test(normalised)
    );
  });
}

/**
 * What a translation gets wrong about the names its original uses, one line each, of the names whose form in its
 * language the glossary gives (a partial language's missing forms are the translation status's to report): a term whose glossary form it
 * lacks (`Alexander Kapshul → Александр| Капшул{ь,я,ю,ем,е}`), or a word with an ending the glossary rules out
 * (`Капшула: Александр| Капшул{ь,я,ю,ем,е}`).
 */
export function glossaryFindings(
  original: { text: string; lang: Locale },
  translation: { text: string; lang: Locale },
  entries: readonly GlossaryEntry[] = glossary,
): string[] {
  const text = normaliseForGlossary(translation.text);
  const withForm = entries.flatMap((entry) => {
    const form = entry[translation.lang];
    return form === undefined ? [] : [{ entry, form }];
  });
  const used = new Set(termsUsed(original.text, original.lang, entries));
  const missing = withForm
    .filter(({ entry }) => used.has(entry))
    .filter(({ form }) => !translatedFormPattern(form).test(text))
    .map(({ entry, form }) => `${entry[original.lang]} → ${form}`);
  const misdeclined = withForm.flatMap(({ form }) => wrongEndings(form, text).map((word) => `${word}: ${form}`));
  return [...missing, ...misdeclined];
}
