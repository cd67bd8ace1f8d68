import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { listFiles } from '../../pipeline/after-render/site-files';
import { copyProject, editOneWord, thisProject } from '../../pipeline/bench/build-bench';
import { buildCacheRoot } from '../../pipeline/render/build-cache';
import { formatPublicKeyFile, generateKeyPair } from '../../pipeline/release/minisign';
import { bundles, signatureOf } from '../../pipeline/release/release-format';
import { verifyMirror } from '../../pipeline/mirror-tools/verify';
import { isExactCopy } from '../../pipeline/mirror-tools/verify-report';
import { serve } from '../../pipeline/mirror-tools/serve';
import { localeCodes } from '../../src/i18n/locales';
import { documentsIn } from '../support/content';
import { paths } from '../../src/lib/routes';
import { siteUrl } from '../../src/lib/site-url';
import { signedCopyOfDist, temporary } from './hosts';

/** Whether the working tree differs from HEAD, in which case a clone and `git archive HEAD` are different sources. */
const uncommitted = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }) !== '';

/** The files of two builds that differ, or that one has and the other lacks. */
async function differences(a: string, b: string): Promise<string[]> {
  const files = await listFiles(a);
  const others = await listFiles(b);
  return [
    ...files.filter(
      (file) => !others.includes(file) || !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file))),
    ),
    ...others.filter((file) => !files.includes(file)),
  ];
}

/** Runs a script of the project in `cwd` with the environment given, and fails the test, with its output, if it fails. */
function runScript(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      error ? reject(new Error(`${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`)) : resolve(),
    );
  });
}

test('a release built from a `git archive` of the commit equals the one built from the clone, byte for byte, and so does each signed', async () => {
  test.skip(uncommitted, 'the working tree has uncommitted changes, so HEAD is not what a clone builds');
  test.setTimeout(600_000);
  // As "Download ZIP" gives it: no .git, the revision file filled in by `git archive`.
  const source = temporary('source-archive');
  execFileSync('sh', ['-c', `git archive --format=tar HEAD | tar -x -C "${source}"`]);
  symlinkSync(path.resolve('node_modules'), path.join(source, 'node_modules'));
  expect(readFileSync(path.join(source, 'release/revision'), 'utf8')).toMatch(/^[0-9a-f]{40} \d+\n$/);

  // A release refuses the placeholder identity; these stand in for a fork's real addresses. No key is set.
  const releaseIdentity = {
    SITE_URL: 'https://record.belarus-unions.org/',
    REPOSITORY_URL: 'https://codeberg.org/belarus-unions/record',
    CONTACT_EMAIL: 'keepers@belarus-unions.org',
    PUBLISHER: 'unnamed',
    MINISIGN_SECRET_KEY: '',
  };
  const [fromClone, fromArchive] = [temporary('release-from-clone'), temporary('release-from-archive')];
  // One after the other: each takes both cores. The copy links node_modules, but Astro's cache is each project's own.
  await runScript('.', ['pipeline/build.ts', '--release', '--out-dir', fromClone], releaseIdentity);
  await runScript(source, ['pipeline/build.ts', '--release', '--out-dir', fromArchive], releaseIdentity);
  expect(await listFiles(fromClone)).toContain('UNSIGNED_RELEASE.json');
  expect(await differences(fromClone, fromArchive)).toEqual([]);
  // A release's pages say nothing of a preview, and name the real addresses to report a mirror to.
  for (const lang of localeCodes) {
    for (const page of [paths.mirrors(lang), paths.downloads(lang)]) {
      expect(readFileSync(path.join(fromClone, page, 'index.html'), 'utf8')).not.toContain('preview-notice');
    }
    const mirrors = readFileSync(path.join(fromClone, paths.mirrors(lang), 'index.html'), 'utf8');
    expect(mirrors).toContain(`href="mailto:${releaseIdentity.CONTACT_EMAIL}"`);
    expect(mirrors).toContain(`href="${releaseIdentity.REPOSITORY_URL}"`);
  }

  // Then each signed by `npm run sign`, in a step of its own, with one throwaway key.
  const keyDir = temporary('keys');
  const secretKeyPath = path.join(keyDir, 'release.key');
  writeFileSync(secretKeyPath, generateKeyPair().secretKeyFile);
  for (const [root, build] of [
    ['.', fromClone],
    [source, fromArchive],
  ] as const) {
    await runScript(root, ['pipeline/sign.ts', '--dir', build], { MINISIGN_SECRET_KEY: secretKeyPath });
  }
  expect(await listFiles(fromClone)).toContain('SHA256SUMS.minisig');
  expect(await listFiles(fromClone)).not.toContain('UNSIGNED_RELEASE.json');
  expect(await differences(fromClone, fromArchive)).toEqual([]);
  for (const dir of [keyDir, source, fromClone, fromArchive]) rmSync(dir, { recursive: true });
});

