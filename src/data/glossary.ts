/**
 * How the documents name people, places and organisations in each language: the
 * forms, and the names index's entries. What a form may say (`|`, `{…}`) and
 * what each field means is in src/lib/glossary.ts.
 */
import type { InEveryLanguage } from '../i18n/locales';
import type { GlossaryEntry, IndexEntry } from '../lib/glossary';

/** What the index says of a person beyond the role: the tag, and whether the words for it are feminine. */
type PersonFacts = Pick<IndexEntry, 'tag' | 'feminine'>;

const person = (
  name: InEveryLanguage<string>,
  role?: InEveryLanguage<string>,
  facts: PersonFacts = {},
): IndexEntry => ({
  kind: 'person',
  name,
  ...(role ? { role } : {}),
  ...facts,
});
const organisation = (name: InEveryLanguage<string>, role?: InEveryLanguage<string>): IndexEntry => ({
  kind: 'organisation',
  name,
  ...(role ? { role } : {}),
});
const place = (name: InEveryLanguage<string>, role?: InEveryLanguage<string>): IndexEntry => ({
  kind: 'place',
  name,
  ...(role ? { role } : {}),
});

const jailedForTheStrike = {
  en: 'union activist, jailed for an attempted warning strike at the Belarusian Metallurgical Plant',
  be: 'прафсаюзны актывіст, асуджаны за спробу папераджальнага страйку на Беларускім металургічным заводзе',
  ru: 'профсоюзный активист, осужденный за попытку провести предупредительную забастовку на Белорусском металлургическом заводе',
};
/** One of the petition's workers, whose names it changed on purpose. */
const nameChanged = (name: InEveryLanguage<string>, work: InEveryLanguage<string>, facts: PersonFacts = {}) => ({
  ...person(
    name,
    {
      en: `${work.en}; the petition gives the workers’ messages under names changed on purpose`,
      be: `${work.be}; петыцыя падае паведамленні работнікаў пад наўмысна змененымі імёнамі`,
      ru: `${work.ru}; петиция приводит свидетельства работников под намеренно измененными именами`,
    },
    facts,
  ),
  nameChanged: true as const,
});
const belgianCentre = {
  en: 'national trade union centre in Belgium',
  be: 'нацыянальны прафцэнтр у Бельгіі',
  ru: 'национальный профцентр в Бельгии',
};

