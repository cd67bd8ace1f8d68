/** A small built site in a temporary folder, signed with a throwaway key, and helpers to run the reference tools. */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { headersFile } from '../../pipeline/after-render/security-headers.ts';
import { writeChecksums } from '../../pipeline/release/checksums.ts';
import { generateKeyPair, type GeneratedKeyPair } from '../../pipeline/release/minisign.ts';
import { checksumsFile } from '../../pipeline/release/release-format.ts';
import { signReleaseFile, type ReleaseFacts } from '../../pipeline/release/sign.ts';
import { qrCodeMarkup } from '../../src/lib/qr-code.ts';

export const canonicalOrigin = 'https://belarus-unions.example/';
/** The address the fixture's mirror tests use, which the fixture's mirrors page already lists. */
export const mirrorAddress = 'https://mirror.example/some/path/';
export const releaseCommit = '0123456789abcdef0123456789abcdef01234567';
export const releaseTimestamp = 1_700_000_000;
/** What the fixture's signatures state, unless a test says otherwise. */
export const fixtureRelease: ReleaseFacts = {
  timestamp: releaseTimestamp,
  commit: releaseCommit,
  origin: canonicalOrigin,
};

/** A page as the build writes it: relative links, and the canonical origin only in its link-preview URLs. */
function page(sitePath: string, body: string): string {
  const toRoot = '../'.repeat(sitePath.split('/').length - 2);
  const url = new URL(sitePath, canonicalOrigin).href;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${sitePath}</title>
<link rel="canonical" href="${url}">
<meta property="og:url" content="${url}">
<meta property="og:image" content="${canonicalOrigin}og/en.png">
<meta name="twitter:image" content="${canonicalOrigin}og/en.png">
<link rel="stylesheet" href="${toRoot}_astro/site.css">
</head>
<body>${body}</body>
</html>
`;
}

const siteFiles: Record<string, string | Buffer> = {
  'index.html': page(
    '/',
    '<a href="en/">English</a> <a href="be/%D0%BF%D1%8D%D1%82%D1%8B%D1%86%D1%8B%D1%8F/">Пэтыцыя</a> <img src="og/en.png" srcset="og/en.png 1x, og/en.png 2x" alt="">',
  ),
  '404.html': page('/404.html', '<p>Not found. <a href="./">Home</a></p>'),
  'en/index.html': page(
    '/en/',
    '<a href="petition/">Petition</a> <a href="../feed.xml">Feed</a> <a href="#top">Top</a>',
  ),
  'en/petition/index.html': page(
    '/en/petition/',
    '<a href="../">English</a> <a href="../../">Languages</a>' +
      `<p class="print-url">${canonicalOrigin}en/petition/</p>` +
      `<figure class="qr-code">${qrCodeMarkup(`${canonicalOrigin}en/petition/`)}<figcaption>Scan</figcaption></figure>` +
      `<a href="https://t.me/share/url?url=${encodeURIComponent(`${canonicalOrigin}en/petition/`)}">Telegram</a>`,
  ),
  // The mirrors page lists mirrors, and shows an example address: a mirror's address can be there before any rewrite.
  'en/mirrors/index.html': page(
    '/en/mirrors/',
    `<ul><li><a href="${mirrorAddress}">${mirrorAddress}</a></li></ul><pre>npm run verify -- ${mirrorAddress}</pre>` +
      `<a href="../petition/">Petition</a>`,
  ),
  'be/пэтыцыя/index.html': page('/be/пэтыцыя/', '<p>Пэтыцыя ў МАП</p><a href="../../en/">English</a>'),
  // A stylesheet may mention the address too, but a mirror may not rewrite it there.
  '_astro/site.css': `/* ${canonicalOrigin} */\nbody{font-family:system-ui}\n`,
  'og/en.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80]),
  'feed.xml': `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>${canonicalOrigin}en/</id><link href="${canonicalOrigin}en/"/></feed>
`,
  'sitemap.xml': `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${canonicalOrigin}en/</loc></url></urlset>
`,
  'robots.txt': `User-agent: *\nSitemap: ${canonicalOrigin}sitemap.xml\n`,
  _headers: headersFile(),
};

export const siteFilePaths = Object.keys(siteFiles);

export const stylesheet = '_astro/site.css';

/** The pages, feed, sitemap and robots.txt, which name the canonical origin for link previews. */
export const filesNamingOrigin = Object.entries(siteFiles)
  .filter(([file, contents]) => file !== stylesheet && contents.includes(canonicalOrigin))
  .map(([file]) => file);

const tempDirs: string[] = [];

export async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'release-test-'));
  tempDirs.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** The fixture site, unsigned, in a new folder. */
export async function makeSite(): Promise<string> {
  const dir = await makeTempDir();
  for (const [file, contents] of Object.entries(siteFiles)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), contents);
  }
  return dir;
}

export interface KeyFiles extends GeneratedKeyPair {
  publicKeyPath: string;
  secretKeyPath: string;
}

/** A throwaway key pair, also as minisign files. */
export async function makeKeys(): Promise<KeyFiles> {
  const keys = generateKeyPair();
  const dir = await makeTempDir();
  const publicKeyPath = path.join(dir, 'minisign.pub');
  const secretKeyPath = path.join(dir, 'minisign.key');
  await writeFile(publicKeyPath, keys.publicKeyFile);
  await writeFile(secretKeyPath, keys.secretKeyFile);
  return { ...keys, publicKeyPath, secretKeyPath };
}

/** Lists the files of `dir` in SHA256SUMS and signs it with `keys`, stating fixtureRelease or what `release` changes. */
export async function signSite(
  dir: string,
  keys: GeneratedKeyPair,
  release: Partial<ReleaseFacts> = {},
): Promise<void> {
  await writeChecksums(dir);
  await signReleaseFile(dir, { path: checksumsFile, kind: 'site' }, keys.secretKey, { ...fixtureRelease, ...release });
}

/** The fixture site with SHA256SUMS and its signature by `keys`. */
export async function makeSignedSite(keys: GeneratedKeyPair): Promise<string> {
  const dir = await makeSite();
  await signSite(dir, keys);
  return dir;
}

export async function copySite(dir: string): Promise<string> {
  const copy = await makeTempDir();
  await cp(dir, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion, never throwing for its exit status. With `timeout` (milliseconds), a command
 * still running then is stopped, and its code is -1.
 */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {},
) {
  return new Promise<RunResult>((resolve) => {
    const { cwd, env, timeout } = options;
    const child = execFile(command, args, { cwd, env, timeout, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
    // A command may exit without reading its input; that is not an error here.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}
