import type { Correction } from '../lib/corrections';

/**
 * Every correction of meaning made to a text of the site after it was
 * published: a name, a fact, a sentence a reader could misread. Each language's
 * corrections page (/{lang}/corrections/) lists its own, newest first, and each
 * corrected document says that it was corrected. Add a correction here in the
 * same commit as the change: `was` and `now` quote the same words before and
 * after, `now` exactly as the text has it. The build checks that the paragraph
 * or timeline line exists, that it holds the latest `now` and no longer the
 * `was`, and that a text corrected twice is one chain (src/lib/corrections.ts).
 */
export const corrections: readonly Correction[] = [
  // Round 1: the first reviews by fluent editors, published on 30 November 2026.
  {
    date: '2026-11-30',
    lang: 'be',
    in: { document: 'ilo-urges-belarus', paragraph: 3 },
    was: 'юрыста Аляксандра Капшула',
    now: 'юрыста Аляксандра Капшуля',
    why: 'Прозвішча: Капшуль, з мяккім «л», як яго пішуць беларускія СМІ.',
  },
  {
    date: '2026-11-30',
    lang: 'ru',
    in: { document: 'ilo-urges-belarus', paragraph: 3 },
    was: 'юриста Александра Капшула',
    now: 'юриста Александра Капшуля',
    why: 'Фамилия — Капшуль, с мягким знаком: так ее пишут белорусские СМИ.',
  },
  {
    date: '2026-11-30',
    lang: 'be',
    in: { document: 'ituc-letter-to-the-ambassador', paragraph: 8 },
    was: 'Мікалая Зіміна зноў пазбавілі волі на 15 сутак з залікам дзён, праведзеных пад вартай пасля першага затрымання.',
    now: 'Мікалая Зіміна зноў пазбавілі волі на 15 сутак, і ён адбыў ранейшыя дні першага затрымання.',
    why: 'Пераклад сцвярджаў, што дні першага затрымання залічылі ў новы тэрмін; у арыгінале гэтага няма.',
  },
  {
    date: '2026-11-30',
    lang: 'ru',
    in: { document: 'ituc-letter-to-the-ambassador', paragraph: 8 },
    was: 'Николая Зимина снова арестовали на 15 суток с зачетом дней, проведенных под стражей после первого задержания.',
    now: 'Николая Зимина снова арестовали на 15 суток, и он отбыл прежние дни первого задержания.',
    why: 'Перевод утверждал, что дни первого задержания зачли в новый срок; в оригинале этого нет.',
  },
  {
    date: '2026-11-30',
    lang: 'be',
    in: { document: 'industriall-letter-to-the-ilo', paragraph: 11 },
    was: '«за непадпарадкаванне распараджэнню або патрабаванню службовай асобы пры выкананні ёю службовых абавязкаў»',
    now: '«за непадпарадкаванне законнаму распараджэнню або патрабаванню службовай асобы пры выкананні ёю службовых паўнамоцтваў»',
    why: 'Абвінавачанне цяпер цытуецца так, як яго фармулюе Кодэкс аб адміністрацыйных правапарушэннях.',
  },
  {
    date: '2026-11-30',
    lang: 'ru',
    in: { document: 'industriall-letter-to-the-ilo', paragraph: 11 },
    was: '«за неповиновение распоряжению или требованию должностного лица при исполнении им служебных обязанностей»',
    now: '«за неповиновение законному распоряжению или требованию должностного лица при исполнении им служебных полномочий»',
    why: 'Обвинение теперь приводится в формулировке Кодекса об административных правонарушениях.',
  },
  {
    date: '2026-11-30',
    lang: 'ru',
    in: { document: 'congress-resolution-on-belarus', paragraph: 5 },
    was: 'правительство угнало международный рейс, следовавший из одной страны ЕС в другую',
    now: 'правительство угнало самолет, выполнявший международный рейс из одной страны ЕС в другую',
    why: 'Угоняют самолет, а не рейс.',
  },

  // Round 2: the second reviews, published on 7 December 2026.
  {
    date: '2026-12-07',
    lang: 'be',
    in: { document: 'industriall-letter-to-the-ilo', paragraph: 11 },
    was: 'Андрэя Комліка-Яматына',
    now: 'Андрэя Комліка-Ямаціна',
    why: 'Прозвішча: па-беларуску яно пішацца Комлік-Ямацін.',
  },
  {
    date: '2026-12-07',
    lang: 'be',
    in: { timelineEvent: 'komlik-yamatin-detained' },
    was: 'У кватэры Андрэя Комліка-Яматына',
    now: 'У кватэры Андрэя Комліка-Ямаціна',
    why: 'Прозвішча: па-беларуску яно пішацца Комлік-Ямацін.',
  },
  {
    date: '2026-12-07',
    lang: 'be',
    in: { timelineEvent: 'komlik-yamatin-sentenced' },
    was: 'Андрэю Комліку-Яматыну',
    now: 'Андрэю Комліку-Ямаціну',
    why: 'Прозвішча: па-беларуску яно пішацца Комлік-Ямацін.',
  },
  {
    date: '2026-12-07',
    lang: 'be',
    in: { document: 'ituc-letter-to-the-ambassador', paragraph: 8 },
    was: 'Мікалая Зіміна зноў пазбавілі волі на 15 сутак, і ён адбыў ранейшыя дні першага затрымання.',
    now: 'Мікалая Зіміна зноў пазбавілі волі на 15 сутак, і ён адбыў дні за першае затрыманне.',
    why: 'Ранейшую фразу можна было зразумець так, быццам ён двойчы адбыў тыя самыя дні; цяпер яна, як і арыгінал, не ўдакладняе, ці залічылі гэтыя дні ў новы тэрмін, ці дадалі да яго.',
  },
  {
    date: '2026-12-07',
    lang: 'ru',
    in: { document: 'ituc-letter-to-the-ambassador', paragraph: 8 },
    was: 'Николая Зимина снова арестовали на 15 суток, и он отбыл прежние дни первого задержания.',
    now: 'Николая Зимина снова арестовали на 15 суток, и он отбыл дни по первому задержанию.',
    why: 'Прежнюю фразу можно было понять так, будто он дважды отбыл одни и те же дни; теперь она, как и оригинал, не говорит, зачли эти дни в новый срок или добавили к нему.',
  },
  {
    date: '2026-12-07',
    lang: 'be',
    in: { document: 'congress-resolution-on-belarus', paragraph: 5 },
    was: 'урад захапіў міжнародны авіярэйс, які ляцеў з адной краіны ЕС у іншую',
    now: 'урад захапіў самалёт, які выконваў міжнародны рэйс з адной краіны ЕС у іншую',
    why: 'Захопліваюць самалёт, а не рэйс.',
  },
  {
    date: '2026-12-07',
    lang: 'be',
    in: { document: 'ituc-letter-to-the-ambassador', paragraph: 13 },
    was: 'Спадарыня Шаран Бароў',
    now: 'Спадарыня Шаран Бароу',
    why: 'Прозвішча пішацца Бароу: у канцы нескланяльных запазычаных слоў ненаціскны гук [у] не скарачаецца (Правілы 2008 года, § 15).',
  },
  {
    date: '2026-12-07',
    lang: 'en',
    in: { timelineEvent: 'detentions-after-the-election' },
    was: 'three thousand people are detained at first, among them Nikolay Zimin and Maksim Sereda.',
    now: 'at first three thousand people are detained in all, a thousand of them in Minsk; among those detained are Nikolay Zimin and Maksim Sereda.',
    why: 'The line could be read as three thousand detained in Minsk; the letter says three thousand in all, a thousand of them in Minsk.',
  },
  {
    date: '2026-12-07',
    lang: 'be',
    in: { timelineEvent: 'detentions-after-the-election' },
    was: 'спачатку затрымліваюць тры тысячы чалавек, сярод іх Мікалая Зіміна і Максіма Сераду.',
    now: 'спачатку затрымліваюць агулам тры тысячы чалавек, з іх тысячу — у Мінску; сярод затрыманых — Мікалай Зімін і Максім Серада.',
    why: 'Радок можна было зразумець так, што тры тысячы чалавек затрымалі ў Мінску; у лісце — тры тысячы агулам, з іх тысяча ў Мінску.',
  },
  {
    date: '2026-12-07',
    lang: 'ru',
    in: { timelineEvent: 'detentions-after-the-election' },
    was: 'поначалу задерживают три тысячи человек, в том числе Николая Зимина и Максима Середу.',
    now: 'поначалу задерживают в общей сложности три тысячи человек, из них тысячу — в Минске; среди задержанных — Николай Зимин и Максим Середа.',
    why: 'Строку можно было понять так, что три тысячи человек задержали в Минске; в письме — три тысячи всего, из них тысяча в Минске.',
  },
];
