/**
 * A search result's excerpt, cut from the one paragraph (or list item) where
 * the first match is, so that the result can link to that paragraph and no two
 * list items run together. Pagefind gives a page's text and the places of the
 * matched words in it (as word counts); the build adds where each paragraph and
 * each other element with an id starts (`blockStarts`, from Pagefind's anchors:
 * see pipeline/search-index/search-index.ts).
 */
import { paragraphNumber } from './paragraph-number.ts';

/** Pagefind's record of an element with an id: where in the page's words it starts. */
export interface Anchor {
  id: string;
  location: number;
}

/**
 * Where a page's blocks start, as the excerpt file keeps them: paragraph N starts `paragraphs[0] + … +
 * paragraphs[N - 1]` words in (a list of differences, the shortest to write), and `others` lists where each
 * other element with an id (a heading) starts.
 */
export interface BlockStarts {
  paragraphs: number[];
  others: number[];
}

/** Pagefind's anchors as `BlockStarts`; throws unless the paragraphs come in the order of their numbers. */
export function blockStarts(anchors: readonly Anchor[]): BlockStarts {
  const paragraphs: number[] = [];
  const others: number[] = [];
  let previous = 0;
  for (const { id, location } of anchors) {
    const number = paragraphNumber(id);
    if (number === undefined) {
      others.push(location);
    } else {
      if (number !== paragraphs.length + 1) throw new Error(`paragraph ${id} comes after p-${paragraphs.length}`);
      paragraphs.push(location - previous);
      previous = location;
    }
  }
  return { paragraphs, others };
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

/** How many words of the paragraph come before the first match, when there are so many (a quarter at most). */
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
  { paragraphs, others }: BlockStarts,
  length = excerptWords,
): ParagraphExcerpt {
  const words = contentWords(content);
  const first = locations.length > 0 ? Math.min(...locations) : 0;
  let sum = 0;
  const starts = paragraphs.map((difference) => (sum += difference));
  const blocks = [
    ...starts.map((location, index) => ({ location, paragraph: index + 1 })),
    ...others.map((location) => ({ location, paragraph: undefined })),
  ].sort((a, b) => a.location - b.location);
  const block = blocks.filter(({ location }) => location <= first).at(-1);
  const blockStart = block?.location ?? 0;
  const end = blocks.find(({ location }) => location > blockStart)?.location ?? words.length;
  const lead = Math.min(wordsBeforeMatch, Math.floor(length / 4));
  const from = Math.max(blockStart, Math.min(first - lead, end - length));
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
  return { paragraph: block?.paragraph, parts, cutBefore: from > blockStart, cutAfter: to < end };
}
