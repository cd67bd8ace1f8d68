import type { Locale } from '../i18n/locales';

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
  /** Finds the defect; the pattern must have the `g` flag. */
  pattern: RegExp;
  /** Whether a match is a defect, when that takes more than the pattern. */
  test?: (match: string) => boolean;
  problem: string;
}

const word = /[\p{L}\p{M}]+/gu;

const rules: readonly Rule[] = [
  {
    pattern: word,
    test: (match) => /\p{Script=Latin}/u.test(match) && /\p{Script=Cyrillic}/u.test(match),
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
];

/**
 * The spelling and typography defects a machine can find in a text in `lang`: words that mix Latin and Cyrillic
 * letters, letters of the other East Slavic alphabet, ё in Russian, and numbers whose digit groups may break apart.
 */
export function orthographyFindings(text: string, lang: Locale): OrthographyFinding[] {
  const findings: OrthographyFinding[] = [];
  text.split('\n').forEach((lineText, index) => {
    for (const rule of rules) {
      if (rule.langs && !rule.langs.includes(lang)) continue;
      for (const match of lineText.matchAll(rule.pattern)) {
        if (rule.test && !rule.test(match[0])) continue;
        findings.push({ line: index + 1, column: match.index + 1, text: match[0], problem: rule.problem });
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