export const glossary: readonly GlossaryEntry[] = [
  // Organisations
  { en: 'ILO', be: 'МАП', ru: 'МОТ', sameAs: 'International Labour Organization' },
  {
    en: 'International Labour Organization',
    be: 'Міжнародн| арганізацы| працы',
    ru: 'Международн| организаци| труда',
    index: organisation({
      en: 'International Labour Organization (ILO)',
      be: 'Міжнародная арганізацыя працы (МАП)',
      ru: 'Международная организация труда (МОТ)',
    }),
  },
  {
    en: 'International Labour Office',
    be: 'Міжнародн| бюро працы',
    ru: 'Международн| бюро труда',
    index: organisation(
      {
        en: 'International Labour Office',
        be: 'Міжнароднае бюро працы (МБП)',
        ru: 'Международное бюро труда (МБТ)',
      },
      {
        en: 'its Director-General is Guy Ryder',
        be: 'яго генеральны дырэктар — Гай Райдэр',
        ru: 'его генеральный директор — Гай Райдер',
      },
    ),
  },
  // The Office is not the Organisation: МБП/МБТ after its name, never МАП/МОТ.
  {
    en: 'International Labour Office (ILO)',
    be: 'Міжнародн| бюро працы (МБП)',
    ru: 'Международн| бюро труда (МБТ)',
    sameAs: 'International Labour Office',
  },
  {
    en: 'Governing Body',
    be: 'Адміністрацыйн| савет|',
    ru: 'Административн| совет|',
    index: organisation(
      { en: 'Governing Body of the ILO', be: 'Адміністрацыйны савет МАП', ru: 'Административный совет МОТ' },
      {
        en: 'approved the report of the Committee on Freedom of Association',
        be: 'зацвердзіў даклад Камітэта па свабодзе аб’яднання',
        ru: 'утвердил доклад Комитета по свободе объединения',
      },
    ),
  },
  {
    en: 'Committee on Freedom of Association',
    be: 'Камітэт| па свабодзе аб’яднання',
    ru: 'Комитет| по свободе объединения',
    index: organisation({
      en: 'Committee on Freedom of Association',
      be: 'Камітэт па свабодзе аб’яднання',
      ru: 'Комитет по свободе объединения',
    }),
  },
  { en: 'ITUC', be: 'МКП', ru: 'МКП', sameAs: 'International Trade Union Confederation' },
  {
    en: 'International Trade Union Confederation',
    be: 'Міжнародн| канфедэрацы| прафсаюзаў',
    ru: 'Международн| конфедераци| профсоюзов',
    index: organisation(
      {
        en: 'International Trade Union Confederation (ITUC)',
        be: 'Міжнародная канфедэрацыя прафсаюзаў (МКП)',
        ru: 'Международная конфедерация профсоюзов (МКП)',
      },
      {
        en: 'represents 200 million workers in 163 countries',
        be: 'прадстаўляе 200 мільёнаў работнікаў у 163 краінах',
        ru: 'представляет 200 миллионов трудящихся в 163 странах',
      },
    ),
  },
  { en: 'ETUC', be: 'ЕКП', ru: 'ЕКП', sameAs: 'European Trade Union Confederation' },
  {
    en: 'European Trade Union Confederation',
    be: 'Еўрапейск| канфедэрацы| прафсаюзаў',
    ru: 'Европейск| конфедераци| профсоюзов',
    index: organisation({
      en: 'European Trade Union Confederation (ETUC)',
      be: 'Еўрапейская канфедэрацыя прафсаюзаў (ЕКП)',
      ru: 'Европейская конфедерация профсоюзов (ЕКП)',
    }),
  },
  {
    en: 'Education International',
    be: 'Інтэрнацыянал| адукацыі',
    ru: 'Интернационал| образования',
    index: organisation({
      en: 'Education International (EI)',
      be: 'Інтэрнацыянал адукацыі (EI)',
      ru: 'Интернационал образования (EI)',
    }),
  },
  { en: 'EI', be: 'EI', ru: 'EI', sameAs: 'Education International' },
  { en: 'IFJ', be: 'МФЖ', ru: 'МФЖ', sameAs: 'International Federation of Journalists' },
  {
    en: 'International Federation of Journalists',
    be: 'Міжнародн| федэрацы| журналістаў',
    ru: 'Международн| федераци| журналистов',
    index: organisation({
      en: 'International Federation of Journalists (IFJ)',
      be: 'Міжнародная федэрацыя журналістаў (МФЖ)',
      ru: 'Международная федерация журналистов (МФЖ)',
    }),
  },
  {
    en: 'ACV-CSC',
    be: 'ACV-CSC',
    ru: 'ACV-CSC',
    index: organisation({ en: 'ACV-CSC', be: 'ACV-CSC', ru: 'ACV-CSC' }, belgianCentre),
  },
  {
    en: 'ABVV-FGTB',
    be: 'ABVV-FGTB',
    ru: 'ABVV-FGTB',
    index: organisation({ en: 'ABVV-FGTB', be: 'ABVV-FGTB', ru: 'ABVV-FGTB' }, belgianCentre),
  },
  {
    en: 'ACLVB-CGSLB',
    be: 'ACLVB-CGSLB',
    ru: 'ACLVB-CGSLB',
    index: organisation({ en: 'ACLVB-CGSLB', be: 'ACLVB-CGSLB', ru: 'ACLVB-CGSLB' }, belgianCentre),
  },
  { en: 'IndustriALL', be: 'IndustriALL', ru: 'IndustriALL', sameAs: 'IndustriALL Global Union' },
  {
    en: 'IndustriALL Global Union',
    be: 'Глабальн| саюз| IndustriALL',
    ru: 'Глобальн| союз| IndustriALL',
    index: organisation(
      { en: 'IndustriALL Global Union', be: 'Глабальны саюз IndustriALL', ru: 'Глобальный союз IndustriALL' },
      {
        en: 'represents more than fifty million workers in mining, energy and manufacturing throughout the world, including Belarus',
        be: 'прадстаўляе больш за пяцьдзясят мільёнаў работнікаў горназдабыўной, энергетычнай і апрацоўчай галін ва ўсім свеце, у тым ліку ў Беларусі',
        ru: 'представляет более пятидесяти миллионов работников горнодобывающей, энергетической и обрабатывающей отраслей во всем мире, в том числе в Беларуси',
      },
    ),
  },
  {
    en: 'Coordination Committee',
    be: 'Каардынацыйн| рад|',
    ru: 'Координационн| совет|',
    index: organisation({ en: 'Coordination Committee', be: 'Каардынацыйная рада', ru: 'Координационный совет' }),
  },
  { en: 'BKDP', be: 'БКДП', ru: 'БКДП', sameAs: 'Belarusian Congress of Democratic Trade Unions' },
  {
    en: 'Belarusian Congress of Democratic Trade Unions',
    be: 'Беларуск| кангрэс| дэмакратычных прафсаюзаў',
    ru: 'Белорусск| конгресс| демократических профсоюзов',
    index: organisation(
      {
        en: 'Belarusian Congress of Democratic Trade Unions (BKDP)',
        be: 'Беларускі кангрэс дэмакратычных прафсаюзаў (БКДП)',
        ru: 'Белорусский конгресс демократических профсоюзов (БКДП)',
      },
      {
        en: 'national trade union centre in Belarus',
        be: 'нацыянальны прафцэнтр у Беларусі',
        ru: 'национальный профцентр в Беларуси',
      },
    ),
  },
  {
    en: 'Belarusian Independent Trade Union',
    be: 'Беларуск| незалежн| прафсаюз|',
    ru: 'Белорусск| независим| профсоюз|',
    index: organisation(
      {
        en: 'Belarusian Independent Trade Union (BITU, BNP)',
        be: 'Беларускі незалежны прафсаюз (БНП)',
        ru: 'Белорусский независимый профсоюз (БНП)',
      },
      {
        en: 'mining and chemical workers’ union',
        be: 'прафсаюз работнікаў горназдабыўной і хімічнай прамысловасці',
        ru: 'профсоюз горняков и химиков',
      },
    ),
  },
  { en: 'BITU', be: 'БНП', ru: 'БНП', sameAs: 'Belarusian Independent Trade Union' },
  { en: 'BNP', be: 'БНП', ru: 'БНП', sameAs: 'Belarusian Independent Trade Union' },
  {
    en: 'Independent Trade Union of Miners',
    be: 'Незалежн| прафсаюз| гарнякоў',
    ru: 'Независим| профсоюз| горняков',
    index: organisation({
      en: 'Independent Trade Union of Miners (UMTO)',
      be: 'Незалежны прафсаюз гарнякоў (UMTO)',
      ru: 'Независимый профсоюз горняков (UMTO)',
    }),
  },
  { en: 'UMTO', be: 'UMTO', ru: 'UMTO', sameAs: 'Independent Trade Union of Miners' },
  { en: 'REP', be: 'РЭП', ru: 'РЭП', sameAs: 'Belarusian Radio and Electronic Industry Workers’ Union' },
  {
    en: 'Belarusian Radio and Electronic Industry Workers’ Union',
    be: 'Беларуск| прафсаюз| работнікаў радыёэлектроннай прамысловасці',
    ru: 'Белорусск| профсоюз| работников радиоэлектронной промышленности',
    index: organisation(
      {
        en: 'Belarusian Radio and Electronic Industry Workers’ Union (REP)',
        be: 'Беларускі прафсаюз работнікаў радыёэлектроннай прамысловасці (РЭП)',
        ru: 'Белорусский профсоюз работников радиоэлектронной промышленности (РЭП)',
      },
      {
        en: 'an IndustriALL affiliate',
        be: 'членская арганізацыя IndustriALL',
        ru: 'членская организация IndustriALL',
      },
    ),
  },
  {
    en: 'Belarusian Federation of Labor Unions',
    be: 'Федэрацы| прафсаюзаў Беларусі',
    ru: 'Федераци| профсоюзов Беларуси',
    index: organisation(
      {
        en: 'Belarusian Federation of Labor Unions',
        be: 'Федэрацыя прафсаюзаў Беларусі',
        ru: 'Федерация профсоюзов Беларуси',
      },
      {
        en: 'led by Lukashenko’s appointee',
        be: 'яе ўзначальвае стаўленік Лукашэнкі',
        ru: 'ее возглавляет ставленник Лукашенко',
      },
    ),
  },
  {
    en: 'Investigative Committee',
    be: 'Следч| камітэт|',
    ru: 'Следственн| комитет|',
    index: organisation(
      { en: 'Investigative Committee of Belarus', be: 'Следчы камітэт Беларусі', ru: 'Следственный комитет Беларуси' },
      { en: 'state security agency', be: 'дзяржаўны орган бяспекі', ru: 'государственное силовое ведомство' },
    ),
  },
  { en: 'KGB', be: 'КДБ', ru: 'КГБ', index: organisation({ en: 'KGB', be: 'КДБ', ru: 'КГБ' }) },
  {
    en: 'Criminal Code',
    be: 'Крымінальн| кодэкс|',
    ru: 'Уголовн| кодекс|',
    notIndexed: 'a law, not a person, organisation or place',
  },
  {
    en: 'European Union',
    be: 'Еўрапейск| саюз|',
    ru: 'Европейск| союз|',
    index: organisation({ en: 'European Union', be: 'Еўрапейскі саюз', ru: 'Европейский союз' }),
  },
  // Workplaces
  {
    en: 'Belaruskali',
    be: 'Беларуськал|',
    ru: 'Беларуськал|',
    index: organisation({ en: 'Belaruskali', be: 'Беларуськалій', ru: 'Беларуськалий' }),
  },
  {
    en: 'Naftan',
    be: 'Нафтан|',
    ru: 'Нафтан|',
    index: organisation(
      { en: 'Naftan', be: 'Нафтан', ru: 'Нафтан' },
      {
        en: 'oil company in Novopolotsk',
        be: 'нафтавая кампанія ў Наваполацку',
        ru: 'нефтяная компания в Новополоцке',
      },
    ),
  },
  { en: 'MTZ', be: 'МТЗ', ru: 'МТЗ', index: organisation({ en: 'MTZ', be: 'МТЗ', ru: 'МТЗ' }) },
  { en: 'BMZ', be: 'БМЗ', ru: 'БМЗ', sameAs: 'Belarusian Metallurgical Plant' },
  {
    en: 'Byelorussian Steel Works',
    be: 'Беларуск| металургічн| завод|',
    ru: 'Белорусск| металлургическ| завод|',
    sameAs: 'Belarusian Metallurgical Plant',
  },
  {
    en: 'Belarusian Metallurgical Plant',
    be: 'Беларуск| металургічн| завод|',
    ru: 'Белорусск| металлургическ| завод|',
    index: organisation({
      en: 'Belarusian Metallurgical Plant (Byelorussian Steel Works, BMZ)',
      be: 'Беларускі металургічны завод (БМЗ)',
      ru: 'Белорусский металлургический завод (БМЗ)',
    }),
  },
  {
    en: 'Minsk Motor Plant',
    be: 'Мінск| маторн| завод|',
    ru: 'Минск| моторн| завод|',
    index: organisation({ en: 'Minsk Motor Plant', be: 'Мінскі маторны завод', ru: 'Минский моторный завод' }),
  },
  // Places
  { en: 'Belarus', be: 'Беларус|', ru: 'Беларус|', index: place({ en: 'Belarus', be: 'Беларусь', ru: 'Беларусь' }) },
  { en: 'Belgium', be: 'Бельгі|', ru: 'Бельги|', index: place({ en: 'Belgium', be: 'Бельгія', ru: 'Бельгия' }) },
  {
    en: 'United States of America',
    be: 'Злучан| Штат| Амерыкі',
    ru: 'Соединенн| Штат| Америки',
    index: place({ en: 'United States of America', be: 'Злучаныя Штаты Амерыкі', ru: 'Соединенные Штаты Америки' }),
  },
  {
    en: 'Minsk',
    be: 'Мінск|',
    ru: 'Минск|',
    index: place({ en: 'Minsk', be: 'Мінск', ru: 'Минск' }, { en: 'the capital', be: 'сталіца', ru: 'столица' }),
  },
  { en: 'Brest', be: 'Брэс|', ru: 'Брест|', index: place({ en: 'Brest', be: 'Брэст', ru: 'Брест' }) },
  {
    en: 'Novopolotsk',
    be: 'Наваполацк|',
    ru: 'Новополоцк|',
    index: place({ en: 'Novopolotsk', be: 'Наваполацк', ru: 'Новополоцк' }),
  },
  { en: 'Zhlobin', be: 'Жлобін|', ru: 'Жлобин|', index: place({ en: 'Zhlobin', be: 'Жлобін', ru: 'Жлобин' }) },
  { en: 'Geneva', be: 'Жэнев|', ru: 'Женев|', index: place({ en: 'Geneva', be: 'Жэнева', ru: 'Женева' }) },
  // The ITUC letter gives the embassy's address in French, in every language.
  {
    en: 'Bruxelles',
    be: 'Bruxelles',
    ru: 'Bruxelles',
    index: place({ en: 'Brussels (Bruxelles)', be: 'Брусель (Bruxelles)', ru: 'Брюссель (Bruxelles)' }),
  },
  // People. First names are entries too, with their endings, so that a first
  // name in any case is checked: Кемаль, Кемаля, Кемалю.
  {
    en: 'Alexander Lukashenko',
    be: 'Аляксандр| Лукашэнк|',
    ru: 'Александр| Лукашенко',
    index: {
      ...person(
        { en: 'Alexander Lukashenko (Lukashenka)', be: 'Аляксандр Лукашэнка', ru: 'Александр Лукашенко' },
        { en: 'President', be: 'прэзідэнт', ru: 'президент' },
        { tag: 'official' },
      ),
      pressSpellings: ['Alexandr Lukashenko', 'Aleksander Łukaszenka'],
    },
  },
  { en: 'Lukashenko', be: 'Лукашэнк|', ru: 'Лукашенко', sameAs: 'Alexander Lukashenko' },
  { en: 'Lukashenka', be: 'Лукашэнк|', ru: 'Лукашенко', sameAs: 'Alexander Lukashenko' },
  {
    en: 'Guy Ryder',
    be: 'Га| Райдэр|',
    ru: 'Га| Райдер|',
    index: person(
      { en: 'Guy Ryder', be: 'Гай Райдэр', ru: 'Гай Райдер' },
      {
        en: 'Director-General of the International Labour Office',
        be: 'генеральны дырэктар Міжнароднага бюро працы',
        ru: 'генеральный директор Международного бюро труда',
      },
      { tag: 'official' },
    ),
  },
  { en: 'Ryder', be: 'Райдэр|', ru: 'Райдер|', sameAs: 'Guy Ryder' },
  {
    en: 'Valter Sanchez',
    be: 'Вальтэр| Санчэс|',
    ru: 'Вальтер| Санчес|',
    index: person(
      { en: 'Valter Sanchez', be: 'Вальтэр Санчэс', ru: 'Вальтер Санчес' },
      {
        en: 'General Secretary of IndustriALL Global Union',
        be: 'генеральны сакратар Глабальнага саюза IndustriALL',
        ru: 'генеральный секретарь Глобального союза IndustriALL',
      },
      { tag: 'signatory' },
    ),
  },
  {
    en: 'Roman Bondarenko',
    be: 'Раман| Бандарэнк|',
    ru: 'Роман| Бондаренко',
    index: person(
      { en: 'Roman Bondarenko', be: 'Раман Бандарэнка', ru: 'Роман Бондаренко' },
      {
        en: 'died on 12 November 2020, aged 31, after being beaten',
        be: 'памёр 12 лістапада 2020 года ва ўзросце 31 года пасля таго, як яго збілі',
        ru: 'скончался 12 ноября 2020 года в возрасте 31 года после избиения',
      },
    ),
  },
  {
    en: 'Ihar Pavarau',
    be: 'Ігар| Павар|',
    ru: 'Игор| Поваров|',
    index: person({ en: 'Ihar Pavarau (Povarau)', be: 'Ігар Павараў', ru: 'Игорь Поваров' }, jailedForTheStrike, {
      tag: 'sentenced',
    }),
  },
  { en: 'Ihar Povarau', be: 'Ігар| Павар|', ru: 'Игор| Поваров|', sameAs: 'Ihar Pavarau' },
  {
    en: 'Aliaksandr Babrou',
    be: 'Аляксандр| Бабр|',
    ru: 'Александр| Бобров|',
    index: person({ en: 'Aliaksandr Babrou', be: 'Аляксандр Баброў', ru: 'Александр Бобров' }, jailedForTheStrike, {
      tag: 'sentenced',
    }),
  },
  {
    en: 'Yauhen Hovar',
    be: 'Яўген| Говар|',
    ru: 'Евгени| Говор|',
    index: person({ en: 'Yauhen Hovar', be: 'Яўген Говар', ru: 'Евгений Говор' }, jailedForTheStrike, {
      tag: 'sentenced',
    }),
  },
  {
    en: 'Vladimir Maley',
    be: 'Уладзімір| Мале|',
    ru: 'Владимир| Мале|',
    index: person(
      { en: 'Vladimir Maley', be: 'Уладзімір Малей', ru: 'Владимир Малей' },
      {
        en: 'REP lawyer for the Brest region',
        be: 'юрыст РЭП па Брэсцкай вобласці',
        ru: 'юрист РЭП по Брестской области',
      },
      { tag: 'detained' },
    ),
  },
  // Комлік-Ямацін, genitive Комліка-Ямаціна: Russian -тин is Belarusian -цін (Путин, Пуцін), and both parts decline.
  {
    en: 'Andrei Komlik-Yamatin',
    be: 'Андрэ| Комлік|-Ямацін|',
    ru: 'Андре| Комлик|-Яматин|',
    index: person(
      { en: 'Andrei Komlik-Yamatin', be: 'Андрэй Комлік-Ямацін', ru: 'Андрей Комлик-Яматин' },
      {
        en: 'chairman of the REP primary trade union at the Minsk Motor Plant',
        be: 'старшыня першаснай прафсаюзнай арганізацыі РЭП на Мінскім маторным заводзе',
        ru: 'председатель первичной профсоюзной организации РЭП на Минском моторном заводе',
      },
      { tag: 'sentenced' },
    ),
  },
  {
    en: 'Vasily Zavadsky',
    be: 'Васіл| Завадск|',
    ru: 'Васили| Завадск|',
    index: person(
      { en: 'Vasily Zavadsky', be: 'Васіль Завадскі', ru: 'Василий Завадский' },
      {
        en: 'REP chair, forced to leave Belarus',
        be: 'старшыня РЭП, вымушаны пакінуць Беларусь',
        ru: 'председатель РЭП, вынужденный покинуть Беларусь',
      },
    ),
  },
  {
    en: 'Aleksandr Mikhnevich',
    be: 'Аляксандр| Міхневіч|',
    ru: 'Александр| Михневич|',
    index: person(
      { en: 'Aleksandr Mikhnevich', be: 'Аляксандр Міхневіч', ru: 'Александр Михневич' },
      {
        en: 'Ambassador of the Republic of Belarus to the Kingdom of Belgium',
        be: 'пасол Рэспублікі Беларусь у Каралеўстве Бельгія',
        ru: 'посол Республики Беларусь в Королевстве Бельгия',
      },
      { tag: 'official' },
    ),
  },
  {
    en: 'Nikolay Zimin',
    be: 'Мікала| Зімін|',
    ru: 'Никола| Зимин|',
    index: person(
      { en: 'Nikolay Zimin', be: 'Мікалай Зімін', ru: 'Николай Зимин' },
      {
        en: 'former president of the mining and chemical workers’ union BNP',
        be: 'былы старшыня прафсаюза работнікаў горназдабыўной і хімічнай прамысловасці БНП',
        ru: 'бывший председатель профсоюза горняков и химиков БНП',
      },
      { tag: 'detained' },
    ),
  },
  {
    en: 'Maksim Sereda',
    be: 'Максім| Серад|',
    ru: 'Максим| Серед|',
    index: person(
      { en: 'Maksim Sereda', be: 'Максім Серада', ru: 'Максим Середа' },
      {
        en: 'chairman of the Independent Trade Union of Miners (UMTO)',
        be: 'старшыня Незалежнага прафсаюза гарнякоў (UMTO)',
        ru: 'председатель Независимого профсоюза горняков (UMTO)',
      },
      { tag: 'detained' },
    ),
  },
  {
    en: 'Sergei Dylevsky',
    be: 'Сярге| Дылеўск|',
    ru: 'Серге| Дылевск|',
    index: person(
      { en: 'Sergei Dylevsky', be: 'Сяргей Дылеўскі', ru: 'Сергей Дылевский' },
      {
        en: 'representative of the MTZ strike committee and member of the Coordination Committee',
        be: 'прадстаўнік страйкавага камітэта МТЗ і сябра Каардынацыйнай рады',
        ru: 'представитель стачечного комитета МТЗ и член Координационного совета',
      },
      { tag: 'sentenced' },
    ),
  },
  {
    en: 'Sergei Cherkasov',
    be: 'Сярге| Чаркас|',
    ru: 'Серге| Черкасов|',
    index: person(
      { en: 'Sergei Cherkasov', be: 'Сяргей Чаркасаў', ru: 'Сергей Черкасов' },
      { en: 'Vice-Chair of the BNP', be: 'намеснік старшыні БНП', ru: 'заместитель председателя БНП' },
      { tag: 'sentenced' },
    ),
  },
  {
    en: 'Anatoly Bokun',
    be: 'Анатол| Бокун|',
    ru: 'Анатоли| Бокун|',
    index: person(
      { en: 'Anatoly Bokun', be: 'Анатоль Бокун', ru: 'Анатолий Бокун' },
      {
        en: 'co-chairman of the strike committee of Belaruskali',
        be: 'сустаршыня страйкавага камітэта «Беларуськалія»',
        ru: 'сопредседатель стачечного комитета «Беларуськалия»',
      },
      { tag: 'sentenced' },
    ),
  },
  {
    en: 'Sergei Lapunov',
    be: 'Сярге| Лапун|',
    ru: 'Серге| Лапунов|',
    index: person(
      { en: 'Sergei Lapunov', be: 'Сяргей Лапуноў', ru: 'Сергей Лапунов' },
      { en: 'BITU deputy shop steward', be: 'намеснік прафгрупорга БНП', ru: 'заместитель цехового профорга БНП' },
      { tag: 'sentenced' },
    ),
  },
  {
    en: 'Andrei Shkirenko',
    be: 'Андрэ| Шкірэнк|',
    ru: 'Андре| Шкиренко',
    index: person(
      { en: 'Andrei Shkirenko', be: 'Андрэй Шкірэнка', ru: 'Андрей Шкиренко' },
      {
        en: 'deputy chairman of the BITU local union',
        be: 'намеснік старшыні першаснай арганізацыі БНП',
        ru: 'заместитель председателя первичной организации БНП',
      },
      { tag: 'sentenced' },
    ),
  },
  // Капшуль, genitive Капшуля: the л is soft, as in Łacinka «Kapšul».
  {
    en: 'Alexander Kapshul',
    be: 'Аляксандр| Капшул{ь,я,ю,ем}',
    ru: 'Александр| Капшул{ь,я,ю,ем,е}',
    index: person(
      { en: 'Alexander Kapshul', be: 'Аляксандр Капшуль', ru: 'Александр Капшуль' },
      {
        en: 'BITU local union activist and lawyer',
        be: 'актывіст першаснай арганізацыі БНП, юрыст',
        ru: 'активист первичной организации БНП, юрист',
      },
      { tag: 'sentenced' },
    ),
  },
  // Hanna is Ганна in Belarusian and Анна in Russian.
  {
    en: 'Hanna Kalupakho',
    be: 'Ганн| Калупах|',
    ru: 'Анн| Калупахо',
    index: person(
      { en: 'Hanna Kalupakho', be: 'Ганна Калупаха', ru: 'Анна Калупахо' },
      { en: 'BITU member in Zhlobin', be: 'сяброўка БНП у Жлобіне', ru: 'член БНП в Жлобине' },
      { tag: 'sentenced', feminine: true },
    ),
  },
  {
    en: 'Maryja Kalesnikawa',
    be: 'Мары| Калеснікав|',
    ru: 'Мари| Колесников|',
    index: {
      ...person(
        { en: 'Maryja Kalesnikawa', be: 'Марыя Калеснікава', ru: 'Мария Колесникова' },
        {
          en: 'opposition leader, sentenced to 11 years in jail on fake charges',
          be: 'лідарка апазіцыі, асуджаная на 11 гадоў пазбаўлення волі па сфабрыкаваных абвінавачваннях',
          ru: 'лидер оппозиции, приговоренная к 11 годам лишения свободы по сфабрикованным обвинениям',
        },
        { tag: 'sentenced', feminine: true },
      ),
      pressSpellings: ['Maria Kolesnikova', 'Maria Kalesnikava'],
    },
  },
  {
    en: 'Kemal Özkan',
    be: 'Кемал{ь,я,ю,ем} Озкан|',
    ru: 'Кемал{ь,я,ю,ем,е} Озкан|',
    index: person(
      { en: 'Kemal Özkan', be: 'Кемаль Озкан', ru: 'Кемаль Озкан' },
      {
        en: 'IndustriALL assistant general secretary',
        be: 'памочнік генеральнага сакратара IndustriALL',
        ru: 'помощник генерального секретаря IndustriALL',
      },
    ),
  },
  // The petition's workers, whose names were changed on purpose.
  {
    en: 'Slavomir',
    be: 'Славамір|',
    ru: 'Славомир|',
    index: nameChanged(
      { en: 'Slavomir', be: 'Славамір', ru: 'Славомир' },
      {
        en: 'works in an administrative department',
        be: 'працуе ў адміністрацыйным аддзеле',
        ru: 'работает в административном отделе',
      },
    ),
  },
  {
    en: 'Maria',
    be: 'Мары|',
    ru: 'Мари|',
    index: nameChanged(
      { en: 'Maria', be: 'Марыя', ru: 'Мария' },
      {
        en: 'works at a state department',
        be: 'працуе ў дзяржаўнай установе',
        ru: 'работает в государственном учреждении',
      },
      { tag: 'detained', feminine: true },
    ),
  },
  {
    en: 'Nadezhda',
    be: 'Надзе|',
    ru: 'Надежд|',
    index: nameChanged(
      { en: 'Nadezhda', be: 'Надзея', ru: 'Надежда' },
      {
        en: 'works at the marketing department',
        be: 'працуе ў аддзеле маркетынгу',
        ru: 'работает в отделе маркетинга',
      },
    ),
  },
  // The signatories of the ITUC letter.
  {
    en: 'Sharan Burrow',
    be: 'Шаран| Бароу',
    ru: 'Шаран| Барроу',
    index: person(
      { en: 'Sharan Burrow', be: 'Шаран Бароу', ru: 'Шаран Барроу' },
      {
        en: 'signed for the ITUC',
        be: 'падпісала ад імя МКП',
        ru: 'подписала от имени МКП',
      },
      { tag: 'signatory', feminine: true },
    ),
  },
  {
    en: 'Marc Leemans',
    be: 'Марк| Леманс|',
    ru: 'Марк| Леманс|',
    index: person(
      { en: 'Marc Leemans', be: 'Марк Леманс', ru: 'Марк Леманс' },
      {
        en: 'signed for ACV-CSC',
        be: 'падпісаў ад імя ACV-CSC',
        ru: 'подписал от имени ACV-CSC',
      },
      { tag: 'signatory' },
    ),
  },
  {
    en: 'Thierry Bodson',
    be: 'Цьеры Бадсон|',
    ru: 'Тьерри Бодсон|',
    index: person(
      { en: 'Thierry Bodson', be: 'Цьеры Бадсон', ru: 'Тьерри Бодсон' },
      {
        en: 'signed for ABVV-FGTB',
        be: 'падпісаў ад імя ABVV-FGTB',
        ru: 'подписал от имени ABVV-FGTB',
      },
      { tag: 'signatory' },
    ),
  },
  {
    en: 'Olivier Valentin',
    be: 'Алівье Валантэн|',
    ru: 'Оливье Валантен|',
    index: person(
      { en: 'Olivier Valentin', be: 'Алівье Валантэн', ru: 'Оливье Валантен' },
      {
        en: 'National Secretary of ACLVB-CGSLB',
        be: 'нацыянальны сакратар ACLVB-CGSLB',
        ru: 'национальный секретарь ACLVB-CGSLB',
      },
      { tag: 'signatory' },
    ),
  },
  {
    en: 'Luca Visentini',
    be: 'Лук| Візенціні',
    ru: 'Лук| Визентини',
    index: person(
      { en: 'Luca Visentini', be: 'Лука Візенціні', ru: 'Лука Визентини' },
      { en: 'General Secretary of the ETUC', be: 'генеральны сакратар ЕКП', ru: 'генеральный секретарь ЕКП' },
      { tag: 'signatory' },
    ),
  },
  {
    en: 'Anthony Bellanger',
    be: 'Антані Беланжэ',
    ru: 'Энтони Беланже',
    index: person(
      { en: 'Anthony Bellanger', be: 'Антані Беланжэ', ru: 'Энтони Беланже' },
      { en: 'General Secretary of the IFJ', be: 'генеральны сакратар МФЖ', ru: 'генеральный секретарь МФЖ' },
      { tag: 'signatory' },
    ),
  },
];
