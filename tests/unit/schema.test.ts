import { describe, expect, it } from 'vitest';
import { documentSchema, sortableDate } from '../../src/content/schema';

const valid = {
  title: 'A title',
  description: 'A summary of the document that fits in a single sentence.',
  kind: 'letter',
  author: 'IndustriALL Global Union',
  date: '2021-03-01',
  originalLanguage: 'en',
};

function problems(data: object): string[] {
  const result = documentSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('document schema', () => {
  it('accepts a complete document, with or without addressee and place', () => {
    expect(problems(valid)).toEqual([]);
    expect(problems({ ...valid, addressee: 'Guy Ryder', place: 'Geneva', translated: true })).toEqual([]);
  });

  it('accepts an undated text as "after" a date', () => {
    expect(problems({ ...valid, date: { after: '2020-11-12' } })).toEqual([]);
    expect(sortableDate({ after: '2020-11-12' })).toBe('2020-11-12');
  });

  it.each([
    ['a missing title', { title: undefined }, /^title: is required/],
    ['an empty author', { author: '  ' }, /^author: must not be empty/],
    ['an unknown kind', { kind: 'memo' }, /^kind: must be one of: petition, letter, news, resolution/],
    ['a date in another format', { date: '01/03/2021' }, /^date: must be "YYYY-MM-DD"/],
    ['a date that does not exist', { date: '2021-02-30' }, /^date: is not a real calendar date/],
    ['a bare YAML date', { date: new Date('2021-03-01') }, /^date: must be "YYYY-MM-DD"/],
    [
      'an unknown original language',
      { originalLanguage: 'uk' },
      /^originalLanguage: must be one of the site's languages/,
    ],
    ['a short description', { description: 'Too short.' }, /^description: must be at least 50 characters/],
    [
      'two sentences',
      { description: 'One sentence that is long enough. And then another one here.' },
      /single sentence/,
    ],
    ['"translated: false"', { translated: false }, /^translated: must be true when present/],
    ['an unknown field', { summary: 'x' }, /Unrecognized key/],
  ])('rejects %s', (_case, change, message) => {
    expect(problems({ ...valid, ...change })).toEqual([expect.stringMatching(message)]);
  });
});
