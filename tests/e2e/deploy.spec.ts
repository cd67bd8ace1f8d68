/**
 * The host configurations in deploy/, run by the real programs from Debian as
 * the mirrors guide sets them up, and asked as visitors ask: nginx and Caddy
 * serve a signed copy of the built site at a domain under a path, and as the
 * torrc's target, where Tor hands them requests for an onion name on the
 * loopback port. Every file comes byte for byte with its headers, a missing one
 * gets the site's own 404 page, a path without its slash one redirect that
 * stays on the visitor's host and port; Tor accepts the torrc snippet.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { immutableCacheControl, immutableFolders, securityHeaders } from '../../pipeline/after-render/security-headers';
import { verifyMirror } from '../../pipeline/mirror-tools/verify';
import { formatReport, isExactCopy } from '../../pipeline/mirror-tools/verify-report';
import { parseChecksums } from '../../pipeline/release/checksums';
import { checksumsFile, signatureFile } from '../../pipeline/release/release-format';
import { localeCodes } from '../../src/i18n/locales';
import { paths } from '../../src/lib/routes';
import { crawl } from './crawl';
import {
  listeningAddresses,
  signedCopyOfDist,
  startCaddy,
  startNginx,
  temporary,
  visit,
  torTarget,
  guideCaddyEnvironment,
  type Answer,
  type RunningServer,
} from './hosts';
import { slugs } from './site';

const prefix = '/mirror/';

function expectSecurityHeaders(headers: Answer['headers'], what: string): void {
  for (const [name, value] of Object.entries(securityHeaders)) {
    expect(headers[name.toLowerCase()], `${name} on ${what}`).toBe(value);
  }
}

/** An onion service's name as Tor Browser sends it in `Host`: 56 base32 characters, the last the version, 3. */
const onionName = `${'belarusunions'.repeat(4)}abcd.onion`;

/** What each kind of file must be sent as, where the name alone does not tell every server. */
const mediaTypes: [RegExp, RegExp][] = [
  [/\.html$/, /^text\/html; charset=utf-8$/],
  [/\.epub$/, /^application\/epub\+zip$/],
  [/\.car$/, /^application\/vnd\.ipld\.car$/],
  [/\.m?js$/, /^(?:text|application)\/javascript\b/],
  [/(?:^|\/)(?:SHA256SUMS|MIRROR_ORIGIN|_headers)$|\.minisig$/, /^text\/plain\b/],
];

/** Missing files, one in each folder whose files are cached for a year and each folder of typed files. */
const missingFiles = [
  'be/no/such/page/',
  ...immutableFolders.map((folder) => `${folder.slice(1)}missing-0123abcd.txt`),
  'downloads/missing.car',
  'downloads/missing.epub',
  'downloads/missing.mjs',
];

interface Configuration {
  name: string;
  start: (siteDir: string) => Promise<RunningServer>;
  /** The `Host` a visitor sends: the domain, the loopback address standing in for it, or an onion name. */
  host: (server: RunningServer) => string;
  prefix: string;
  behindTor: boolean;
}

const configurations: Configuration[] = [
  {
    name: 'nginx, with the guide’s server block for a domain, under a path',
    start: (siteDir) => startNginx(siteDir, { prefix }),
    host: () => 'mirror.example.org',
    prefix,
    behindTor: false,
  },
  {
    name: 'Caddy, with the guide’s environment for a domain, under a path',
    start: (siteDir) => startCaddy(siteDir, { prefix }),
    host: (server) => `127.0.0.1:${server.port}`,
    prefix,
    behindTor: false,
  },
  {
    name: 'nginx as the torrc’s target, with the guide’s server block for the onion service',
    start: (siteDir) => startNginx(siteDir, { setup: 'onion' }),
    host: () => onionName,
    prefix: '/',
    behindTor: true,
  },
  {
    name: 'Caddy as the torrc’s target, with the guide’s environment for the onion service',
    start: (siteDir) => startCaddy(siteDir, { setup: 'onion' }),
    host: () => onionName,
    prefix: '/',
    behindTor: true,
  },
];

