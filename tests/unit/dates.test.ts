import { describe, expect, it } from 'vitest';
import { formatDocumentDate } from '../../src/lib/dates';

describe('document dates', () => {
  it('writes a day as each language does', () => {
    expect(formatDocumentDate('2021-03-01', 'en')).toBe('1 March 2021');
    expect(formatDocumentDate('2021-03-01', 'ru')).toBe('1 марта 2021 г.');
    expect(formatDocumentDate('2021-03-01', 'be')).toBe('1 сакавіка 2021 г.');
  });

  it('says "after" for an undated text rather than inventing a day', () => {
    expect(formatDocumentDate({ after: '2020-11-12' }, 'en')).toBe('after 12 November 2020');
    expect(formatDocumentDate({ after: '2020-11-12' }, 'ru')).toBe('после 12 ноября 2020 г.');
    expect(formatDocumentDate({ after: '2020-11-12' }, 'be')).toBe('пасля 12 лістапада 2020 г.');
  });
});
