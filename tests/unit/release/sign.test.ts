import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex, walkDirectory } from '../../../pipeline/release/checksums.ts';
import { keyIdHex, parseMinisig } from '../../../pipeline/release/minisign.ts';
import { parseTrustedComment } from '../../../pipeline/release/release-format.ts';
import { keyOnDiskProblem } from '../../../pipeline/content-checks/key-on-disk.ts';
import { readReleaseKey, signBuiltRelease } from '../../../pipeline/release/sign.ts';
import { writeRelease } from '../../../pipeline/release/write-release.ts';
import { readIdentity } from '../../../src/lib/identity.ts';
import { formatFileSize } from '../../../pipeline/after-render/file-size.ts';
import { freePorts } from '../../support/free-ports.ts';
import {
  canonicalOrigin,
  makeKeys,
  makeSite,
  makeTempDir,
  releaseCommit,
  releaseTimestamp,
  removeTempDirs,
  run,
  signSite,
} from '../../support/release-fixture.ts';

afterAll(removeTempDirs);

describe('signReleaseFile, which makes each signature of a release', () => {
  it('signs SHA256SUMS so that minisign verifies it, stating the date, the commit and the canonical origin', async () => {
    const keys = await makeKeys();
    const dir = await makeSite();
    await signSite(dir, keys);

    const verified = await run('minisign', ['-Vm', 'SHA256SUMS', '-p', keys.publicKeyPath], { cwd: dir });
    expect(verified.code).toBe(0);
    const check = await run('sha256sum', ['--check', '--strict', '--quiet', 'SHA256SUMS'], { cwd: dir });
    expect(check.code).toBe(0);
    const signed = parseTrustedComment(
      parseMinisig(await readFile(path.join(dir, 'SHA256SUMS.minisig'), 'utf8')).trustedComment,
    );
    expect(signed).toEqual({
      kind: 'site',
      file: 'SHA256SUMS',
      timestamp: releaseTimestamp,
      commit: releaseCommit,
      origin: canonicalOrigin,
    });
  });

  it('refuses a canonical origin that is not a plain address', async () => {
    const keys = await makeKeys();
    await expect(signSite(await makeSite(), keys, { origin: 'https://belarus-unions.example/?x/' })).rejects.toThrow(
      'the canonical origin "https://belarus-unions.example/?x/" contains "?"',
    );
  });
});

describe('readReleaseKey', () => {
  it('names the key file when it cannot sign with it', async () => {
    const keyPath = path.join(await makeTempDir(), 'public-not-secret.key');
    await writeFile(keyPath, (await makeKeys()).publicKeyFile);

    await expect(readReleaseKey(keyPath, undefined, () => undefined)).rejects.toThrow(
      `cannot sign the release with ${keyPath}: the secret key is not 158 bytes of base64`,
    );
  });
});

describe('a fork’s own key', () => {
  it('npm run new-release-key writes a key pair that minisign signs and verifies with, and never overwrites a key', async () => {
    const dir = await makeTempDir();
    const secret = path.join(dir, 'release.key');
    const pub = path.join(dir, 'minisign.pub');
    const made = await run(process.execPath, ['pipeline/new-release-key.ts', secret, '--public-key', pub]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^New release key [0-9A-F]{16}: the secret key is in /);
    await writeFile(path.join(dir, 'file'), 'signed\n');
    const signed = await run('minisign', ['-S', '-s', secret, '-m', path.join(dir, 'file')], { input: '' });
    expect(signed.code).toBe(0);
    expect((await run('minisign', ['-V', '-p', pub, '-m', path.join(dir, 'file')])).code).toBe(0);

    const again = await run(process.execPath, ['pipeline/new-release-key.ts', secret, '--public-key', pub]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`cannot write ${secret}`);
  });
});

