/** `verify` against mirrors served over HTTP, under a deep path prefix the site was not built for. */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteOrigin } from '../../../scripts/release/rewrite-origin.ts';
import { formatReport, isExactCopy, verifyMirror } from '../../../scripts/release/verify.ts';
import { serve } from '../../../scripts/serve.ts';
import { copySite, filesNamingOrigin, makeKeys, makeSignedSite, removeTempDirs, type KeyFiles } from './fixture.ts';

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
    expect(formatReport(report)).toMatch(/\nFAILED: 1 altered, 1 missing, 3 unexpected \(of \d+ listed files\): /);
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
    expect(formatReport(report)).not.toContain('note:');

    const elsewhere = await copySite(copy);
    await rewriteOrigin(elsewhere, 'https://elsewhere.example/');
    const elsewhereUrl = await mirror(elsewhere);
    expect(formatReport(await verify(elsewhereUrl))).toContain(
      `  note: that is not the address checked (${elsewhereUrl})`,
    );
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

  it('cannot pass off its own SHA256SUMS', async () => {
    const signed = await readFile(path.join(release, 'SHA256SUMS.minisig'));
    const url = await hostileServer((request, response) => {
      response.end(request.url?.endsWith('.minisig') ? signed : `${'0'.repeat(64)}  index.html\n`);
    });

    await expect(verify(url)).rejects.toThrow('SHA256SUMS is not signed by the release key');
  });
});
