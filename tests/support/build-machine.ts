/**
 * Files of the build machine that content must never reach, planted in a folder outside the project: a release
 * key with a secret no log may show, a module that leaves a mark if it ever runs, and an SVG that holds the
 * secret. With the image paths an attacker would write to them (security review 2, B1).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PlantedFiles {
  folder: string;
  /** What must appear in no message and no log, in no encoding. */
  secret: string;
  /** Written if the module runs. */
  ranMarker: string;
  /** Image targets from a content file (up to the file system's root, then down), with the suffixes Vite reads. */
  targets: string[];
}

export async function plantBuildMachineFiles(): Promise<PlantedFiles> {
  const folder = await mkdtemp(path.join(tmpdir(), 'build-machine-'));
  const secret = `RWQAAEIy${Math.random().toString(36).slice(2)}AAAA=`;
  const ranMarker = path.join(folder, 'payload-ran');
  await writeFile(path.join(folder, 'release.key'), `untrusted comment: minisign secret key\n${secret}\n`);
  await writeFile(
    path.join(folder, 'payload.mjs'),
    `(await import('node:fs')).writeFileSync(${JSON.stringify(ranMarker)}, '');\n`,
  );
  await writeFile(
    path.join(folder, 'seal.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg"><desc>${secret}</desc></svg>`,
  );
  const up = '../'.repeat(12);
  const planted = `${up}${folder.slice(1)}`;
  return {
    folder,
    secret,
    ranMarker,
    targets: [
      `${planted}/release.key?raw`,
      `${planted}/release.key?url`,
      `${planted}/release.key?inline`,
      `${planted}/release.key`,
      `${planted}/payload.mjs`,
      `${planted}/seal.svg`,
      `${up}usr/share/doc/debian/copyright`,
      '/usr/share/doc/debian/copyright',
    ],
  };
}

/** The secret as a log might carry it: verbatim, or base64-encoded in a `data:` URL. */
export const leaksOf = (secret: string) => [
  secret,
  Buffer.from(secret).toString('base64'),
  Buffer.from(`untrusted comment: minisign secret key\n${secret}\n`).toString('base64').slice(0, 40),
];
