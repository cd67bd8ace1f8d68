/**
 * Which commit a build is of, and the release date it signs. Never the clock:
 * two builds of one commit, from a clone or from a source archive, must sign
 * the same statement byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

export interface ReleaseRevision {
  /** The commit's full hash, when known. */
  commit: string | undefined;
  /** The release date, in seconds since 1970. */
  timestamp: number;
  /** Where the date came from, for the build log. */
  source: 'SOURCE_DATE_EPOCH' | 'git' | 'release/revision';
}

/** `git archive` replaces `$Format:…$` in this file (see .gitattributes) with `<commit> <commit time>`. */
export const revisionFile = 'release/revision';
const archivedRevision = /^([0-9a-f]{40}) (\d+)\n?$/;

function fromGit(root: string): { commit: string; timestamp: number } | undefined {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    // Only this project's own repository: a source archive unpacked inside another one must not take its dates.
    if (realpathSync(git('rev-parse', '--show-toplevel')) !== realpathSync(root)) return undefined;
    const [commit = '', timestamp = ''] = git('log', '-1', '--format=%H %ct').split(' ');
    return { commit, timestamp: Number(timestamp) };
  } catch {
    return undefined;
  }
}

function fromArchive(root: string): { commit: string; timestamp: number } | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(root, revisionFile), 'utf8');
  } catch {
    return undefined;
  }
  const match = archivedRevision.exec(text);
  return match ? { commit: match[1] ?? '', timestamp: Number(match[2]) } : undefined;
}

/** `SOURCE_DATE_EPOCH` as a number of seconds, when set; throws, saying what it must be, when it is not one. */
function sourceDateEpoch(environment: NodeJS.ProcessEnv): number | undefined {
  const epoch = environment['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return undefined;
  if (!/^\d+$/.test(epoch)) {
    throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${epoch}"`);
  }
  return Number(epoch);
}

/**
 * `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), else the
 * commit date from git when the build sits in this project's own repository,
 * else the date `git archive` recorded in release/revision; undefined when
 * none of them is there.
 */
export function releaseRevision(
  root: string,
  environment: NodeJS.ProcessEnv = process.env,
): ReleaseRevision | undefined {
  const git = fromGit(root);
  const recorded = git ?? fromArchive(root);
  const epoch = sourceDateEpoch(environment);
  if (epoch !== undefined) return { commit: recorded?.commit, timestamp: epoch, source: 'SOURCE_DATE_EPOCH' };
  if (recorded === undefined) return undefined;
  return { ...recorded, source: git ? 'git' : revisionFile };
}

/**
 * The release date alone, for the pages and books that show it. It asks git
 * only when `SOURCE_DATE_EPOCH` is not set: the build script sets it for
 * Astro's process to the date it has already decided.
 */
export function releaseDate(root: string, environment: NodeJS.ProcessEnv = process.env): Date | undefined {
  const timestamp = sourceDateEpoch(environment) ?? releaseRevision(root, environment)?.timestamp;
  return timestamp === undefined ? undefined : new Date(timestamp * 1000);
}
