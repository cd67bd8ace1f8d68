/**
 * What a volunteer gets from the real build: the IPFS CAR, the standalone
 * verifier run by Debian's own Node from an empty folder, and a copy pointed
 * at a mirror's address (QR codes and share links included) that still
 * verifies.
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { listFiles } from '../../pipeline/after-render/site-files';
import { formatPublicKeyFile } from '../../pipeline/release/minisign';
import { bundles, signatureOf } from '../../pipeline/release/release-format';
import { rewriteOrigin } from '../../pipeline/mirror-tools/rewrite-origin';
import { verifyMirror } from '../../pipeline/mirror-tools/verify';
import { formatReport, isExactCopy } from '../../pipeline/mirror-tools/verify-report';
import { serve } from '../../pipeline/mirror-tools/serve';
import { verdict } from '../../pipeline/mirror-tools/verdicts';
import { localeCodes } from '../../src/i18n/locales';
import { qrCodeMarkup } from '../../src/lib/qr-code';
import { paths } from '../../src/lib/routes';
import { absoluteUrl } from '../../src/lib/site-url';
import { unpackCar } from '../support/car';
import { signedCopyOfDist, temporary } from './hosts';
import { slugs } from './site';

function runAsync(command: string, args: string[], cwd: string): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, encoding: 'utf8', timeout: 300_000 }, (error, stdout) => {
      resolve({ status: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout });
    });
  });
}

/** Debian's Node (20 here), not the project's pinned 24: the one a volunteer already has. */
const debianNode = '/usr/bin/node';

test('the CAR unpacks, with a real UnixFS exporter, to every file of the release byte for byte', async () => {
  test.setTimeout(120_000);
  const { files: unpacked } = await unpackCar(readFileSync(path.join('dist', paths.siteCar())));
  const bundled = new Set(bundles.flatMap((bundle) => [bundle.path, signatureOf(bundle.path)]));
  const release = (await listFiles('dist')).filter((file) => !bundled.has(file));
  expect([...unpacked.keys()].sort()).toEqual([...release].sort());
  for (const file of release) {
    expect(unpacked.get(file)?.equals(readFileSync(path.join('dist', file))), file).toBe(true);
  }
});

test('every document page carries exactly the QR code that rewrite-origin and verify redraw', () => {
  for (const lang of localeCodes) {
    for (const slug of slugs) {
      const page = readFileSync(path.join('dist', paths.document(lang, slug), 'index.html'), 'utf8');
      expect(page, `${lang}/${slug}`).toContain(qrCodeMarkup(absoluteUrl(paths.document(lang, slug))));
    }
  }
});

test.describe('the standalone verifier, run by Debian’s Node from an empty folder', () => {
  test.describe.configure({ mode: 'serial' });
  let copy: Awaited<ReturnType<typeof signedCopyOfDist>>;
  let workDir: string;
  let keyFile: string;

  test.beforeAll(async () => {
    test.skip(!existsSync(debianNode), `${debianNode} is not installed`);
    copy = await signedCopyOfDist();
    workDir = temporary('empty-folder');
    // Only the one file, as a volunteer would download it: no node_modules, no package.json.
    copyFileSync(path.join(copy.dir, paths.verifier()), path.join(workDir, 'verify.mjs'));
    keyFile = path.join(temporary('key'), 'minisign.pub');
    writeFileSync(keyFile, formatPublicKeyFile(copy.publicKey));
  });

  test.afterAll(() => {
    for (const dir of [copy?.dir, workDir, keyFile && path.dirname(keyFile)]) {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  const run = (...args: string[]) =>
    spawnSync(debianNode, ['verify.mjs', ...args], { cwd: workDir, encoding: 'utf8', timeout: 300_000 });

  test('is a Node older than the project’s, and the file imports only Node’s own modules', () => {
    const version = spawnSync(debianNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
    expect(Number(/^v(\d+)/.exec(version)?.[1])).toBeLessThan(22);
    const source = readFileSync(path.join(workDir, 'verify.mjs'), 'utf8');
    const imported = [
      ...source.matchAll(/^import\s[^;]*?\sfrom\s*["']([^"']+)["'];?$/gm),
      ...source.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g),
    ].map((match) => match[1]);
    expect(imported.length).toBeGreaterThan(0);
    for (const name of imported) expect(name).toMatch(/^node:/);
  });

  test('passes a genuine copy, in a folder and on the web, as npm run verify does', async () => {
    test.setTimeout(300_000);
    const folder = run(copy.dir, '--public-key', keyFile);
    expect(folder.stdout).toMatch(/\nOK: all \d+ files match the signed release\.\n$/);
    expect(folder.status).toBe(0);
    const report = await verifyMirror(copy.dir, { publicKey: copy.publicKey });
    expect(folder.stdout.trimEnd()).toBe(formatReport(report));

    const server = await serve({ dir: copy.dir, port: 0, prefix: '/mirror/' });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      // Not spawnSync: this process serves the copy, and must go on answering while the verifier runs.
      const web = await runAsync(
        debianNode,
        ['verify.mjs', `http://127.0.0.1:${port}/mirror/`, '--public-key', keyFile],
        workDir,
      );
      expect(web.stdout).toMatch(/\nOK: all \d+ files match the signed release\.\n$/);
      expect(web.status).toBe(0);
    } finally {
      server.close();
    }
  });

  test('fails a tampered copy, naming the file', () => {
    const tampered = temporary('tampered');
    cpSync(copy.dir, tampered, { recursive: true });
    const page = path.join(tampered, 'en', 'index.html');
    writeFileSync(
      page,
      readFileSync(page, 'utf8').replace('</h1>', '<script src="https://t.example/x.js"></script></h1>'),
    );
    const result = run(tampered, '--public-key', keyFile);
    rmSync(tampered, { recursive: true });
    expect(result.stdout).toContain('\n  ALTERED: en/index.html\n');
    expect(result.stdout).toMatch(
      /\nTAMPERED: 1 altered \(of \d+ listed files\): this copy is not the signed release\.\n$/,
    );
    expect(result.status).toBe(verdict('tampered').code);
  });

  test('checks against the key built into it unless told otherwise', () => {
    const result = run(copy.dir);
    expect(result.stdout).toMatch(
      /^OTHER KEY: SHA256SUMS\.minisig was made with key \w{16}, not with the release key /,
    );
    expect(result.status).toBe(verdict('other key').code);
    expect(run('--help').stdout).toContain('usage: node verify.mjs <web address or folder>');
  });
});

test('a copy pointed at a mirror’s address, one the site already lists, still verifies, QR codes and all', async () => {
  test.setTimeout(180_000);
  const { dir, publicKey } = await signedCopyOfDist();
  try {
    const mirror = 'https://mirror.example/path/';
    const summary = await rewriteOrigin(dir, mirror);
    const [slug = ''] = slugs;
    const page = readFileSync(path.join(dir, paths.document('en', slug), 'index.html'), 'utf8');
    expect(page).toContain(qrCodeMarkup(`${mirror}en/${slug}/`));
    expect(page).toContain(`url=${encodeURIComponent(`${mirror}en/${slug}/`)}`);
    const report = await verifyMirror(dir, { publicKey });
    expect(report.rewritten).toEqual([...summary.rewritten].sort());
    expect(isExactCopy(report)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
