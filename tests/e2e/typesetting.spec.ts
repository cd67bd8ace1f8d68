import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'node-html-parser';
import { hyphenatedAcronym } from '../../pipeline/after-render/typesetting';
import { paths } from '../../src/lib/routes';
import { builtFile, sitePages } from './site';

// The typesetting rules on every built page (pipeline/after-render/typesetting.ts and src/lib/dates.ts), then,
// in a browser on a narrow phone, that the lines break as the rules mean them to.

/** A built page's running text: without code, scripts, styles and the head, whose text is no line. */
function runningText(sitePath: string, without = ''): string {
  const document = parse(readFileSync(builtFile(sitePath), 'utf8'));
  for (const element of document.querySelectorAll(`head, script, style, template, pre, code${without}`)) {
    element.remove();
  }
  return document.querySelector('body')?.text ?? '';
}

/** A breakable space: any white space but the no-break one. */
const breakable = '[ \\t\\r\\n]';

test('on every built page: ¶ holds its number, no separator follows a breakable space, every acronym is kept whole, «г.» holds its year', () => {
  expect(sitePages.length).toBeGreaterThan(50);
  const faults: string[] = [];
  const at = (sitePath: string, text: string, pattern: RegExp, rule: string) => {
    for (const match of text.matchAll(pattern)) {
      faults.push(`${sitePath}: ${rule}: «${text.slice(Math.max(0, match.index - 20), match.index + 20)}»`);
    }
  };
  for (const { path: sitePath } of sitePages) {
    const text = runningText(sitePath);
    at(sitePath, text, new RegExp(`¶${breakable}+\\d`, 'gu'), '¶ and a breakable space');
    at(sitePath, text, new RegExp(`${breakable}[·•]`, 'gu'), 'a separator after a breakable space');
    at(sitePath, text, new RegExp(`\\d${breakable}+г\\.`, 'gu'), '«г.» after a breakable space');
    // What is left when the spans that keep acronyms whole are taken out holds no acronym.
    at(sitePath, runningText(sitePath, ', .nowrap'), hyphenatedAcronym, 'an acronym outside a .nowrap span');
  }
  expect(faults).toEqual([]);
  // The rules have something to apply to: the pages do hold all four.
  const home = runningText(paths.home('be'));
  expect(home).toMatch(/ACV-CSC/);
  expect(runningText(paths.introduction('ru'))).toMatch(/¶\u00a0\d/);
  expect(runningText(paths.notFound())).toMatch(/\u00a0· /);
  expect(home).toMatch(/\d\u00a0г\./);
});

test.describe('on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('no line of the 404 heading starts with its separator', async ({ page }) => {
    await page.goto('/no-such-page');
    const separatorsAtLineStart = await page.locator('h1').evaluate((heading) => {
      const starts: string[] = [];
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let previousTop: number | undefined;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let index = 0; index < text.length; index += 1) {
          if (/\s/.test(text[index] ?? '')) continue;
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          const top = range.getBoundingClientRect().top;
          if (text[index] === '·' && previousTop !== undefined && top > previousTop + 1) starts.push(text);
          previousTop = top;
        }
      }
      return starts;
    });
    // The heading does wrap here: three titles do not fit on one line of 320 px.
    expect(await page.locator('h1').evaluate((heading) => heading.getClientRects()[0]?.height ?? 0)).toBeGreaterThan(
      60,
    );
    expect(separatorsAtLineStart).toEqual([]);
  });

  test('acronyms do not break at their hyphen, and ¶ stays with its number', async ({ page }) => {
    for (const sitePath of [paths.home('be'), paths.document('ru', 'ituc-letter-to-the-ambassador')]) {
      await page.goto(sitePath);
      const spans = page.locator('main .nowrap');
      expect(await spans.count(), sitePath).toBeGreaterThan(2);
      const lines = await spans.evaluateAll((elements) => elements.map((element) => element.getClientRects().length));
      expect(lines, sitePath).toEqual(lines.map(() => 1));
    }
    await page.goto(paths.introduction('be'));
    const split = await page.locator('main a').evaluateAll((links) =>
      links
        .filter((link) => /^¶\s\d+$/u.test(link.textContent ?? ''))
        .filter((link) => link.getClientRects().length > 1)
        .map((link) => link.textContent),
    );
    expect(split).toEqual([]);
  });

  test('a source list puts no gap between a paragraph number and its comma', async ({ page }) => {
    await page.goto(paths.timeline('be'));
    const gaps = await page.locator('.source-list li').evaluateAll((items) =>
      items.flatMap((item) =>
        [...item.querySelectorAll('a')].flatMap((link) => {
          const after = link.nextSibling;
          if (!after?.textContent?.startsWith(',')) return [];
          const text = link.firstChild;
          if (!text) return [];
          // The glyphs of the number, not the link's box: a thumb's target, wider than one digit.
          const glyphs = document.createRange();
          glyphs.selectNodeContents(text);
          const glyphRight = Math.max(...[...glyphs.getClientRects()].map((rect) => rect.right));
          const comma = document.createRange();
          comma.setStart(after, 0);
          comma.setEnd(after, 1);
          const commaLeft = comma.getBoundingClientRect().left;
          return [{ gap: commaLeft - glyphRight, at: link.textContent }];
        }),
      ),
    );
    expect(gaps.length).toBeGreaterThan(10);
    // A comma set after a digit leaves at most a hair of space (a font's side bearing), not a tap target's width.
    expect(gaps.filter(({ gap }) => gap > 2)).toEqual([]);
  });
});
