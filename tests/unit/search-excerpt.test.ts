import { describe, expect, it } from 'vitest';
import { blockStarts, paragraphExcerpt, type ExcerptPart } from '../../src/lib/search-excerpt';

/** An excerpt as a reader sees it, the marked words in brackets. */
const shown = (cutBefore: boolean, parts: ExcerptPart[], cutAfter: boolean) =>
  `${cutBefore ? '…' : ''}${parts.map(({ text, marked }) => (marked ? `[${text}]` : text)).join('')}${cutAfter ? '…' : ''}`;

// Three blocks: a heading, then two list items that must not run together.
const content = 'Strikes. the first item ends here. the second item names Kapshul. and goes on for a while longer';
const anchors = [
  { id: 'strikes', location: 0 },
  { id: 'p-1', location: 1 },
  { id: 'p-2', location: 6 },
];

describe('where blocks start', () => {
  it('keeps paragraphs as differences and other anchors as places', () => {
    expect(blockStarts(anchors)).toEqual({ paragraphs: [1, 5], others: [0] });
  });

  it('refuses paragraphs out of order, which no document numbers so', () => {
    expect(() => blockStarts([{ id: 'p-2', location: 0 }])).toThrow('p-2');
  });
});

describe('an excerpt', () => {
  const blocks = blockStarts(anchors);

  it('comes from the one paragraph that matched, and gives its number', () => {
    const excerpt = paragraphExcerpt(content, [10], blocks, 40);
    expect(excerpt.paragraph).toBe(2);
    expect(shown(excerpt.cutBefore, excerpt.parts, excerpt.cutAfter)).toBe(
      'the second item names [Kapshul]. and goes on for a while longer',
    );
  });

  it('marks the word without the punctuation beside it', () => {
    const { parts } = paragraphExcerpt('«Kapshul», he said.', [0], { paragraphs: [0], others: [] });
    expect(parts).toEqual([
      { text: '«', marked: false },
      { text: 'Kapshul', marked: true },
      { text: '», he said.', marked: false },
    ]);
  });

  it('shows "…" where it cuts the paragraph, before and after', () => {
    const excerpt = paragraphExcerpt(content, [10], blocks, 4);
    expect(shown(excerpt.cutBefore, excerpt.parts, excerpt.cutAfter)).toBe('…names [Kapshul]. and goes…');
  });

  it('starts at the paragraph when the match is near its start, with no "…" there', () => {
    const excerpt = paragraphExcerpt(content, [7], blocks, 8);
    expect(shown(excerpt.cutBefore, excerpt.parts, excerpt.cutAfter)).toBe(
      'the [second] item names Kapshul. and goes on…',
    );
  });

  it('has no paragraph number outside numbered paragraphs', () => {
    expect(paragraphExcerpt(content, [0], blocks).paragraph).toBeUndefined();
  });
});