for (const configuration of configurations) {
  test.describe(configuration.name, () => {
    test.describe.configure({ mode: 'serial' });
    let copy: Awaited<ReturnType<typeof signedCopyOfDist>>;
    let server: RunningServer;
    const as = (sitePath: string, options: { method?: string; headers?: Record<string, string> } = {}) =>
      visit(server.port, `${configuration.prefix}${sitePath}`, { host: configuration.host(server), ...options });
    const released = (sitePath: string) => readFileSync(path.join(copy.dir, sitePath));

    test.beforeAll(async () => {
      copy = await signedCopyOfDist();
      server = await configuration.start(copy.dir);
    });

    test.afterAll(async () => {
      await server.stop();
      rmSync(copy.dir, { recursive: true, force: true });
    });

    test('sends every file of the release byte for byte, with its type, the security headers and its caching', async () => {
      const files = parseChecksums(readFileSync(path.join(copy.dir, checksumsFile), 'utf8')).map((entry) => entry.path);
      for (const file of [...files, checksumsFile, signatureFile]) {
        const answer = await as(file);
        expect(answer.status, file).toBe(200);
        expect(answer.body.equals(released(file)), `${file}, byte for byte`).toBe(true);
        expectSecurityHeaders(answer.headers, file);
        const hashed = immutableFolders.some((folder) => `/${file}`.startsWith(folder));
        expect(answer.headers['cache-control'], file).toBe(hashed ? immutableCacheControl : 'no-cache');
        const type = mediaTypes.find(([name]) => name.test(file))?.[1];
        if (type !== undefined) expect(answer.headers['content-type'], file).toMatch(type);
      }
      const folder = await as('en/mirrors/');
      expect(folder.status).toBe(200);
      expect(folder.body.equals(released('en/mirrors/index.html'))).toBe(true);
    });

    test('answers HEAD with the headers alone, and a Range with those bytes', async () => {
      const page = released('index.html');
      const head = await as('', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      expect(Number(head.headers['content-length'])).toBe(page.length);
      expectSecurityHeaders(head.headers, 'HEAD');

      const archive = released(paths.siteArchive().slice(1));
      const range = await as(paths.siteArchive().slice(1), { headers: { range: 'bytes=100-199' } });
      expect(range.status).toBe(206);
      expect(range.headers['content-range']).toBe(`bytes 100-199/${archive.length}`);
      expect(range.body.equals(archive.subarray(100, 200))).toBe(true);
    });

    test('answers a missing file at once with the site’s own 404 page, in every folder of hashed or typed files', async () => {
      for (const file of missingFiles) {
        const answer = await as(file);
        expect(answer.status, file).toBe(404);
        expect(answer.body.equals(released('404.html')), `${file}: the site’s 404 page`).toBe(true);
        expect(answer.headers['content-type'], file).toMatch(/^text\/html/);
        // A missing hashed file may appear with the next upload: its 404 must not be kept for a year.
        expect(answer.headers['cache-control'], file).toBe('no-cache');
        expectSecurityHeaders(answer.headers, `the 404 page for ${file}`);
      }
    });

    test('redirects a path without its final slash once, to the host and port the visitor used, which then answers', async () => {
      const visitor = `http://${configuration.host(server)}`;
      const withoutSlash = ['en/mirrors', ...(configuration.prefix === '/' ? [] : [''])].map((sitePath) =>
        `${configuration.prefix}${sitePath}`.replace(/\/$/, ''),
      );
      for (const requestPath of withoutSlash) {
        const answer = await visit(server.port, requestPath, { host: configuration.host(server) });
        expect([301, 308], requestPath).toContain(answer.status);
        const location = String(answer.headers['location']);
        const target = new URL(location, `${visitor}${requestPath}`);
        expect(target.origin, `${requestPath} → ${location}`).toBe(new URL(visitor).origin);
        expect(target.pathname, `${requestPath} → ${location}`).toBe(`${requestPath}/`);
        const followed = await visit(server.port, target.pathname, { host: configuration.host(server) });
        expect(followed.status, `${target.pathname}, after ${requestPath}`).toBe(200);
        expect(followed.body.equals(released(`${target.pathname.slice(configuration.prefix.length)}index.html`))).toBe(
          true,
        );
      }
    });

    if (configuration.behindTor) {
      test('listens on the loopback address alone, so it is reached only through the onion service', async () => {
        expect(listeningAddresses(server.port)).toEqual([`127.0.0.1:${server.port}`]);
        const otherAddresses = Object.values(networkInterfaces())
          .flatMap((addresses) => addresses ?? [])
          .filter((address) => !address.internal);
        for (const { address } of otherAddresses) {
          await expect(visit(server.port, '/', { host: onionName, address }), address).rejects.toThrow(/ECONNREFUSED/);
        }
      });
    }
  });
}

for (const { name, start } of configurations.filter((configuration) => !configuration.behindTor)) {
  test.describe(`${name}, in a browser`, () => {
    test.describe.configure({ mode: 'serial' });
    let copy: Awaited<ReturnType<typeof signedCopyOfDist>>;
    let server: RunningServer;

    test.beforeAll(async () => {
      copy = await signedCopyOfDist();
      server = await start(copy.dir);
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

    test('passes verify on the web, headers and all', async () => {
      test.setTimeout(120_000);
      const report = await verifyMirror(server.url, { publicKey: copy.publicKey });
      expect(formatReport(report)).toMatch(/\nOK: all \d+ files match the signed release\.$/);
      expect(isExactCopy(report)).toBe(true);
      expect(report.headers).toEqual([]);
    });
  });
}

test('nginx on a fresh Debian: the guide’s server block gets its domain’s visitors, the default site every other name', async () => {
  const copy = await signedCopyOfDist();
  const server = await startNginx(copy.dir, { besideDefaultSite: true });
  try {
    const domain = await visit(server.port, prefix, { host: 'mirror.example.org' });
    expect(domain.status).toBe(200);
    expect(domain.body.equals(readFileSync(path.join(copy.dir, 'index.html')))).toBe(true);
    const elsewhere = await visit(server.port, prefix, { host: `127.0.0.1:${server.port}` });
    expect(elsewhere.body.equals(readFileSync(path.join(copy.dir, 'index.html')))).toBe(false);
  } finally {
    await server.stop();
    rmSync(copy.dir, { recursive: true, force: true });
  }
});

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
    server = await startNginx(copy.dir, {
      prefix,
      otherRules: `    location ~* \\.(?:js|css|png|svg|json|xml|wasm|epub)$ { root ${other}; expires 30d; }`,
    });
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
      const answer = await visit(server.port, `${prefix}${file}`, { host: `127.0.0.1:${server.port}` });
      expect(answer.status, file).toBe(200);
      expect(answer.body.equals(readFileSync(path.join(copy.dir, file))), file).toBe(true);
      expectSecurityHeaders(answer.headers, file);
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

/** The JSON configuration `caddy adapt` makes of deploy/caddy/Caddyfile with \`environment\`: its HTTP servers. */
function caddyServers(environment: Record<string, string>): { listen: string[]; routes: { match?: object[] }[] }[] {
  const home = temporary('caddy-home');
  const result = spawnSync('caddy', ['adapt', '--config', 'deploy/caddy/Caddyfile', '--adapter', 'caddyfile'], {
    encoding: 'utf8',
    env: { ...process.env, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, ...environment },
  });
  rmSync(home, { recursive: true, force: true });
  expect(result.status, result.stderr).toBe(0);
  return Object.values((JSON.parse(result.stdout) as { apps: { http: { servers: object } } }).apps.http.servers);
}

test('with the guide’s settings, Caddy serves the domain over HTTPS on every interface, and the onion service to any host name on the torrc’s target alone', () => {
  const domain = caddyServers(guideCaddyEnvironment('domain'));
  expect(domain.map((server) => server.listen)).toEqual([[':443']]);
  expect(domain[0]?.routes.map((route) => route.match)).toEqual([[{ host: ['mirror.example.org'] }]]);

  const onion = caddyServers(guideCaddyEnvironment('onion'));
  expect(onion.map((server) => server.listen)).toEqual([[`${torTarget().host}:${torTarget().port}`]]);
  expect(JSON.stringify(onion)).not.toContain('"host"');
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
