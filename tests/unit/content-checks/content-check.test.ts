import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corrections } from '../../../src/data/corrections';
import { timeline } from '../../../src/data/timeline';
import { checkContent, formatProblems, timelineFile } from '../../../pipeline/content-checks/content-check';
import type { Correction } from '../../../src/lib/corrections';
import type { TimelineEvent } from '../../../src/lib/timeline';
import { localeCodes } from '../../../src/i18n/locales';
import { buildCache, producerOf } from '../../../pipeline/render/build-cache';
import { bodyFile, bodyLine, check, checkBody, projectWith, validDocument, validFixture, validPage } from './fixture';

describe('content check', () => {
  it('finds no problem in a complete, consistent set', async () => {
    expect(await check(validFixture)).toEqual([]);
  });

  it('finds no problem in the site’s own documents and pages, nor in the timeline and the corrections', async () => {
    expect(await checkContent(path.resolve('src/content'), { timeline, corrections })).toEqual([]);
  });

  it.each([
    [
      'names a document missing in one language',
      { 'documents/ru/b-letter.mdx': undefined },
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        problem: 'is missing: "b-letter" exists in be, en but not in ru',
      },
    ],
    [
      'names a page missing in one language',
      { 'pages/be/mirrors.mdx': undefined },
      {
        file: 'src/content/pages/be/mirrors.mdx',
        problem: 'is missing: "mirrors" exists in ru, en but not in be',
      },
    ],
    [
      'names a folder that is not a language of the site',
      { 'documents/uk/a-letter.mdx': validDocument(true) },
      {
        file: 'src/content/documents/uk',
        problem: `is not a language of the site: "uk" (languages: ${localeCodes.join(', ')}; add a language in src/i18n/locales.ts)`,
      },
    ],
    [
      'names a missing field',
      { 'documents/be/b-letter.mdx': validDocument(true).replace('author: A union\n', '') },
      { file: 'src/content/documents/be/b-letter.mdx', problem: expect.stringMatching(/^front matter "author" /) },
    ],
    [
      'names a malformed date',
      { 'documents/ru/a-letter.mdx': validDocument(true).replace('"2021-03-01"', '"1 March 2021"') },
      {
        file: 'src/content/documents/ru/a-letter.mdx',
        problem: expect.stringMatching(/^front matter "date" must be/),
      },
    ],
    [
      'reads the front matter as Astro does: a date without quotes is not text',
      { 'documents/ru/a-letter.mdx': validDocument(true).replace('"2021-03-01"', '2021-03-01') },
      {
        file: 'src/content/documents/ru/a-letter.mdx',
        problem:
          'front matter "date" must be "YYYY-MM-DD", or, where the text gives no date, "after:" with "YYYY-MM-DD" and "basis:" with one of: latest-date-mentioned, latest-event-mentioned',
      },
    ],
    [
      'names an unknown field',
      { 'documents/en/b-letter.mdx': validDocument(false).replace('kind: letter', 'kind: letter\nauthour: Someone') },
      { file: 'src/content/documents/en/b-letter.mdx', problem: 'has unknown front matter field "authour"' },
    ],
    [
      'names a page’s bad front matter',
      {
        'pages/ru/mirrors.mdx': validPage().replace(
          'title: Mirrors\n',
          'title: Mirrors\nlayout: ../../layouts/Evil.astro\n',
        ),
      },
      { file: 'src/content/pages/ru/mirrors.mdx', problem: 'has unknown front matter field "layout"' },
    ],
    [
      'names a translation that does not say it is one',
      { 'documents/be/b-letter.mdx': validDocument(true).replace('translated: true\n', '') },
      {
        file: 'src/content/documents/be/b-letter.mdx',
        problem: 'is a translation from "en" and must say "translated: true"',
      },
    ],
    [
      'names a .md file, whose raw HTML would not be checked',
      { 'documents/en/c-letter.md': validDocument(false) },
      {
        file: 'src/content/documents/en/c-letter.md',
        problem: 'is a .md file, whose raw HTML would pass unchecked — rename it to c-letter.mdx',
      },
    ],
    [
      'names a file name that is not an ASCII slug',
      { 'documents/en/Пісьмо.mdx': validDocument(false) },
      {
        file: 'src/content/documents/en/Пісьмо.mdx',
        problem: expect.stringContaining('is not a valid slug: "Пісьмо"'),
      },
    ],
    [
      'names a document whose date differs between languages',
      { 'documents/ru/b-letter.mdx': validDocument(true).replace('2021-03-01', '2021-03-02') },
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        problem: 'has a different date from src/content/documents/be/b-letter.mdx',
      },
    ],
    [
      'names a file without front matter',
      { 'documents/ru/b-letter.mdx': 'Just text.\n' },
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        problem: 'has no front matter: its first line must be "---"',
      },
    ],
    [
      'names front matter that is never closed',
      { 'documents/ru/b-letter.mdx': validDocument(true).replace('"2026-11-30"\n---', '"2026-11-30"\n--- ') },
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        problem: 'has front matter without an end: close it with a line that is only "---"',
      },
    ],
    [
      'names a broken link in a page of the site',
      { 'pages/en/mirrors.mdx': validPage('[Get it](../download/)\n') },
      {
        file: 'src/content/pages/en/mirrors.mdx',
        line: 6,
        problem: 'links to "../download/", which is /en/download/ — no page of the site has that address',
      },
    ],
    [
      'still finds the problems of a file that starts with a byte-order mark',
      { 'documents/ru/b-letter.mdx': `\uFEFF${validDocument(true, '<script>alert(1)</script>\n')}` },
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        line: bodyLine + 2,
        problem: expect.stringMatching(/^an HTML element <script> — /),
      },
    ],
  ])('%s', async (_, files, problem) => {
    expect(await check({ ...validFixture, ...files })).toEqual([problem]);
  });

  it('names a translation that does not say when it was reviewed, and an original that says it', async () => {
    const unreviewed = validDocument(true).replace('  translationReviewed: "2026-11-30"\n', '');
    const reviewedOriginal = validDocument(false).replace(
      '  artefactsRemoved: [letterhead]\n',
      '  artefactsRemoved: [letterhead]\n  translationReviewed: "2026-11-30"\n',
    );
    expect(
      await check({
        ...validFixture,
        'documents/ru/a-letter.mdx': unreviewed,
        'documents/en/b-letter.mdx': reviewedOriginal,
      }),
    ).toEqual([
      {
        file: 'src/content/documents/en/b-letter.mdx',
        problem:
          'is the original (en) and must not have "provenance.translationReviewed": only a translation is reviewed',
      },
      {
        file: 'src/content/documents/ru/a-letter.mdx',
        problem:
          'is a translation and must say when fluent editors reviewed it: "provenance.translationReviewed" with "YYYY-MM-DD"',
      },
    ]);
  });

  it('names a document without provenance, and a provenance field that is wrong, by its full name', async () => {
    const without = validDocument(false).replace(/provenance:\n(?: {2}.*\n)+/, '');
    const badForm = validDocument(true).replace('form: signed-letter', 'form: fax');
    const misspelt = validDocument(true).replace(
      'form: signed-letter',
      'form: signed-letter\n  adress: https://example.org/',
    );
    expect(
      await check({
        ...validFixture,
        'documents/en/b-letter.mdx': without,
        'documents/be/b-letter.mdx': badForm,
        'documents/ru/b-letter.mdx': misspelt,
      }),
    ).toEqual([
      {
        file: 'src/content/documents/be/b-letter.mdx',
        problem:
          'front matter "provenance.form" must be one of: web-article, signed-letter, online-petition, congress-resolution',
      },
      {
        file: 'src/content/documents/en/b-letter.mdx',
        problem: expect.stringMatching(
          /^front matter "provenance" is required: where and how the original was published/,
        ),
      },
      { file: 'src/content/documents/ru/b-letter.mdx', problem: 'has unknown front matter field "provenance.adress"' },
    ]);
  });

  it('names a translation whose original is described differently from the original’s own page', async () => {
    const otherForm = validDocument(true).replace('form: signed-letter', 'form: web-article');
    const otherArtefacts = validDocument(true).replace('[letterhead]', '[letterhead, page-footer]');
    const withAddress = validDocument(true).replace(
      'form: signed-letter',
      'form: signed-letter\n  url: https://example.org/letter',
    );
    expect(
      await check({
        ...validFixture,
        'documents/ru/a-letter.mdx': otherForm,
        'documents/ru/b-letter.mdx': otherArtefacts,
        'documents/be/b-letter.mdx': withAddress,
      }),
    ).toEqual([
      {
        file: 'src/content/documents/ru/a-letter.mdx',
        problem:
          'has a different "provenance.form" from src/content/documents/be/a-letter.mdx: it describes the same original',
      },
      {
        file: 'src/content/documents/en/b-letter.mdx',
        problem:
          'has a different "provenance.url" from src/content/documents/be/b-letter.mdx: it describes the same original',
      },
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        problem:
          'has a different "provenance.url" from src/content/documents/be/b-letter.mdx: it describes the same original',
      },
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        problem:
          'has a different "provenance.artefactsRemoved" from src/content/documents/be/b-letter.mdx: it describes the same original',
      },
    ]);
  });

  it('reads the public reports of an original, and names a translation that lists them differently', async () => {
    const report = (date: string) =>
      `form: signed-letter\n  reports:\n    - publisher: A union\n      title: A union writes to the ILO\n      date: '${date}'\n      url: https://example.org/news\n      lang: en`;
    const reported = (translated: boolean, date = '2021-03-02') =>
      validDocument(translated).replace('form: signed-letter', report(date));
    expect(
      await check({
        ...validFixture,
        'documents/en/b-letter.mdx': reported(false),
        'documents/be/b-letter.mdx': reported(true),
        'documents/ru/b-letter.mdx': reported(true),
      }),
    ).toEqual([]);
    expect(
      await check({
        ...validFixture,
        'documents/en/b-letter.mdx': reported(false),
        'documents/be/b-letter.mdx': reported(true),
        'documents/ru/b-letter.mdx': reported(true, '2021-03-03'),
      }),
    ).toEqual([
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        problem:
          'has a different "provenance.reports" from src/content/documents/be/b-letter.mdx: it describes the same original',
      },
    ]);
  });

  it.each([
    [
      'names a link to a page that does not exist, with its line',
      'See [nothing](../no-such-letter/).\n',
      bodyLine,
      'links to "../no-such-letter/", which is /en/no-such-letter/ — no page of the site has that address',
    ],
    [
      'names a link to the site’s own address that leads to no page',
      '\nSee [it](https://belarus-unions.example/en/no-such-letter/).\n',
      bodyLine + 1,
      'links to "https://belarus-unions.example/en/no-such-letter/", which is /en/no-such-letter/ — no page of the site has that address',
    ],
    [
      'names a paragraph link that is no number, in a document too',
      'See [the start](../a-letter/#p-first).\n',
      bodyLine,
      'links to "../a-letter/#p-first", whose "#p-first" names no paragraph: write #p-1, #p-2… (each paragraph’s number is the ¶ beside it on the document’s page)',
    ],
  ])('%s', async (_, body, line, problem) => {
    expect(await checkBody(body)).toEqual([{ file: bodyFile, line, problem }]);
  });

  it('names a link to a paragraph the document does not have, with what to do', async () => {
    const page = validPage('See [¶ 5](../a-letter/#p-5), [¶ 2](https://belarus-unions.example/en/b-letter/#p-2).\n');
    expect(await check({ ...validFixture, 'pages/en/mirrors.mdx': page })).toEqual([
      {
        file: 'src/content/pages/en/mirrors.mdx',
        line: 6,
        problem:
          'links to "../a-letter/#p-5", paragraph 5 of /en/a-letter/, which has paragraphs 1 to 4: link to the paragraph that says it (each paragraph’s number is the ¶ beside it on the document’s page)',
      },
      {
        file: 'src/content/pages/en/mirrors.mdx',
        line: 6,
        problem:
          'links to "https://belarus-unions.example/en/b-letter/#p-2", paragraph 2 of /en/b-letter/, which has paragraphs 1 to 1: link to the paragraph that says it (each paragraph’s number is the ¶ beside it on the document’s page)',
      },
    ]);
  });

  it('counts paragraphs in the language linked to, and leaves other fragments to the built site’s check', async () => {
    // The Belarusian a-letter has one paragraph; the English one has four.
    const page = validPage('[¶ 2](../a-letter/#p-2) and [the part](../a-letter/#part)\n');
    expect(await check({ ...validFixture, 'pages/en/mirrors.mdx': page, 'pages/be/mirrors.mdx': page })).toEqual([
      {
        file: 'src/content/pages/be/mirrors.mdx',
        line: 6,
        problem: expect.stringContaining('paragraph 2 of /be/a-letter/, which has paragraphs 1 to 1:'),
      },
    ]);
  });

  it('names a timeline event that cites a paragraph or document that does not exist', async () => {
    const event = (sources: TimelineEvent['sources']): TimelineEvent => ({
      date: { on: '2021-03-01' },
      text: { be: 'Падзея.', ru: 'Событие.', en: 'An event.' },
      sources,
    });
    expect(
      await check(validFixture, [event({ 'a-letter': [1] }), event({ 'b-letter': [2], 'c-letter': [1] })]),
    ).toEqual([
      {
        file: timelineFile,
        problem:
          'event 2 (2021-03-01): names paragraph 2 of "b-letter", which has paragraphs 1 to 1: name the paragraph that reports the event (each paragraph’s number is the ¶ beside it on the document’s page)',
      },
      {
        file: timelineFile,
        problem:
          'event 2 (2021-03-01): names "c-letter", which is no document: name a document by its file name, without ".mdx"',
      },
    ]);
  });

  it('names an undated document that does not say why it has the date it has', async () => {
    const undated = (translated: boolean) =>
      validDocument(translated).replace(
        'date: "2021-03-01"',
        'date:\n  after: "2020-11-12"\n  basis: latest-date-mentioned',
      );
    const withoutBasis = undated(true).replace('\n  basis: latest-date-mentioned', '');
    expect(
      await check({
        ...validFixture,
        'documents/en/b-letter.mdx': undated(false),
        'documents/be/b-letter.mdx': undated(true),
        'documents/ru/b-letter.mdx': withoutBasis,
      }),
    ).toEqual([
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        problem:
          'front matter "date" must be "YYYY-MM-DD", or, where the text gives no date, "after:" with "YYYY-MM-DD" and "basis:" with one of: latest-date-mentioned, latest-event-mentioned',
      },
    ]);
  });

  it('reads a file that starts with a byte-order mark as Astro does', async () => {
    expect(await check({ ...validFixture, 'documents/ru/b-letter.mdx': `\uFEFF${validDocument(true)}` })).toEqual([]);
  });
});

