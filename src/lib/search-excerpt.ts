/**
 * A search result's excerpt, cut from the one paragraph (or list item) where
 * the first match is, so that the result can link to that paragraph and no two
 * list items run together. Pagefind gives a page's text, the places of the
 * matched words in it (as word counts), and where each element with an id
 * starts (its anchors: the build keeps only their ids and places, see
 * pipeline/search-index/search-index.ts).
 */
import { paragraphNumber } from './paragraph-number.ts';

export interface Anchor {
  id: string;
  location: number;
}

export interface ExcerptPart {
  text: string;
  /** A matched word, without the punctuation beside it. */
  marked: boolean;
}

export interface ParagraphExcerpt {
  /** The number of the paragraph the excerpt is from (its id `p-N`); undefined outside numbered paragraphs. */
  paragraph: number | undefined;
  parts: ExcerptPart[];
  /** Whether the paragraph goes on before the excerpt, or after it: the excerpt then shows "…" there. */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** Words an excerpt shows at most: a few lines on a phone. */
export const excerptWords = 24;

/** How many words of the paragraph come before the first match, when there are so many. */
const wordsBeforeMatch = 6;

/** A page's text split into words as Pagefind counts them (on white space, but not on U+FEFF). */
export function contentWords(content: string): string[] {
  return content.split(/[^\S\uFEFF]+/);
}

/** A word's leading punctuation, the word itself, and its trailing punctuation: «Капшуля.» → «», «Капшуля», «.». */
function splitPunctuation(word: string): [string, string, string] {
  const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(word) ?? [];
  return [before, core, after];
}

export function paragraphExcerpt(
  content: string,
  locations: readonly number[],
  anchors: readonly Anchor[],
  length = excerptWords,
): ParagraphExcerpt {
  const words = contentWords(content);
  const first = locations.length > 0 ? Math.min(...locations) : 0;
  const sorted = [...anchors].sort((a, b) => a.location - b.location);
  const block = sorted.filter(({ location }) => location <= first).at(-1);
  const start = block?.location ?? 0;
  const end = sorted.find(({ location }) => location > start)?.location ?? words.length;
  const from = Math.max(start, Math.min(first - wordsBeforeMatch, end - length));
  const to = Math.min(end, from + length);
  const parts: ExcerptPart[] = [];
  const addText = (text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && !last.marked) last.text += text;
    else parts.push({ text, marked: false });
  };
  for (let index = from; index < to; index += 1) {
    const word = words[index] ?? '';
    if (index > from) addText(' ');
    const [before, core, after] = splitPunctuation(word);
    if (locations.includes(index) && core !== '') {
      addText(before);
      parts.push({ text: core, marked: true });
      addText(after);
    } else {
      addText(word);
    }
  }
  return { paragraph: paragraphNumber(block?.id), parts, cutBefore: from > start, cutAfter: to < end };
}
