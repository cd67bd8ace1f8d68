/**
 * Where the site's text must not break a line, as no-break spaces: between "¶" and its number; before a
 * separator such as "·", which must not begin a line; and before the Belarusian and Russian "г." (year), which
 * alone at the start of a line reads as a stray letter. pipeline/after-render/typesetting.ts applies them to the
 * text of every built page, whatever wrote it; src/lib/dates.ts to every date, which also goes where no page's
 * text is (attributes, the search index's fields, feeds).
 */

/** "¶" and the space before its number. */
const paragraphMark = /¶[ \t\r\n]+(?=\d)/g;
/** A breakable space before a separator. */
const spaceBeforeSeparator = /[ \t\r\n]+(?=[·•](?:\s|$))/g;
/** A breakable space between a year and «г.». */
const spaceBeforeYearMark = /(?<=\d)[ \t\r\n]+(?=г\.)/gu;

export function noBreakSpaces(text: string): string {
  return text
    .replace(paragraphMark, '¶\u00a0')
    .replace(spaceBeforeSeparator, '\u00a0')
    .replace(spaceBeforeYearMark, '\u00a0');
}