describe('signBuiltRelease, as `npm run sign` runs it on a release build', () => {
  const identity = readIdentity({
    SITE_URL: 'https://record.belarus-unions.org/',
    REPOSITORY_URL: 'https://codeberg.org/belarus-unions/record',
    CONTACT_EMAIL: 'keepers@belarus-unions.org',
    PUBLISHER: 'unnamed',
  });
  const archivePath = 'downloads/belarus-unions-record.zip';

  /** The fixture site with a downloads page that gives the archive's size, built as `--release` builds it. */
  async function releaseBuild(): Promise<string> {
    const dir = await makeSite();
    await mkdir(path.join(dir, 'en/downloads'), { recursive: true });
    await writeFile(
      path.join(dir, 'en/downloads/index.html'),
      `<!doctype html><html lang="en"><body><a href="../../${archivePath}">ZIP, <span data-size-of="/${archivePath}"></span></a></body></html>\n`,
    );
    await writeRelease(dir, {
      canonicalOrigin: identity.siteUrl,
      revision: { commit: releaseCommit, timestamp: releaseTimestamp, source: 'SOURCE_DATE_EPOCH' },
      release: true,
      identity,
      log: () => undefined,
    });
    return dir;
  }

  /** Every file of a folder with its bytes. */
  async function snapshot(dir: string): Promise<Map<string, string>> {
    const entries = await walkDirectory(dir);
    return new Map(
      await Promise.all(
        entries.map(async ({ path: file }) => [file, sha256Hex(await readFile(path.join(dir, file)))] as const),
      ),
    );
  }

  it('signs the list, the archive and the CAR; changes no page; the archive is the size its pages give', async () => {
    const keys = await makeKeys();
    const dir = await releaseBuild();
    const before = await snapshot(dir);
    const { archiveBytes } = JSON.parse(await readFile(path.join(dir, 'UNSIGNED_RELEASE.json'), 'utf8')) as {
      archiveBytes: number;
    };
    const messages: string[] = [];
    await signBuiltRelease(dir, { secretKeyPath: keys.secretKeyPath, log: (message) => messages.push(message) });

    expect(messages).toEqual([
      expect.stringMatching(/^signed with key [0-9A-F]{16}: SHA256SUMS\.minisig for \d+ files/),
    ]);
    for (const signed of ['SHA256SUMS', archivePath, 'downloads/belarus-unions-record.car']) {
      expect((await run('minisign', ['-Vm', signed, '-p', keys.publicKeyPath], { cwd: dir })).code, signed).toBe(0);
    }
    const after = await snapshot(dir);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
      (file) => before.get(file) !== after.get(file),
    );
    expect(changed.sort()).toEqual(
      [
        'SHA256SUMS.minisig',
        'UNSIGNED_RELEASE.json',
        'downloads/belarus-unions-record.car',
        'downloads/belarus-unions-record.car.minisig',
        archivePath,
        `${archivePath}.minisig`,
      ].sort(),
    );
    const zip = await readFile(path.join(dir, archivePath));
    expect(zip.length).toBe(archiveBytes);
    expect(await readFile(path.join(dir, 'en/downloads/index.html'), 'utf8')).toContain(
      `ZIP, <span>${formatFileSize(zip.length, 'en')}</span>`,
    );
    const unpacked = unzipSync(new Uint8Array(zip));
    expect(
      Buffer.from(unpacked['SHA256SUMS.minisig'] ?? []).equals(await readFile(path.join(dir, 'SHA256SUMS.minisig'))),
    ).toBe(true);
    const carStatement = parseTrustedComment(
      parseMinisig(await readFile(path.join(dir, 'downloads/belarus-unions-record.car.minisig'), 'utf8'))
        .trustedComment,
    );
    expect(carStatement).toMatchObject({ kind: 'car', timestamp: releaseTimestamp, commit: releaseCommit });
    expect(messages[0]).toContain(`(root CID ${carStatement.cid})`);
    expect(existsSync(`${dir}.signing`)).toBe(false);
  });

  it('warns when the key is not the one release/minisign.pub pins, naming both and what to do, and still signs', async () => {
    const pinned = await makeKeys();
    const other = await makeKeys();
    const warnings: string[] = [];
    const dir = await releaseBuild();
    await signBuiltRelease(dir, {
      secretKeyPath: other.secretKeyPath,
      pinnedPublicKey: pinned.publicKeyFile,
      log: () => undefined,
      warn: (message) => warnings.push(message),
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^the release is signed with key ${keyIdHex(other.publicKey.keyId)}, but release/minisign.pub pins key ${keyIdHex(pinned.publicKey.keyId)}: .* A fork with its own key replaces release/minisign.pub`,
        ),
      ),
    ]);
    expect((await run('minisign', ['-Vm', 'SHA256SUMS', '-p', other.publicKeyPath], { cwd: dir })).code).toBe(0);

    const silent: string[] = [];
    await signBuiltRelease(await releaseBuild(), {
      secretKeyPath: pinned.secretKeyPath,
      pinnedPublicKey: pinned.publicKeyFile,
      log: () => undefined,
      warn: (message) => silent.push(message),
    });
    expect(silent).toEqual([]);
  });

  it('leaves the build as it was, and nothing half-signed, when it cannot sign', async () => {
    const dir = await releaseBuild();
    const before = await snapshot(dir);
    const notAKey = path.join(await makeTempDir(), 'public-not-secret.key');
    await writeFile(notAKey, (await makeKeys()).publicKeyFile);
    await expect(signBuiltRelease(dir, { secretKeyPath: notAKey, log: () => undefined })).rejects.toThrow(
      `cannot sign the release with ${notAKey}`,
    );
    expect(await snapshot(dir)).toEqual(before);
    expect(existsSync(`${dir}.signing`)).toBe(false);
  });

  it('refuses a folder changed since the build, and one that is no release build', async () => {
    const keys = await makeKeys();
    const changed = await releaseBuild();
    await writeFile(path.join(changed, 'en/index.html'), '<p>changed</p>\n');
    await expect(signBuiltRelease(changed, { secretKeyPath: keys.secretKeyPath })).rejects.toThrow(
      /SHA256SUMS does not list the folder's files as they are/,
    );
    const preview = await makeSite();
    await expect(signBuiltRelease(preview, { secretKeyPath: keys.secretKeyPath })).rejects.toThrow(
      /is not a release build waiting to be signed \(it has no UNSIGNED_RELEASE\.json\): build it with `npm run build -- --release` first/,
    );
  });

  it('says SHA256SUMS is missing when it is, and what to do', async () => {
    const keys = await makeKeys();
    const dir = await releaseBuild();
    await rm(path.join(dir, 'SHA256SUMS'));
    await expect(signBuiltRelease(dir, { secretKeyPath: keys.secretKeyPath })).rejects.toThrow(
      `${dir} has no SHA256SUMS, so there is no list of files to sign: build it again with \`npm run build -- --release\``,
    );
  });

  it('reports an UNSIGNED_RELEASE.json it cannot read as that, naming it, not as a folder that is no release build', async () => {
    const keys = await makeKeys();
    const dir = await releaseBuild();
    const unsigned = path.join(dir, 'UNSIGNED_RELEASE.json');
    await rm(unsigned);
    await mkdir(unsigned);
    const refusal = signBuiltRelease(dir, { secretKeyPath: keys.secretKeyPath });
    await expect(refusal).rejects.toThrow(`cannot read ${unsigned}: EISDIR`);
    await expect(refusal).rejects.not.toThrow(/not a release build/);
  });
});

