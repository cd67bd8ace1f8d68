/**
 * The content check's rules from src/lib/content-safety.ts: content is data,
 * so nothing in it runs, in the build or in a reader's browser; nothing outside
 * the content folder reaches the build; and the text holds no character or
 * nesting that would break pages, feeds and books.
 */
import { rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../../pipeline/content-checks/content-check';
import { maxNesting } from '../../../src/lib/content-safety';
import { leaksOf, plantBuildMachineFiles } from '../../support/build-machine';
import { bodyFile, bodyLine, check, checkBody, projectWith, validDocument, validFixture, validPage } from './fixture';

const noImages = (target: string) =>
  `an image "${target}" — content holds no images (the build would read the file it names, wherever it is): describe the picture in words, as the documents describe their signature images`;

describe('content check: content is data', () => {
  it.each([
    [
      'refuses an import, which would run while the release is built',
      'import { readFileSync } from "node:fs";\n\nA paragraph.\n',
      bodyLine,
      'JavaScript "import { readFileSync } from "node:fs";" — content cannot run code: remove it (the components a file may use need no import)',
    ],
    [
      'refuses an export',
      'A paragraph.\n\nexport const key = 1;\n',
      bodyLine + 2,
      expect.stringMatching(/^JavaScript "export const key = 1;" — /),
    ],
    [
      'refuses an expression, which would put its result into the page',
      'A paragraph.\n\n{readFileSync(process.env.MINISIGN_SECRET_KEY, "utf8")}\n',
      bodyLine + 2,
      'an expression "{readFileSync(process.env.MINISIGN_SECRET_KEY, "utf8")}" — content cannot run code: write the text itself, and "\\{" for a brace',
    ],
    [
      'refuses an expression inside a sentence',
      'Two and two make {2 + 2}.\n',
      bodyLine,
      expect.stringMatching(/^an expression "\{2 \+ 2\}" — /),
    ],
    [
      'says what Markdown writes instead of a familiar element',
      'A <a href="https://example.org/">link</a>.\n',
      bodyLine,
      'an HTML element <a> — write a Markdown link, [text](https://…) or [text](../page/)',
    ],
    [
      'refuses an event handler, even on an allowed element',
      'The 1<sup onclick="alert(1)">st</sup>.\n',
      bodyLine,
      'an event handler "onclick" on <sup> — content cannot run code: remove it',
    ],
    [
      'refuses an event handler on a component',
      '<SignatureBlock onmouseover="alert(1)">\nA. Name\n</SignatureBlock>\n',
      bodyLine,
      'an event handler "onmouseover" on <SignatureBlock> — content cannot run code: remove it',
    ],
    [
      'refuses a style attribute',
      'H<sub style="color: red">2</sub>O\n',
      bodyLine,
      "a style attribute on <sub> — the site's stylesheet styles every page: remove it",
    ],
    [
      'refuses a component the collection does not provide',
      '<MirrorList />\n',
      bodyLine,
      'a component <MirrorList>, which this file may not use — use Markdown and only <SignatureBlock>',
    ],
    [
      'refuses an empty element',
      '<>A paragraph.</>\n',
      bodyLine,
      'an empty element "<>" — remove it and its closing "</>"',
    ],
    [
      'refuses a javascript: link written with a character reference',
      '[Read](&#106;avascript:alert(1))\n',
      bodyLine,
      expect.stringMatching(/^a link to "javascript:alert\(1\)" — /),
    ],
    [
      'refuses a link definition to javascript:',
      '[Read][x]\n\n[x]: javascript:alert(1)\n',
      bodyLine + 2,
      expect.stringMatching(/^a link to "javascript:alert\(1\)" — /),
    ],
    [
      'refuses an address without its scheme, which leaves the site',
      '[Read](//evil.example/page)\n',
      bodyLine,
      'a link to "//evil.example/page", an address without its scheme — write the full address, https://evil.example/page',
    ],
    [
      'refuses an image whose definition is elsewhere in the file',
      '![A picture][pixel]\n\n[pixel]: https://tracker.example/pixel.png\n',
      bodyLine,
      noImages('https://tracker.example/pixel.png'),
    ],
    [
      'names the line of a file that is not valid MDX',
      'A paragraph.\n\nA <3 B.\n',
      bodyLine + 2,
      expect.stringMatching(/^is not valid MDX: Unexpected character/),
    ],
  ])('%s', async (_, body, line, problem) => {
    expect(await checkBody(body)).toEqual([{ file: bodyFile, line, problem }]);
  });

  it.each([
    ['script', '<script>alert(document.domain)</script>'],
    ['iframe', '<iframe src="https://example.org/"></iframe>'],
    ['style', '<style>{"body { display: none }"}</style>'],
    ['object', '<object data="x.swf"></object>'],
  ])('refuses a <%s> element', async (name, html) => {
    const problems = await checkBody(`A paragraph.\n\n${html}\n`);
    expect(problems[0]).toEqual({
      file: bodyFile,
      line: bodyLine + 2,
      problem: `an HTML element <${name}> — content is text, not code, embeds or styles: remove it and write Markdown (the elements allowed are <SignatureBlock>, <br>, <sub>, <sup>)`,
    });
  });

  it('refuses any other attribute and expressions in attributes', async () => {
    expect(
      await checkBody('<sup title="x">1</sup> <sup title={process.env.HOME}>2</sup> <sub {...props}>3</sub>\n'),
    ).toEqual([
      { file: bodyFile, line: bodyLine, problem: 'an attribute "title" on <sup>, which takes none — remove it' },
      {
        file: bodyFile,
        line: bodyLine,
        problem: 'an expression "process.env.HOME" in <sup> — content cannot run code: remove it',
      },
      {
        file: bodyFile,
        line: bodyLine,
        problem: 'an expression "...props" in <sub> — content cannot run code: remove it',
      },
    ]);
  });

  it.each([
    'javascript:alert(document.domain)',
    'JavaScript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
  ])('refuses a link to %s', async (target) => {
    expect(await checkBody(`[Read](<${target}>)\n`)).toEqual([
      {
        file: bodyFile,
        line: bodyLine,
        problem: `a link to "${target}" — a link may lead only to an https:, http: or mailto: address or to a page of the site: write the page's full https:// address, or its path relative to this page`,
      },
    ]);
  });

  it.each(['https://tracker.example/pixel.png', 'data:image/svg+xml;base64,PHN2Zy8+', 'javascript:alert(1)'])(
    'refuses an image from %s',
    async (target) => {
      expect(await checkBody(`![A picture](<${target}>)\n`)).toEqual([
        { file: bodyFile, line: bodyLine, problem: noImages(target) },
      ]);
    },
  );

  it('refuses code in the site’s own pages too', async () => {
    const page = validPage('import fs from "node:fs";\n\n<MirrorList />\n\n<script>alert(1)</script>\n');
    expect(await check({ ...validFixture, 'pages/be/mirrors.mdx': page })).toEqual([
      { file: 'src/content/pages/be/mirrors.mdx', line: 6, problem: expect.stringMatching(/^JavaScript "import fs/) },
      {
        file: 'src/content/pages/be/mirrors.mdx',
        line: 10,
        problem: expect.stringMatching(/^an HTML element <script>/),
      },
    ]);
  });

  it('names the file and line of every problem in its message', async () => {
    const problems = await checkBody('Text.\n\n{1}\n');
    expect(formatProblems(problems)).toBe(
      `  ${bodyFile}:${bodyLine + 2}: an expression "{1}" — content cannot run code: write the text itself, and "\\{" for a brace`,
    );
  });
});

describe('content check: nothing outside the content reaches the build', () => {
  it('refuses every image path out of the content, naming each line, and quotes nothing of the files', async () => {
    const { folder, secret, targets } = await plantBuildMachineFiles();
    await rm(folder, { recursive: true });
    const all = [...targets, 'picture.png'];
    const problems = await checkBody(`${all.map((target) => `![x](${target})`).join('\n\n')}\n`);
    expect(problems).toEqual(
      all.map((_target, index) => ({
        file: bodyFile,
        line: bodyLine + 2 * index,
        problem: expect.stringMatching(/^an image ".*" — content holds no images \(the build would read the file/),
      })),
    );
    const message = formatProblems(problems);
    for (const leak of leaksOf(secret)) expect(message).not.toContain(leak);
  });

  // Refused as every image is; kept so that a rule that one day lets images in from the content folder must
  // still refuse one whose file leads out of it.
  it('refuses an image through a symbolic link that leads out of the content', async () => {
    const { folder, secret } = await plantBuildMachineFiles();
    const { root, contentDir } = await projectWith({
      ...validFixture,
      'documents/en/b-letter.mdx': validDocument(false, '![A seal](seal.png)\n'),
    });
    await symlink(path.join(folder, 'release.key'), path.join(contentDir, 'documents/en/seal.png'));
    const problems = await checkContent(contentDir, { projectRoot: root });
    await rm(folder, { recursive: true });
    expect(problems).toContainEqual({ file: bodyFile, line: bodyLine, problem: noImages('seal.png') });
    for (const leak of leaksOf(secret)) expect(formatProblems(problems)).not.toContain(leak);
  });
});

describe('content check: text that would break pages, feeds and books', () => {
  it('refuses control characters in the text, naming each line, but not tabs or Windows line ends', async () => {
    expect(await checkBody('A\tparagraph.\r\n\r\nA nul\u0000 and a bell\u0007.\n\nA \u000b vertical tab.\n')).toEqual([
      {
        file: bodyFile,
        line: bodyLine + 2,
        problem:
          'a control character U+0000 — it breaks feeds, e-books and pages: delete it (an editor can show it with "show invisible characters")',
      },
      { file: bodyFile, line: bodyLine + 4, problem: expect.stringMatching(/^a control character U\+000B — /) },
    ]);
  });

  it('refuses control characters in front matter, written as escapes in quotes', async () => {
    const document = validDocument(false).replace('title: A letter', 'title: "A letter \\u0001\\u000b\\u0000 end"');
    expect(await check({ ...validFixture, 'documents/en/b-letter.mdx': document })).toEqual([
      {
        file: bodyFile,
        problem:
          'front matter "title" must hold no control, invisible or non-character (such as U+0000, U+200B or U+FFFF, or "\\u0001" in quotes): feeds and e-books cannot carry them, and search would not find the words',
      },
    ]);
  });

  it('refuses invisible characters that hide a name from search and the checks, and non-characters', async () => {
    const body =
      'Комлік-Яма\u00adтын.\n\nKoles\u200bnikova.\n\nA \u202eversed line.\n\nA title\uffff.\n\nA\ufeffword.\n';
    expect(await checkBody(body)).toEqual([
      {
        file: bodyFile,
        line: bodyLine,
        problem:
          'an invisible character U+00AD — it hides words from search and the spelling checks, or changes the order text shows in: delete it (an editor can show it with "show invisible characters")',
      },
      { file: bodyFile, line: bodyLine + 2, problem: expect.stringMatching(/^an invisible character U\+200B — /) },
      { file: bodyFile, line: bodyLine + 4, problem: expect.stringMatching(/^an invisible character U\+202E — /) },
      {
        file: bodyFile,
        line: bodyLine + 6,
        problem: expect.stringMatching(/^a non-character U\+FFFF — it breaks feeds, e-books and pages/),
      },
      { file: bodyFile, line: bodyLine + 8, problem: expect.stringMatching(/^an invisible character U\+FEFF — /) },
    ]);
    const title = validDocument(false).replace('title: A letter', 'title: "A letter\\uFFFE"');
    expect(await check({ ...validFixture, 'documents/en/b-letter.mdx': title })).toEqual([
      { file: bodyFile, problem: expect.stringMatching(/^front matter "title" must hold no control, invisible/) },
    ]);
  });

  it('accepts a byte order mark that starts a file, as some editors write one', async () => {
    expect(await check({ ...validFixture, 'documents/en/b-letter.mdx': `\ufeff${validDocument(false)}` })).toEqual([]);
  });

  it.each([
    [
      'refuses struck-through text: earlier words of a text go on the corrections page',
      'Андрэя ~~Комліка-Яматына~~ Комліка-Ямаціна.\n',
      bodyLine,
      'struck-through text (~~…~~) — words a text no longer says go on the corrections page (src/data/corrections.ts): delete them here',
    ],
    [
      'names a file nested too deeply to build, and its line, before any rule walks it',
      `A paragraph.\n\n${'>'.repeat(10_000)} deep\n`,
      bodyLine + 2,
      `text nested more than ${maxNesting} levels deep (quotations, lists or emphasis inside each other) — no document needs that: flatten it`,
    ],
  ])('%s', async (_, body, line, problem) => {
    expect(await checkBody(body)).toEqual([{ file: bodyFile, line, problem }]);
  });

  it('refuses a known address of the original written with characters no address has', async () => {
    const url = 'https://www.industriall-union.org/a"><script>alert(1)</script>?x=`{}<>';
    const withUrl = (translated: boolean) =>
      validDocument(translated).replace('  form: signed-letter\n', `  form: signed-letter\n  url: '${url}'\n`);
    const problems = await check({
      ...validFixture,
      'documents/en/b-letter.mdx': withUrl(false),
      'documents/be/b-letter.mdx': withUrl(true),
      'documents/ru/b-letter.mdx': withUrl(true),
    });
    expect(problems).toHaveLength(3);
    expect(problems[0]?.problem).toMatch(
      /^front matter "provenance.url" must be written in the characters of a web address only/,
    );
  });

  it('names a file that is not UTF-8, and its line', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(validDocument(false, 'Пункт один.\n\n')),
      Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0x0a, 0xed, 0xa0, 0x80, 0x0a]),
    ]);
    const { root, contentDir } = await projectWith({ ...validFixture, 'documents/en/b-letter.mdx': latin1 });
    expect(await checkContent(contentDir, { projectRoot: root })).toEqual([
      { file: bodyFile, line: bodyLine + 2, problem: 'is not UTF-8 text — save the file as UTF-8 in your editor' },
    ]);
  });

  it('accepts nesting that real text has', async () => {
    expect(await checkBody('> - A **quoted _list_ item**\n>   > with a quote\n')).toEqual([]);
  });
});

describe('content check: headings keep the ids citations and the layout use', () => {
  it.each([
    [
      '## p-2',
      'a heading whose id would be "p-2", a paragraph\'s: links citing ¶ 2 would land on it — reword the heading',
    ],
    [
      '## P 12',
      'a heading whose id would be "p-12", a paragraph\'s: links citing ¶ 12 would land on it — reword the heading',
    ],
    [
      '### Provenance',
      'a heading whose id would be "provenance", which the page\'s layout gives another element — reword the heading',
    ],
    [
      '## Content',
      'a heading whose id would be "content", which the page\'s layout gives another element — reword the heading',
    ],
  ])('refuses %s', async (heading, problem) => {
    expect(await checkBody(`${heading}\n\nA paragraph.\n`)).toEqual([{ file: bodyFile, line: bodyLine, problem }]);
  });

  it('accepts headings that only start like those ids', async () => {
    expect(await checkBody('## P-3 form\n\n## Provenance of the text\n\nA paragraph.\n')).toEqual([]);
  });
});
