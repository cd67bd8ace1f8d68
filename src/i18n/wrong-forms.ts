import type { InEveryLanguage } from './locales.ts';

/**
 * Forms of names that are wrong in a language, beside the glossary
 * (./glossary.ts), which says what is right: every form a review found wrong
 * and the site corrected, so that it can never come back, and a few misspellings
 * of the most frequent names that are never right. The build refuses them in
 * the rendered text of every page of that language (pipeline/after-render/language-check.ts),
 * except where the corrections page quotes what a text used to say. A glossary
 * ending list (`Капшул{ь,я,ю,ем}`) rules out other endings of its own stem
 * only in the texts its tests read; a wrong stem (Яматын for Ямацін) needs a
 * line here.
 */
export interface WrongForm {
  /** The wrong form: a whole word, or the start of any word (`stem`). */
  form: string;
  stem?: true;
  /** What to write instead. */
  right: string;
  /** Who found it wrong, or why it can never be right. */
  source: string;
}

export const wrongForms: InEveryLanguage<readonly WrongForm[]> = {
  be: [
    { form: 'Яматын', stem: true, right: 'Ямацін (Андрэй Комлік-Ямацін)', source: 'be review 2, N-1 and D-1' },
    ...['Комлік-Ямаціна', 'Комлік-Ямаціну', 'Комлік-Ямацінам', 'Комлік-Ямаціне'].map((form) => ({
      form,
      right: 'both parts declined: Комліка-Ямаціна, Комліку-Ямаціну…',
      source: 'be review 2, N-1: in a double surname both parts decline',
    })),
    ...['Капшул', 'Капшула', 'Капшулу', 'Капшулам', 'Капшулом', 'Капшуле'].map((form) => ({
      form,
      right: 'Капшуль, Капшуля, Капшулю, Капшулем (a soft л)',
      source: 'be translation review, addendum',
    })),
    {
      form: 'Бароў',
      right: 'Бароу (Шаран Бароу): an unstressed final у of a borrowed name stays у, as in Шоу',
      source: 'be second read of 7 December 2026, by § 15 п. 1 of the 2008 rules',
    },
    {
      form: 'Лукашенк',
      stem: true,
      right: 'Лукашэнка',
      source: 'the Russian spelling: «ше» is never Belarusian, where ш is hard',
    },
  ],
  ru: [
    ...['Капшул', 'Капшула', 'Капшулу', 'Капшулом', 'Капшулы'].map((form) => ({
      form,
      right: 'Капшуль, Капшуля, Капшулю, Капшулем, Капшуле (a soft л)',
      source: 'ru translation review, N-1',
    })),
    ...['Лукашенка', 'Лукашенки', 'Лукашенке', 'Лукашенку', 'Лукашенкой', 'Лукашенком'].map((form) => ({
      form,
      right: 'Лукашенко, which Russian does not decline',
      source: 'surnames in -ко are not declined in Russian (Rosenthal)',
    })),
    {
      form: 'Ямацин',
      stem: true,
      right: 'Яматин (Андрей Комлик-Яматин)',
      source: 'the Belarusian ц carried into Russian',
    },
  ],
  en: [],
};
