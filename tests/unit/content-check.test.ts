import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check';

/** A small, valid set of documents; each test breaks it in one way. */
function validDocument(translated: boolean, body = 'A paragraph.\n') {
  return `---
title: A letter
description: A letter that says one thing in one sentence of enough length.
kind: letter
author: A union
date: "2021-03-01"
originalLanguage: en
${translated ? 'translated: true\n' : ''}provenance:
  publisher: A union
  form: signed-letter
  artefactsRemoved: [letterhead]
${translated ? '  translationReviewed: "2026-11-30"\n' : ''}---

${body}`;
}

const validFixture: Record<string, string> = {
  'en/a-letter.mdx': validDocument(false, 'See [the other](../b-letter/) and [home](../).\n'),
  'be/a-letter.mdx': validDocument(true, 'See [the other](../b-letter/).\n'),
  'ru/a-letter.mdx': validDocument(true),
  'en/b-letter.mdx': validDocument(false),
  'be/b-letter.mdx': validDocument(true),
  'ru/b-letter.mdx': validDocument(true),
};

async function check(files: Record<string, string | undefined>) {
  const root = await mkdtemp(path.join(tmpdir(), 'content-check-'));
  const documentsDir = path.join(root, 'src/content/documents');
  for (const [name, text] of Object.entries(files)) {
    if (text === undefined) continue;
    await mkdir(path.dirname(path.join(documentsDir, name)), { recursive: true });
    await writeFile(path.join(documentsDir, name), text);
  }
  return checkContent(documentsDir, root);
}

describe('content check', () => {
  it('finds no problem in a complete, consistent set', async () => {
    expect(await check(validFixture)).toEqual([]);
  });

  it('finds no problem in the site’s own documents', async () => {
    expect(await checkContent(path.resolve('src/content/documents'))).toEqual([]);
  });

  it('names a document missing in one language', async () => {
    expect(await check({ ...validFixture, 'ru/b-letter.mdx': undefined })).toEqual([
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        problem: 'is missing: "b-letter" exists in be, en but not in ru',
      },
    ]);
  });

  it('names a folder that is not a language of the site', async () => {
    expect(await check({ ...validFixture, 'uk/a-letter.mdx': validDocument(true) })).toEqual([
      {
        file: 'src/content/documents/uk',
        problem: 'is not a language of the site: "uk" (languages: be, ru, en; add a language in src/i18n/locales.ts)',
      },
    ]);
  });

  it('names a missing field', async () => {
    const withoutAuthor = validDocument(true).replace('author: A union\n', '');
    expect(await check({ ...validFixture, 'be/b-letter.mdx': withoutAuthor })).toEqual([
      { file: 'src/content/documents/be/b-letter.mdx', problem: expect.stringMatching(/^front matter "author" /) },
    ]);
  });

  it('names a malformed date', async () => {
    const badDate = validDocument(true).replace('"2021-03-01"', '"1 March 2021"');
    expect(await check({ ...validFixture, 'ru/a-letter.mdx': badDate })).toEqual([
      { file: 'src/content/documents/ru/a-letter.mdx', problem: expect.stringMatching(/^front matter "date" must be/) },
    ]);
  });

  it('names an unknown field', async () => {
    const extra = validDocument(false).replace('kind: letter', 'kind: letter\nauthour: Someone');
    expect(await check({ ...validFixture, 'en/b-letter.mdx': extra })).toEqual([
      { file: 'src/content/documents/en/b-letter.mdx', problem: 'has unknown front matter field "authour"' },
    ]);
  });

  it('names a translation that does not say it is one', async () => {
    const unmarked = validDocument(true).replace('translated: true\n', '');
    expect(await check({ ...validFixture, 'be/b-letter.mdx': unmarked })).toEqual([
      {
        file: 'src/content/documents/be/b-letter.mdx',
        problem: 'is a translation from "en" and must say "translated: true"',
      },
    ]);
  });

  it('names a translation that does not say when it was reviewed, and an original that says it', async () => {
    const unreviewed = validDocument(true).replace('  translationReviewed: "2026-11-30"\n', '');
    const reviewedOriginal = validDocument(false).replace(
      '  artefactsRemoved: [letterhead]\n',
      '  artefactsRemoved: [letterhead]\n  translationReviewed: "2026-11-30"\n',
    );
    expect(
      await check({ ...validFixture, 'ru/a-letter.mdx': unreviewed, 'en/b-letter.mdx': reviewedOriginal }),
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
        'en/b-letter.mdx': without,
        'be/b-letter.mdx': badForm,
        'ru/b-letter.mdx': misspelt,
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
        'ru/a-letter.mdx': otherForm,
        'ru/b-letter.mdx': otherArtefacts,
        'be/b-letter.mdx': withAddress,
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

  it('names a duplicate slug', async () => {
    expect(await check({ ...validFixture, 'en/a-letter.md': validDocument(false) })).toEqual([
      {
        file: expect.stringMatching(/^src\/content\/documents\/en\/a-letter\.mdx?$/),
        problem: expect.stringMatching(/^has the same slug "a-letter" as src\/content\/documents\/en\/a-letter\.mdx?$/),
      },
    ]);
  });

  it('names a file name that is not an ASCII slug', async () => {
    const files = { ...validFixture, 'en/Пісьмо.mdx': validDocument(false) };
    expect(await check(files)).toEqual([
      {
        file: 'src/content/documents/en/Пісьмо.mdx',
        problem: expect.stringContaining('is not a valid slug: "Пісьмо"'),
      },
    ]);
  });

  it('names a link to a page that does not exist', async () => {
    const broken = validDocument(false, 'See [nothing](../no-such-letter/).\n');
    expect(await check({ ...validFixture, 'en/b-letter.mdx': broken })).toEqual([
      {
        file: 'src/content/documents/en/b-letter.mdx',
        problem: 'links to "../no-such-letter/", which is /en/no-such-letter/ — no page of the site has that address',
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
        'en/b-letter.mdx': undated(false),
        'be/b-letter.mdx': undated(true),
        'ru/b-letter.mdx': withoutBasis,
      }),
    ).toEqual([
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        problem:
          'front matter "date" must be "YYYY-MM-DD", or, where the text gives no date, "after:" with "YYYY-MM-DD" and "basis:" with one of: latest-date-mentioned, latest-event-mentioned',
      },
    ]);
  });

  it('names a document whose date differs between languages', async () => {
    const otherDate = validDocument(true).replace('2021-03-01', '2021-03-02');
    expect(await check({ ...validFixture, 'ru/b-letter.mdx': otherDate })).toEqual([
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        problem: 'has a different date from src/content/documents/be/b-letter.mdx',
      },
    ]);
  });

  it('names a file without front matter', async () => {
    expect(await check({ ...validFixture, 'ru/b-letter.mdx': 'Just text.\n' })).toEqual([
      {
        file: 'src/content/documents/ru/b-letter.mdx',
        problem: 'has no front matter: it must start with a line "---"',
      },
    ]);
  });
});
