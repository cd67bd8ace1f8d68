/** npm run check-mirrors against real local servers: a genuine copy, a tampered one and one that does not answer. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../../pipeline/mirror-tools/serve.ts';
import {
  copySite,
  makeKeys,
  makeSignedSite,
  makeTempDir,
  releaseCommit,
  removeTempDirs,
  run,
} from '../../support/release-fixture.ts';

const servers: Server[] = [];
let mirrorsFile: string;
let publicKeyPath: string;
let genuine: string;
let tampered: string;
let unreachable: string;

async function served(dir: string): Promise<string> {
  const server = await serve({ dir, port: 0, prefix: '/copy/' });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/copy/`;
}

beforeAll(async () => {
  const keys = await makeKeys();
  publicKeyPath = keys.publicKeyPath;
  const release = await makeSignedSite(keys);
  const altered = await copySite(release);
  await appendFile(path.join(altered, 'en/index.html'), '<script src="https://tracker.example/t.js"></script>');
  genuine = await served(release);
  tampered = await served(altered);
  // A port that was just free, so nothing answers there.
  const closing = await serve({ dir: release, port: 0, prefix: '/' });
  unreachable = `http://127.0.0.1:${(closing.address() as AddressInfo).port}/copy/`;
  await new Promise((resolve) => closing.close(resolve));
  mirrorsFile = path.join(await makeTempDir(), 'mirrors.json');
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await removeTempDirs();
});

async function checkMirrors(urls: string[]) {
  const listed = urls.map((url) => ({ url, host: 'a test server', verified: '2026-01-01' }));
  await writeFile(mirrorsFile, JSON.stringify(listed));
  return run(process.execPath, [
    'pipeline/check-mirrors.ts',
    '--mirrors',
    mirrorsFile,
    '--public-key',
    publicKeyPath,
    '--time-limit',
    '20',
  ]);
}

describe('npm run check-mirrors', () => {
  it('prints a table of verified, failed and unreachable mirrors, each with its release, and exits 1', async () => {
    const result = await checkMirrors([genuine, tampered, unreachable]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Mirror\s+Result\s+Release$/);
    const release = `2023-11-14 22:13 UTC, commit ${releaseCommit.slice(0, 12)}`;
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${genuine}\\s+VERIFIED\\s+${release}$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${tampered}\\s+FAILED\\s+${release}$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${unreachable}\\s+UNREACHABLE\\s+—$`)));
    expect(result.stdout).toContain(`\n${tampered}: TAMPERED: 1 altered (of `);
    expect(result.stdout).toContain(`\n${unreachable}: cannot read SHA256SUMS from ${unreachable}: `);
    expect(lines.at(-1)).toBe('1 of 3 mirrors verified.');
  });

  it('exits 0 when every mirror is the signed release', async () => {
    const result = await checkMirrors([genuine]);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 of 1 mirrors verified.');
  });
});
