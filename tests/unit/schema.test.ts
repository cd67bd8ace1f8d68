import { describe, expect, it } from 'vitest';
import { documentSchema, sortableDate } from '../../src/content/schema';

const valid = {
  title: 'A title',
  description: 'A summary of the document that fits in a single sentence.',
  kind: 'letter',
  author: 'IndustriALL Global Union',
  date: '2021-03-01',
  originalLanguage: 'en',
  provenance: { publisher: 'IndustriALL Global Union', form: 'signed-letter', artefactsRemoved: ['letterhead'] },
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

  it('accepts an undated text as "after" a date, with the reason for that date', () => {
    expect(problems({ ...valid, date: { after: '2020-11-12', basis: 'latest-date-mentioned' } })).toEqual([]);
    expect(problems({ ...valid, date: { after: '2021-09-06', basis: 'latest-event-mentioned' } })).toEqual([]);
    expect(sortableDate({ after: '2020-11-12', basis: 'latest-date-mentioned' })).toBe('2020-11-12');
  });

  it('asks a title longer than link previews show for a short preview title, of at most 100 characters', () => {
    const long =
      'IndustriALL Global Union calls on the ILO for its urgent intervention to protect freedom of association in Belarus';
    expect(problems({ ...valid, title: long })).toEqual([
      `previewTitle: is required: the title has ${long.length} characters, and link previews cut a title at 100; give a short title of at most 100 for them`,
    ]);
    expect(
      problems({ ...valid, title: long, previewTitle: 'IndustriALL calls on the ILO to intervene in Belarus' }),
    ).toEqual([]);
    expect(problems({ ...valid, title: long, previewTitle: long })).toEqual([
      'previewTitle: must be at most 100 characters: link previews cut longer titles',
    ]);
  });

  it('accepts a provenance with a public address and, in a translation, the day it was reviewed', () => {
    const provenance = {
      publisher: 'Change.org',
      form: 'online-petition',
      url: 'https://www.change.org/p/a-petition',
      artefactsRemoved: ['spacing'],
      translationReviewed: '2026-11-30',
    };
    expect(problems({ ...valid, translated: true, provenance })).toEqual([]);
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
    [
      'an undated text that does not say why',
      { date: { after: '2020-11-12' } },
      /^date: must be "YYYY-MM-DD", or, where the text gives no date, "after:" with "YYYY-MM-DD" and "basis:" with one of: latest-date-mentioned, latest-event-mentioned$/,
    ],
    ['no provenance', { provenance: undefined }, /^provenance: is required: where and how the original was published/],
    ['a provenance that is not a group', { provenance: 'IndustriALL' }, /^provenance: must be a group of fields/],
    [
      'no publisher',
      { provenance: { ...valid.provenance, publisher: undefined } },
      /^provenance.publisher: is required/,
    ],
    [
      'an unknown form',
      { provenance: { ...valid.provenance, form: 'leaflet' } },
      /^provenance.form: must be one of: web-article, signed-letter, online-petition, congress-resolution$/,
    ],
    [
      'an address that is not a public https address',
      { provenance: { ...valid.provenance, url: 'http://www.industriall-union.org/x' } },
      /^provenance.url: must be a full public address, starting with "https:\/\/"$/,
    ],
    [
      'an address that is not an address',
      { provenance: { ...valid.provenance, url: 'industriall-union.org/x' } },
      /^provenance.url: must be a full public address/,
    ],
    [
      'a report without an address',
      {
        provenance: {
          ...valid.provenance,
          reports: [{ publisher: 'A union', title: 'A report', lang: 'en', url: 'http://example.org/x' }],
        },
      },
      /^provenance.reports.0.url: must be a full public address/,
    ],
    [
      'an unknown artefact',
      { provenance: { ...valid.provenance, artefactsRemoved: ['letterhead', 'typos'] } },
      /^provenance.artefactsRemoved.1: must be one of: spacing, letterhead, /,
    ],
    [
      'no artefact',
      { provenance: { ...valid.provenance, artefactsRemoved: [] } },
      /^provenance.artefactsRemoved: must name at least one artefact/,
    ],
    [
      'an artefact named twice',
      { provenance: { ...valid.provenance, artefactsRemoved: ['letterhead', 'letterhead'] } },
      /^provenance.artefactsRemoved: must not name an artefact twice$/,
    ],
    [
      'a review date that is not a date',
      { provenance: { ...valid.provenance, translationReviewed: 'November 2026' } },
      /^provenance.translationReviewed: must be a date written as "YYYY-MM-DD"$/,
    ],
    [
      'an unknown provenance field',
      { provenance: { ...valid.provenance, translator: 'A. Person' } },
      /^provenance: Unrecognized key: "translator"$/,
    ],
  ])('rejects %s', (_case, change, message) => {
    expect(problems({ ...valid, ...change })).toEqual([expect.stringMatching(message)]);
  });
});
