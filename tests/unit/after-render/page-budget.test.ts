import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { pagesOverBudget, quickSizeProducer } from '../../../pipeline/after-render/page-budget';
import { budgets } from '../../../pipeline/after-render/budgets';
import { buildCache } from '../../../pipeline/render/build-cache';

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

  it('keeps each page’s quick measure by its HTML and this code, and weighs a changed page anew', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'page-budget-'));
    try {
      const cache = buildCache('page-budget', quickSizeProducer, folder);
      const page = pageOf(64 * 1024);
      // A stand-in for what the last build kept shows that it is read, not measured again, while the HTML is the same.
      cache.set(cache.key(page.toString()), Buffer.from('0'));
      expect(pagesOverBudget(new Map([['en/x/index.html', page]]), cache)).toEqual([]);
      page.querySelector('p')?.insertAdjacentHTML('beforeend', 'x');
      expect(pagesOverBudget(new Map([['en/x/index.html', page]]), cache)).toHaveLength(1);
      expect(quickSizeProducer.modules.map((module) => path.basename(module.pathname))).toEqual(
        expect.arrayContaining(['page-budget.ts', 'budgets.ts']),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
