/**
 * The timeline of events the documents report (src/data/timeline.ts): each
 * with its date as the documents give it, one line in every language, and the
 * paragraphs that report it. The build refuses a timeline whose paragraphs do
 * not exist or whose events are out of order.
 */
import type { InEveryLanguage, Locale } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/ui.ts';
import { dateFormat } from './dates.ts';

/** A calendar date, `2020-08-09`. */
type IsoDate = string;

/**
 * A date as the documents give it. `yearFromContext` marks a day the document
 * gives without its year ("on 17 August"), which the index shows in brackets:
 * "17 August [2020]".
 */
export type EventDate =
  | { on: IsoDate; yearFromContext?: true }
  | { from: IsoDate; to: IsoDate; yearFromContext?: true }
  | { month: string }
  /** Undated, but reported by a document of this date. */
  | { by: IsoDate }
  /** Undated, but after this date, which the document gives. */
  | { after: IsoDate };

export interface TimelineEvent {
  /** An anchor on the timeline page, for an event that something links to: its correction, say. */
  id?: string;
  date: EventDate;
  /** One line, in every language. */
  text: InEveryLanguage<string>;
  /** The paragraphs that report it, by document slug: `{ 'petition-to-the-ilo': [16] }`. */
  sources: Record<string, number[]>;
}

/** Where an event sorts: a month before its days, an undated event at the date it is known by. */
export function sortKey(date: EventDate): string {
  if ('on' in date) return date.on;
  if ('from' in date) return date.from;
  if ('month' in date) return date.month;
  if ('by' in date) return date.by;
  return date.after;
}

/** A date as machines read it, for `<time datetime>`; undefined where no one date is meant. */
export function machineDate(date: EventDate): string | undefined {
  if ('on' in date) return date.on;
  if ('month' in date) return date.month;
  return undefined;
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** A date as a reader of `lang` writes it: "9 August 2020", "17 August [2020]", "August 2020", "By 12 October 2020". */
export function formatEventDate(date: EventDate, lang: Locale): string {
  const t = useTranslations(lang);
  const format = (options: Intl.DateTimeFormatOptions) => dateFormat(lang, options);
  const day = { day: 'numeric', month: 'long' } as const;
  const fullDay = { ...day, year: 'numeric' } as const;
  if ('month' in date) return upperFirst(format({ month: 'long', year: 'numeric' }).format(utc(`${date.month}-01`)));
  if ('by' in date) return t('timeline.by', { date: format(fullDay).format(utc(date.by)) });
  if ('after' in date) return t('timeline.after', { date: format(fullDay).format(utc(date.after)) });
  const [first, last] = 'on' in date ? [date.on, undefined] : [date.from, date.to];
  const options = date.yearFromContext ? day : fullDay;
  let text = format(options).format(utc(last ?? first));
  // Days of one month as the documents write them, "23–24 March", which Intl spaces or shortens unevenly.
  if (last !== undefined) {
    text =
      first.slice(0, 7) === last.slice(0, 7)
        ? `${Number(first.slice(8))}–${text}`
        : format(options).formatRange(utc(first), utc(last));
  }
  return date.yearFromContext ? `${text} [${first.slice(0, 4)}]` : text;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) => isoDate.test(value) && utc(value).toISOString().startsWith(value);

function dateProblems(date: EventDate): string[] {
  if ('month' in date) return /^\d{4}-\d{2}$/.test(date.month) ? [] : [`month "${date.month}" is not "YYYY-MM"`];
  const days = 'from' in date ? [date.from, date.to] : [sortKey(date)];
  const problems = days.filter((day) => !isRealDate(day)).map((day) => `"${day}" is not a real "YYYY-MM-DD" date`);
  if ('from' in date && problems.length === 0 && date.from >= date.to) {
    problems.push(`runs from ${date.from} to ${date.to}, which is not later`);
  }
  return problems;
}

/**
 * What is wrong with a timeline, one line per problem: a bad date, an event
 * before the one above it, an empty or multi-line text, or a source that is no
 * paragraph of any document (`paragraphCounts` gives each document's count).
 */
export function timelineProblems(
  events: readonly TimelineEvent[],
  paragraphCounts: ReadonlyMap<string, number>,
): string[] {
  const problems: string[] = [];
  events.forEach((event, index) => {
    const at = (problem: string) => problems.push(`event ${index + 1} (${sortKey(event.date)}): ${problem}`);
    for (const problem of dateProblems(event.date)) at(problem);
    const previous = events[index - 1];
    if (previous && sortKey(previous.date) > sortKey(event.date)) {
      at(`comes after ${sortKey(previous.date)} in the list but is earlier; keep the events in date order`);
    }
    for (const [lang, text] of Object.entries(event.text)) {
      if (!text.trim()) at(`has no text in ${lang}`);
      if (/\n/.test(text)) at(`has more than one line in ${lang}`);
    }
    const sources = Object.entries(event.sources);
    if (sources.length === 0) at('names no paragraph that reports it');
    for (const [slug, numbers] of sources) {
      const count = paragraphCounts.get(slug);
      if (count === undefined) {
        at(`names "${slug}", which is no document: name a document by its file name, without ".mdx"`);
      } else if (numbers.length === 0) at(`names "${slug}" but none of its paragraphs`);
      for (const number of numbers) {
        if (count !== undefined && !(Number.isInteger(number) && number >= 1 && number <= count)) {
          at(
            `names paragraph ${number} of "${slug}", which has paragraphs 1 to ${count}: name the paragraph that ` +
              'reports the event (each paragraph’s number is the ¶ beside it on the document’s page)',
          );
        }
      }
    }
  });
  return problems;
}

/**
 * The months the record covers, from its first event to its last, as a reader of `lang` writes them:
 * "August 2020 – September 2021". Derived from the timeline, so a new event moves it.
 */
export function recordPeriod(events: readonly TimelineEvent[], lang: Locale): string {
  const months = events.map((event) => sortKey(event.date).slice(0, 7)).sort();
  const [first, last] = [months[0], months.at(-1)];
  if (first === undefined || last === undefined) throw new Error('the timeline has no event');
  return dateFormat(lang, { month: 'long', year: 'numeric' }).formatRange(utc(`${first}-01`), utc(`${last}-01`));
}
