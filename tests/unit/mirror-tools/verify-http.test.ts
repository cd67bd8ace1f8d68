/** `verify` against mirrors served over HTTP, under a deep path prefix the site was not built for. */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appendFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteOrigin } from '../../../pipeline/mirror-tools/rewrite-origin.ts';
import { verifyMirror } from '../../../pipeline/mirror-tools/verify.ts';
import {
  formatReport,
  isExactCopy,
  putItOnlineSection,
  verdictOf,
} from '../../../pipeline/mirror-tools/verify-report.ts';
import { serve } from '../../../pipeline/mirror-tools/serve.ts';
import {
  copySite,
  filesNamingOrigin,
  makeKeys,
  makeSignedSite,
  removeTempDirs,
  type KeyFiles,
} from '../../support/release-fixture.ts';

const prefix = '/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/belarus/';
const servers: Server[] = [];
let keys: KeyFiles;
let release: string;

beforeAll(async () => {
  keys = await makeKeys();
  release = await makeSignedSite(keys);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await removeTempDirs();
});

function addressOf(server: Server): string {
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Serves `dir` as a mirror would, under `prefix`. */
async function mirror(dir: string): Promise<string> {
  return `${addressOf(await serve({ dir, port: 0, prefix }))}${prefix}`;
}

/** A port nothing listens on, for a mirror that must know its address before it is served. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function hostileServer(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `${addressOf(server)}${prefix}`;
}

const verify = (url: string, timeoutMs?: number) =>
  verifyMirror(url, { publicKey: keys.publicKey, ...(timeoutMs === undefined ? {} : { timeoutMs }) });

/**
 * Serves `dir` at the root as Netlify does: the headers its `_headers` asks
 * for, read with Netlify's own parser, and not the file itself; or, with
 * `applyHeaders` false, as GitHub Pages does, with no custom header at all.
 */
async function staticHost(dir: string, applyHeaders: boolean): Promise<string> {
  const { headers: rules } = await parseAllHeaders({
    headersFiles: [path.join(dir, '_headers')],
    configHeaders: [],
    minimal: false,
  });
  const url = await hostileServer(async (request, response) => {
    const sitePath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).slice(prefix.length - 1);
    const file = path.join(dir, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
    const isFile = await stat(file).then(
      (stats) => stats.isFile(),
      () => false,
    );
    if (sitePath === '/_headers' || !isFile) {
      response.writeHead(404).end();
      return;
    }
    if (applyHeaders) {
      for (const rule of rules) {
        if ('forRegExp' in rule && rule.forRegExp.test(sitePath)) {
          for (const [name, value] of Object.entries(rule.values)) response.setHeader(name, String(value));
        }
      }
    }
    response.end(await readFile(file));
  });
  return url;
}

describe('verify a web mirror', () => {
  it('passes the signed release, with or without the final slash', async () => {
    const url = await mirror(release);

    const report = await verify(url);
    expect(formatReport(report)).toMatch(/\nOK: all \d+ files match the signed release\.$/);
    expect(isExactCopy(await verify(url.slice(0, -1)))).toBe(true);
  });

  it('names each altered, missing and unexpected file of a tampered copy', async () => {
    const copy = await copySite(release);
    await appendFile(
      path.join(copy, 'en/index.html'),
      '<script src="../_astro/track.js"></script><img srcset="../og/none.png 1x, ../og/pixel.png 2x">' +
        '<meta http-equiv="refresh" content="5; url=../login/">',
    );
    await writeFile(path.join(copy, '_astro/track.js'), 'new Image().src = "https://tracker.example/"');
    await writeFile(path.join(copy, 'og/pixel.png'), 'a tracking pixel');
    await mkdir(path.join(copy, 'login'));
    await writeFile(path.join(copy, 'login/index.html'), '<form action="https://phish.example/"></form>');
    await rm(path.join(copy, 'og/en.png'));

    const report = await verify(await mirror(copy));
    expect(report.altered).toEqual(['en/index.html']);
    expect(report.missing).toEqual(['og/en.png']);
    // Found through the altered page's links; og/none.png is linked but not served.
    expect(report.unexpected).toEqual(['_astro/track.js', 'login/index.html', 'og/pixel.png']);
    expect(formatReport(report)).toMatch(/\nTAMPERED: 1 altered, 1 missing, 3 unexpected \(of \d+ listed files\): /);
  });

  /**
   * A mirror that serves every file of the genuine release, but at the folder addresses readers open (`en/`,
   * the root) a forged page: at every folder, or, with `onlyRoot`, at the root alone.
   */
  async function forgingFolders(dir: string, onlyRoot: boolean): Promise<string> {
    return hostileServer(async (request, response) => {
      const sitePath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).slice(prefix.length - 1);
      const forged = onlyRoot ? sitePath === '/' : sitePath.endsWith('/');
      const file = path.join(dir, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
      const bytes = await readFile(file).catch(() => undefined);
      if (bytes === undefined) {
        response.writeHead(404).end();
        return;
      }
      response.end(
        forged
          ? bytes.toString('utf8').replace('<body>', '<body><p>FORGED: the ILO has withdrawn its report.</p>')
          : bytes,
      );
    });
  }

  it('fails a mirror that serves the genuine index.html files but forges the folder addresses readers open', async () => {
    const report = await verify(await forgingFolders(release, false));
    expect(report.altered).toEqual([]);
    expect(report.folderAddresses).toEqual([
      { address: 'be/пэтыцыя/', problem: 'answers other bytes than be/пэтыцыя/index.html' },
      { address: 'en/', problem: 'answers other bytes than en/index.html' },
      { address: 'en/mirrors/', problem: 'answers other bytes than en/mirrors/index.html' },
      { address: 'en/petition/', problem: 'answers other bytes than en/petition/index.html' },
      { address: './ (the root)', problem: 'answers other bytes than index.html' },
    ]);
    expect(isExactCopy(report)).toBe(false);
    const text = formatReport(report);
    expect(text).toContain('\n  FOLDER ADDRESS: en/ answers other bytes than en/index.html\n');
    // Once, after the folder addresses, what a mirror's host does about them, and where the guide says it.
    const advice = text.split('\n').filter((line) => line.startsWith('  to fix, on a mirror you run:'));
    expect(advice).toEqual([
      expect.stringContaining(
        "have the server answer each folder's address with that folder's index.html, unchanged (nginx does with `index index.html;`",
      ),
    ]);
    expect(advice[0]).toContain('Caddy with `file_server`, as in deploy/caddy/Caddyfile');
    expect(advice[0]).toMatch(/ https:\/\/belarus-unions\.example\/en\/mirrors\/#3-put-it-online$/);
    expect(text).toContain(`${advice[0]}\nTAMPERED: 5 folder addresses`);
    expect(text).toMatch(
      /\nTAMPERED: 5 folder addresses answered otherwise \(of \d+ listed files\): this copy is not the signed release\.$/,
    );
  });

  it('fails a mirror that adds headers only at the folder addresses readers open, naming the address', async () => {
    // The genuine bytes everywhere; at folder addresses, a header that sends readers elsewhere, and a cookie.
    const url = await hostileServer(async (request, response) => {
      const sitePath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).slice(prefix.length - 1);
      const file = path.join(release, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
      const bytes = await readFile(file).catch(() => undefined);
      if (bytes === undefined) {
        response.writeHead(404).end();
        return;
      }
      if (sitePath.endsWith('/')) {
        response.setHeader('Refresh', '3; url=https://phish.example/');
        response.setHeader('Set-Cookie', 'seen=1');
      }
      response.end(bytes);
    });
    const report = await verify(url);
    expect(report.altered).toEqual([]);
    expect(report.folderAddresses).toEqual([]);
    const text = formatReport(report);
    expect(text).toMatch(/\n {2}HEADER ADDED: Refresh: "3; url=https:\/\/phish\.example\/" on \S+\/ and 9 more;/);
    expect(text).toMatch(/\n {2}HEADER ADDED: Set-Cookie: /);
    expect(text).toMatch(/\nTAMPERED: 2 headers added or changed /);
  });

  it('fails a mirror that forges only its root address', async () => {
    const report = await verify(await forgingFolders(release, true));
    expect(report.folderAddresses).toEqual([
      { address: './ (the root)', problem: 'answers other bytes than index.html' },
    ]);
    expect(formatReport(report)).toMatch(/\nTAMPERED: 1 folder addresses answered otherwise /);
  });

  it('passes a mirror that redirects a folder address to its index.html, and fails one that answers it 404', async () => {
    const redirecting = await hostileServer(async (request, response) => {
      const sitePath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).slice(prefix.length - 1);
      if (sitePath.endsWith('/')) {
        response.writeHead(301, { location: encodeURI(`${prefix.slice(0, -1)}${sitePath}index.html`) }).end();
        return;
      }
      const bytes = await readFile(path.join(release, sitePath)).catch(() => undefined);
      if (bytes === undefined) response.writeHead(404).end();
      else response.end(bytes);
    });
    expect((await verify(redirecting)).folderAddresses).toEqual([]);

    const noFolders = await hostileServer(async (request, response) => {
      const sitePath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).slice(prefix.length - 1);
      const bytes = sitePath.endsWith('/')
        ? undefined
        : await readFile(path.join(release, sitePath)).catch(() => undefined);
      if (bytes === undefined) response.writeHead(404).end();
      else response.end(bytes);
    });
    const unserved = await verify(noFolders);
    expect(unserved.folderAddresses).toContainEqual({
      address: 'en/',
      problem: 'answers 404, though en/index.html is served',
    });
    expect(formatReport(unserved)).toContain('\n  to fix, on a mirror you run: ');
  });

  it('points at a section of the guide for mirrors that exists, and the configurations it names do what it says', async () => {
    const guide = await readFile('src/content/pages/en/mirrors.mdx', 'utf8');
    // Headings' ids as the site gives them: "3. Put it online" → 3-put-it-online.
    const sections = [...guide.matchAll(/^#{2,4} (.+)$/gm)].map(([, title = '']) =>
      title.toLowerCase().replaceAll('.', '').replaceAll(' ', '-'),
    );
    expect(sections).toContain(putItOnlineSection);
    expect(await readFile('deploy/nginx/belarus-unions.conf', 'utf8')).toMatch(/^index index\.html;$/m);
    expect(await readFile('deploy/caddy/Caddyfile', 'utf8')).toMatch(/^\s+file_server$/m);
  });

  it('passes a copy rewritten for its own address, and notes an address other than the one checked', async () => {
    const copy = await copySite(release);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}${prefix}`;
    await rewriteOrigin(copy, url);
    addressOf(await serve({ dir: copy, port, prefix }));

    const report = await verify(url);
    expect(report.rewritten).toEqual([...filesNamingOrigin].sort());
    expect(isExactCopy(report)).toBe(true);
    expect(formatReport(report)).not.toContain('note: that is not the address checked');

    const elsewhere = await copySite(copy);
    await rewriteOrigin(elsewhere, 'https://elsewhere.example/');
    const elsewhereUrl = await mirror(elsewhere);
    expect(formatReport(await verify(elsewhereUrl))).toContain(
      `  note: that is not the address checked (${elsewhereUrl})`,
    );
  });
});

describe('the headers a web mirror sends', () => {
  it('pass when the host applies the signed _headers without serving it, as Netlify does', async () => {
    const report = await verify(await staticHost(release, true));
    expect(report.hostFilesNotServed).toEqual(['_headers']);
    expect(report.headers).toEqual([]);
    expect(isExactCopy(report)).toBe(true);
    expect(formatReport(report)).toContain('\n  note: _headers is not served (hosts apply it rather than serve it)\n');
  });

  it('are noted, not failed, when the host sends none, as GitHub Pages does', async () => {
    const report = await verify(await staticHost(release, false));
    expect(isExactCopy(report)).toBe(true);
    expect(formatReport(report)).toMatch(
      /\n {2}note: Strict-Transport-Security is not sent with \S+ and \d+ more; the signed _headers asks for "max-age=63072000; includeSubDomains"\n/,
    );
  });

  it('fail when a copy’s _headers sends readers to another site, even where the host hides the file', async () => {
    const copy = await copySite(release);
    const headers = path.join(copy, '_headers');
    const added =
      '  Refresh: 0; url=https://phish.example/\n  Link: <https://third.example/t.js>; rel=preload; as=script\n';
    await writeFile(headers, (await readFile(headers, 'utf8')).replace('/*\n', `/*\n${added}`));
    const report = await verify(await staticHost(copy, true));
    expect(isExactCopy(report)).toBe(false);
    const text = formatReport(report);
    expect(text).toMatch(
      /\n {2}HEADER ADDED: Refresh: "0; url=https:\/\/phish\.example\/" on \S+ and \d+ more; the signed _headers has no such header\n/,
    );
    expect(text).toContain('HEADER ADDED: Link: "<https://third.example/t.js>; rel=preload; as=script"');
    expect(text).toMatch(/\nTAMPERED: 2 headers added or changed \(of \d+ listed files\)/);
  });

  it('are compared, in an unsigned copy, with the _headers it lists, which it never calls signed', async () => {
    const copy = await copySite(release);
    await rm(path.join(copy, 'SHA256SUMS.minisig'));
    const report = await verify(await staticHost(copy, false));
    expect(verdictOf(report).name).toBe('unsigned');
    const text = formatReport(report);
    expect(text).toMatch(
      /\n {2}note: Strict-Transport-Security is not sent with \S+ and \d+ more; the copy's unsigned _headers asks for /,
    );
    expect(text).not.toMatch(/\bsigned _headers/);
  });
});

describe('a hostile web mirror', () => {
  it('cannot redirect verify to another origin', async () => {
    const url = await hostileServer((_, response) => {
      response.writeHead(302, { location: 'http://localhost:1/SHA256SUMS' }).end();
    });

    await expect(verify(url)).rejects.toThrow(
      `cannot read SHA256SUMS from ${url}: redirected to another origin ("http://localhost:1/SHA256SUMS")`,
    );
  });

  it('cannot make verify read an endless file', async () => {
    const url = await hostileServer((_, response) => {
      response.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const write = () => {
        while (response.write(chunk));
        response.once('drain', write);
      };
      write();
      response.on('close', () => response.removeAllListeners('drain'));
    });

    await expect(verify(url)).rejects.toThrow(`cannot read SHA256SUMS from ${url}: larger than 4 MiB`);
  });

  it('cannot make verify wait for ever', async () => {
    const url = await hostileServer(() => undefined);

    await expect(verify(url, 200)).rejects.toThrow(
      `cannot read SHA256SUMS from ${url}: no complete answer within 0.2 s`,
    );
  });

  it('cannot keep verify busy beyond the overall time limit, one byte at a time', async () => {
    const checksums = await readFile(path.join(release, 'SHA256SUMS'));
    const url = await hostileServer((_, response) => {
      response.writeHead(200, { 'content-length': checksums.length });
      let sent = 0;
      const drip = setInterval(() => {
        if (response.destroyed || sent >= checksums.length) return clearInterval(drip);
        response.write(checksums.subarray(sent, sent + 1));
        sent += 1;
      }, 50);
      response.on('close', () => clearInterval(drip));
    });

    await expect(verifyMirror(url, { publicKey: keys.publicKey, timeLimitMs: 500 })).rejects.toThrow(
      `gave up after 0.5 s: ${url} had not served the whole release by then (a slow or overloaded server?); allow more time with --time-limit <seconds>`,
    );
  });

  it('cannot pass off its own SHA256SUMS', async () => {
    const signed = await readFile(path.join(release, 'SHA256SUMS.minisig'));
    const url = await hostileServer((request, response) => {
      response.end(request.url?.endsWith('.minisig') ? signed : `${'0'.repeat(64)}  index.html\n`);
    });

    await expect(verify(url)).rejects.toMatchObject({
      verdict: 'tampered',
      message: expect.stringContaining('SHA256SUMS.minisig is by the release key, but does not match'),
    });
  });
});