describe('content check: the corrections page’s data', () => {
  const body = 'The first paragraph.\n\nThe union’s lawyer, Alexander Kapshul, was detained.\n';
  const withBody = { ...validFixture, 'documents/en/b-letter.mdx': validDocument(false, body) };
  const correction = (change: Partial<Correction> = {}): Correction => ({
    date: '2026-12-07',
    lang: 'en',
    in: { document: 'b-letter', paragraph: 2 },
    was: 'lawyer, Alexander Kapshula',
    now: 'lawyer, Alexander Kapshul',
    why: 'The name.',
    ...change,
  });
  const checkCorrections = (list: Correction[], events?: readonly TimelineEvent[]) => check(withBody, events, list);

  it('accepts a correction that the paragraph bears out, and a text corrected twice as one chain', async () => {
    expect(await checkCorrections([correction()])).toEqual([]);
    const first = correction({
      date: '2026-11-30',
      was: 'lawyer, Aleksandr Kapshula',
      now: 'lawyer, Alexander Kapshula',
    });
    expect(await checkCorrections([first, correction()])).toEqual([]);
  });

  it('stops the build on a paragraph the document does not have, naming the correction', async () => {
    const problems = await checkCorrections([correction({ in: { document: 'b-letter', paragraph: 9 } })]);
    expect(problems).toEqual([
      {
        file: 'src/data/corrections.ts',
        problem:
          'the correction of 2026-12-07 to en b-letter ¶ 9 (was «lawyer, Alexander Kapshula»): b-letter has paragraphs 1 to 2 in en: name the ¶ the corrected words are in (the number beside it on the page)',
      },
    ]);
    expect(formatProblems(problems)).toMatch(
      /^ {2}src\/data\/corrections\.ts: the correction of 2026-12-07 to en b-letter ¶ 9/,
    );
  });

  it('stops the build when the latest “now” is not in its paragraph, or the “was” still is', async () => {
    expect(await checkCorrections([correction({ now: 'lawyer, Alexander Kapshul’' })])).toEqual([
      {
        file: 'src/data/corrections.ts',
        problem: expect.stringMatching(
          /^the correction of 2026-12-07 to en b-letter ¶ 2 \(was «lawyer, Alexander Kapshula»\): its "now" is not in the text/,
        ),
      },
    ]);
    expect(await checkCorrections([correction({ was: 'Kapshul', now: 'Alexander Kapshul' })])).toEqual([
      {
        file: 'src/data/corrections.ts',
        problem: expect.stringMatching(/\): its "was" is still in the text: quote enough of the old words/),
      },
    ]);
  });

  it('stops the build on a chain broken in the middle: the older “now” must be the next “was”', async () => {
    const first = correction({
      date: '2026-11-30',
      was: 'lawyer, Aleksandr Kapshula',
      now: 'lawyer, Aleksandr Kapshul',
    });
    expect(await checkCorrections([first, correction()])).toEqual([
      {
        file: 'src/data/corrections.ts',
        problem: expect.stringMatching(
          /^the correction of 2026-11-30 to en b-letter ¶ 2 .*: its "now" is not in the text/,
        ),
      },
    ]);
  });

  it('checks a timeline line by its event’s id, and names an id no event has', async () => {
    const event: TimelineEvent = {
      id: 'kapshul-detained',
      date: { on: '2021-03-01' },
      text: {
        en: 'Alexander Kapshul is detained.',
        be: 'Затрымліваюць Аляксандра Капшуля.',
        ru: 'Задерживают Александра Капшуля.',
      },
      sources: { 'b-letter': [1] },
    };
    const onTimeline = (id: string) =>
      correction({ in: { timelineEvent: id }, was: 'Alexander Kapshula is', now: 'Alexander Kapshul is' });
    expect(await checkCorrections([onTimeline('kapshul-detained')], [event])).toEqual([]);
    expect(await checkCorrections([onTimeline('no-such-event')], [event])).toEqual([
      {
        file: 'src/data/corrections.ts',
        problem:
          'the correction of 2026-12-07 to en the timeline\'s event "no-such-event" (was «Alexander Kapshula is»): no event of src/data/timeline.ts has the id "no-such-event": give the event that id',
      },
    ]);
  });
});

