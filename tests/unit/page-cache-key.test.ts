import { describe, expect, it } from 'vitest';
import { pageKey, siteKey } from '../../src/lib/page-cache-key';

const entry = { id: 'en/a-letter', body: 'The esteemed Committee.', data: { title: 'A letter', date: '2021-03-01' } };

describe('the key of a kept document page', () => {
  it('is the same for the same inputs, and another for any change to what the page shows', () => {
    const key = pageKey('site', 'en', [entry]);
    expect(pageKey('site', 'en', [{ ...entry }])).toBe(key);
    const changed = [
      pageKey('another site', 'en', [entry]),
      pageKey('site', 'be', [entry]),
      pageKey('site', 'en', [{ ...entry, body: 'The respected Committee.' }]),
      pageKey('site', 'en', [{ ...entry, data: { ...entry.data, title: 'A letter (2)' } }]),
      pageKey('site', 'en', [{ ...entry, id: 'be/a-letter' }]),
      pageKey('site', 'en', [entry, { ...entry, id: 'be/a-letter' }]),
    ];
    expect(new Set([key, ...changed]).size).toBe(changed.length + 1);
  });

  it('changes for every page with any document’s front matter, and not with another document’s text', () => {
    const other = { collection: 'documents', id: 'en/b-letter', body: 'Text.', data: { title: 'B letter' } };
    const site = siteKey([{ collection: 'documents', ...entry }, other]);
    expect(
      siteKey([
        { collection: 'documents', ...entry },
        { ...other, body: 'Another text.' },
      ]),
    ).toBe(site);
    expect(
      siteKey([
        { collection: 'documents', ...entry },
        { ...other, data: { title: 'B' } },
      ]),
    ).not.toBe(site);
    expect(siteKey([{ collection: 'documents', ...entry }])).not.toBe(site);
  });
});
