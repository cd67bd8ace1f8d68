import type { Locale } from '../../src/i18n/locales';
import { wrongForms } from '../../src/i18n/wrong-forms.ts';

/** One spelling or typography defect in a text, at a 1-based line and column. */
export interface OrthographyFinding {
  line: number;
  column: number;
  text: string;
  problem: string;
}

interface Rule {
  /** Where the rule applies: every language if absent. */
  langs?: readonly Locale[];
  /** A rule that reads across words, which only the text as rendered shows: markup can stand between them. */
  acrossWords?: true;
  /** A form of a name found wrong: wrong in code and quotations as well as in prose. */
  name?: true;
  /** Finds the defect; the pattern must have the `g` flag. */
  pattern: RegExp;
  /** Whether a match is a defect, when that takes more than the pattern; may say why, in place of `problem`. */
  test?: (match: RegExpExecArray) => boolean | string;
  problem: string;
}

const word = /[\p{L}\p{M}]+/gu;

/**
 * Belarusian ў and у at the start of a word (Правілы беларускай арфаграфіі і пунктуацыі, 2008, § 15, approved
 * by Закон № 420-З of 23 July 2008; the exceptions below were stated by a fluent editor, who checked the text
 * of § 15 on pravilna.by and in the Нацыянальны інстытут адукацыі's textbook, «§ 14. Правапіс літар У і Ў»):
 * - п. 1: after a word ending in a vowel, a word's first у is ў («на ўвесь дзень»), unless the word starts a
 *   sentence or a punctuation mark stands before it («Школа, у якой»). Quotation marks and a hyphen do not
 *   count («крыкі «ўра»», «мастакі-ўмельцы»); a new block or line is a pause, like a punctuation mark.
 * - п. 2: a stressed у stays у («да у́рны», «Брэсцкая у́нія», «у́льтра», «у́зус», «у́нты», «у́ханне»), and so do
 *   the interjections «ух» and «уй».
 * - п. 4: a proper name keeps its capital У («за Уладзіміра»): Ў never starts a name.
 * The rules say nothing of a word before у that is an abbreviation (МАП, ЕС), a number or in Latin letters;
 * how it is read aloud decides («ЕС [эс] у іншую», «30 000 удзельнікаў»), which a machine cannot know, so the
 * rule leaves those alone. Й, ў and ь end a word in a consonant («свой уплыў», «даў усім»).
 */
const beVowel = /[аеёіоуыэюя]$/iu;
/**
 * A word, then spaces, quotation marks or a hyphen, before a word starting with у or ў, or such a word after
 * anything else. The word with у is looked at, not taken, so it can be the word before the next one.
 */