describe('a release build with a placeholder in the identity', () => {
  it('stops before compiling anything, naming what to set: a publisher too, or "unnamed"', async () => {
    const result = await run(
      process.execPath,
      ['pipeline/build.ts', '--release', '--out-dir', path.join(await makeTempDir(), 'out')],
      {
        env: {
          ...process.env,
          MINISIGN_SECRET_KEY: '',
          SITE_URL: 'https://record.belarus-unions.org/',
          REPOSITORY_URL: 'https://codeberg.org/belarus-unions/record',
          CONTACT_EMAIL: 'keepers@belarus-unions.org',
          PUBLISHER: '',
        },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('build failed: a release must not carry placeholders:');
    expect(result.stderr).toContain('PUBLISHER is not set: name who publishes the site, or set it to "unnamed"');
  });
});

describe('a release build with no date', () => {
  it('stops before compiling anything, saying where a date comes from', async () => {
    // The build scripts alone, outside any clone, with release/revision as `git archive` has not filled it in.
    const project = await makeTempDir();
    for (const entry of ['src', 'pipeline', 'release', 'package.json', 'tsconfig.json']) {
      await cp(entry, path.join(project, entry), { recursive: true });
    }
    await writeFile(path.join(project, 'release/revision'), '$Format:%H %ct$\n');
    await symlink(path.resolve('node_modules'), path.join(project, 'node_modules'));
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      GIT_CEILING_DIRECTORIES: path.dirname(project),
      MINISIGN_SECRET_KEY: '',
      SOURCE_DATE_EPOCH: '',
      SITE_URL: 'https://record.belarus-unions.org/',
      REPOSITORY_URL: 'https://codeberg.org/belarus-unions/record',
      CONTACT_EMAIL: 'keepers@belarus-unions.org',
      PUBLISHER: 'unnamed',
    };
    delete environment['GIT_DIR'];
    delete environment['GIT_WORK_TREE'];
    const output = path.join(project, 'out');
    const result = await run(process.execPath, ['pipeline/build.ts', '--release', '--out-dir', output], {
      cwd: project,
      env: environment,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('build failed: a release needs a date, and this build has none:');
    expect(result.stderr).toContain('or set SOURCE_DATE_EPOCH to the commit');
    // Astro never started: it would have written its log and the staging folder.
    expect(result.stdout).toBe('');
    expect(existsSync(`${output}.partial`)).toBe(false);
    expect(existsSync(output)).toBe(false);
  });
});

describe('the build, while the key is on disk', () => {
  const keyOnDisk = 'MINISIGN_SECRET_KEY is set, so the release key is on disk while content would be compiled.';

  it('refuses to start when MINISIGN_SECRET_KEY is set, before compiling anything, and says what to do', async () => {
    expect(keyOnDiskProblem({})).toBeUndefined();
    const result = await run(
      process.execPath,
      ['pipeline/build.ts', '--out-dir', path.join(await makeTempDir(), 'out')],
      {
        env: { ...process.env, MINISIGN_SECRET_KEY: '/nonexistent/release.key' },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`build failed: ${keyOnDisk}`);
    expect(result.stderr).toContain('`MINISIGN_SECRET_KEY=<key file> npm run sign`');
  });

  it('astro build and astro dev, run directly, refuse too, before the content is even checked', async () => {
    const astro = path.join(
      path.dirname(createRequire(import.meta.url).resolve('astro/package.json')),
      'bin/astro.mjs',
    );
    const outDir = path.join(await makeTempDir(), 'out');
    const [port = 0] = freePorts(1);
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', MINISIGN_SECRET_KEY: '/nonexistent/release.key' };
    // Without the refusal, `astro dev` would serve until stopped.
    const [built, served] = await Promise.all([
      run(process.execPath, [astro, 'build', '--outDir', outDir], { env, timeout: 50_000 }),
      run(process.execPath, [astro, 'dev', '--port', String(port)], { env, timeout: 50_000 }),
    ]);
    for (const result of [built, served]) {
      const log = result.stdout + result.stderr;
      expect(result.code, log).toBe(1);
      expect(log).toContain(keyOnDisk);
      expect(log).not.toContain('content checked');
    }
    expect(existsSync(outDir)).toBe(false);
  });
});
