import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import {
  languageCheckProducer,
  languageFindings,
  sourcesOf,
  textRuns,
} from '../../../pipeline/after-render/language-check.ts';
import { buildCache } from '../../../pipeline/render/build-cache.ts';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const pages = (html: Record<string, string>) =>
  new Map(Object.entries(html).map(([file, text]) => [file, parse(text)]));
const found = (html: string) =>
  languageFindings(pages({ 'be/page/index.html': html })).map(({ lang, text }) => `${lang}: ${text}`);

describe('the language checks on rendered pages', () => {
  it('read the text as rendered, where a link no longer splits two words', () => {
    expect(
      found('<html lang="be"><body><p>На <a href="x/">старонцы спампоўвання</a> увесь сайт.</p></body></html>'),
    ).toEqual(['be: спампоўвання увесь']);
  });

  it('keep each page’s findings between builds, by its HTML and the checks’ own code', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'language-check-'));
    folders.push(folder);
    const cache = buildCache('language-check', languageCheckProducer, folder);
    const check = (html: string) =>
      languageFindings(pages({ 'ru/x/index.html': html }), cache).map(({ page, text }) => `${page}: ${text}`);
    const page = '<html lang="ru"><body><p>Капшула и <code>Капшулу</code></p></body></html>';
    expect(check(page)).toEqual(['ru/x/index.html: Капшула', 'ru/x/index.html: Капшулу']);
    // A stand-in for what the last build kept shows that it is read, not made again, while the text is the same.
    const [kept = ''] = (await readdir(path.join(folder, 'language-check'), { recursive: true })).filter(
      (file) => file.length > 60,
    );
    await writeFile(
      path.join(folder, 'language-check', kept),
      JSON.stringify([{ lang: 'ru', text: 'kept', problem: 'x' }]),
    );
    expect(check(page)).toEqual(['ru/x/index.html: kept']);
    // A word changed in the text, or in code, is checked anew.
    expect(check(page.replace('Капшула и', 'Капшуля и'))).toEqual(['ru/x/index.html: Капшулу']);
    expect(check(page.replace('<code>Капшулу</code>', '<code>Капшулю</code>'))).toEqual(['ru/x/index.html: Капшула']);
    // So is every page when the rules change: the forms of names found wrong, the checks.
    expect(languageCheckProducer.modules.map((module) => path.basename(module.pathname))).toEqual(
      expect.arrayContaining(['language-check.ts', 'orthography.ts', 'wrong-forms.ts']),
    );
  });

  it('judge each text by the language of its element: the English column of a side-by-side page is English', () => {
    const sideBySide =
      '<html lang="be"><body><div class="pair"><p lang="en">Lukashenko u Minsk, Alexander Kapshula</p>' +
      '<p>Аляксандра Капшула</p></div><p lang="ru">Лукашенко</p></body></html>';
    expect(found(sideBySide)).toEqual(['be: Капшула']);
    expect(textRuns(parse(sideBySide)).map(({ lang }) => lang)).toEqual(['en', 'be', 'ru']);
  });

  it('leave out what the corrections page quotes a text used to say, and code, which stands as a foreign word', () => {
    expect(
      found(
        '<html lang="be"><body><p>Было: <del>Андрэя Комліка-Яматына</del>. Цяпер: <ins>Андрэя Комліка-Ямаціна</ins>.</p>' +
          '<p>Адкрыйце <code>index.html</code> у браўзеры.</p></body></html>',
      ),
    ).toEqual([]);
    expect(found('<html lang="be"><body><p>Андрэя Комліка-Яматына</p></body></html>')).toEqual(['be: Яматына']);
  });

  it('find a wrong form of a name in code too, where a translator could hide it', () => {
    expect(found('<html lang="be"><body><p>Гл. <code>Андрэя Комліка-Яматына</code>.</p></body></html>')).toEqual([
      'be: Яматына',
    ]);
    expect(found('<html lang="be"><body><pre lang="ru">Лукашенку</pre><pre>у лес і ў</pre></body></html>')).toEqual([
      'ru: Лукашенку',
    ]);
  });

  it('take a new block or line as a pause, and read text in no language of the site as none', () => {
    expect(
      found('<html lang="be"><body><ul><li>мама</li><li>у лес</li></ul><p>рака<br>у лесе</p></body></html>'),
    ).toEqual([]);
    expect(found('<html lang="de"><body><p>і у лес</p></body></html>')).toEqual([]);
  });

  it('name the source line to fix, where the markup split the words', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'language-sources-'));
    folders.push(root);
    for (const folder of [
      'src/content/documents/be',
      'src/content/pages/be',
      'src/i18n/strings',
      'src/data',
      'src/components',
      'src/pages',
    ]) {
      await mkdir(path.join(root, folder), { recursive: true });
    }
    await writeFile(path.join(root, 'src/i18n/strings/be.json'), '{}');
    await writeFile(
      path.join(root, 'src/content/pages/be/about.mdx'),
      '---\ntitle: x\n---\n\nНа [старонцы спампоўвання](../downloads/) увесь сайт.\n\nАдкрыйце `index.html` у браўзеры і ўвесь.\n',
    );
    const [split] = languageFindings(
      pages({ 'be/about/index.html': '<html lang="be"><p>На <a>старонцы спампоўвання</a> увесь сайт.</p></html>' }),
    );
    expect(split && (await sourcesOf(split, root))).toEqual(['src/content/pages/be/about.mdx:5']);
  });
});
