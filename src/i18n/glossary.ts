import type { Locale } from './locales';

/**
 * How the documents name people, places and organisations in each language.
 *
 * The English form is matched case-insensitively as a whole word. In the other
 * forms a `|` marks where an inflected ending may follow, so `Лукашэнк|` stands
 * for Лукашэнка, Лукашэнку, Лукашэнкам… Where only some endings are right, a
 * word ends in the list of them instead: `Капшул{ь,я,ю,ем,е}` stands for
 * Капшуль, Капшуля… and rules out Капшул and Капшула, which no translation may
 * then use anywhere (so the stem before a list must begin no other word).
 * The unit test `glossary.test.ts` checks that every term used in an English
 * document appears in this form in each of its translations.
 */
export type GlossaryEntry = Record<Locale, string>;

export const glossary: readonly GlossaryEntry[] = [
  // Organisations
  { en: 'ILO', be: 'МАП', ru: 'МОТ' },
  {
    en: 'International Labour Organization',
    be: 'Міжнародн| арганізацы| працы',
    ru: 'Международн| организаци| труда',
  },
  { en: 'International Labour Office', be: 'Міжнародн| бюро працы', ru: 'Международн| бюро труда' },
  // The Office is not the Organisation: МБП/МБТ after its name, never МАП/МОТ.
  {
    en: 'International Labour Office (ILO)',
    be: 'Міжнародн| бюро працы (МБП)',
    ru: 'Международн| бюро труда (МБТ)',
  },
  { en: 'Governing Body', be: 'Адміністрацыйн| савет|', ru: 'Административн| совет|' },
  {
    en: 'Committee on Freedom of Association',
    be: 'Камітэт| па свабодзе аб’яднання',
    ru: 'Комитет| по свободе объединения',
  },
  { en: 'ITUC', be: 'МКП', ru: 'МКП' },
  {
    en: 'International Trade Union Confederation',
    be: 'Міжнародн| канфедэрацы| прафсаюзаў',
    ru: 'Международн| конфедераци| профсоюзов',
  },
  { en: 'ETUC', be: 'ЕКП', ru: 'ЕКП' },
  {
    en: 'European Trade Union Confederation',
    be: 'Еўрапейск| канфедэрацы| прафсаюзаў',
    ru: 'Европейск| конфедераци| профсоюзов',
  },
  { en: 'Education International', be: 'Інтэрнацыянал| адукацыі', ru: 'Интернационал| образования' },
  { en: 'IFJ', be: 'МФЖ', ru: 'МФЖ' },
  {
    en: 'International Federation of Journalists',
    be: 'Міжнародн| федэрацы| журналістаў',
    ru: 'Международн| федераци| журналистов',
  },
  { en: 'IndustriALL', be: 'IndustriALL', ru: 'IndustriALL' },
  { en: 'IndustriALL Global Union', be: 'Глабальн| саюз| IndustriALL', ru: 'Глобальн| союз| IndustriALL' },
  { en: 'Coordination Committee', be: 'Каардынацыйн| рад|', ru: 'Координационн| совет|' },
  { en: 'BKDP', be: 'БКДП', ru: 'БКДП' },
  {
    en: 'Belarusian Congress of Democratic Trade Unions',
    be: 'Беларуск| кангрэс| дэмакратычных прафсаюзаў',
    ru: 'Белорусск| конгресс| демократических профсоюзов',
  },
  {
    en: 'Belarusian Independent Trade Union',
    be: 'Беларуск| незалежн| прафсаюз|',
    ru: 'Белорусск| независим| профсоюз|',
  },
  { en: 'BITU', be: 'БНП', ru: 'БНП' },
  { en: 'BNP', be: 'БНП', ru: 'БНП' },
  { en: 'REP', be: 'РЭП', ru: 'РЭП' },
  {
    en: 'Belarusian Radio and Electronic Industry Workers’ Union',
    be: 'Беларуск| прафсаюз| работнікаў радыёэлектроннай прамысловасці',
    ru: 'Белорусск| профсоюз| работников радиоэлектронной промышленности',
  },
  {
    en: 'Belarusian Federation of Labor Unions',
    be: 'Федэрацы| прафсаюзаў Беларусі',
    ru: 'Федераци| профсоюзов Беларуси',
  },
  { en: 'Investigative Committee', be: 'Следч| камітэт|', ru: 'Следственн| комитет|' },
  { en: 'KGB', be: 'КДБ', ru: 'КГБ' },
  { en: 'Criminal Code', be: 'Крымінальн| кодэкс|', ru: 'Уголовн| кодекс|' },
  { en: 'European Union', be: 'Еўрапейск| саюз|', ru: 'Европейск| союз|' },
  // Workplaces
  { en: 'Belaruskali', be: 'Беларуськал|', ru: 'Беларуськал|' },
  { en: 'Naftan', be: 'Нафтан|', ru: 'Нафтан|' },
  { en: 'MTZ', be: 'МТЗ', ru: 'МТЗ' },
  { en: 'BMZ', be: 'БМЗ', ru: 'БМЗ' },
  { en: 'Byelorussian Steel Works', be: 'Беларуск| металургічн| завод|', ru: 'Белорусск| металлургическ| завод|' },
  {
    en: 'Belarusian Metallurgical Plant',
    be: 'Беларуск| металургічн| завод|',
    ru: 'Белорусск| металлургическ| завод|',
  },
  { en: 'Minsk Motor Plant', be: 'Мінск| маторн| завод|', ru: 'Минск| моторн| завод|' },
  // Places
  { en: 'Belarus', be: 'Беларус|', ru: 'Беларус|' },
  { en: 'Belgium', be: 'Бельгі|', ru: 'Бельги|' },
  { en: 'Minsk', be: 'Мінск|', ru: 'Минск|' },
  { en: 'Brest', be: 'Брэс|', ru: 'Брест|' },
  { en: 'Novopolotsk', be: 'Наваполацк|', ru: 'Новополоцк|' },
  { en: 'Zhlobin', be: 'Жлобін|', ru: 'Жлобин|' },
  { en: 'Geneva', be: 'Жэнев|', ru: 'Женев|' },
  // People. First names are entries too, with their endings, so that a first
  // name in any case is checked: Кемаль, Кемаля, Кемалю.
  { en: 'Alexander Lukashenko', be: 'Аляксандр| Лукашэнк|', ru: 'Александр| Лукашенко' },
  { en: 'Lukashenko', be: 'Лукашэнк|', ru: 'Лукашенко' },
  { en: 'Lukashenka', be: 'Лукашэнк|', ru: 'Лукашенко' },
  { en: 'Guy Ryder', be: 'Га| Райдэр|', ru: 'Га| Райдер|' },
  { en: 'Ryder', be: 'Райдэр|', ru: 'Райдер|' },
  { en: 'Valter Sanchez', be: 'Вальтэр| Санчэс|', ru: 'Вальтер| Санчес|' },
  { en: 'Roman Bondarenko', be: 'Раман| Бандарэнк|', ru: 'Роман| Бондаренко' },
  { en: 'Ihar Pavarau', be: 'Ігар| Павар|', ru: 'Игор| Поваров|' },
  { en: 'Ihar Povarau', be: 'Ігар| Павар|', ru: 'Игор| Поваров|' },
  { en: 'Aliaksandr Babrou', be: 'Аляксандр| Бабр|', ru: 'Александр| Бобров|' },
  { en: 'Yauhen Hovar', be: 'Яўген| Говар|', ru: 'Евгени| Говор|' },
  { en: 'Vladimir Maley', be: 'Уладзімір| Мале|', ru: 'Владимир| Мале|' },
  { en: 'Andrei Komlik-Yamatin', be: 'Андрэ| Комлік|-Яматын|', ru: 'Андре| Комлик|-Яматин|' },
  { en: 'Vasily Zavadsky', be: 'Васіл| Завадск|', ru: 'Васили| Завадск|' },
  { en: 'Aleksandr Mikhnevich', be: 'Аляксандр| Міхневіч|', ru: 'Александр| Михневич|' },
  { en: 'Nikolay Zimin', be: 'Мікала| Зімін|', ru: 'Никола| Зимин|' },
  { en: 'Maksim Sereda', be: 'Максім| Серад|', ru: 'Максим| Серед|' },
  { en: 'Sergei Dylevsky', be: 'Сярге| Дылеўск|', ru: 'Серге| Дылевск|' },
  { en: 'Sergei Cherkasov', be: 'Сярге| Чаркас|', ru: 'Серге| Черкасов|' },
  { en: 'Anatoly Bokun', be: 'Анатол| Бокун|', ru: 'Анатоли| Бокун|' },
  { en: 'Sergei Lapunov', be: 'Сярге| Лапун|', ru: 'Серге| Лапунов|' },
  { en: 'Andrei Shkirenko', be: 'Андрэ| Шкірэнк|', ru: 'Андре| Шкиренко' },
  // Капшуль, genitive Капшуля: the л is soft, as in Łacinka «Kapšul».
  { en: 'Alexander Kapshul', be: 'Аляксандр| Капшул{ь,я,ю,ем}', ru: 'Александр| Капшул{ь,я,ю,ем,е}' },
  // Hanna is Ганна in Belarusian and Анна in Russian.
  { en: 'Hanna Kalupakho', be: 'Ганн| Калупах|', ru: 'Анн| Калупахо' },
  { en: 'Maryja Kalesnikawa', be: 'Мары| Калеснікав|', ru: 'Мари| Колесников|' },
  { en: 'Kemal Özkan', be: 'Кемал{ь,я,ю,ем} Озкан|', ru: 'Кемал{ь,я,ю,ем,е} Озкан|' },
  // The petition's workers, whose names were changed on purpose.
  { en: 'Slavomir', be: 'Славамір|', ru: 'Славомир|' },
  { en: 'Maria', be: 'Мары|', ru: 'Мари|' },
  { en: 'Nadezhda', be: 'Надзе|', ru: 'Надежд|' },
  // The signatories of the ITUC letter.
  { en: 'Sharan Burrow', be: 'Шаран| Бароў', ru: 'Шаран| Барроу' },
  { en: 'Marc Leemans', be: 'Марк| Леманс|', ru: 'Марк| Леманс|' },
  { en: 'Thierry Bodson', be: 'Цьеры Бадсон|', ru: 'Тьерри Бодсон|' },
  { en: 'Olivier Valentin', be: 'Алівье Валантэн|', ru: 'Оливье Валантен|' },
  { en: 'Luca Visentini', be: 'Лук| Візенціні', ru: 'Лук| Визентини' },
  { en: 'Anthony Bellanger', be: 'Антані Беланжэ', ru: 'Энтони Беланже' },
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Typographic variants that do not change a word: apostrophes, ё, non-breaking spaces. */
export function normaliseForGlossary(text: string): string {
  return text.replace(/[’ʼ']/g, "'").replace(/ё/g, 'е').replace(/Ё/g, 'Е').replace(/\s+/g, ' ');
}

/** Matches an English term as a whole word, in any letter case. */
export function englishTermPattern(term: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(normaliseForGlossary(term))}(?![\\p{L}\\p{N}])`, 'iu');
}

/** The endings a word of a translated form allows, when it lists them: `Капшул{ь,я}` → stem Капшул, endings ь and я. */
interface ListedEndings {
  stem: string;
  endings: string[];
}

const listedEndingsPattern = /([\p{L}'-]*)\{([^{}]*)\}/gu;

function listedEndings(form: string): ListedEndings[] {
  return Array.from(normaliseForGlossary(form).matchAll(listedEndingsPattern), ([, stem = '', endings = '']) => ({
    stem,
    endings: endings.split(',').map((ending) => ending.trim()),
  }));
}

/**
 * Matches a translated form, where each `|` allows any inflected ending (`Лукашэнк|` finds Лукашэнку) and a
 * list in braces allows only its endings (`Капшул{ь,я}` finds Капшуля but not Капшула).
 */
export function translatedFormPattern(form: string): RegExp {
  const body = normaliseForGlossary(form)
    .split(/(\||\{[^{}]*\})/u)
    .map((part) => {
      if (part === '|') return '\\p{L}*';
      if (part.startsWith('{')) {
        const endings = part
          .slice(1, -1)
          .split(',')
          .map((ending) => escapeRegExp(ending.trim()));
        return `(?:${endings.join('|')})(?![\\p{L}\\p{N}])`;
      }
      return escapeRegExp(part);
    })
    .join('');
  const end = /[|}]$/.test(form) ? '' : '(?![\\p{L}\\p{N}])';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${end}`, 'u');
}

/**
 * The words of a text that begin like a form's word with listed endings but end otherwise, such as Капшула for
 * `Капшул{ь,я}`: a name given the wrong declension.
 */
export function wrongEndings(form: string, text: string): string[] {
  const found = new Set<string>();
  for (const { stem, endings } of listedEndings(form)) {
    const word = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(stem)}(\\p{L}*)`, 'gu');
    for (const [whole, ending = ''] of normaliseForGlossary(text).matchAll(word)) {
      if (!endings.includes(ending)) found.add(whole);
    }
  }
  return [...found];
}
