import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliSize, budgets, checkBudget, describeBreach } from '../../../pipeline/after-render/budgets.ts';
import {
  classifyResource,
  isScriptType,
  pageBudgetBreaches,
  resourceCost,
  siteCss,
  sitePagePaths,
  startedBy,
  summarise,
  type PageCost,
  type ResourceCost,
} from '../../../pipeline/bench/page-cost.ts';

const site = 'http://127.0.0.1:4321';

function resource(url: string, kind: ResourceCost['kind'], brotliBytes: number): ResourceCost {
  return { url: `${site}${url}`, kind, status: 200, rawBytes: brotliBytes * 3, brotliBytes };
}

function page(resources: ResourceCost[], inlineScriptBytes = 0): PageCost {
  return { url: `${site}/en/x/`, resources, inlineScriptBytes, inlineStyleBytes: 0, textFloorBytes: 1000 };
}

describe('classifying a response', () => {
  it.each([
    ['/en/', 'text/html; charset=utf-8', 'html'],
    ['/_astro/a.css', 'text/css', 'css'],
    ['/_astro/a.js', 'text/javascript; charset=utf-8', 'js'],
    ['/pagefind/x.js', 'application/javascript', 'js'],
    ['/engine.wasm', 'application/wasm', 'wasm'],
    ['/pagefind/wasm.unknown.pagefind', 'application/octet-stream', 'wasm'],
    ['/pagefind/pagefind-entry.json', 'application/json', 'other'],
    ['/pagefind/index/en_8cb4fe9.pf_index', 'application/octet-stream', 'other'],
    ['/SHA256SUMS', 'application/octet-stream', 'other'],
  ] as const)('%s served as %s is %s', (url, contentType, kind) => {
    expect(classifyResource(`${site}${url}`, contentType)).toBe(kind);
  });

  it.each([
    ['/_astro/a.CSS', 'css'],
    ['/a.mjs', 'js'],
    ['/pagefind/engine.wasm', 'wasm'],
    ['/en/index.html', 'html'],
    ['/en/', 'other'],
  ] as const)('falls back on the extension when the type says nothing: %s is %s', (url, kind) => {
    expect(classifyResource(`${site}${url}`, undefined)).toBe(kind);
    expect(classifyResource(`${site}${url}`, 'application/octet-stream')).toBe(kind);
  });

  it('names a URL it cannot read', () => {
    expect(() => classifyResource('/relative.css', undefined)).toThrow('"/relative.css"');
  });

  it('tells inline JavaScript from inline data', () => {
    expect(['', 'module', 'text/javascript', ' Application/JavaScript '].map(isScriptType)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['application/json', 'application/ld+json', 'importmap', 'text/template'].map(isScriptType)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('sizing a response', () => {
  it('compresses what repeats', () => {
    const text = 'Свабоду палітвязням! '.repeat(200);
    expect(brotliSize(text)).toBeLessThan(Buffer.byteLength(text) / 20);
  });

  it('measures text as UTF-8, the bytes that travel', () => {
    const cyrillic = 'Незалежныя прафсаюзы Беларусі';
    expect(brotliSize(cyrillic)).toBe(brotliSize(Buffer.from(cyrillic, 'utf8')));
  });

  it('records the raw and compressed size of a body, and nothing for an empty one', () => {
    const body = Buffer.from('<!doctype html><p>Hello</p>'.repeat(50));
    const cost = resourceCost({ url: `${site}/en/`, status: 200, contentType: 'text/html', body });
    expect(cost).toEqual({
      url: `${site}/en/`,
      kind: 'html',
      status: 200,
      rawBytes: body.byteLength,
      brotliBytes: brotliSize(body),
    });
    const head = resourceCost({ url: `${site}/SHA256SUMS`, status: 404, body: new Uint8Array() });
    expect([head.rawBytes, head.brotliBytes]).toEqual([0, 0]);
  });
});

describe('telling which requests count', () => {
  const sent = (url: string, id: number) => ({ id, url: () => `${site}${url}` });
  const timed = (url: string, startTime: number) => ({ url: `${site}${url}`, startTime });

  it('keeps what the page started by the cut-off, in order, and drops the rest', () => {
    const requests = [sent('/en/search/', 1), sent('/pagefind/pagefind.js', 2), sent('/pagefind/wasm.en.pagefind', 3)];
    const entries = [timed('/pagefind/pagefind.js', 90), timed('/pagefind/wasm.en.pagefind', 300)];
    expect(startedBy(requests, entries, 100).map(({ id }) => id)).toEqual([1, 2]);
    expect(startedBy(requests, entries, 300).map(({ id }) => id)).toEqual([1, 2, 3]);
    expect(startedBy(requests, entries, 50).map(({ id }) => id)).toEqual([1]);
  });

  it('drops the later of two requests for one URL when only it came late', () => {
    const requests = [sent('/SHA256SUMS', 1), sent('/a.css', 2), sent('/SHA256SUMS', 3)];
    const entries = [timed('/SHA256SUMS', 10), timed('/a.css', 20), timed('/SHA256SUMS', 500)];
    expect(startedBy(requests, entries, 100).map(({ id }) => id)).toEqual([1, 2]);
  });
});

describe('summing up a page', () => {
  it('adds up each kind, the total and the code, and compares the total with the text floor', () => {
    const cost = page(
      [
        resource('/en/x/', 'html', 3000),
        resource('/_astro/a.css', 'css', 1500),
        resource('/_astro/b.css', 'css', 500),
        resource('/_astro/a.js', 'js', 700),
        resource('/pagefind/engine.wasm', 'wasm', 400),
        resource('/SHA256SUMS', 'other', 0),
      ],
      300,
    );
    const summary = summarise(cost);
    expect(summary.requests).toBe(6);
    expect(summary.brotliBytes).toEqual({ html: 3000, css: 2000, js: 700, wasm: 400, other: 0 });
    expect(summary.totalBrotliBytes).toBe(6100);
    expect(summary.totalRawBytes).toBe(6100 * 3);
    expect(summary.scriptBytes).toBe(700 + 400 + 300);
    expect(summary.floorRatio).toBeCloseTo(6100 / cost.textFloorBytes);
  });
});

describe('byte budgets', () => {
  const firstVisitLimit = budgets.firstVisit.limitBytes;
  const scriptLimit = budgets.documentScript.limitBytes;

  it('lets a page that fills its budget exactly pass', () => {
    const summary = summarise(
      page([resource('/en/x/', 'html', firstVisitLimit - scriptLimit), resource('/a.js', 'js', scriptLimit)]),
    );
    expect(pageBudgetBreaches('/en/x/', summary, true)).toEqual([]);
  });

  it('reports the page and by how much its first visit is over', () => {
    const summary = summarise(
      page([resource('/en/x/', 'html', firstVisitLimit - 100), resource('/a.css', 'css', 350)]),
    );
    const breaches = pageBudgetBreaches('/en/x/', summary, false);
    expect(breaches).toEqual([
      { subject: '/en/x/', budget: 'firstVisit', actualBytes: firstVisitLimit + 250, excessBytes: 250 },
    ]);
    expect(describeBreach(breaches[0] ?? expect.unreachable())).toMatch(/^\/en\/x\/: first visit .* 250 B over/);
  });

  it('holds document pages, and only them, to the JavaScript budget, inline scripts included', () => {
    const summary = summarise(page([resource('/en/x/', 'html', 2000), resource('/a.js', 'js', scriptLimit)], 40));
    expect(pageBudgetBreaches('/en/x/', summary, true)).toEqual([
      { subject: '/en/x/', budget: 'documentScript', actualBytes: scriptLimit + 40, excessBytes: 40 },
    ]);
    expect(pageBudgetBreaches('/en/', summary, false)).toEqual([]);
  });

  it('keeps the CSS of the whole site under 6 KB', () => {
    expect(checkBudget('siteCss', 'dist', 6 * 1024 - 1)).toBeUndefined();
    const breach = checkBudget('siteCss', 'dist', 6 * 1024);
    expect(breach?.excessBytes).toBe(1);
    expect(breach && describeBreach(breach)).toMatch(/^dist: CSS .* 1 B over/);
  });
});

describe('reading the built site', () => {
  let distDir = '';
  const css = 'body{margin:0 auto;max-width:40rem}'.repeat(20);
  const inlineStyle = 'p{color:red}';

  beforeAll(async () => {
    distDir = await mkdtemp(path.join(tmpdir(), 'page-cost-'));
    const files: Record<string, string> = {
      'index.html': `<style>${inlineStyle}</style>`,
      '404.html': `<style>${inlineStyle}</style>`,
      'en/index.html': '',
      'en/petition/index.html': '',
      '_astro/page.css': css,
      '_astro/fragment.html': '',
      'downloads/en/index.html': '',
      'pagefind/pagefind.js': '',
    };
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(distDir, file)), { recursive: true });
      await writeFile(path.join(distDir, file), content);
    }
  });

  afterAll(() => rm(distDir, { recursive: true, force: true }));

  it('finds every page, but none in `_` folders or downloads', async () => {
    expect(await sitePagePaths(distDir)).toEqual(['/404.html', '/en/', '/en/petition/', '/']);
  });

  it('counts CSS files, and each distinct inline <style> once, the distinct ones compressed together', async () => {
    expect(await siteCss(distDir)).toEqual([
      { source: '_astro/page.css', brotliBytes: brotliSize(css) },
      { source: '1 distinct <style> blocks, compressed together', brotliBytes: brotliSize(inlineStyle) },
    ]);
  });

  it('says so when there is no built site', async () => {
    await expect(sitePagePaths(path.join(distDir, 'missing'))).rejects.toThrow('build it first');
    await expect(sitePagePaths(path.join(distDir, 'pagefind'))).rejects.toThrow('holds no pages');
  });
});
