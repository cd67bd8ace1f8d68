/** The verify and rewrite-origin commands as a volunteer runs them: their output and exit status. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySite, filesNamingOrigin, run } from '../../support/release-fixture.ts';
import { signedReleaseForTests } from './verify-fixture.ts';

const signed = signedReleaseForTests();

describe('the command line', () => {
  const node = (script: string, ...args: string[]) => run(process.execPath, [script, ...args]);

  it('exits 0 on a genuine copy and 1 on an altered one, ending with a summary line', async () => {
    const genuine = await node('pipeline/verify.ts', signed.release, '--public-key', signed.keys.publicKeyPath);
    expect(genuine.code).toBe(0);
    expect(genuine.stdout).toMatch(/\nOK: all \d+ files match the signed release\.\n$/);

    const copy = await copySite(signed.release);
    await rm(path.join(copy, 'og/en.png'));
    const altered = await node('pipeline/verify.ts', copy, '--public-key', signed.keys.publicKeyPath);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toMatch(/\n {2}MISSING: og\/en\.png\nFAILED: 1 missing \(of \d+ listed files\): .*\n$/);
  });

  it('checks against the pinned release key by default', async () => {
    const result = await node('pipeline/verify.ts', signed.release);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED: SHA256SUMS is not signed by the release key: it was made with key/);
  });

  it('rewrites a copy that then still verifies', async () => {
    const copy = await copySite(signed.release);
    const rewrite = await node('pipeline/rewrite-origin.ts', copy, 'https://mirror.example/x');
    expect(rewrite.stderr).toBe('');
    expect(rewrite.stdout).toContain(`${filesNamingOrigin.length} files in ${copy} now name https://mirror.example/x/`);
    const verified = await node('pipeline/verify.ts', copy, '--public-key', signed.keys.publicKeyPath);
    expect(verified.code).toBe(0);
  });

  it('prints its help with --help and exits 0', async () => {
    const result = await node('pipeline/verify.ts', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('usage: npm run verify -- <web address or folder>');
    expect(result.stdout).toContain('--time-limit <seconds>');
  });

  it('exits 2 with its usage when used wrongly', async () => {
    for (const args of [[], ['a', 'b'], ['--nonsense', 'a']]) {
      const result = await node('pipeline/verify.ts', ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('usage: npm run verify -- <web address or folder>');
    }
    expect((await node('pipeline/rewrite-origin.ts', 'folder-only')).code).toBe(2);
  });
});
