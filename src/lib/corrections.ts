/**
 * The corrections the site has made to its texts (src/data/corrections.ts),
 * as each language's corrections page lists them, and what the build checks
 * of each: that what it corrected exists, that the text now says what the
 * latest correction says and no longer what it said before, and that a text
 * corrected twice is one chain (the older correction's "now" is the next one's
 * "was").
 */
import { isLocale, type Locale } from '../i18n/locales.ts';

/** What a correction changed: a paragraph of a document, or a line of the timeline (its event's `id`). */
export type CorrectionTarget = { document: string; paragraph: number } | { timelineEvent: string };

export interface Correction {
  /** The day the corrected text was published, `YYYY-MM-DD`. */
  date: string;
  /** The language of the text corrected. */
  lang: Locale;
  in: CorrectionTarget;
  /** The words as they stood, enough of them that they are not in the text now. */
  was: string;
  /** The same words as they stand now, exactly as the text has them. */
  now: string;
  /** Why, in one line, in the language of the text. */
  why: string;
}

/** Newest first; corrections of one day in the order they are listed. */
export function newestFirst(corrections: readonly Correction[]): Correction[] {
  return corrections
    .map((correction, index) => ({ correction, index }))
    .sort((a, b) => b.correction.date.localeCompare(a.correction.date) || a.index - b.index)
    .map(({ correction }) => correction);
}

const sameTarget = (a: CorrectionTarget, b: CorrectionTarget) => JSON.stringify(a) === JSON.stringify(b);

/** A correction as a message names it: its date, language, text and first words. */
export function describeCorrection({ date, lang, in: target, was }: Correction): string {
  const where =
    'document' in target
      ? `${target.document} ¶ ${target.paragraph}`
      : `the timeline's event "${target.timelineEvent}"`;
  const words = was.length > 40 ? `${was.slice(0, 39)}…` : was;
  return `the correction of ${date} to ${lang} ${where} (was «${words}»)`;
}

export interface CorrectedTexts {
  /** A document's paragraphs as plain text, ¶ 1 first; undefined for a document the language does not have. */
  paragraphs: (lang: Locale, slug: string) => readonly string[] | undefined;
  /** A timeline event's line in a language; undefined for an event with no such id. */
  timelineLine: (lang: Locale, id: string) => string | undefined;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const collapse = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** Whether a later correction of the same words takes over from this one: its "was" is this one's "now". */
export function isSuperseded(correction: Correction, corrections: readonly Correction[]): boolean {
  return corrections.some(
    (other) =>
      other !== correction &&
      other.lang === correction.lang &&
      sameTarget(other.in, correction.in) &&
      other.date >= correction.date &&
      collapse(other.was) === collapse(correction.now),
  );
}

/** Every way the corrections disagree with the texts, each naming its correction. */
export function correctionProblems(corrections: readonly Correction[], texts: CorrectedTexts): string[] {
  const problems: string[] = [];
  for (const correction of corrections) {
    const { date, lang, in: target, was, now, why } = correction;
    const name = describeCorrection(correction);
    const problem = (text: string) => {
      problems.push(`${name}: ${text}`);
    };
    if (!isoDate.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      problem(`its date "${date}" is not a day written YYYY-MM-DD`);
    }
    if (!isLocale(lang)) {
      problem(`"${lang}" is not a language of the site`);
      continue;
    }
    if (was.trim() === '' || now.trim() === '' || why.trim() === '') {
      problem('it needs what the text said ("was"), what it says now ("now") and why ("why")');
      continue;
    }
    let current: string | undefined;
    if ('document' in target) {
      const paragraphs = texts.paragraphs(lang, target.document);
      if (paragraphs === undefined) {
        problem(`there is no ${lang} document "${target.document}"`);
        continue;
      }
      current = paragraphs[target.paragraph - 1];
      if (current === undefined) {
        problem(
          `${target.document} has paragraphs 1 to ${paragraphs.length} in ${lang}: name the ¶ the corrected words are in (the number beside it on the page)`,
        );
        continue;
      }
    } else {
      current = texts.timelineLine(lang, target.timelineEvent);
      if (current === undefined) {
        problem(`no event of src/data/timeline.ts has the id "${target.timelineEvent}": give the event that id`);
        continue;
      }
    }
    if (isSuperseded(correction, corrections)) continue;
    const text = collapse(current);
    if (!text.includes(collapse(now))) {
      problem(
        `its "now" is not in the text: write the words exactly as the text has them, or, if a later correction changed them again, make that correction's "was" exactly this "now"`,
      );
    }
    if (text.includes(collapse(was))) {
      problem(`its "was" is still in the text: quote enough of the old words that they are no longer there`);
    }
  }
  return problems;
}
