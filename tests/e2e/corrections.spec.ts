/**
 * The corrections, as readers meet them: each language's corrections page lists that language's corrections
 * from src/data/corrections.ts, newest first, each linked to the paragraph it changed; each corrected document
 * says so; and no form of a name found wrong is left in any page, single file, side-by-side page or book, but
 * where the corrections page quotes what a text used to say.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'node-html-parser';
import { textRuns } from '../../pipeline/after-render/language-check';
import { readPages } from '../../pipeline/after-render/site-files';
import { corrections } from '../../src/data/corrections';
import { localeCodes, type Locale } from '../../src/i18n/locales';
import { wrongForms } from '../../src/i18n/wrong-forms';
import { isSuperseded, newestFirst } from '../../src/lib/corrections';
import { formatDay } from '../../src/lib/dates';
import { orthographyFindings } from '../../pipeline/content-checks/orthography';
import { paths } from '../../src/lib/routes';
import { builtPage, sitePathOf } from './site';

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

for (const lang of localeCodes) {
  test(`${lang}: the corrections page lists the ${lang} corrections newest first, each with its date, place, old and new words and why`, () => {
    const page = builtPage(paths.corrections(lang));
    const listed = page.querySelectorAll('.corrections > li');
    const expected = newestFirst(corrections.filter((correction) => correction.lang === lang));
    expect(listed).toHaveLength(expected.length);
    expected.forEach((correction, index) => {
      const item = listed[index];
      expect(item?.querySelector('time')?.getAttribute('datetime')).toBe(correction.date);
      expect(words(item?.querySelector('time')?.text ?? '')).toBe(words(formatDay(correction.date, lang)));
      expect(words(item?.querySelector('del')?.text ?? '')).toBe(words(correction.was));
      expect(words(item?.querySelector('ins')?.text ?? '')).toBe(words(correction.now));
      expect(item?.querySelectorAll('dd').at(-1)?.text).toBe(correction.why);
      // The link leads to the paragraph or timeline line, and that element says what the correction says now.
      const href = item?.querySelector('.correction-where a')?.getAttribute('href') ?? '';
      const target = new URL(href, `https://site.invalid${paths.corrections(lang)}`);
      const anchor = decodeURIComponent(target.hash.slice(1));
      const expectedAnchor = 'document' in correction.in ? `p-${correction.in.paragraph}` : correction.in.timelineEvent;
      expect(anchor).toBe(expectedAnchor);
      const landing = words(
        builtPage(sitePathOf(href, paths.corrections(lang))).querySelector(`[id="${anchor}"]`)?.text ?? '',
      );
      expect(landing).not.toContain(words(correction.was));
      // Unless a later correction changed the same words again.
      if (!isSuperseded(correction, corrections)) expect(landing).toContain(words(correction.now));
    });
    // The other languages' corrections pages.
    const others = page
      .querySelectorAll('.corrections-elsewhere a[hreflang]')
      .filter((link) => sitePathOf(link.getAttribute('href') ?? '', paths.corrections(lang)).endsWith('/corrections/'));
    expect(others.map((link) => link.getAttribute('hreflang')).sort()).toEqual(
      localeCodes.filter((code) => code !== lang).sort(),
    );
  });
}

test('every corrected document says when it was corrected, and links to its language’s corrections', () => {
  const corrected = new Set(
    corrections.flatMap((correction) =>
      'document' in correction.in ? [`${correction.lang} ${correction.in.document}`] : [],
    ),
  );
  expect(corrected.size).toBeGreaterThan(0);
  for (const key of corrected) {
    const [lang = 'en', slug = ''] = key.split(' ') as [Locale, string];
    for (const pagePath of [paths.document(lang, slug), paths.sideBySide(lang, slug)]) {
      const link = builtPage(pagePath).querySelector('.provenance a[href$="corrections/"]');
      expect(link, pagePath).not.toBeNull();
      expect(sitePathOf(link?.getAttribute('href') ?? '', pagePath)).toBe(paths.corrections(lang));
      const days = corrections
        .filter(
          (correction) => correction.lang === lang && 'document' in correction.in && correction.in.document === slug,
        )
        .map((correction) => formatDay(correction.date, lang));
      for (const day of days) expect(link?.text, pagePath).toContain(day);
    }
  }
});

test('no form of a name found wrong is left in any page, single file, side-by-side page or book, but in the corrections page’s quotations', async () => {
  const wrongFormProblems = (lang: Locale, text: string) =>
    orthographyFindings(text, lang).filter(({ problem }) => problem.startsWith('is a form of a name found wrong'));
  const pages = await readPages('dist');
  const found: string[] = [];
  for (const [file, document] of pages) {
    for (const { lang, text } of textRuns(document)) {
      for (const finding of wrongFormProblems(lang, text)) found.push(`${file}: ${finding.text}`);
    }
  }
  for (const lang of localeCodes) {
    const book = unzipSync(new Uint8Array(readFileSync(path.join('dist', paths.book(lang)))));
    for (const [entry, bytes] of Object.entries(book)) {
      if (!entry.endsWith('.xhtml')) continue;
      for (const run of textRuns(parse(strFromU8(bytes)))) {
        for (const finding of wrongFormProblems(run.lang, run.text))
          found.push(`${paths.book(lang)} ${entry}: ${finding.text}`);
      }
    }
  }
  expect(found).toEqual([]);
  // Where the corrections page does quote an old form, the search finds it: it could have failed.
  const quoted = builtPage(paths.corrections('be'))
    .querySelectorAll('del')
    .flatMap((del) => wrongFormProblems('be', del.text));
  expect(quoted.map(({ text }) => text)).toContain('Яматына');
  expect(wrongForms.be.length).toBeGreaterThan(0);
});
