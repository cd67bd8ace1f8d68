import { describe, expect, it } from 'vitest';
import { documentWeightBreaches, starlightShare, type DocumentWeight } from '../../../pipeline/after-render/budgets';

const weight = (lang: string, brotliBytes: number, textFloorBytes: number): DocumentWeight => ({
  page: `/${lang}/doc/`,
  lang,
  slug: 'doc',
  brotliBytes,
  textFloorBytes,
});
const starlight = 40_000;
const limit = Math.floor(starlight * starlightShare);

describe('document pages against stock Starlight', () => {
  it('passes an English page at its share of Starlight’s, and translations no heavier above their text floor', () => {
    const weights = [weight('be', limit + 900, 3900), weight('en', limit, 3000), weight('ru', limit + 500, 3500)];
    expect(documentWeightBreaches(weights, () => starlight)).toEqual([]);
  });

  it('names an English page over its share, by how much', () => {
    expect(documentWeightBreaches([weight('en', limit + 7, 3000)], () => starlight)).toEqual([
      `/en/doc/: ${limit + 7} B brotli, 7 B over ${starlightShare}× Starlight's ${starlight} B (${limit} B)`,
    ]);
  });

  it('holds a translation to the English page’s bytes above the text floor, not to Starlight', () => {
    const weights = [weight('en', 5000, 3000), weight('be', 5500, 3400)];
    expect(documentWeightBreaches(weights, () => starlight)).toEqual([
      "/be/doc/: 2100 B above its text floor, 100 B more than the English page's 2000 B",
    ]);
  });

  it('says so when Starlight has no page of an English text, or a translation has no English page measured', () => {
    expect(documentWeightBreaches([weight('en', 10, 5)], () => undefined)).toEqual([
      '/en/doc/: Starlight has no page of this text recorded (pipeline/bench/starlight-pages.ts)',
    ]);
    expect(documentWeightBreaches([weight('ru', 10, 5)], () => starlight)).toEqual([
      '/ru/doc/: no English page of doc was measured to hold it to',
    ]);
  });
});
