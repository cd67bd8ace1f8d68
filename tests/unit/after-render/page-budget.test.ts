import { randomBytes } from 'node:crypto';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { pagesOverBudget } from '../../../pipeline/after-render/page-budget';
import { budgets } from '../../../pipeline/after-render/budgets';

/** A page of `bytes` characters that do not compress, as a huge pasted text or image would not. */
const pageOf = (bytes: number) =>
  parse(`<!doctype html><html><body><p>${randomBytes(bytes / 2).toString('hex')}</p></body></html>`);

describe('page budget in the build', () => {
  it('passes pages whose HTML fits the first-visit budget', () => {
    expect(pagesOverBudget(new Map([['en/x/index.html', pageOf(8 * 1024)]]))).toEqual([]);
  });

  it('names a page over the first-visit budget, with its size and excess', () => {
    const [problem, ...others] = pagesOverBudget(new Map([['be/x/index.html', pageOf(64 * 1024)]]));
    expect(others).toEqual([]);
    const [, actual, excess] =
      /^be\/x\/index\.html: its HTML alone is (\d+) B brotli, (\d+) B over the first-visit budget of (\d+) B$/.exec(
        problem ?? '',
      ) ?? [];
    expect(Number(actual) - Number(excess)).toBe(budgets.firstVisit.limitBytes);
    expect(Number(actual)).toBeGreaterThan(budgets.firstVisit.limitBytes);
  });

  it('leaves the take-away copies, which are downloads, to their own measure', () => {
    expect(pagesOverBudget(new Map([['downloads/en/x.html', pageOf(64 * 1024)]]))).toEqual([]);
  });
});