describe('the content check’s cache', () => {
  it('parses a file again only when its bytes change, and gives its problems as the parse found them', async () => {
    const { root, contentDir } = await projectWith(validFixture);
    const producer = producerOf(new URL('../../../pipeline/content-checks/content-files.ts', import.meta.url));
    const kept = buildCache('content-files', producer, path.join(root, 'cache'));
    const parsed: string[] = [];
    const cache = { ...kept, set: (key: string, bytes: Uint8Array) => (parsed.push(key), kept.set(key, bytes)) };
    const options = { projectRoot: root, siteUrl: new URL('https://belarus-unions.example/'), cache };
    expect(await checkContent(contentDir, options)).toEqual([]);
    expect(parsed).toHaveLength(Object.keys(validFixture).length);

    parsed.length = 0;
    expect(await checkContent(contentDir, options)).toEqual([]);
    expect(parsed).toEqual([]);

    const file = 'documents/ru/b-letter.mdx';
    await writeFile(path.join(contentDir, file), validDocument(true).replace('author: A union\n', ''));
    const broken = await checkContent(contentDir, options);
    expect(broken).toEqual([
      { file: `src/content/${file}`, problem: expect.stringMatching(/^front matter "author" /) },
    ]);
    expect(parsed).toHaveLength(1);
    expect(await checkContent(contentDir, options)).toEqual(broken);
    expect(parsed).toHaveLength(1);

    // The same bytes in another place are another file, with another slug and other links.
    parsed.length = 0;
    await writeFile(path.join(contentDir, 'documents/ru/c-letter.mdx'), validDocument(true));
    await checkContent(contentDir, options);
    expect(parsed).toHaveLength(1);
  });
});
