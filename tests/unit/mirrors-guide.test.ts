import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageLanguages } from '../support/content.ts';

/** The fenced code blocks of a language's mirrors guide, in order: the commands and configurations a volunteer pastes. */
function codeBlocks(lang: string): string[] {
  const guide = readFileSync(`src/content/pages/${lang}/mirrors.mdx`, 'utf8');
  return [...guide.matchAll(/^```[a-z]*\n[\s\S]*?\n```$/gm)].map(([block]) => block);
}

describe('the mirrors guide', () => {
  it.each(pageLanguages('mirrors').filter((lang) => lang !== 'en'))(
    'in %s has the English guide’s code blocks, in the same order, so every reader pastes the same commands',
    (lang) => {
      expect(codeBlocks(lang)).toEqual(codeBlocks('en'));
    },
  );

  it('has code blocks to compare', () => {
    expect(codeBlocks('en').length).toBeGreaterThan(10);
  });
});
