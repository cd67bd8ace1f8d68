import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeline } from '../../../src/data/timeline';
import { glossary } from '../../../src/data/glossary';
import { localeCodes, locales, type Locale } from '../../../src/i18n/locales';
import { keysOf, stringAt } from '../../../src/i18n/string-keys';
import { uiStrings } from '../../../src/i18n/ui';
import { formatFinding, orthographyFindings, withoutCode } from '../../../pipeline/content-checks/orthography';

const problems = (text: string, lang: 'be' | 'ru' | 'en') =>
  orthographyFindings(text, lang).map(({ text: found, line, column }) => `${line}:${column} ${found}`);

describe('orthography checker', () => {
  it('finds a Latin look-alike letter inside a Cyrillic word, in any language', () => {
    // «Кaпшуль» with a Latin a, «Бeларусь» with a Latin e.
    expect(problems('юрист Кaпшуль', 'ru')).toEqual(['1:7 Кaпшуль']);
    expect(problems('Рэспубліка\nБeларусь', 'be')).toEqual(['2:1 Бeларусь']);
    expect(problems('in Bеlarus', 'en')).toEqual(['1:4 Bеlarus']);
  });

  it('leaves alone Latin and Cyrillic words side by side or joined by a hyphen', () => {
    expect(problems('Глобальный союз IndustriALL, HTML-файл, Onion-сервис', 'ru')).toEqual([]);
  });

  it('finds ё in Russian, and only in Russian', () => {
    expect(problems('Он ведёт проект, а её нет.', 'ru')).toEqual(['1:4 ведёт', '1:20 её']);
    expect(orthographyFindings('Всё', 'ru')[0]?.problem).toMatch(/without ё/);
    expect(problems('Ён вядзе праект, усё.', 'be')).toEqual([]);
  });

  it('finds a letter of the other alphabet', () => {
    expect(problems('в Беларусі', 'ru')).toEqual(['1:3 Беларусі']);
    expect(problems('Лукашэнка и яго', 'be')).toEqual(['1:11 и']);
    expect(problems('шчыра, аб’ява', 'be')).toEqual([]);
  });

  it('finds digit groups that an ordinary space lets break apart', () => {
    expect(problems('более 30 000 протестующих', 'ru')).toEqual(['1:7 30 000']);
    expect(problems('больш за 1 250 000 удзельнікаў', 'be')).toEqual(['1:10 1 250 000']);
    expect(problems('более 30\u00a0000 протестующих', 'ru')).toEqual([]);
    expect(problems('В августе 2020 года 200 работников, 12.10.2020, 23–24 марта', 'ru')).toEqual([]);
  });

  it('does not check code blocks or inline code, and keeps the line numbers', () => {
    const source = 'Запустите:\n\n```\nHiddenServicePort 80 127.0.0.1:8080\n```\n\nФайл `её 30 000`, 30 000.';
    expect(withoutCode(source).split('\n')).toHaveLength(source.split('\n').length);
    expect(problems(withoutCode(source), 'ru')).toEqual(['7:19 30 000']);
  });

  it('names the file, line and column and says what to do', () => {
    const [finding] = orthographyFindings('два\nвсё', 'ru');
    expect(finding && formatFinding('src/x.mdx', finding)).toBe(
      'src/x.mdx:2:1 «всё» has ё: Russian on this site is written without ё, as in the documents; write е',
    );
  });
});

describe('the Belarusian ў/у rule (Правілы беларускай арфаграфіі і пунктуацыі, 2008, § 15)', () => {
  const findings = (text: string) => orthographyFindings(text, 'be').map(({ text: found }) => found);

  it('п. 1: after a word ending in a vowel, a word’s first у is ў, across the markup a page renders away', () => {
    expect(findings('На старонцы спампоўвання увесь сайт')).toEqual(['спампоўвання увесь']);
    expect(findings('і у лес')).toEqual(['і у']);
    expect(findings('на ўвесь дзень, ва ўніверсітэце')).toEqual([]);
  });

  it('п. 1: after a word ending in a consonant (й, ў and ь among them) it is у', () => {
    expect(findings('моцны ўдар, сад ўвесь')).toEqual(['сад ўвесь']);
    expect(findings('свой уплыў, даў усім, Беларусь у Каралеўстве')).toEqual([]);
  });

  it('п. 1: a word that starts a sentence or follows a punctuation mark keeps у', () => {
    expect(findings('Школа, у якой вучуся. У лесе (у горадзе) — у сталіцы')).toEqual([]);
    expect(findings('Школа, ў якой. Ўвесь')).toEqual(['ў', 'Ўвесь']);
  });

  it('п. 1: quotation marks and a hyphen do not stand between: «крыкі «ўра»», «мастакі-ўмельцы»', () => {
    expect(findings('крыкі «ўра», мастакі-ўмельцы, на «ўстанаўленне абставін')).toEqual([]);
    expect(findings('крыкі «ура», мастакі-умельцы')).toEqual(['крыкі «ура', 'мастакі-умельцы']);
  });

  it('п. 2: a stressed у stays у: «да урны», «Брэсцкая унія», «у́льтра», «узус», «унты», the interjection «ух»', () => {
    expect(
      findings('да урны, Брэсцкая унія, групоўка ультра, норма і узус, насілі унты, чулася уханне, ну ух'),
    ).toEqual([]);
    // An unstressed у in a word that starts the same way is not: «для ўніята».
    expect(findings('для уніята')).toEqual(['для уніята']);
  });

  it('п. 4: a proper name keeps its capital У: «за Уладзіміра», never «Ўладзімір»', () => {
    expect(findings('вобласці Уладзіміра Малея, на Украіне')).toEqual([]);
    expect(findings('вобласці Ўладзіміра')).toEqual(['Ўладзіміра']);
  });

  it('leaves alone what the rules do not settle: an abbreviation, a number or Latin letters before у', () => {
    expect(
      findings('краіны ЕС у іншую, МАП ухваліў, 30\u00a0000 удзельнікаў, IndustriALL у поўнай меры, 2020 ўвесь'),
    ).toEqual([]);
  });

  it('is not applied to source files, whose markup can stand between the words', () => {
    expect(orthographyFindings('спампоўвання](../downloads/) ўвесь', 'be', { rendered: false })).toEqual([]);
  });
});