test('a rebuild after a one-word edit, on the caches of the build before it, is byte for byte a cold build of the edited text', async () => {
  test.setTimeout(600_000);
  // Copies of the working tree, each with a node_modules of its own and so its own caches, Astro's and the build's.
  const project = thisProject(process.cwd());
  const [edited, cold] = await Promise.all([copyProject(project), copyProject(project)]);
  const [editedOut, coldOut] = [temporary('rebuilt-after-edit'), temporary('built-cold')];
  const build = (cwd: string, outDir: string) =>
    runScript(cwd, ['pipeline/build.ts', '--out-dir', outDir], { SOURCE_DATE_EPOCH: '1700000000' });
  await editOneWord(cold, project.editedDocument);
  // The text before the edit, built while the edited text is built cold, on the other core.
  await Promise.all([build(edited, editedOut), build(cold, coldOut)]);
  // Each kind of work the build keeps is there for the rebuild to take what the edit left unchanged from.
  const kept = readdirSync(path.join(edited, path.relative(process.cwd(), buildCacheRoot)));
  expect(kept).toEqual(
    expect.arrayContaining([
      'book-chapters',
      'car',
      'content-files',
      'content-security-policy',
      'deflate',
      'language-check',
      'mdx',
      'page-budget',
      'page-styles',
      'prepared-pages',
      'preview-images',
      'search-index',
      'single-files',
      'zopfli',
    ]),
  );
  const before = readFileSync(path.join(editedOut, paths.singleFile('en', 'petition-to-the-ilo')));
  await editOneWord(edited, project.editedDocument);
  await build(edited, editedOut);
  const after = readFileSync(path.join(editedOut, paths.singleFile('en', 'petition-to-the-ilo')));
  expect(after.equals(before)).toBe(false);
  expect(await differences(editedOut, coldOut)).toEqual([]);
  for (const dir of [edited, cold, editedOut, coldOut]) rmSync(dir, { recursive: true });
});

test('a build that stops part-way through the render leaves nothing that a build of the earlier text takes for its own', async () => {
  test.setTimeout(600_000);
  const copy = await copyProject(thisProject(process.cwd()));
  const out = temporary('built-after-a-stopped-render');
  const build = () => runScript(copy, ['pipeline/build.ts', '--out-dir', out], { SOURCE_DATE_EPOCH: '1700000000' });
  const document = path.join(copy, 'src/content/documents/be/petition-to-the-ilo.mdx');
  const home = path.join(copy, 'src/pages/[lang]/index.astro');
  const [text, homeCode] = [readFileSync(document, 'utf8'), readFileSync(home, 'utf8')];
  const undone = 'АДМЕНЕНАЯ-ПРАЎКА';
  await build();
  // An edit, and a mistake in a page Astro renders after the documents: the build stops once they are rendered.
  writeFileSync(document, text.replace('Шаноўны Гай Райдэр,', `Шаноўны ${undone} Гай Райдэр,`));
  writeFileSync(home, homeCode.replace(/^---$/m, '---\nthrow new Error("a mistake");'));
  await expect(build()).rejects.toThrow();
  // Both undone: the sources are again those of the first build.
  writeFileSync(document, text);
  writeFileSync(home, homeCode);
  await build();
  for (const file of [paths.document('be', 'petition-to-the-ilo'), paths.singleFile('be', 'petition-to-the-ilo')]) {
    const page = readFileSync(path.join(out, file.endsWith('/') ? `${file}index.html` : file), 'utf8');
    expect(page).toContain('Гай Райдэр');
    expect(page).not.toContain(undone);
  }
  for (const dir of [copy, out]) rmSync(dir, { recursive: true });
});