const nonSyllabicU =
  /(?<before>(?<![\p{L}\p{M}’'ʼ])[\p{L}\p{M}’'ʼ-]*[\p{L}\p{M}])?(?<between>[\s\u00a0«»„“”"‑-]*)(?<![\p{L}\p{M}])(?=(?<u>[уўЎ][\p{L}\p{M}]*))/gu;
/** Words whose first у is stressed, which stays у after a vowel (§ 15 п. 2). */
const stressedU = /^(?:урн|уні(?:я|і|ю|яй|ямі|ях|й)$|ультра|узус|унт(?:ы|аў|амі|ах)?$|уханн|ухаць|унцы|ух$|уй$)/u;
const isAbbreviation = (text: string) => /^[\p{Lu}-]{2,}$/u.test(text);
const isCyrillic = (text: string) => /^[\p{Script=Cyrillic}’'ʼ-]+$/u.test(text);

function nonSyllabicUProblem(match: RegExpExecArray): string | false {
  const { before = '', u = '' } = match.groups ?? {};
  if (u.startsWith('Ў')) {
    // Judged once, by the match that starts at the word itself.
    return match[0] === '' && /^Ў\p{Ll}/u.test(u)
      ? 'starts a word with a capital Ў: a sentence or a name starts with У (§ 15 п. 1, п. 4)'
      : false;
  }
  if (before === '') {
    // Only the match that starts right after what stands before the spaces and quotation marks judges: after a
    // word, the match that took the word has; after a number, how it is read decides; after a punctuation mark or
    // at the start of a block, a word keeps у.
    const preceding = match.input.slice(0, match.index);
    if (/[\s\u00a0«»„“”"‑-]$/u.test(preceding)) return false;
    return u.startsWith('ў') && !/[\p{L}\p{M}\p{N}]$/u.test(preceding)
      ? `«${u}» starts a sentence or follows a punctuation mark: write у (§ 15 п. 1)`
      : false;
  }
  if (!isCyrillic(before) || isAbbreviation(before)) return false;
  const afterVowel = beVowel.test(before);
  if (afterVowel && u.startsWith('у') && !stressedU.test(u)) {
    return `«${u}» follows «${before}», which ends in a vowel: write ў (§ 15 п. 1), or the punctuation mark the sentence needs`;
  }
  if (!afterVowel && u.startsWith('ў'))
    return `«${u}» follows «${before}», which ends in a consonant: write у (§ 15 п. 1)`;
  return false;
}

const rules: readonly Rule[] = [
  {
    pattern: word,
    test: ([match]) => /\p{Script=Latin}/u.test(match) && /\p{Script=Cyrillic}/u.test(match),
    problem:
      'mixes Latin and Cyrillic letters: one of them is a look-alike from the other alphabet (Latin a, c, e, i, o, p, x, y); retype the word',
  },
  {
    langs: ['ru'],
    pattern: /[^\s\p{P}]*[ёЁ][^\s\p{P}]*/gu,
    problem: 'has ё: Russian on this site is written without ё, as in the documents; write е',
  },
  {
    langs: ['ru'],
    pattern: /[^\s\p{P}]*[ІіЎў][^\s\p{P}]*/gu,
    problem: 'has a Belarusian letter (і or ў) in Russian text; write и or у',
  },
  {
    langs: ['be'],
    pattern: /[^\s\p{P}]*[ИиЩщЪъ][^\s\p{P}]*/gu,
    problem: 'has a Russian letter (и, щ or ъ) in Belarusian text; write і, шч or ’',
  },
  {
    pattern: /(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)/gu,
    problem:
      'separates groups of digits with an ordinary space, so a phone can break the number across lines; use a no-break space (U+00A0)',
  },
  ...Object.entries(wrongForms).flatMap(([lang, forms]) =>
    forms.map(({ form, stem, right, source }): Rule => ({
      langs: [lang as Locale],
      name: true,
      pattern: new RegExp(`(?<![\\p{L}\\p{M}])${form}${stem ? '[\\p{L}\\p{M}]*' : '(?![\\p{L}\\p{M}])'}`, 'gu'),
      problem: `is a form of a name found wrong (${source}): write ${right}`,
    })),
  ),
  {
    langs: ['be'],
    acrossWords: true,
    pattern: nonSyllabicU,
    test: nonSyllabicUProblem,
    problem: 'breaks the ў/у rule',
  },
];

/**
 * The spelling and typography defects a machine can find in a text in `lang`: words that mix Latin and Cyrillic
 * letters, letters of the other East Slavic alphabet, ё in Russian, numbers whose digit groups may break apart,
 * forms of names found wrong (src/i18n/wrong-forms.ts), and in Belarusian the rule of ў and у.
 */
export function orthographyFindings(
  text: string,
  lang: Locale,
  {
    rendered = true,
    namesOnly = false,
  }: {
    /** False for a source file, whose markup may split words the page runs together. */
    rendered?: boolean;
    /** Only the forms of names found wrong: for code, where other rules would judge commands and addresses. */
    namesOnly?: boolean;
  } = {},
): OrthographyFinding[] {
  const findings: OrthographyFinding[] = [];
  text.split('\n').forEach((lineText, index) => {
    for (const rule of rules) {
      if (rule.langs && !rule.langs.includes(lang)) continue;
      if (rule.acrossWords && !rendered) continue;
      if (namesOnly && !rule.name) continue;
      for (const match of lineText.matchAll(rule.pattern)) {
        const verdict = rule.test ? rule.test(match) : true;
        if (verdict === false) continue;
        const problem = typeof verdict === 'string' ? verdict : rule.problem;
        // A rule that looks ahead reports the word it looked at too.
        const text = `${match[0]}${match.groups?.['u'] ?? ''}`.trim();
        const column = match.index + match[0].length - match[0].trimStart().length + 1;
        findings.push({ line: index + 1, column, text, problem });
      }
    }
  });
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * An MDX source with its code blocks and inline code blanked out, line for line, so that commands and addresses
 * are not checked as prose but every finding keeps its line and column.
 */
export function withoutCode(source: string): string {
  let inFence = false;
  return source
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        inFence = !inFence;
        return '';
      }
      if (inFence) return '';
      return line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    })
    .join('\n');
}

/** A finding as a line of a report: `file:line:column «text» problem`. */
export function formatFinding(file: string, finding: OrthographyFinding): string {
  return `${file}:${finding.line}:${finding.column} «${finding.text}» ${finding.problem}`;
}
