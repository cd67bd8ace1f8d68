import { describe, expect, it } from 'vitest';
import { belarusianBgnLatin, belarusianNationalLatin, russianBgnLatin, russianGostLatin } from '../../src/lib/romanize';

// Pairs from the systems' own tables and the examples their publishers give (UNGEGN's report on romanization
// systems, BGN/PCGN's romanization documents, GOST 7.79-2000's table for system B).
const cases: { system: string; romanize: (text: string) => string; pairs: [string, string][] }[] = [
  {
    system: 'Belarus, the 2007 instruction (UN 2013)',
    romanize: belarusianNationalLatin,
    pairs: [
      ['Гомель', 'Homieĺ'],
      ['Віцебск', 'Viciebsk'],
      ['Магілёў', 'Mahilioŭ'],
      ['Маладзечна', 'Maladziečna'],
      ['Шчучын', 'Ščučyn'],
      ['Ляхавічы', 'Liachavičy'],
      ['Брэст', 'Brest'],
      ['Лукашэнка', 'Lukašenka'],
      ['Ціханоўская', 'Cichanoŭskaja'],
      ['Яўген', 'Jaŭhien'],
    ],
  },
  {
    system: 'BGN/PCGN 1979, Belarusian',
    romanize: belarusianBgnLatin,
    pairs: [
      ['Гомель', "Homyel'"],
      ['Віцебск', 'Vitsyebsk'],
      ['Магілёў', 'Mahilyow'],
      ['Маладзечна', 'Maladzyechna'],
      ['Шчучын', 'Shchuchyn'],
      ['Бабруйск', 'Babruysk'],
      ['Лукашэнка', 'Lukashenka'],
      ['Аляксандр', 'Alyaksandr'],
    ],
  },
  {
    system: 'GOST 7.79-2000, system B',
    romanize: russianGostLatin,
    pairs: [
      ['Щёлково', 'Shhyolkovo'],
      ['Хабаровск', 'Xabarovsk'],
      ['Цирк', 'Cirk'],
      ['Царь', 'Czar`'],
      ['Объём', 'Ob``yom'],
      ['Эхо', 'E`xo'],
      ['Тихановская', 'Tixanovskaya'],
    ],
  },
  {
    system: 'BGN/PCGN 1947, Russian',
    romanize: russianBgnLatin,
    pairs: [
      ['Москва', 'Moskva'],
      ['Щёлково', 'Shchëlkovo'],
      ['Ельцин', "Yel'tsin"],
      ['Юрьев', "Yur'yev"],
      ['Подъезд', 'Pod"yezd'],
      ['Хабаровск', 'Khabarovsk'],
      ['Колесникова', 'Kolesnikova'],
      ['Тихановская', 'Tikhanovskaya'],
    ],
  },
];

for (const { system, romanize, pairs } of cases) {
  describe(system, () => {
    for (const [cyrillic, latin] of pairs) {
      it(`writes ${cyrillic} as ${latin}`, () => {
        expect(romanize(cyrillic)).toBe(latin);
      });
    }
    it('keeps the letter case of a word in capitals and leaves other characters as they are', () => {
      expect(romanize('МІНСК-2020')).toBe(romanize('Мінск-2020').toUpperCase());
    });
  });
}
