/**
 * The host configurations in deploy/, run by the real programs from Debian:
 * nginx and Caddy serve a signed copy of the built site under a prefix, with
 * every link working, every security header, and the site's own 404 page;
 * Tor accepts the torrc snippet.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { securityHeaders } from '../../pipeline/after-render/security-headers';
import { verifyMirror } from '../../pipeline/mirror-tools/verify';
import { formatReport, isExactCopy } from '../../pipeline/mirror-tools/verify-report';
import { localeCodes } from '../../src/i18n/locales';
import { paths } from '../../src/lib/routes';
import { crawl } from './crawl';
import { signedCopyOfDist, startCaddy, startNginx, temporary, type RunningServer } from './hosts';
import { slugs } from './site';

const prefix = '/mirror/';
const hashedFile = () => {
  const fragments = readFileSync('dist/SHA256SUMS', 'utf8').match(/pagefind\/fragment\/\S+/);
  if (fragments === null) throw new Error('dist has no Pagefind fragment');
  return fragments[0];
};

function expectSecurityHeaders(response: Response, what: string): void {
  for (const [name, value] of Object.entries(securityHeaders)) {
    expect(response.headers.get(name), `${name} on ${what}`).toBe(value);
  }
}

const servers = [
  { name: 'nginx with deploy/nginx/belarus-unions.conf', start: startNginx },
  { name: 'Caddy with deploy/caddy/Caddyfile', start: startCaddy },
];

for (const { name, start } of servers) {
  test.describe(name, () => {
    test.describe.configure({ mode: 'serial' });
    let copy: Awaited<ReturnType<typeof signedCopyOfDist>>;
    let server: RunningServer;

    test.beforeAll(async () => {
      copy = await signedCopyOfDist();
      server = await start(copy.dir, prefix);
    });

    test.afterAll(async () => {
      await server.stop();
      rmSync(copy.dir, { recursive: true, force: true });
    });

    test('serves the release under a prefix with no broken link or asset', async ({ page }) => {
      test.setTimeout(180_000);
      const { visited, broken } = await crawl(page, server.url);
      expect(broken).toEqual([]);
      expect(visited.length).toBeGreaterThanOrEqual(1 + localeCodes.length * (1 + slugs.length));
    });

    test('sends every security header, and caches only hashed files for long', async () => {
      for (const file of ['', 'en/', 'SHA256SUMS', 'downloads/belarus-unions-record.zip', 'og/en/index.png']) {
        const response = await fetch(new URL(file, server.url));
        expect(response.status, file).toBe(200);
        expectSecurityHeaders(response, file || 'the language chooser');
        expect(response.headers.get('cache-control'), file).toBe('no-cache');
      }
      const hashed = await fetch(new URL(hashedFile(), server.url));
      expectSecurityHeaders(hashed, 'a Pagefind fragment');
      expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await fetch(new URL('SHA256SUMS', server.url))).headers.get('content-type')).toMatch(/^text\/plain/);
    });

    test('serves the e-books as EPUB, so a phone offers to open them in a reader', async () => {
      for (const lang of localeCodes) {
        const response = await fetch(new URL(paths.book(lang).slice(1), server.url));
        expect(response.status, lang).toBe(200);
        expect(response.headers.get('content-type'), lang).toBe('application/epub+zip');
        expectSecurityHeaders(response, `the ${lang} book`);
      }
    });

    test('answers a missing page with the site’s own 404 page, and its headers', async () => {
      const response = await fetch(new URL('be/no/such/page/', server.url));
      expect(response.status).toBe(404);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(path.join(copy.dir, '404.html')))).toBe(
        true,
      );
      expectSecurityHeaders(response, 'the 404 page');
    });

    test('redirects a folder without its slash to the folder, under the prefix', async () => {
      const response = await fetch(new URL('en', server.url), { redirect: 'manual' });
      expect([301, 308]).toContain(response.status);
      expect(new URL(response.headers.get('location') ?? '', server.url).href).toBe(new URL('en/', server.url).href);
    });

    test('passes verify on the web, headers and all', async () => {
      test.setTimeout(120_000);
      const report = await verifyMirror(server.url, { publicKey: copy.publicKey });
      expect(formatReport(report)).toMatch(/\nOK: all \d+ files match the signed release\.$/);
      expect(isExactCopy(report)).toBe(true);
      expect(report.headers).toEqual([]);
    });
  });
}

test.describe('nginx with the guide’s block in a server that has a regular-expression rule of its own', () => {
  test.describe.configure({ mode: 'serial' });
  let copy: Awaited<ReturnType<typeof signedCopyOfDist>>;
  let other: string;
  let server: RunningServer;

  test.beforeAll(async () => {
    copy = await signedCopyOfDist();
    // Another site's files, which a common server-wide rule for scripts, styles and data serves with long caching.
    other = temporary('other-root');
    for (const file of ['service-worker.js', 'pagefind/pagefind.js', 'offline-files.json', 'sitemap.xml']) {
      mkdirSync(path.dirname(path.join(other, prefix, file)), { recursive: true });
      writeFileSync(path.join(other, prefix, file), 'another site’s file');
    }
    server = await startNginx(
      copy.dir,
      prefix,
      `        location ~* \\.(?:js|css|png|svg|json|xml|wasm|epub)$ { root ${other}; expires 30d; }`,
    );
  });

  test.afterAll(async () => {
    await server.stop();
    rmSync(copy.dir, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });

  test('the copy keeps its own files and headers: the offline worker, search, the sitemap, the books', async () => {
    for (const file of [
      'service-worker.js',
      'pagefind/pagefind.js',
      'offline-files.json',
      'sitemap.xml',
      `en/feed.xml`,
      paths.book('en').slice(1),
    ]) {
      const response = await fetch(new URL(file, server.url));
      expect(response.status, file).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(path.join(copy.dir, file))), file).toBe(
        true,
      );
      expectSecurityHeaders(response, file);
    }
  });
});

test.describe('Tor with deploy/tor/torrc', () => {
  /** `tor --verify-config` on a minimal torrc that includes `snippet`, as /etc/tor/torrc would. */
  function verifyConfig(snippet: string): { status: number | null; output: string } {
    const dir = temporary('tor');
    try {
      writeFileSync(path.join(dir, 'snippet'), snippet);
      writeFileSync(
        path.join(dir, 'torrc'),
        `DataDirectory ${dir}/data\nSocksPort 0\n%include ${path.join(dir, 'snippet')}\n`,
      );
      const result = spawnSync('tor', ['--verify-config', '-f', path.join(dir, 'torrc')], { encoding: 'utf8' });
      return { status: result.status, output: result.stdout + result.stderr };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test('tor --verify-config accepts it', () => {
    const result = verifyConfig(readFileSync('deploy/tor/torrc', 'utf8'));
    expect(result.output).toContain('Configuration was valid');
    expect(result.status).toBe(0);
  });

  test('tor --verify-config refuses it broken, so the test above can fail', () => {
    const broken = readFileSync('deploy/tor/torrc', 'utf8').replace(/^HiddenServiceDir .*$/m, '');
    expect(verifyConfig(broken).status).not.toBe(0);
  });
});

test('caddy validate accepts the Caddyfile as it is', () => {
  const home = temporary('caddy-home');
  const result = spawnSync('caddy', ['validate', '--config', 'deploy/caddy/Caddyfile', '--adapter', 'caddyfile'], {
    encoding: 'utf8',
    env: { ...process.env, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home },
  });
  rmSync(home, { recursive: true, force: true });
  expect(result.stdout + result.stderr).toContain('Valid configuration');
  expect(result.status).toBe(0);
});
