/**
 * `verify` on a web mirror at the folder addresses readers open (`en/`): no redirect may take a reader away
 * from them, and a query must not change what they answer.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keepsAddress } from '../../../pipeline/mirror-tools/mirror-source.ts';
import { formatReport, isExactCopy } from '../../../pipeline/mirror-tools/verify-report.ts';
import { serve } from '../../../pipeline/mirror-tools/serve.ts';
import { signedReleaseForTests } from './verify-fixture.ts';

const signed = signedReleaseForTests();
const { verify } = signed;

describe('a web mirror at the addresses readers open: no redirect away, the same page with a query', () => {
  const prefix = '/mirror/a/';
  const servers: Server[] = [];
  /** The five folder addresses of the fixture, root last, as verify names them. */
  const folders = ['be/пэтыцыя/', 'en/', 'en/mirrors/', 'en/petition/', './ (the root)'];

  afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

  async function listen(server: Server): Promise<string> {
    servers.push(server);
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`;
  }

  /** The site path a request asks for, decoded, with its leading slash: `/en/`. */
  const sitePathOf = (url: URL) => decodeURIComponent(url.pathname).slice(prefix.length - 1);

  /** The release's bytes for a site path, a folder's being its index.html; undefined where the release has none. */
  const genuine = (sitePath: string) =>
    readFile(path.join(signed.release, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath)).catch(
      () => undefined,
    );

  /** A mirror that answers as `answer` says, or else with the genuine release (404 where it has no such file). */
  function mirrorServer(
    answer: (url: URL, sitePath: string) => { redirect: string } | { body: string | Buffer } | undefined,
  ): Promise<string> {
    const listener: RequestListener = async (request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const sitePath = sitePathOf(url);
      const own = answer(url, sitePath);
      if (own !== undefined && 'redirect' in own) {
        response.writeHead(302, { location: own.redirect }).end();
        return;
      }
      const bytes = own?.body ?? (await genuine(sitePath));
      if (bytes === undefined) response.writeHead(404).end();
      else response.end(bytes);
    };
    return listen(createServer(listener));
  }

  const forged = '<!doctype html>\n<p>FORGED: the ILO has withdrawn its report.</p>\n';

  it('follows only a redirect between a folder’s address and its index.html, the query kept or dropped', () => {
    const at = (href: string) => new URL(href, 'https://m.example/a/');
    const cases: [string, string, boolean][] = [
      ['en/', 'en/index.html', true],
      ['en/?q=x', 'en/index.html?q=x', true],
      ['en/?q=x', 'en/index.html', true],
      ['en/index.html', 'en/', true],
      ['', 'index.html', true],
      ['be/%D0%BF/', 'be/%d0%bf/index.html', true],
      ['en/', '../x/en/', false],
      ['en/', 'en', false],
      ['feed.xml', 'feed.xml/', false],
      ['en/?q=x', 'en/?q=y', false],
      ['en/', 'https://other.example/a/en/', false],
      ['en/', 'http://m.example/a/en/', false],
    ];
    for (const [asked, next, keeps] of cases)
      expect(keepsAddress(at(asked), at(next)), `${asked} → ${next}`).toBe(keeps);
  });

  it('fails a mirror that redirects en/ to another path serving its genuine bytes, naming where it leads', async () => {
    // The genuine en/ at /x/en/, but every link a reader follows from there stays under /x/, where it forges.
    const genuineEn = (await genuine('/en/')) ?? Buffer.alloc(0);
    const url = await mirrorServer((_, sitePath) => {
      if (sitePath === '/en/') return { redirect: `${prefix}x/en/` };
      if (sitePath === '/x/en/') return { body: genuineEn };
      if (sitePath.startsWith('/x/')) return { body: forged };
      return undefined;
    });
    const where = `${url}x/en/`;
    // A fetch that follows the redirect gets en/index.html's bytes, as verify did before.
    const followed = await fetch(`${url}en/`);
    expect(followed.url).toBe(where);
    expect(Buffer.from(await followed.arrayBuffer()).equals(genuineEn)).toBe(true);
    expect(await (await fetch(new URL('petition/', where))).text()).toContain('FORGED');

    const report = await verify(url);
    expect(report.altered).toEqual([]);
    expect(report.folderAddresses).toEqual([
      {
        address: 'en/',
        problem: `redirects to ${where}, away from its own address and en/index.html: a browser resolves the page's links from there, so they lead wherever the server says`,
      },
    ]);
    const text = formatReport(report);
    expect(text).toContain(`\n  FOLDER ADDRESS: en/ redirects to ${where}, away from its own address`);
    // A redirect away is no host's slip that the guide's configuration fixes: no advice, what was seen instead.
    expect(text).not.toContain('to fix, on a mirror you run:');
    expect(text).toMatch(/\nTAMPERED: 1 folder addresses answered otherwise \(of \d+ listed files\)/);
  });

  it('fails a mirror that redirects a listed file away from its address, naming the file and where', async () => {
    const url = await mirrorServer((_, sitePath) =>
      sitePath === '/en/petition/index.html' ? { redirect: `${prefix}x/en/petition/index.html` } : undefined,
    );
    const report = await verify(url);
    const reason = `redirected to ${url}x/en/petition/index.html, away from its own address`;
    expect(report.unreadable).toEqual([{ path: 'en/petition/index.html', reason }]);
    expect(isExactCopy(report)).toBe(false);
    expect(formatReport(report)).toContain(`\n  UNREADABLE: en/petition/index.html (${reason})\n`);
  });

  it('fails a mirror that forges every page asked with a query, naming each address with the query it sent', async () => {
    const queries: string[] = [];
    const url = await mirrorServer((asked, sitePath) => {
      if (asked.search === '') return undefined;
      queries.push(`${sitePath}${asked.search}`);
      return { body: forged };
    });

    const report = await verify(url);
    expect(report.altered).toEqual([]);
    // One request with a query for each folder address, and no other.
    expect(queries).toHaveLength(folders.length);
    const query = /^\/en\/(\?q=[a-z]{10})$/.exec(queries.find((asked) => asked.startsWith('/en/?')) ?? '')?.[1];
    expect(query).toBeDefined();
    expect(report.folderAddresses.map(({ address }) => address)).toEqual(
      folders.map((folder) => (folder === './ (the root)' ? `./${query} (the root)` : `${folder}${query}`)),
    );
    expect(report.folderAddresses).toContainEqual({
      address: `en/${query}`,
      problem:
        "answers other bytes than en/index.html, though en/ answers those: a query (a search, a messenger's ?fbclid=…) changes nothing on a genuine copy",
    });
    const text = formatReport(report);
    expect(text).toContain(`\n  FOLDER ADDRESS: en/${query} answers other bytes than en/index.html, though en/`);
    expect(text).not.toContain('to fix, on a mirror you run:');
    expect(text).toMatch(/\nTAMPERED: 5 folder addresses answered otherwise \(of \d+ listed files\)/);

    // A new query on every run, so that a mirror cannot answer that one alone genuinely.
    queries.length = 0;
    await verify(url);
    expect(queries.find((asked) => asked.startsWith('/en/?'))).not.toBe(`/en/${query}`);
  });

  it('fails a mirror that redirects away only what is asked with a query', async () => {
    const url = await mirrorServer((asked, sitePath) =>
      asked.search !== '' && sitePath === '/' ? { redirect: `${prefix}x/${asked.search}` } : undefined,
    );
    const report = await verify(url);
    expect(report.folderAddresses).toEqual([
      {
        address: expect.stringMatching(/^\.\/\?q=[a-z]{10} \(the root\)$/),
        problem: expect.stringMatching(
          new RegExp(`^redirects to ${url.replaceAll('.', '\\.')}x/\\?q=[a-z]{10}, away from its own address`),
        ),
      },
    ]);
  });

  it('passes a mirror whose redirects stay at the address: a folder to its index.html and back, queries kept', async () => {
    const toIndex = await mirrorServer((asked, sitePath) =>
      sitePath.endsWith('/')
        ? { redirect: `${encodeURI(`${prefix.slice(0, -1)}${sitePath}`)}index.html${asked.search}` }
        : undefined,
    );
    expect(formatReport(await verify(toIndex))).toMatch(/\nOK: all \d+ files match the signed release\.$/);

    // As a host that names pages by their folders does: index.html redirects to the folder, which serves it.
    const toFolder = await mirrorServer((_, sitePath) =>
      sitePath.endsWith('/index.html')
        ? { redirect: encodeURI(`${prefix.slice(0, -1)}${sitePath.slice(0, -10)}`) }
        : undefined,
    );
    expect(isExactCopy(await verify(toFolder))).toBe(true);
  });

  it('passes the genuine copy served by npm run serve, asking each folder address once more with a query', async () => {
    const server = await serve({ dir: signed.release, port: 0, prefix });
    const asked: string[] = [];
    server.on('request', (request: { url?: string }) => asked.push(request.url ?? ''));
    const url = await listen(server);

    const report = await verify(url);
    expect(formatReport(report)).toMatch(/\nOK: all \d+ files match the signed release\.$/);
    const withQuery = asked.filter((target) => target.includes('?'));
    expect(withQuery).toHaveLength(folders.length);
    for (const target of withQuery) expect(target).toMatch(/\/\?q=[a-z]{10}$/);
  });
});
