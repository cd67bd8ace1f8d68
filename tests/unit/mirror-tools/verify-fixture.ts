/** What the tests of verify on a folder share: a signed release to check copies of, and what a report lists. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { parseChecksums } from '../../../pipeline/release/checksums.ts';
import { verifyMirror, type VerifyReport } from '../../../pipeline/mirror-tools/verify.ts';
import { makeKeys, makeSignedSite, removeTempDirs, type KeyFiles } from '../../support/release-fixture.ts';

export interface SignedRelease {
  keys: KeyFiles;
  /** The folder the signed release is in. */
  release: string;
  /** Verifies a copy against the release's public key. */
  verify: (location: string) => Promise<VerifyReport>;
}

/**
 * A key pair and a release signed with it, made before the calling file's tests, with every temporary folder
 * removed after them. Its fields exist only once the tests run: read them inside tests and hooks.
 */
export function signedReleaseForTests(): SignedRelease {
  let made: { keys: KeyFiles; release: string } | undefined;
  beforeAll(async () => {
    const keys = await makeKeys();
    made = { keys, release: await makeSignedSite(keys) };
  });
  afterAll(removeTempDirs);
  const ready = () => {
    if (made === undefined) throw new Error('the signed release is made in beforeAll: read it in a test or a hook');
    return made;
  };
  return {
    get keys() {
      return ready().keys;
    },
    get release() {
      return ready().release;
    },
    verify: (location) => verifyMirror(location, { publicKey: ready().keys.publicKey }),
  };
}

/** What the report lists, without the fields that say who signed when. */
export function differences(report: VerifyReport) {
  const { rewritten, altered, missing, unreadable, unexpected } = report;
  return { rewritten, altered, missing, unreadable, unexpected };
}

export const noDifferences = { rewritten: [], altered: [], missing: [], unreadable: [], unexpected: [] };

export async function listedFiles(dir: string): Promise<string[]> {
  return parseChecksums(await readFile(path.join(dir, 'SHA256SUMS'), 'utf8')).map((entry) => entry.path);
}
