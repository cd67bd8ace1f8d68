import type { InEveryLanguage } from '../../src/i18n/locales';

export interface Paradigm {
  forms: string[];
  /** The document that has a form of the word, or has the most of them: the first result for every form. */
  document?: string;
}

/**
 * Case forms of names and nouns from the documents (and the persons and tenses
 * of some verbs), a word to a line.
 * Whatever form a reader types, its stem must begin every other form, so that
 * it finds the document whichever form the text uses: the unit tests check
 * the stems, and the search tests run every form in the browser. A partial language has none until
 * someone writes its forms.
 */
export const paradigms: InEveryLanguage<Paradigm[]> = {
  be: [
    { forms: ['Бандарэнка', 'Бандарэнкі', 'Бандарэнку', 'Бандарэнкам'], document: 'petition-to-the-ilo' },
    {
      forms: ['Калеснікава', 'Калеснікавай', 'Калеснікаву', 'Калеснікаваю'],
      document: 'congress-resolution-on-belarus',
    },
    { forms: ['Міхневіч', 'Міхневіча', 'Міхневічу', 'Міхневічам'], document: 'ituc-letter-to-the-ambassador' },
    { forms: ['Нафтан', 'Нафтана', 'Нафтану', 'Нафтанам', 'Нафтане'], document: 'ilo-urges-belarus' },
    {
      forms: ['Беларуськалій', 'Беларуськалія', 'Беларуськалію', 'Беларуськаліем', 'Беларуськаліі'],
      document: 'ituc-letter-to-the-ambassador',
    },
    { forms: ['Беларусь', 'Беларусі', 'Беларуссю'] },
    { forms: ['Лукашэнка', 'Лукашэнкі', 'Лукашэнку', 'Лукашэнкам'] },
    {
      forms: ['петыцыя', 'петыцыі', 'петыцыю', 'петыцыяй', 'петыцыяю', 'петыцый', 'петыцыям', 'петыцыямі', 'петыцыях'],
      document: 'petition-to-the-ilo',
    },
    {
      forms: ['турма', 'турмы', 'турме', 'турму', 'турмой', 'турмою', 'турмаў', 'турмам', 'турмамі', 'турмах'],
      document: 'petition-to-the-ilo',
    },
    {
      forms: ['санкцыя', 'санкцыі', 'санкцыю', 'санкцыяй', 'санкцый', 'санкцыям', 'санкцыямі', 'санкцыях'],
      document: 'petition-to-the-ilo',
    },
    {
      forms: ['подпіс', 'подпісу', 'подпісам', 'подпісе', 'подпісы', 'подпісаў', 'подпісамі', 'подпісах'],
      document: 'petition-to-the-ilo',
    },
    {
      forms: ['рэзалюцыя', 'рэзалюцыі', 'рэзалюцыю', 'рэзалюцыяй', 'рэзалюцый', 'рэзалюцыям'],
      document: 'congress-resolution-on-belarus',
    },
    { forms: ['страйк', 'страйку', 'страйкам', 'страйкі', 'страйкаў', 'страйкамі', 'страйках'] },
    { forms: ['падпісаць', 'падпісаў', 'падпісала', 'падпісалі'] },
    { forms: ['заклікаць', 'заклікаю', 'заклікаем', 'заклікае', 'заклікаеце', 'заклікаюць', 'заклікаў'] },
    { forms: ['адмовіцца', 'адмовіўся', 'адмовілася', 'адмовіліся'] },
  ],
  ru: [
    {
      forms: ['Колесникова', 'Колесниковой', 'Колесникову', 'Колесниковою'],
      document: 'congress-resolution-on-belarus',
    },
    {
      forms: ['Михневич', 'Михневича', 'Михневичу', 'Михневичем', 'Михневиче'],
      document: 'ituc-letter-to-the-ambassador',
    },
    { forms: ['Нафтан', 'Нафтана', 'Нафтану', 'Нафтаном', 'Нафтане'], document: 'ilo-urges-belarus' },
    {
      forms: ['петиция', 'петиции', 'петицию', 'петицией', 'петиций', 'петициям', 'петициями', 'петициях'],
      document: 'petition-to-the-ilo',
    },
    {
      forms: ['тюрьма', 'тюрьмы', 'тюрьме', 'тюрьму', 'тюрьмой', 'тюрьмою', 'тюрьмам', 'тюрьмами', 'тюрьмах'],
      document: 'petition-to-the-ilo',
    },
    {
      forms: ['санкция', 'санкции', 'санкцию', 'санкцией', 'санкций', 'санкциям', 'санкциями', 'санкциях'],
      document: 'petition-to-the-ilo',
    },
    { forms: ['обыск', 'обыска', 'обыску', 'обыском', 'обыске', 'обыски', 'обысков', 'обысками', 'обысках'] },
  ],
  en: [
    { forms: ['sanction', 'sanctions', 'sanctioned', 'sanctioning'], document: 'petition-to-the-ilo' },
    { forms: ['petition', 'petitions', 'petitioned'], document: 'petition-to-the-ilo' },
    { forms: ['arrest', 'arrests', 'arrested', 'arresting'] },
    { forms: ['strike', 'strikes', 'striking', 'striker', 'strikers'] },
    { forms: ['search', 'searches', 'searched', 'searching'] },
    { forms: ['prison', 'prisons', 'prisoner', 'prisoners'] },
  ],
};
