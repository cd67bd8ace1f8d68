import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/data/timeline';
import { completeLocaleCodes, localeCodes } from '../../src/i18n/locales';
import { glossaryFindings } from '../../pipeline/content-checks/glossary-check';
import { formatEventDate, timelineProblems, type TimelineEvent } from '../../src/lib/timeline';
import { documentParagraphs } from '../support/paragraphs';

const counts = new Map(documentParagraphs.map(({ slug, paragraphs }) => [slug, paragraphs.en.length]));

describe('the timeline', () => {
  it('names only paragraphs that exist, in date order, with a line in every language', () => {
    expect(timelineProblems(timeline, counts)).toEqual([]);
  });

  it('reports the events the documents date, from the election to the Congress', () => {
    expect(timeline.length).toBeGreaterThanOrEqual(15);
    const sources = new Set(timeline.flatMap((event) => Object.keys(event.sources)));
    expect([...sources].sort()).toEqual([...counts.keys()].sort());
  });

  it.each(localeCodes.filter((lang) => lang !== 'en'))(
    'writes in %s every name its English line uses in the glossary’s form',
    (lang) => {
      // A partial language's lines are checked as it writes them; until then it shows the English.
      const findings = timeline.flatMap((event) =>
        glossaryFindings({ text: event.text.en, lang: 'en' }, { text: event.text[lang] ?? event.text.en, lang }).map(
          (finding) => `${event.text.en}: ${finding}`,
        ),
      );
      expect(findings).toEqual([]);
    },
  );
});

describe('timeline problems', () => {
  const event = (date: TimelineEvent['date'], sources: TimelineEvent['sources']): TimelineEvent => ({
    date,
    text: { be: 'Падзея.', ru: 'Событие.', en: 'An event.' },
    sources,
  });
  const known = new Map([['a-letter', 10]]);

  it('names a paragraph that does not exist, and a document that does not', () => {
    expect(timelineProblems([event({ on: '2020-08-09' }, { 'a-letter': [11], 'no-such': [1] })], known)).toEqual([
      'event 1 (2020-08-09): names paragraph 11 of "a-letter", which has paragraphs 1 to 10: name the paragraph that reports the event (each paragraph’s number is the ¶ beside it on the document’s page)',
      'event 1 (2020-08-09): names "no-such", which is no document: name a document by its file name, without ".mdx"',
    ]);
  });

  it('names an event out of order, a date that is not one and an event with no source', () => {
    expect(
      timelineProblems(
        [
          event({ on: '2021-03-01' }, { 'a-letter': [1] }),
          event({ by: '2020-10-12' }, { 'a-letter': [2] }),
          event({ from: '2021-02-30', to: '2021-03-01' }, {}),
        ],
        known,
      ),
    ).toEqual([
      'event 2 (2020-10-12): comes after 2021-03-01 in the list but is earlier; keep the events in date order',
      'event 3 (2021-02-30): "2021-02-30" is not a real "YYYY-MM-DD" date',
      'event 3 (2021-02-30): names no paragraph that reports it',
    ]);
  });
});

describe('event dates, as the documents give them', () => {
  const cases: [TimelineEvent['date'], Record<string, string>][] = [
    [{ on: '2020-08-09' }, { be: '9 жніўня 2020\u00a0г.', ru: '9 августа 2020\u00a0г.', en: '9 August 2020' }],
    [
      { on: '2020-08-17', yearFromContext: true },
      { be: '17 жніўня [2020]', ru: '17 августа [2020]', en: '17 August [2020]' },
    ],
    [
      { from: '2021-03-23', to: '2021-03-24', yearFromContext: true },
      { be: '23–24 сакавіка [2021]', ru: '23–24 марта [2021]', en: '23–24 March [2021]' },
    ],
    [{ month: '2020-08' }, { be: 'Жнівень 2020', ru: 'Август 2020\u00a0г.', en: 'August 2020' }],
    [
      { by: '2020-10-12' },
      { be: 'Да 12 кастрычніка 2020\u00a0г.', ru: 'До 12 октября 2020\u00a0г.', en: 'By 12 October 2020' },
    ],
    [
      { after: '2020-11-12' },
      { be: 'Пасля 12 лістапада 2020\u00a0г.', ru: 'После 12 ноября 2020\u00a0г.', en: 'After 12 November 2020' },
    ],
  ];
  it.each(cases)('%j', (date, expected) => {
    for (const lang of completeLocaleCodes) expect(formatEventDate(date, lang)).toBe(expected[lang]);
  });
});