describe('forms of names found wrong (src/i18n/wrong-forms.ts)', () => {
  it('refuses each in its own language, whole words and stems, and lets the right forms through', () => {
    const found = (text: string, lang: Locale) => orthographyFindings(text, lang).map(({ text: word }) => word);
    expect(found('Андрэя Комліка-Яматына і Комлік-Ямаціна, Аляксандра Капшула', 'be')).toEqual([
      'Яматына',
      'Комлік-Ямаціна',
      'Капшула',
    ]);
    expect(found('Андрэя Комліка-Ямаціна, Аляксандра Капшуля, Капшулем, Лукашэнкі', 'be')).toEqual([]);
    expect(found('Лукашенко', 'be')).toEqual(['Лукашенко']);
    expect(found('юриста Александра Капшула, Лукашенку', 'ru')).toEqual(['Капшула', 'Лукашенку']);
    expect(found('Александра Капшуля, Капшуле, Лукашенко, Комлика-Яматина', 'ru')).toEqual([]);
    expect(orthographyFindings('Капшула', 'be')[0]?.problem).toBe(
      'is a form of a name found wrong (be translation review, addendum): write Капшуль, Капшуля, Капшулю, Капшулем (a soft л)',
    );
  });
});

/** Every text a reader sees in `lang`: documents, pages and interface strings, with code blanked out. */
function textsIn(lang: Locale): { file: string; text: string }[] {
  const mdx = ['src/content/documents', 'src/content/pages'].flatMap((root) => {
    const folder = path.join(root, lang);
    // A partial language may have no document or page yet; a complete one without its folder fails here.
    if (!locales[lang].complete && !existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => path.join(folder, name));
  });
  return [
    ...mdx.map((file) => ({ file, text: withoutCode(readFileSync(file, 'utf8')) })),
    { file: `src/i18n/strings/${lang}.json`, text: readFileSync(`src/i18n/strings/${lang}.json`, 'utf8') },
    // Written for the site, not extracted: the timeline's lines and the index's names and roles.
    { file: `src/data/timeline.ts (${lang})`, text: timeline.map((event) => event.text[lang]).join('\n') },
    {
      file: `src/data/glossary.ts (${lang} names and roles)`,
      text: glossary.flatMap(({ index }) => (index ? [index.name[lang], index.role?.[lang] ?? ''] : [])).join('\n'),
    },
  ];
}

describe.each(localeCodes)('texts in %s', (lang) => {
  const texts = textsIn(lang);

  // Many strings show only with JavaScript, or are read by the offline worker, where the build's check of the
  // rendered pages never sees them: each is checked here, across words too, as a page shows it.
  it.each(keysOf(uiStrings[lang]))('the interface string %s has no spelling defect a machine can find', (key) => {
    const shown = String(stringAt(uiStrings[lang], key)).replace(/\{\{\w+\}\}/g, '0');
    expect(orthographyFindings(shown, lang).map((finding) => finding.problem)).toEqual([]);
  });

  // A partial language has what it has translated so far, and the interface strings it shows in English.
  it.runIf(locales[lang].complete)('include every document, page and the interface strings', () => {
    expect(texts.filter(({ file }) => file.includes('documents')).length).toBeGreaterThanOrEqual(5);
    expect(texts.some(({ file }) => file.endsWith('mirrors.mdx'))).toBe(true);
  });

  it.each(texts.map(({ file, text }) => [file, text] as const))(
    '%s has no spelling defect a machine can find',
    (file, text) => {
      // Sources, whose markup can stand between two words; the build checks the rendered pages across words too.
      expect(
        orthographyFindings(text, lang, { rendered: false }).map((finding) => formatFinding(file, finding)),
      ).toEqual([]);
    },
  );
});
