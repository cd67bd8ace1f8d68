import type { Locale } from './locales';

/**
 * How the documents name people, places and organisations in each language.
 *
 * The English form is matched case-insensitively as a whole word. In the other
 * forms a `|` marks where an inflected ending may follow, so `Лукашэнк|` stands
 * for Лукашэнка, Лукашэнку, Лукашэнкам… The unit test `glossary.test.ts` checks
 * that every term used in an English document appears in this form in each of
 * its translations.
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
  // People
  { en: 'Lukashenko', be: 'Лукашэнк|', ru: 'Лукашенко' },
  { en: 'Lukashenka', be: 'Лукашэнк|', ru: 'Лукашенко' },
  { en: 'Ryder', be: 'Райдэр|', ru: 'Райдер|' },
  { en: 'Valter Sanchez', be: 'Вальтэр| Санчэс|', ru: 'Вальтер| Санчес|' },
  { en: 'Roman Bondarenko', be: 'Раман| Бандарэнк|', ru: 'Роман| Бондаренко' },
  { en: 'Pavarau', be: 'Павар|', ru: 'Поваров|' },
  { en: 'Povarau', be: 'Павар|', ru: 'Поваров|' },
  { en: 'Babrou', be: 'Бабр|', ru: 'Бобров|' },
  { en: 'Hovar', be: 'Говар|', ru: 'Говор|' },
  { en: 'Vladimir Maley', be: 'Уладзімір| Мале|', ru: 'Владимир| Мале|' },
  { en: 'Komlik-Yamatin', be: 'Комлік|-Яматын|', ru: 'Комлик|-Яматин|' },
  { en: 'Vasily Zavadsky', be: 'Васіл| Завадск|', ru: 'Васили| Завадск|' },
  { en: 'Mikhnevich', be: 'Міхневіч|', ru: 'Михневич|' },
  { en: 'Zimin', be: 'Зімін|', ru: 'Зимин|' },
  { en: 'Maksim Sereda', be: 'Максім| Серад|', ru: 'Максим| Серед|' },
  { en: 'Sergei Dylevsky', be: 'Сярге| Дылеўск|', ru: 'Серге| Дылевск|' },
  { en: 'Sergei Cherkasov', be: 'Сярге| Чаркас|', ru: 'Серге| Черкасов|' },
  { en: 'Anatoly Bokun', be: 'Анатол| Бокун|', ru: 'Анатоли| Бокун|' },
  { en: 'Sergei Lapunov', be: 'Сярге| Лапун|', ru: 'Серге| Лапунов|' },
  { en: 'Andrei Shkirenko', be: 'Андрэ| Шкірэнк|', ru: 'Андре| Шкиренко' },
  { en: 'Alexander Kapshul', be: 'Аляксандр| Капшул|', ru: 'Александр| Капшул|' },
  { en: 'Kalupakho', be: 'Калупах|', ru: 'Калупахо' },
  { en: 'Maryja Kalesnikawa', be: 'Мары| Калеснікав|', ru: 'Мари| Колесников|' },
  { en: 'Kemal Özkan', be: 'Кемаль Озкан|', ru: 'Кемаль Озкан|' },
  { en: 'Sharan Burrow', be: 'Шаран| Бароў', ru: 'Шаран| Барроу' },
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

/** Matches a translated form, where each `|` allows an inflected ending: `Лукашэнк|` finds Лукашэнку. */
export function translatedFormPattern(form: string): RegExp {
  const body = normaliseForGlossary(form).split('|').map(escapeRegExp).join('\\p{L}*');
  const end = form.endsWith('|') ? '' : '(?![\\p{L}\\p{N}])';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${end}`, 'u');
}
