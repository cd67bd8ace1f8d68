import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'node-html-parser';
import { localeCodes } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { explainDocumentDate, formatDay } from '../../src/lib/dates';
import { identity } from '../../src/lib/identity';
import { reportErrorHref } from '../../src/lib/report-error';
import { paths } from '../../src/lib/routes';
import { absoluteUrl } from '../../src/lib/site-url';
import { isWrittenIn, shownDocument } from '../support/content';
import { builtFile, builtPage, slugs, translationsOf } from './site';

/** The originals' public addresses, and the public reports of those whose text was not published, that are known. */
const knownSources: Record<string, { original?: string; reports?: string[] }> = {
  'petition-to-the-ilo': {
    original:
      'https://www.change.org/p/the-international-labour-organization-declare-the-letter-to-ilo-from-belarus-null-and-introduce-sanctions-against-belarus',
  },
  'ilo-urges-belarus': {
    original: 'https://www.industriall-union.org/ilo-urges-belarus-to-stop-repression-and-respect-workers-rights',
  },
  'industriall-letter-to-the-ilo': {
    reports: ['https://www.industriall-union.org/industriall-calls-on-the-ilo-and-the-eu-to-intervene-in-belarus'],
  },
  'congress-resolution-on-belarus': {
    reports: [
      'https://bkdp.org/en/news/industriall-congress-condemns-violation-of-independent-trade-union-rights-in-belarus',
    ],
  },
};

test.describe('where each original comes from', () => {
  for (const slug of slugs) {
    for (const lang of localeCodes) {
      test(`${lang}/${slug} names the publisher and the form, links only a known address, and says how the text was prepared`, () => {
        const { data } = shownDocument(lang, slug);
        const strings = uiStrings[lang].provenance;
        const region = builtPage(paths.document(lang, slug))
          .querySelectorAll('section[aria-labelledby]')
          .find((section) => section.querySelector('h2')?.text.trim() === strings.heading);
        const text = (region?.text ?? '').replace(/\s+/g, ' ');
        expect(text).toContain(data.provenance.publisher);
        expect(text).toContain(strings.forms[data.provenance.form]);
        for (const artefact of data.provenance.artefactsRemoved) expect(text).toContain(strings.artefacts[artefact]);
        const { original, reports = [] } = knownSources[slug] ?? {};
        // Each address on the web under its own label; a link into the site (the corrections) is not one.
        const labelled = (label: string) => {
          const terms = region?.querySelectorAll('dl > *') ?? [];
          const start = terms.findIndex((element) => element.tagName === 'DT' && element.text === label);
          const after = start < 0 ? [] : terms.slice(start + 1);
          const end = after.findIndex((element) => element.tagName === 'DT');
          return (end < 0 ? after : after.slice(0, end)).flatMap((dd) =>
            dd
              .querySelectorAll('a[href^="https:"]')
              .map((link) => [link.getAttribute('href'), link.getAttribute('rel')]),
          );
        };
        expect(labelled(strings.url)).toEqual(original ? [[original, 'noopener noreferrer']] : []);
        expect(labelled(strings.reports)).toEqual(reports.map((report) => [report, 'noopener noreferrer']));
        expect(region?.querySelectorAll('dl a[href^="https:"]') ?? [], 'no invented address').toHaveLength(
          (original ? 1 : 0) + reports.length,
        );
        if (!original) expect(text).toContain(strings.noPublicCopy);
        const reviewed = data.provenance.translationReviewed;
        if (data.translated) {
          expect(reviewed).toBeDefined();
          const sentence = strings.translationReviewed.replace('{{date}}', formatDay(String(reviewed), lang));
          expect(text).toContain(sentence.replace(/\s+/g, ' '));
        } else {
          expect(text).not.toContain(strings.translation);
        }
      });
    }
  }

  test('an undated document says why it has its date, in every language', async ({ page }) => {
    await page.goto(paths.document('en', 'petition-to-the-ilo'));
    await expect(page.locator('.document-header')).toContainText(
      'Undated; written after 12 November 2020, the latest date it mentions',
    );
    for (const slug of ['petition-to-the-ilo', 'congress-resolution-on-belarus']) {
      for (const lang of localeCodes) {
        // Where a partial language has no translation, the original's header, in its language.
        const shown = shownDocument(lang, slug);
        expect(typeof shown.data.date, `${slug} is undated`).toBe('object');
        await page.goto(paths.document(lang, slug));
        await expect(page.locator('.document-header time')).toHaveText(
          explainDocumentDate(shown.data.date, shown.lang),
        );
      }
    }
  });

  const reportPages = [
    ...localeCodes.flatMap((lang) => slugs.map((slug) => ({ lang, path: paths.document(lang, slug) }))),
    ...translationsOf.map(({ lang, slug }) => ({ lang, path: paths.sideBySide(lang, slug) })),
  ];
  test(`every document and side-by-side page (${reportPages.length}) has a report-an-error link from the project’s identity`, () => {
    expect(identity.contactEmail ?? identity.repositoryUrl, 'the identity offers a way to write').toBeDefined();
    for (const { lang, path } of reportPages) {
      const link = builtPage(path)
        .querySelectorAll('a')
        .find((anchor) => anchor.text.trim() === uiStrings[lang].provenance.reportError);
      const expected = reportErrorHref(identity, {
        url: absoluteUrl(path),
        subject: uiStrings[lang].provenance.reportSubject,
      });
      expect(link?.getAttribute('href'), path).toBe(String(expected));
      expect(expected).toMatch(identity.contactEmail ? /^mailto:/ : /\/issues$/);
    }
  });
});

test('no document, side-by-side page, single file or book links to any e-mail address but the project’s own; the documents’ addresses are text', () => {
  const recipients = (html: string) =>
    parse(html)
      .querySelectorAll('a[href^="mailto:"]')
      .map((link) => decodeURIComponent((link.getAttribute('href') ?? '').slice('mailto:'.length).split('?')[0] ?? ''));
  const allowed = new Set(['', identity.contactEmail]);
  const pagePaths = [
    ...localeCodes.flatMap((lang) =>
      slugs.flatMap((slug) => [
        paths.document(lang, slug),
        ...(isWrittenIn(lang, slug) ? [paths.singleFile(lang, slug)] : []),
      ]),
    ),
    ...translationsOf.map(({ lang, slug }) => paths.sideBySide(lang, slug)),
  ];
  for (const pagePath of pagePaths) {
    const html = readFileSync(builtFile(pagePath), 'utf8');
    expect(
      recipients(html).filter((recipient) => !allowed.has(recipient)),
      pagePath,
    ).toEqual([]);
  }
  for (const lang of localeCodes) {
    const book = unzipSync(new Uint8Array(readFileSync(builtFile(paths.book(lang)))));
    for (const [entry, bytes] of Object.entries(book)) {
      if (!entry.endsWith('.xhtml')) continue;
      expect(
        recipients(strFromU8(bytes)).filter((recipient) => !allowed.has(recipient)),
        entry,
      ).toEqual([]);
    }
  }
  // The addresses are still there, to read: the embassy's in the ITUC letter, the ILO's in IndustriALL's.
  for (const lang of localeCodes) {
    expect(builtPage(paths.document(lang, 'ituc-letter-to-the-ambassador')).text).toContain('belgium@mfa.gov.by');
    expect(builtPage(paths.document(lang, 'industriall-letter-to-the-ilo')).text).toContain('ryder@ilo.org');
  }
});
