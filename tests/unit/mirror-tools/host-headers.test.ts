/** The `_headers` file, read by our parser and by Netlify's own, which must agree. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { headersFile, securityHeaders } from '../../../pipeline/after-render/security-headers.ts';
import {
  compareHeaders,
  headersFileLimits,
  headersForPath,
  parseHeadersFile,
} from '../../../pipeline/mirror-tools/host-headers.ts';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** The headers Netlify gives each path, from its own parser, with names in lower case. */
async function netlifyHeaders(text: string, paths: string[]): Promise<Record<string, Record<string, string>>> {
  const folder = await mkdtemp(path.join(tmpdir(), 'headers-'));
  folders.push(folder);
  await writeFile(path.join(folder, '_headers'), text);
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [path.join(folder, '_headers')],
    configHeaders: [],
    minimal: false,
  });
  expect(errors).toEqual([]);
  return Object.fromEntries(
    paths.map((sitePath) => {
      const applied: Record<string, string> = {};
      for (const rule of headers) {
        if (!('forRegExp' in rule) || !rule.forRegExp.test(sitePath)) continue;
        for (const [name, value] of Object.entries(rule.values)) {
          const key = name.toLowerCase();
          applied[key] = applied[key] === undefined ? String(value) : `${applied[key]}, ${String(value)}`;
        }
      }
      return [sitePath, applied];
    }),
  );
}

function ours(text: string, paths: string[]): Record<string, Record<string, string>> {
  const rules = parseHeadersFile(text);
  return Object.fromEntries(paths.map((sitePath) => [sitePath, Object.fromEntries(headersForPath(rules, sitePath))]));
}

const paths = ['/', '/en/', '/en/petition-to-the-ilo/index.html', '/SHA256SUMS', '/downloads/verify.mjs'];

describe('the release’s _headers', () => {
  it('gives every path every security header, as Netlify’s parser reads it', async () => {
    const expected = Object.fromEntries(
      Object.entries(securityHeaders).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const netlify = await netlifyHeaders(headersFile(), paths);
    for (const sitePath of paths) expect(netlify[sitePath], sitePath).toEqual(expected);
    expect(ours(headersFile(), paths)).toEqual(netlify);
  });

  it('keeps within Cloudflare Pages’ limits on lines and rules', () => {
    const lines = headersFile().split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(headersFileLimits.maxLineLength);
    expect(lines.filter((line) => line.startsWith('/')).length).toBeLessThanOrEqual(headersFileLimits.maxRules);
  });
});

describe('parseHeadersFile', () => {
  it('reads comments, colons in values, repeated names and patterns as Netlify does', async () => {
    const text = [
      '# security',
      '/*',
      '  X-Frame-Options: DENY',
      '  Link: <https://a.example/x.css>; rel=preload; as=style',
      '',
      '/en/*',
      '  Cache-Control: public',
      '  cache-control: max-age=60',
      '/en/:slug/index.html',
      '  X-Robots-Tag: noindex',
      '/downloads/*.mjs',
      '  Content-Type: text/javascript',
      '',
    ].join('\n');
    const tried = [...paths, '/en/x/index.html', '/en/x/y/index.html', '/be/'];
    expect(ours(text, tried)).toEqual(await netlifyHeaders(text, tried));
  });

  it.each([
    ['  X-A: 1\n', '_headers line 1: a header before any path'],
    ['/*\n  X-A\n', '_headers line 2: expected "Name: value" or "! Name"'],
    ['/*\n  X A: 1\n', '_headers line 2: expected "Name: value"'],
    ['/*\n/en/\n  X-A: 1\n', '_headers: the rule /* sets no header'],
  ])('names the line of a rule a host would skip: %j', (text, message) => {
    expect(() => parseHeadersFile(text)).toThrow(message);
  });
});

describe('compareHeaders', () => {
  const signed = new Map([
    ['content-security-policy', "frame-ancestors 'none'"],
    ['strict-transport-security', 'max-age=63072000; includeSubDomains'],
  ]);

  it('fails a header that sends the reader elsewhere, or a changed Content-Security-Policy', () => {
    const served = new Headers({
      refresh: '0; url=https://phish.example/',
      link: '<https://third.example/x.js>; rel=preload; as=script',
      'content-security-policy': "frame-ancestors 'none'; report-uri https://tracker.example/",
      'strict-transport-security': 'max-age=63072000; includeSubDomains',
    });
    expect(compareHeaders(signed, served)).toEqual([
      {
        kind: 'differs',
        name: 'content-security-policy',
        served: "frame-ancestors 'none'; report-uri https://tracker.example/",
        signed: "frame-ancestors 'none'",
      },
      { kind: 'added', name: 'refresh', served: '0; url=https://phish.example/' },
      { kind: 'added', name: 'link', served: '<https://third.example/x.js>; rel=preload; as=script' },
    ]);
  });

  it('notes a header not sent, or sent with another value, as GitHub Pages does with HSTS', () => {
    const served = new Headers({ 'strict-transport-security': 'max-age=31556952' });
    expect(compareHeaders(signed, served)).toEqual([
      { kind: 'missing', name: 'content-security-policy', signed: "frame-ancestors 'none'" },
      {
        kind: 'other',
        name: 'strict-transport-security',
        served: 'max-age=31556952',
        signed: 'max-age=63072000; includeSubDomains',
      },
    ]);
  });
});
