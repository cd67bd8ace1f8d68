import type { TimelineEvent } from '../lib/timeline';

/**
 * The events the documents report, oldest first, as /{lang}/timeline/ shows
 * them. Every date is as a document gives it, every line says only what the
 * paragraphs in `sources` say, and the names are the glossary's
 * (src/data/glossary.ts). The build stops on a paragraph that does not exist
 * or an event out of order (src/lib/timeline.ts).
 */
export const timeline: readonly TimelineEvent[] = [
  {
    date: { month: '2020-08' },
    text: {
      en: '200 workers join the newly established local branch of the Belarusian Independent Trade Union (BITU) at the Byelorussian Steel Works (BMZ).',
      be: '200 работнікаў уступаюць у новаствораную першасную арганізацыю Беларускага незалежнага прафсаюза (БНП) на Беларускім металургічным заводзе (БМЗ).',
      ru: '200 работников вступают во вновь созданную первичную организацию Белорусского независимого профсоюза (БНП) на Белорусском металлургическом заводе (БМЗ).',
    },
    sources: { 'industriall-letter-to-the-ilo': [7] },
  },
  {
    date: { on: '2020-08-09' },
    text: {
      en: 'The authorities announce the re-election of Lukashenko, despite clear evidence of the opposite; people take to the streets in many parts of Belarus.',
      be: 'Улады абвяшчаюць пра пераабранне Лукашэнкі, нягледзячы на відавочныя доказы адваротнага; людзі выходзяць на вуліцы ў многіх месцах Беларусі.',
      ru: 'Власти объявляют о переизбрании Лукашенко, несмотря на очевидные свидетельства обратного; люди выходят на улицы во многих местах Беларуси.',
    },
    sources: { 'ituc-letter-to-the-ambassador': [7, 8], 'congress-resolution-on-belarus': [1] },
  },
  {
    id: 'detentions-after-the-election',
    date: { after: '2020-08-09' },
    text: {
      en: 'Riot police disperse peaceful protesters in the capital, Minsk; at first three thousand people are detained in all, a thousand of them in Minsk; among those detained are Nikolay Zimin and Maksim Sereda.',
      be: 'АМАП разганяе мірных пратэстоўцаў у сталіцы, Мінску; спачатку затрымліваюць агулам тры тысячы чалавек, з іх тысячу — у Мінску; сярод затрыманых — Мікалай Зімін і Максім Серада.',
      ru: 'ОМОН разгоняет мирных демонстрантов в столице, Минске; поначалу задерживают в общей сложности три тысячи человек, из них тысячу — в Минске; среди задержанных — Николай Зимин и Максим Середа.',
    },
    sources: {
      'ituc-letter-to-the-ambassador': [8],
      'petition-to-the-ilo': [3, 9],
      'congress-resolution-on-belarus': [1],
    },
  },
  {
    date: { on: '2020-08-17', yearFromContext: true },
    text: {
      en: 'Workers, among them Ihar Pavarau, Aliaksandr Babrou and Yauhen Hovar, block a road in a protest against election fraud and police violence.',
      be: 'Работнікі, сярод іх Ігар Павараў, Аляксандр Баброў і Яўген Говар, перакрываюць дарогу ў знак пратэсту супраць фальсіфікацыі выбараў і міліцэйскага гвалту.',
      ru: 'Работники, в том числе Игорь Поваров, Александр Бобров и Евгений Говор, перекрывают дорогу в знак протеста против фальсификации выборов и насилия со стороны милиции.',
    },
    sources: { 'industriall-letter-to-the-ilo': [8] },
  },
  {
    date: { on: '2020-09-13', yearFromContext: true },
    text: {
      en: 'Sergei Cherkasov, Vice-Chair of the BNP, is arrested; he is released on 28 September.',
      be: 'Арыштоўваюць Сяргея Чаркасава, намесніка старшыні БНП; 28 верасня яго вызваляюць.',
      ru: 'Арестовывают Сергея Черкасова, заместителя председателя БНП; 28 сентября его освобождают.',
    },
    sources: { 'ituc-letter-to-the-ambassador': [9] },
  },
  {
    date: { on: '2020-10-05', yearFromContext: true },
    text: {
      en: 'Sergei Cherkasov is sentenced again, for another 15 days.',
      be: 'Сяргея Чаркасава зноў асуджаюць — яшчэ на 15 сутак.',
      ru: 'Сергея Черкасова снова приговаривают — еще к 15 суткам.',
    },
    sources: { 'ituc-letter-to-the-ambassador': [9] },
  },
  {
    date: { by: '2020-10-12' },
    text: {
      en: 'Major strikes break out; among the strike leaders arrested is Sergei Dylevsky of the MTZ strike committee, sentenced to 10 days in prison.',
      be: 'Пачынаюцца буйныя страйкі; сярод арыштаваных лідараў страйкаў — Сяргей Дылеўскі са страйкавага камітэта МТЗ, якога асуджаюць на 10 сутак арышту.',
      ru: 'Начинаются масштабные забастовки; среди арестованных лидеров — Сергей Дылевский из стачечного комитета МТЗ, которого приговаривают к 10 суткам ареста.',
    },
    sources: { 'ituc-letter-to-the-ambassador': [9], 'petition-to-the-ilo': [15] },
  },
  {
    date: { by: '2020-10-12' },
    text: {
      en: 'Anatoly Bokun, co-chairman of the Belaruskali strike committee, is detained for 15 days, dismissed, fined, and detained again.',
      be: 'Анатоля Бокуна, сустаршыню страйкавага камітэта «Беларуськалія», затрымліваюць на 15 сутак, звальняюць, штрафуюць і зноў затрымліваюць.',
      ru: 'Анатолия Бокуна, сопредседателя стачечного комитета «Беларуськалия», задерживают на 15 суток, увольняют, штрафуют и снова задерживают.',
    },
    sources: { 'ituc-letter-to-the-ambassador': [9] },
  },
  {
    date: { on: '2020-10-12' },
    text: {
      en: 'The ITUC, with the ETUC, Education International and the IFJ, writes to Aleksandr Mikhnevich, Ambassador of Belarus to Belgium: stop the arrests, respect the right to strike, re-run the election.',
      be: 'МКП разам з ЕКП, Інтэрнацыяналам адукацыі і МФЖ піша паслу Беларусі ў Бельгіі Аляксандру Міхневічу: спыніць арышты, паважаць права на страйк, правесці паўторныя выбары.',
      ru: 'МКП вместе с ЕКП, Интернационалом образования и МФЖ пишет послу Беларуси в Бельгии Александру Михневичу: прекратить аресты, уважать право на забастовку, провести повторные выборы.',
    },
    sources: { 'ituc-letter-to-the-ambassador': [1, 4, 6, 10] },
  },
  {
    date: { on: '2020-11-12' },
    text: {
      en: 'Roman Bondarenko, 31, dies after being beaten.',
      be: '31-гадовы Раман Бандарэнка памірае пасля таго, як яго збілі.',
      ru: '31-летний Роман Бондаренко умирает после избиения.',
    },
    sources: { 'petition-to-the-ilo': [16] },
  },
  {
    date: { after: '2020-11-12' },
    text: {
      en: 'Citizens of Belarus petition the ILO to annul the authorities’ letter against sanctions: workers were forced to sign it.',
      be: 'Грамадзяне Беларусі просяць МАП ануляваць ліст уладаў супраць санкцый: работнікаў прымусілі яго падпісаць.',
      ru: 'Граждане Беларуси просят МОТ аннулировать письмо властей против санкций: работников заставили его подписать.',
    },
    sources: { 'petition-to-the-ilo': [2, 4, 5, 18] },
  },
  {
    date: { on: '2021-02-16', yearFromContext: true },
    text: {
      en: 'Police raid the office of the REP union and search the home of its lawyer for the Brest region, Vladimir Maley, who is detained.',
      be: 'Міліцыя праводзіць ператрус у офісе прафсаюза РЭП і ў жытле яго юрыста па Брэсцкай вобласці Уладзіміра Малея, якога затрымліваюць.',
      ru: 'Милиция проводит обыск в офисе профсоюза РЭП и дома у его юриста по Брестской области Владимира Малея, которого задерживают.',
    },
    sources: { 'industriall-letter-to-the-ilo': [10, 12] },
  },
  {
    id: 'komlik-yamatin-detained',
    date: { on: '2021-02-16', yearFromContext: true },
    text: {
      en: 'The apartment of Andrei Komlik-Yamatin, chairman of the REP union at the Minsk Motor Plant, is searched, and he is detained.',
      be: 'У кватэры Андрэя Комліка-Ямаціна, старшыні першаснай арганізацыі РЭП на Мінскім маторным заводзе, праводзяць ператрус, а самога яго затрымліваюць.',
      ru: 'В квартире Андрея Комлика-Яматина, председателя первичной организации РЭП на Минском моторном заводе, проводят обыск, а самого его задерживают.',
    },
    sources: { 'industriall-letter-to-the-ilo': [11] },
  },
  {
    id: 'komlik-yamatin-sentenced',
    date: { on: '2021-02-17', yearFromContext: true },
    text: {
      en: 'A court sentences Andrei Komlik-Yamatin to 25 days of administrative arrest.',
      be: 'Суд прызначае Андрэю Комліку-Ямаціну 25 сутак адміністрацыйнага арышту.',
      ru: 'Суд приговаривает Андрея Комлика-Яматина к 25 суткам административного ареста.',
    },
    sources: { 'industriall-letter-to-the-ilo': [11] },
  },
  {
    date: { by: '2021-03-01' },
    text: {
      en: 'Ihar Pavarau, Aliaksandr Babrou and Yauhen Hovar are sentenced to up to three years in jail.',
      be: 'Ігара Паварава, Аляксандра Баброва і Яўгена Говара асуджаюць на тэрміны да трох гадоў пазбаўлення волі.',
      ru: 'Игоря Поварова, Александра Боброва и Евгения Говора приговаривают к лишению свободы на срок до трех лет.',
    },
    sources: { 'industriall-letter-to-the-ilo': [8], 'congress-resolution-on-belarus': [2] },
  },
  {
    date: { by: '2021-03-01' },
    text: {
      en: 'Vasily Zavadsky, chair of REP, is forced to leave Belarus.',
      be: 'Старшыня РЭП Васіль Завадскі вымушаны пакінуць Беларусь.',
      ru: 'Председатель РЭП Василий Завадский вынужден покинуть Беларусь.',
    },
    sources: { 'industriall-letter-to-the-ilo': [13] },
  },
  {
    date: { on: '2021-03-01' },
    text: {
      en: 'Valter Sanchez, General Secretary of IndustriALL, asks Guy Ryder, Director-General of the International Labour Office, for the ILO’s urgent intervention.',
      be: 'Генеральны сакратар IndustriALL Вальтэр Санчэс просіць генеральнага дырэктара Міжнароднага бюро працы Гая Райдэра, каб МАП тэрмінова ўмяшалася.',
      ru: 'Генеральный секретарь IndustriALL Вальтер Санчес просит генерального директора Международного бюро труда Гая Райдера о срочном вмешательстве МОТ.',
    },
    sources: { 'industriall-letter-to-the-ilo': [1, 2, 5, 17, 20], 'ilo-urges-belarus': [15] },
  },
  {
    date: { from: '2021-03-23', to: '2021-03-24', yearFromContext: true },
    text: {
      en: 'In Novopolotsk, police detain Sergei Lapunov, Andrei Shkirenko and Alexander Kapshul of BITU at Naftan; each is sentenced to 15 days.',
      be: 'У Наваполацку міліцыя затрымлівае сяброў БНП з «Нафтана» Сяргея Лапунова, Андрэя Шкірэнку і Аляксандра Капшуля; кожнага асуджаюць на 15 сутак.',
      ru: 'В Новополоцке милиция задерживает членов БНП с «Нафтана» Сергея Лапунова, Андрея Шкиренко и Александра Капшуля; каждого приговаривают к 15 суткам.',
    },
    sources: { 'ilo-urges-belarus': [3, 4] },
  },
  {
    date: { from: '2021-03-23', to: '2021-03-24', yearFromContext: true },
    text: {
      en: 'In Zhlobin, police detain BITU member Hanna Kalupakho; she is sentenced to ten days for a video message.',
      be: 'У Жлобіне міліцыя затрымлівае сяброўку БНП Ганну Калупаху; за відэазварот яе асуджаюць на дзесяць сутак.',
      ru: 'В Жлобине милиция задерживает члена БНП Анну Калупахо; за видеообращение ее приговаривают к десяти суткам.',
    },
    sources: { 'ilo-urges-belarus': [3, 4] },
  },
  {
    date: { on: '2021-03-31' },
    text: {
      en: 'IndustriALL reports that the ILO Governing Body has approved the recommendations of the Committee on Freedom of Association: release all trade unionists in detention and drop all charges related to peaceful protests and industrial action.',
      be: 'IndustriALL паведамляе, што Адміністрацыйны савет МАП зацвердзіў рэкамендацыі Камітэта па свабодзе аб’яднання: вызваліць усіх прафсаюзнікаў, якія знаходзяцца пад вартай, і зняць усе абвінавачванні, звязаныя з мірнымі пратэстамі і страйкавымі акцыямі.',
      ru: 'IndustriALL сообщает, что Административный совет МОТ утвердил рекомендации Комитета по свободе объединения: освободить всех находящихся под стражей профсоюзных активистов и снять все обвинения, связанные с мирными акциями протеста и забастовками.',
    },
    sources: { 'ilo-urges-belarus': [1, 5, 6] },
  },
  {
    date: { after: '2021-09-06' },
    text: {
      en: 'The 3rd IndustriALL Global Union Congress condemns the persecution of trade unionists in Belarus, where human rights organizations recognize 667 political prisoners.',
      be: '3-і Кангрэс Глабальнага саюза IndustriALL асуджае пераслед прафсаюзнікаў у Беларусі, дзе праваабарончыя арганізацыі прызналі 667 палітычных вязняў.',
      ru: '3-й конгресс Глобального союза IndustriALL осуждает преследование профсоюзных активистов в Беларуси, где правозащитные организации признали политзаключенными 667 человек.',
    },
    sources: { 'congress-resolution-on-belarus': [2, 6, 9] },
  },
];
