/** `npm run serve`, driven over real HTTP: what a hostile or careless client sends must not crash it or leak files. */
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../../pipeline/mirror-tools/serve.ts';

const prefix = '/mirror/deep/';
let base: string;
let server: Server;
const folders: string[] = [];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly these method and headers (fetch() would refuse some of them), its body undecoded. */
function request(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers });
    sent.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** A request to the test server under its prefix. */
const ask = (pathname: string, options: { method?: string; headers?: Record<string, string> } = {}) =>
  request(`${base}${pathname}`, options);

beforeAll(async () => {
  const outside = await mkdtemp(path.join(tmpdir(), 'serve-outside-'));
  const site = await mkdtemp(path.join(tmpdir(), 'serve-site-'));
  folders.push(outside, site);
  await writeFile(path.join(outside, 'secret.txt'), 'not part of the site');
  await writeFile(path.join(site, '404.html'), '<!doctype html><title>Not found</title><p>the site’s own 404 page');
  await writeFile(path.join(site, 'index.html'), '<!doctype html><title>Home</title>');
  await writeFile(path.join(site, 'SHA256SUMS'), `${'0'.repeat(64)}  index.html\n`);
  await mkdir(path.join(site, 'en'));
  await writeFile(path.join(site, 'en', 'index.html'), '<!doctype html><title>English</title><a href="x/">x</a>');
  await writeFile(path.join(site, 'en', 'data.txt'), '0123456789');
  await symlink(path.join(outside, 'secret.txt'), path.join(site, 'en', 'linked.txt'));
  await symlink(outside, path.join(site, 'outside'));
  server = await serve({ dir: site, port: 0, prefix });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('npm run serve', () => {
  it('sends the security headers a host sends, on pages, files, the 404 page and refusals, so a preview cannot be framed', async () => {
    for (const answer of [
      await ask(`${prefix}en/`),
      await ask(`${prefix}en/data.txt`),
      await ask(`${prefix}en/no-such-page/`),
      await ask(`${prefix}en/`, { method: 'POST' }),
    ]) {
      expect(answer.headers['content-security-policy']).toBe("frame-ancestors 'none'");
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('serves pages under its prefix, and the site’s 404 page elsewhere', async () => {
    expect((await ask(`${prefix}en/`)).body).toContain('<title>English</title>');
    const missing = await ask(`${prefix}en/no-such-page/`);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('the site’s own 404 page');
    expect((await ask('/en/')).status).toBe(404);
  });

  it.each(['bytes=5-3', 'bytes=99999999999999999999-99999999999999999999', 'bytes=0-99999999999999999999', 'bytes=-'])(
    'survives the range %s and goes on serving',
    async (range) => {
      const answer = await ask(`${prefix}en/data.txt`, { headers: { range } });
      expect([200, 206, 416]).toContain(answer.status);
      expect((await ask(`${prefix}en/data.txt`)).body).toBe('0123456789');
    },
  );

  it('answers a satisfiable range with exactly those bytes', async () => {
    const answer = await ask(`${prefix}en/data.txt`, { headers: { range: 'bytes=2-4' } });
    expect(answer.status).toBe(206);
    expect(answer.body).toBe('234');
    expect(answer.headers['content-range']).toBe('bytes 2-4/10');
  });

  it('never follows a symbolic link out of the site', async () => {
    for (const target of ['en/linked.txt', 'outside/secret.txt', 'outside/']) {
      const answer = await ask(`${prefix}${target}`);
      expect(answer.status, target).toBe(404);
      expect(answer.body, target).not.toContain('not part of the site');
    }
  });

  it('refuses paths that climb out of the site, however they are written', async () => {
    for (const target of ['../../etc/passwd', '%2e%2e/%2e%2e/etc/passwd', 'en/..%2f..%2fetc/passwd', '%E0%A4%A']) {
      expect((await ask(`${prefix}${target}`)).status, target).toBe(404);
    }
  });

  it('redirects a folder without its trailing slash, keeping the prefix and the query', async () => {
    const answer = await ask(`${prefix}en?q=1`);
    expect(answer.status).toBe(301);
    expect(new URL(String(answer.headers.location), `${base}${prefix}en?q=1`).href).toBe(`${base}${prefix}en/?q=1`);
  });

  it('reads a path that starts with two slashes as a path, never as another host', async () => {
    // As a URL reference, `//evil.example/mirror/deep/en/` would name the site's own folder on another host.
    expect((await ask(`//evil.example${prefix}en/`)).status).toBe(404);
    expect((await ask(`//evil.example${prefix}SHA256SUMS`, { method: 'HEAD' })).status).toBe(404);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    'answers %s with 405 and the methods it allows',
    async (method) => {
      const answer = await ask(`${prefix}en/`, { method });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
    },
  );

  it('answers HEAD with the headers and no body', async () => {
    const answer = await ask(`${prefix}en/`, { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toBe('');
  });

  it('sends a precompressed twin only when asked to and the browser accepts it, with the original’s type', async () => {
    const site = folders[1] ?? '';
    await writeFile(path.join(site, 'en', 'index.html.br'), 'brotli bytes');
    const compressing = await serve({ dir: site, port: 0, prefix: '/', precompressed: true });
    try {
      const at = `http://127.0.0.1:${(compressing.address() as AddressInfo).port}`;
      const asked = await request(`${at}/en/`, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(asked.headers['content-encoding']).toBe('br');
      expect(asked.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(asked.body).toBe('brotli bytes');
      const refused = await request(`${at}/en/`, { headers: { 'accept-encoding': 'br;q=0, gzip' } });
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.body).toContain('<title>English</title>');
    } finally {
      await new Promise((resolve) => compressing.close(resolve));
    }
    expect(
      (await ask(`${prefix}en/`, { headers: { 'accept-encoding': 'br' } })).headers['content-encoding'],
    ).toBeUndefined();
  });

  it('gives SHA256SUMS a text content type', async () => {
    expect((await ask(`${prefix}SHA256SUMS`)).headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});
