import { describe, expect, it } from 'vitest';
import { withoutAnchors } from '../../../scripts/build/search-index';

const anchor = { element: 'p', id: 'p-1', location: 0, text: 'The whole paragraph, a second time.' };
const fragment = {
  url: '/en/a/',
  content: 'The whole paragraph.',
  word_count: 3,
  meta: { title: 'A' },
  anchors: [anchor],
};
const excerptFile = (data: unknown) => Buffer.from(`pagefind_dcd${JSON.stringify(data)}`);
const read = (content: Buffer): unknown => JSON.parse(content.toString('utf8').slice('pagefind_dcd'.length));

describe('excerpt files', () => {
  it("drop the anchors of one page's excerpts and keep the rest as it was", () => {
    expect(read(withoutAnchors(excerptFile(fragment)))).toEqual({ ...fragment, anchors: [] });
  });

  it("drop the anchors of every page in a language's one excerpt file", () => {
    const group = { en_1: fragment, en_2: { ...fragment, url: '/en/b/' } };
    expect(read(withoutAnchors(excerptFile(group)))).toEqual({
      en_1: { ...fragment, anchors: [] },
      en_2: { ...fragment, url: '/en/b/', anchors: [] },
    });
  });

  it('refuse a file that is not an excerpt file', () => {
    expect(() => withoutAnchors(Buffer.from('{"url":"/en/a/"}'))).toThrow('not a Pagefind excerpt file');
  });
});
