/**
 * The attack of security review 2 (B1), run as CI would meet it: a merged content file names a file of the
 * build machine as an image — the release key, a module, an SVG, a system file — and `npm run build` runs.
 * The build must stop, name each line, and print nothing of any file named.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** What the build needs of the project, in a folder of its own, so that the planted lines touch nothing here. */
async function projectCopy(): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'escape-project-'));
  folders.push(copy);
  for (const entry of ['src', 'scripts', 'release', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    await cp(entry, path.join(copy, entry), { recursive: true });
  }
  await symlink(path.resolve('node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

describe('npm run build with content that names files outside it', () => {
  it('stops, naming each line, and its log holds nothing of the files named; no module runs, nothing is written', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'build-machine-'));
    folders.push(outside);
    const secret = `RWQAAEIy${Math.random().toString(36).slice(2)}AAAA=`;
    await writeFile(path.join(outside, 'release.key'), `untrusted comment: minisign secret key\n${secret}\n`);
    const ran = path.join(outside, 'payload-ran');
    await writeFile(
      path.join(outside, 'payload.mjs'),
      `(await import('node:fs')).writeFileSync(${JSON.stringify(ran)}, '');\n`,
    );
    await writeFile(
      path.join(outside, 'seal.svg'),
      `<svg xmlns="http://www.w3.org/2000/svg"><desc>${secret}</desc></svg>`,
    );

    const project = await projectCopy();
    const page = path.join(project, 'src/content/pages/en/about.mdx');
    // A symbolic link inside the content, out to the key.
    await symlink(path.join(outside, 'release.key'), path.join(project, 'src/content/pages/en/seal.png'));
    const up = `${'../'.repeat(12)}${outside.slice(1)}`;
    const targets = [
      `${up}/release.key?raw`,
      `${up}/release.key?url`,
      `${up}/release.key?inline`,
      `${up}/release.key`,
      `${up}/payload.mjs`,
      `${up}/seal.svg`,
      'seal.png',
      `${'../'.repeat(12)}usr/share/doc/debian/copyright`,
      '/usr/share/doc/debian/copyright',
    ];
    const original = await readFile(page, 'utf8');
    const firstLine = original.split('\n').length + 1;
    await writeFile(page, `${original}\n${targets.map((target) => `![seal](${target})`).join('\n\n')}\n`);

    const output = path.join(project, 'out');
    const { code, log } = await new Promise<{ code: number; log: string }>((resolve) => {
      execFile(
        process.execPath,
        ['scripts/build.ts', '--out-dir', output],
        { cwd: project, env: { ...process.env, MINISIGN_SECRET_KEY: '' } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, log: stdout + stderr }),
      );
    });

    expect(code).toBe(1);
    targets.forEach((_, index) => {
      expect(log).toContain(`src/content/pages/en/about.mdx:${firstLine + 2 * index}: an image "`);
    });
    for (const leak of [
      secret,
      Buffer.from(secret).toString('base64'),
      Buffer.from(`${secret}\n`).toString('base64'),
    ]) {
      expect(log).not.toContain(leak);
    }
    expect(log).not.toContain('untrusted comment: minisign secret key');
    expect(existsSync(ran)).toBe(false);
    expect(existsSync(output)).toBe(false);
    expect(existsSync(`${output}.partial`)).toBe(false);
  });
});
