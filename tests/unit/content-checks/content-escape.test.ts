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
import { leaksOf, plantBuildMachineFiles } from '../../support/build-machine';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** What the build needs of the project, in a folder of its own, so that the planted lines touch nothing here. */
async function projectCopy(): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'escape-project-'));
  folders.push(copy);
  for (const entry of ['src', 'pipeline', 'release', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    await cp(entry, path.join(copy, entry), { recursive: true });
  }
  await symlink(path.resolve('node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

describe('npm run build with content that names files outside it', () => {
  it('stops, naming each line, and its log holds nothing of the files named; no module runs, nothing is written', async () => {
    const { folder, secret, ranMarker, targets: planted } = await plantBuildMachineFiles();
    folders.push(folder);
    const project = await projectCopy();
    const page = path.join(project, 'src/content/pages/en/about.mdx');
    // A symbolic link inside the content, out to the key.
    await symlink(path.join(folder, 'release.key'), path.join(project, 'src/content/pages/en/seal.png'));
    const targets = [...planted, 'seal.png'];
    const original = await readFile(page, 'utf8');
    const firstLine = original.split('\n').length + 1;
    await writeFile(page, `${original}\n${targets.map((target) => `![seal](${target})`).join('\n\n')}\n`);

    const output = path.join(project, 'out');
    const { code, log } = await new Promise<{ code: number; log: string }>((resolve) => {
      execFile(
        process.execPath,
        ['pipeline/build.ts', '--out-dir', output],
        { cwd: project, env: { ...process.env, MINISIGN_SECRET_KEY: '' } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, log: stdout + stderr }),
      );
    });

    expect(code).toBe(1);
    targets.forEach((_, index) => {
      expect(log).toContain(`src/content/pages/en/about.mdx:${firstLine + 2 * index}: an image "`);
    });
    for (const leak of leaksOf(secret)) expect(log).not.toContain(leak);
    expect(log).not.toContain('untrusted comment: minisign secret key');
    expect(existsSync(ranMarker)).toBe(false);
    expect(existsSync(output)).toBe(false);
    expect(existsSync(`${output}.partial`)).toBe(false);
  });
});
