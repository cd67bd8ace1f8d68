import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  addContentSecurityPolicy,
  policyFor,
  policyKey,
  policyProducer,
  siteScripts,
  type SiteScripts,
} from '../../../pipeline/after-render/content-security-policy';
import { buildCache } from '../../../pipeline/render/build-cache';
import { inlineScript, scriptsDir } from '../../../pipeline/render/inline-scripts';
import type { ParsedPages } from '../../../pipeline/after-render/site-files';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** A scripts folder like src/page-scripts/, with the search page's script and one other. */
async function scriptsFolder(): Promise<SiteScripts> {
  const dir = await mkdtemp(path.join(tmpdir(), 'scripts-'));
  await writeFile(
    path.join(dir, 'search-preload.js'),
    '// Comments say why, and pages carry none of them.\nsearch();\n',
  );
  await writeFile(path.join(dir, 'disk-links.js'), '// Comments say why.\nlinks();\n');
  return siteScripts(dir);
}

const page = (head: string, body = '') =>
  parse(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);

function pages(entries: Record<string, string>): ParsedPages {
  return new Map(Object.entries(entries).map(([file, html]) => [file, parse(html)]));
}

describe('Content-Security-Policy', () => {
  it('hashes every file of src/page-scripts/ as pages inline it, minified', async () => {
    const scripts = await siteScripts();
    const files = [
      'copy-link.js',
      'disk-links.js',
      'document-page.js',
      'language-page.js',
      'not-found-links.js',
      'offline-choice.js',
      'offline.js',
      'search-preload.js',
    ];
    expect([...scripts.values()].map(({ file }) => file)).toEqual(files);
    for (const file of files) {
      const source = readFileSync(path.join(scriptsDir, file), 'utf8');
      const inlined = await inlineScript(source);
      expect(scripts.get(hashOf(inlined))?.file).toBe(file);
      // Smaller than what was written: the file and those it imports, comments and all.
      const imported = [...source.matchAll(/^import '\.\/(.+)';$/gm)].map(([, name]) =>
        readFileSync(path.join(scriptsDir, name ?? ''), 'utf8'),
      );
      expect(inlined.length).toBeLessThan([source, ...imported].join('').length);
    }
  });

  it('hashes a script made of others as one, with what each of them does, in order', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scripts-'));
    await writeFile(path.join(dir, 'links.js'), '// Why.\nif (location.protocol === "file:") links();\n');
    await writeFile(
      path.join(dir, 'kept.js'),
      '// Why.\n{\n  const line = document.querySelector("p");\n  kept(line);\n}\n',
    );
    const together = "import './links.js';\nimport './kept.js';\n";
    await writeFile(path.join(dir, 'together.js'), together);
    const inlined = await inlineScript(together, dir);
    // Plain statements that a classic script runs: no import left, no wrapper, each part's names in its own block.
    expect(inlined).not.toMatch(/\bimport\b|export|=>/);
    expect(inlined.indexOf('links()')).toBeGreaterThan(-1);
    expect(inlined.indexOf('links()')).toBeLessThan(inlined.indexOf('kept('));
    expect(inlined).toMatch(/\}$/);
    expect((await siteScripts(dir)).get(hashOf(inlined))?.file).toBe('together.js');
  });

  it('allows the site’s own inline scripts by their hash, and WebAssembly only where search runs', async () => {
    const scripts = await scriptsFolder();
    const plain = policyFor('en/index.html', page('', '<script>links();</script>'), scripts);
    expect(plain).toEqual({
      policy: `default-src 'self'; script-src 'self' ${hashOf('links();')}; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'`,
      problems: [],
    });
    const search = policyFor(
      'en/search/index.html',
      page('<script>search();</script>', '<script>links();</script>'),
      scripts,
    );
    expect(search.problems).toEqual([]);
    expect(search.policy).toContain(
      `script-src 'self' ${hashOf('search();')} 'wasm-unsafe-eval' ${hashOf('links();')};`,
    );
  });

  it('hashes the page’s stylesheet', async () => {
    const { policy } = policyFor('en/index.html', page('<style>p{margin:0}</style>'), await scriptsFolder());
    expect(policy).toContain(`style-src 'self' ${hashOf('p{margin:0}')};`);
  });

  it('fails the build, naming the page, on an inline script the site does not ship', async () => {
    const site = pages({
      'en/index.html': '<html><head></head><body><script>links();</script></body></html>',
      'be/x/index.html': '<html><head></head><body><script>alert(document.domain)</script></body></html>',
    });
    expect(() => addContentSecurityPolicy(site, new Map())).toThrow(
      'Pages carry inline code the site does not ship:\n  en/index.html: an inline script that is none of the site\'s own (src/page-scripts/): "links();"\n  be/x/index.html: an inline script that is none of the site\'s own (src/page-scripts/): "alert(document.domain)"',
    );
  });

  it('fails the build, naming the page, on a style attribute', async () => {
    const site = pages({ 'ru/index.html': '<html><head></head><body><p style="color: red">x</p></body></html>' });
    expect(() => addContentSecurityPolicy(site, new Map())).toThrow(
      'ru/index.html: a style attribute on <p>, style="color: red": style it from the stylesheet',
    );
  });

  it('fails the build on an event handler and on a javascript: URL', async () => {
    const { problems } = policyFor(
      'en/x/index.html',
      page('', '<a href="java\tscript:alert(1)">x</a><img src="x.png" alt="" onerror="alert(1)">'),
      await scriptsFolder(),
    );
    expect(problems).toEqual([
      'en/x/index.html: a javascript: URL on <a>, href="java script:alert(1)"',
      'en/x/index.html: an event handler on <img>, onerror="alert(1)"',
    ]);
  });

  it('fails the build on a javascript: URL in any attribute that carries one: formaction, a srcset candidate', async () => {
    const { problems } = policyFor(
      'en/x/index.html',
      page(
        '',
        '<form action="send/"><button formaction="javascript:alert(1)">x</button></form>' +
          '<img src="a.png" srcset="a.png 1x, javascript:alert(2) 2x" alt="">',
      ),
      await scriptsFolder(),
    );
    expect(problems).toEqual([
      'en/x/index.html: a javascript: URL on <button>, formaction="javascript:alert(1)"',
      'en/x/index.html: a javascript: URL on <img>, srcset="javascript:alert(2)"',
    ]);
  });

  it('puts the policy first in <head>, after the character set', async () => {
    const site = pages({
      'en/index.html': '<html><head><meta charset="utf-8"><title>x</title></head><body></body></html>',
    });
    addContentSecurityPolicy(site, await scriptsFolder());
    expect(site.get('en/index.html')?.querySelector('head')?.toString()).toMatch(
      /^<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; [^"]+"><title>/,
    );
  });

  it('keeps each page’s policy by its file, its HTML, the site’s scripts and this code, and makes a changed page’s anew', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'content-security-policy-'));
    try {
      const cache = buildCache('content-security-policy', policyProducer, folder);
      const scripts = await scriptsFolder();
      const site = pages({ 'en/index.html': '<html><head></head><body><p>x</p></body></html>' });
      const document = site.get('en/index.html') ?? parse('');
      const key = policyKey(cache, 'en/index.html', document, scripts);
      // A stand-in for what the last build kept shows that it is read, not made again, while the page is the same.
      cache.set(key, Buffer.from(JSON.stringify({ policy: 'kept', problems: [] })));
      addContentSecurityPolicy(site, scripts, cache);
      expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
        'kept',
      );
      for (const other of [
        policyKey(cache, 'be/index.html', document, scripts),
        policyKey(cache, 'en/index.html', page('<style>p{margin:0}</style>'), scripts),
        policyKey(cache, 'en/index.html', document, new Map()),
      ]) {
        expect(other).not.toBe(key);
      }
      const changed = pages({ 'en/index.html': '<html><head></head><body><p style="color: red">x</p></body></html>' });
      expect(() => addContentSecurityPolicy(changed, scripts, cache)).toThrow('a style attribute on <p>');
      expect(policyProducer.modules.map((module) => path.basename(module.pathname))).toEqual(
        expect.arrayContaining(['content-security-policy.ts', 'page-urls.ts', 'inline-scripts.ts']),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
