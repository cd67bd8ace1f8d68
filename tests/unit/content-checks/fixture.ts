/**
 * What the content check's tests share: a valid set of content files to break,
 * and a project folder of its own for each test to check them in.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { checkContent } from '../../../pipeline/content-checks/content-check';
import type { Correction } from '../../../src/lib/corrections';
import type { TimelineEvent } from '../../../src/lib/timeline';

/** A small, valid set of documents; each test breaks it in one way. */
export function validDocument(translated: boolean, body = 'A paragraph.\n') {
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

/** The body of an original `validDocument` starts on line 14 (a translation's, on line 16). */
export const bodyLine = 14;

export function validPage(
  body = '<MirrorList />\n\nSee the [downloads](../downloads/) and [a paragraph](../a-letter/#p-1).\n',
) {
  return `---
title: Mirrors
description: Copies of this site kept by volunteers, and how to check them.
---

${body}`;
}

export const validFixture: Record<string, string> = {
  'documents/en/a-letter.mdx': validDocument(
    false,
    [
      'See [the other](../b-letter/), [home](../), [a part](#part) and [the same](https://belarus-unions.example/en/b-letter/).',
      '',
      'Write to [the union](mailto:union@example.org) or read [the ILO](https://www.ilo.org/) and [an old page](http://example.org/).',
      '',
      'The 1<sup>st</sup> of March, H<sub>2</sub>O,<br />and a line break.',
      '',
      '<SignatureBlock>',
      'A. Name',
      '</SignatureBlock>',
      '',
    ].join('\n'),
  ),
  'documents/be/a-letter.mdx': validDocument(true, 'See [the other](../b-letter/).\n'),
  'documents/ru/a-letter.mdx': validDocument(true),
  'documents/en/b-letter.mdx': validDocument(false),
  'documents/be/b-letter.mdx': validDocument(true),
  'documents/ru/b-letter.mdx': validDocument(true),
  'pages/en/mirrors.mdx': validPage(),
  'pages/be/mirrors.mdx': validPage(),
  'pages/ru/mirrors.mdx': validPage(),
};

/** A project folder whose src/content/ holds `files` (a file left undefined is not written), removed when the test ends. */
export async function projectWith(
  files: Record<string, string | Buffer | undefined>,
): Promise<{ root: string; contentDir: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'content-check-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const contentDir = path.join(root, 'src/content');
  for (const [name, text] of Object.entries(files)) {
    if (text === undefined) continue;
    await mkdir(path.dirname(path.join(contentDir, name)), { recursive: true });
    await writeFile(path.join(contentDir, name), text);
  }
  return { root, contentDir };
}

/** The problems the content check finds in a project whose src/content/ holds `files`. */
export async function check(
  files: Record<string, string | undefined>,
  events?: readonly TimelineEvent[],
  corrections?: readonly Correction[],
) {
  const { root, contentDir } = await projectWith(files);
  return checkContent(contentDir, {
    projectRoot: root,
    siteUrl: new URL('https://belarus-unions.example/'),
    ...(events ? { timeline: events } : {}),
    ...(corrections ? { corrections } : {}),
  });
}

/** The problems found when one English document's body is `body`. */
export function checkBody(body: string) {
  return check({ ...validFixture, 'documents/en/b-letter.mdx': validDocument(false, body) });
}

/** The file `checkBody` writes, as the problems name it. */
export const bodyFile = 'src/content/documents/en/b-letter.mdx';
