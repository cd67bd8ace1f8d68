import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  prunedStylesProducer,
  pruneStyles,
  pruneStylesheet,
  vocabularyOf,
} from '../../../pipeline/after-render/page-styles';
import { buildCache } from '../../../pipeline/render/build-cache';

const prune = (css: string, body: string, scripts: string[] = []) =>
  pruneStylesheet(css, vocabularyOf(parse(`<html><head></head><body>${body}</body></html>`), scripts));

describe('each page keeps only the CSS that can apply to it', () => {
  it('drops rules for elements, classes, ids and attributes the page has not', () => {
    const css = 'p{color:red}table{border:0}.share{margin:0}.pair{gap:0}#p-1{top:0}#q{top:0}[data-x]{a:b}[data-y]{a:b}';
    expect(prune(css, '<p class="share" id="p-1" data-x>Text</p>')).toBe(
      'p{color:red}.share{margin:0}#p-1{top:0}[data-x]{a:b}',
    );
  });

  it('keeps only the selectors of a list that can match, and the whole rule as it was', () => {
    expect(prune('ul,ol,menu{list-style:none}', '<ul><li>x</li></ul>')).toBe('ul{list-style:none}');
  });

  it('keeps what a script of the page names: a class it adds, an element it draws', () => {
    const css = '.search-ready .hint{display:none}mark{font-weight:700}.other{x:y}';
    const body = '<p class="hint">x</p><script>document.documentElement.classList.add("search-ready")</script>';
    expect(prune(css, body, ['x.innerHTML = `<mark>${word}</mark>`'])).toBe(
      '.search-ready .hint{display:none}mark{font-weight:700}',
    );
  });

  it('keeps state and print rules that match the page, and drops form controls’ pseudo-elements where there are none', () => {
    const css =
      'a:hover{x:y}[id^=p-]:target{x:y}p::before{x:y}::-webkit-datetime-edit{x:y}::placeholder{x:y}:host{x:y}@media print{.nav{display:none}.gone{display:none}}';
    expect(prune(css, '<p id="p-1"><a class="nav" href="#">x</a></p>')).toBe(
      'a:hover{x:y}[id^=p-]:target{x:y}p::before{x:y}@media print{.nav{display:none}}',
    );
    expect(prune('::-webkit-search-decoration{x:y}', '<input type="search">')).toBe('::-webkit-search-decoration{x:y}');
  });

  it('reads :is and :where as any of their selectors, and never drops for what :not excludes', () => {
    expect(prune(':where(.a,.b) p{x:y}:is(.c) p{x:y}p:not(.gone){x:y}', '<div class="b"><p>x</p></div>')).toBe(
      ':where(.a,.b) p{x:y}p:not(.gone){x:y}',
    );
  });

  it('reads on after a pseudo-class: what follows :not() or :where() must be in the page too', () => {
    expect(prune(':root:not(.ready) .form{x:y}:where(.b) .gone{x:y}', '<div class="b"><p>x</p></div>')).toBe('');
  });

  it('drops empty blocks and custom properties nothing reads, keeping the order of the layers', () => {
    const css =
      '@layer theme,base,components;@layer base{:root{--ink:#000;--unused:1px;--mark:red}}@layer components{.pair{color:var(--mark)}p{color:var(--ink)}}@media (width>=48rem){.pair{gap:0}}';
    expect(prune(css, '<p>x</p>')).toBe(
      '@layer theme,base,components;@layer base{:root{--ink:#000}}@layer components{p{color:var(--ink)}}',
    );
  });

  it('drops the comments minifying leaves, such as a tool’s banner', () => {
    expect(prune('/*! a tool v1 */p{x:y}', '<p>x</p>')).toBe('p{x:y}');
  });
});

describe('pruneStyles', () => {
  it('merges a page’s style blocks into one with what applies, reading the scripts it loads from the site', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'page-styles-'));
    await mkdir(path.join(dir, '_astro'));
    await writeFile(path.join(dir, '_astro', 'search.js'), 'document.body.classList.add("search-ready")');
    const page = parse(
      '<html><head><style>p{x:y}.pair{x:y}</style><style>.search-ready p{x:y}</style></head><body><p>x</p><script src="../_astro/search.js"></script></body></html>',
    );
    await pruneStyles(dir, new Map([['en/index.html', page]]));
    expect(page.querySelectorAll('style').map((style) => style.rawText)).toEqual(['p{x:y}\n.search-ready p{x:y}']);
  });

  it('keeps each page’s result between builds, by its stylesheet, its page’s names and the pruner’s version', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'page-styles-'));
    const cache = buildCache('page-styles', prunedStylesProducer, dir);
    const pruned = async (html: string) => {
      const page = parse(html);
      await pruneStyles(dir, new Map([['en/index.html', page]]), cache);
      return page.querySelector('style')?.rawText;
    };
    const page = '<html><head><style>p{x:y}.pair{x:y}</style></head><body><p>x</p></body></html>';
    expect(await pruned(page)).toBe('p{x:y}');
    // What the last build kept is what this one gives: a stand-in for it shows it was read, not made again.
    const [kept = ''] = await readdir(path.join(dir, 'page-styles'), { recursive: true }).then((files) =>
      files.filter((file) => file.length > 60),
    );
    await writeFile(path.join(dir, 'page-styles', kept), 'p{kept:1}');
    expect(await pruned(page)).toBe('p{kept:1}');
    // Another stylesheet, or another name in the page, is pruned anew.
    expect(await pruned(page.replace('p{x:y}', 'p{x:z}'))).toBe('p{x:z}');
    expect(await pruned(page.replace('<p>x</p>', '<p class="pair">x</p>'))).toBe('p{x:y}.pair{x:y}');
    // The pruner, PostCSS or its selector parser at another version keys every page anew.
    expect(prunedStylesProducer.packages).toEqual(expect.arrayContaining(['postcss', 'postcss-selector-parser']));
    expect(prunedStylesProducer.modules.map(String)).toContain(
      new URL('../../../pipeline/after-render/page-styles.ts', import.meta.url).href,
    );
  });

  it('names the page whose script is not in the site', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'page-styles-'));
    const page = parse(
      '<html><head><style>p{x:y}</style></head><body><script src="missing.js"></script></body></html>',
    );
    await expect(pruneStyles(dir, new Map([['en/x/index.html', page]]))).rejects.toThrow(
      'en/x/index.html: its <script src="missing.js"> is not in the site',
    );
  });
});