test('the built site, signed with a throwaway key, passes minisign, sha256sum and npm run verify under a prefix', async () => {
  test.setTimeout(120_000);
  const { dir: copy, publicKey } = await signedCopyOfDist();
  const keyFile = path.join(temporary('keys'), 'test.pub');
  writeFileSync(keyFile, formatPublicKeyFile(publicKey));

  execFileSync('minisign', ['-Vm', 'SHA256SUMS', '-p', keyFile], { cwd: copy, stdio: 'pipe' });
  execFileSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: copy, stdio: 'pipe' });
  for (const bundle of bundles) {
    execFileSync('minisign', ['-Vm', bundle.path, '-p', keyFile], { cwd: copy, stdio: 'pipe' });
  }

  const server = await serve({ dir: copy, port: 0, prefix: '/mirror/deep/path/' });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const report = await verifyMirror(`http://127.0.0.1:${port}/mirror/deep/path/`, { publicKey });
    expect(report.altered).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(report.bundles.map((bundle) => bundle.outcome)).toEqual(['genuine', 'genuine']);
    expect(isExactCopy(report)).toBe(true);

    writeFileSync(
      path.join(copy, 'en', 'index.html'),
      readFileSync(path.join(copy, 'en', 'index.html'), 'utf8').replace('</h1>', ' </h1>'),
    );
    const tampered = await verifyMirror(`http://127.0.0.1:${port}/mirror/deep/path/`, { publicKey });
    expect(tampered.altered).toEqual(['en/index.html']);
  } finally {
    server.close();
    rmSync(copy, { recursive: true });
  }
});

test('the site archive holds every file of the site, unchanged, with the same signed list at its root', async () => {
  const archive = unzipSync(new Uint8Array(readFileSync(path.join('dist', paths.siteArchive()))));
  const bundled = new Set(bundles.flatMap((bundle) => [bundle.path, signatureOf(bundle.path)]));
  const siteFiles = (await listFiles('dist')).filter((file) => !bundled.has(file));
  expect(siteFiles).toContain('SHA256SUMS');
  expect(Object.keys(archive).sort()).toEqual([...siteFiles].sort());
  for (const file of siteFiles) {
    expect(Buffer.from(archive[file] ?? []).equals(readFileSync(path.join('dist', file))), file).toBe(true);
  }
  const unzipped = temporary('unzipped');
  for (const [file, bytes] of Object.entries(archive)) {
    const target = path.join(unzipped, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  execFileSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: unzipped, stdio: 'pipe' });
  rmSync(unzipped, { recursive: true });
});

test.describe('single-file documents', () => {
  for (const lang of localeCodes) {
    test(`each ${lang} document opens from disk alone, styled, with no request and a line naming its origin`, async ({
      page,
    }) => {
      let requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      for (const { slug } of documentsIn(lang)) {
        const file = path.join('dist', paths.singleFile(lang, slug));
        expect(readFileSync(file).length, slug).toBeLessThan(100 * 1024);
        const address = pathToFileURL(path.resolve(file)).href;
        requests = [];
        await page.goto(address);
        expect(requests, slug).toEqual([address]);
        expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth), slug).not.toBe('none');
        await expect(page.locator('script')).toHaveCount(0);
        await expect(page.locator('.take-away-origin a')).toHaveAttribute(
          'href',
          new URL(paths.document(lang, slug).slice(1), siteUrl).href,
        );
        const relativeLinks = await page
          .locator('a[href]')
          .evaluateAll((links) =>
            links
              .map((link) => link.getAttribute('href') ?? '')
              .filter((href) => !/^(https?:|mailto:|viber:|#)/.test(href)),
          );
        expect(relativeLinks, slug).toEqual([]);
      }
    });
  }
});

test('every home page links to the downloads, which link to the archive and each document', async ({ page }) => {
  for (const lang of localeCodes) {
    await page.goto(paths.home(lang));
    // Linked from the page and from the footer: either goes there.
    await page.locator(`a[href$="downloads/"]`).first().click();
    await expect(page.locator(`a[href$="${paths.siteArchive().split('/').at(-1)}"]`)).toHaveCount(1);
    // Each document as a single file in every language it is written in.
    await expect(page.locator('.download-list a[href$=".html"]')).toHaveCount(localeCodes.flatMap(documentsIn).length);
    for (const { slug } of documentsIn(lang))
      await expect(page.locator(`.download-list a[href$="/${lang}/${slug}.html"]`)).toHaveCount(1);
  }
});
