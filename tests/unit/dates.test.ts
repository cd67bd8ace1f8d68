import { describe, expect, it } from 'vitest';
import { dateFormat, explainDocumentDate, formatDocumentDate } from '../../src/lib/dates';

const petitionDate = { after: '2020-11-12', basis: 'latest-date-mentioned' } as const;
const resolutionDate = { after: '2021-09-06', basis: 'latest-event-mentioned' } as const;

describe('document dates', () => {
  it('writes a day as each language does', () => {
    expect(formatDocumentDate('2021-03-01', 'en')).toBe('1 March 2021');
    expect(formatDocumentDate('2021-03-01', 'ru')).toBe('1 марта 2021\u00a0г.');
    expect(formatDocumentDate('2021-03-01', 'be')).toBe('1 сакавіка 2021\u00a0г.');
  });

  it('says "after" for an undated text rather than inventing a day', () => {
    expect(formatDocumentDate(petitionDate, 'en')).toBe('after 12 November 2020');
    expect(formatDocumentDate(petitionDate, 'ru')).toBe('после 12 ноября 2020\u00a0г.');
    expect(formatDocumentDate(petitionDate, 'be')).toBe('пасля 12 лістапада 2020\u00a0г.');
  });

  it('on the document’s own page, says why an undated text is dated after that day', () => {
    expect(explainDocumentDate(petitionDate, 'en')).toBe(
      'Undated; written after 12 November 2020, the latest date it mentions',
    );
    expect(explainDocumentDate(resolutionDate, 'en')).toBe(
      'Undated; written after 6 September 2021, the date of the latest event it mentions',
    );
    expect(explainDocumentDate(petitionDate, 'be')).toBe(
      'Дата не пазначана; тэкст напісаны пасля 12 лістапада 2020\u00a0г. — апошняй даты, згаданай у ім',
    );
    expect(explainDocumentDate(resolutionDate, 'ru')).toBe(
      'Дата не указана; текст написан после 6 сентября 2021\u00a0г. — даты последнего события, которое в нем упоминается',
    );
  });

  it('writes a dated text’s date the same way everywhere', () => {
    expect(explainDocumentDate('2021-03-01', 'en')).toBe('1 March 2021');
  });

  it('keeps «г.» on the line of its year, in ranges too', () => {
    const months = dateFormat('ru', { month: 'long', year: 'numeric' });
    // Intl already spaces a range's «г.» with a narrow no-break space (U+202F), which is kept.
    expect(months.formatRange(new Date('2020-08-01'), new Date('2021-09-01'))).toMatch(
      /^август 2020[\u00a0\u202f]г\. – сентябрь 2021[\u00a0\u202f]г\.$/u,
    );
    expect(months.format(new Date('2020-08-01'))).toBe('август 2020\u00a0г.');
  });
});
