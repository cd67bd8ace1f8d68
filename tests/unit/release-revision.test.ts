import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseDate, releaseRevision, revisionFile } from '../../src/lib/release-revision';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'revision-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
      GIT_COMMITTER_DATE: '2021-03-01T12:00:00Z',
      GIT_AUTHOR_DATE: '2021-03-01T12:00:00Z',
    },
  }).trim();

/** A repository with one commit, made on 1 March 2021 at noon UTC, holding the unfilled revision file. */
function repository(): { root: string; commit: string } {
  const root = folder();
  git(root, 'init', '-q');
  mkdirSync(path.join(root, 'release'));
  writeFileSync(path.join(root, revisionFile), '$Format:%H %ct$\n');
  // The project's own attributes, so that this fails if they stop asking git archive to fill the file in.
  copyFileSync('.gitattributes', path.join(root, '.gitattributes'));
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'x');
  return { root, commit: git(root, 'rev-parse', 'HEAD') };
}

const march1 = Date.UTC(2021, 2, 1, 12) / 1000;

describe('releaseRevision', () => {
  it('takes the commit and its date from the project’s own repository', () => {
    const { root, commit } = repository();
    expect(releaseRevision(root, {})).toEqual({ commit, timestamp: march1, source: 'git' });
  });

  it('takes them from the revision file that `git archive` fills in, when there is no repository', () => {
    const { root, commit } = repository();
    const unpacked = folder();
    execFileSync('sh', ['-c', `git archive HEAD | tar -x -C "${unpacked}"`], { cwd: root });
    expect(releaseRevision(unpacked, {})).toEqual({ commit, timestamp: march1, source: revisionFile });
  });

  it('does not take the date of another repository that a source archive was unpacked into', () => {
    const outer = repository();
    const { root } = repository();
    const unpacked = path.join(outer.root, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('sh', ['-c', `git archive HEAD | tar -x -C "${unpacked}"`], { cwd: root });
    expect(releaseRevision(unpacked, {})?.source).toBe(revisionFile);
    // With the revision file unfilled, as in a plain copy of the files, there is no date at all.
    writeFileSync(path.join(unpacked, revisionFile), '$Format:%H %ct$\n');
    expect(releaseRevision(unpacked, {})).toBeUndefined();
  });

  it('prefers SOURCE_DATE_EPOCH, and refuses one that is not a number of seconds', () => {
    const { root, commit } = repository();
    expect(releaseRevision(root, { SOURCE_DATE_EPOCH: '1600000000' })).toEqual({
      commit,
      timestamp: 1600000000,
      source: 'SOURCE_DATE_EPOCH',
    });
    expect(() => releaseRevision(root, { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH must be/);
  });

  it('has no date, rather than the clock’s, for a folder that is neither', () => {
    expect(releaseRevision(folder(), {})).toBeUndefined();
  });
});

describe('releaseDate', () => {
  it('is the revision’s date', () => {
    const { root } = repository();
    expect(releaseDate(root, {})).toEqual(new Date(march1 * 1000));
    expect(releaseDate(folder(), {})).toBeUndefined();
  });

  it('is SOURCE_DATE_EPOCH when set: the build script hands Astro’s process the date it decided', () => {
    // Not a repository: the date can only have come from the variable.
    expect(releaseDate(folder(), { SOURCE_DATE_EPOCH: '1600000000' })).toEqual(new Date(1600000000 * 1000));
    expect(() => releaseDate(folder(), { SOURCE_DATE_EPOCH: '16e8' })).toThrow(/SOURCE_DATE_EPOCH must be/);
  });
});
