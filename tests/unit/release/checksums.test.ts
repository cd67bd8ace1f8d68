import { appendFile, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatChecksums, parseChecksums, writeChecksums } from '../../../pipeline/release/checksums.ts';
import { makeSite, removeTempDirs, run } from '../../support/release-fixture.ts';

afterAll(removeTempDirs);

const hash = 'a'.repeat(64);

describe('writeChecksums', () => {
  it('lists every file in byte order, in the format sha256sum -c reads', async () => {
    const dir = await makeSite();
    const entries = await writeChecksums(dir);

    const check = await run('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: dir });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    // find and C-locale sort are the independent reference for "every file" and "byte order".
    const listing = await run('sh', ['-c', "find . -type f ! -name SHA256SUMS -printf '%P\\n' | LC_ALL=C sort"], {
      cwd: dir,
    });
    expect(entries.map((entry) => entry.path)).toEqual(listing.stdout.trimEnd().split('\n'));
    expect(await readFile(path.join(dir, 'SHA256SUMS'), 'utf8')).toBe(formatChecksums(entries));
  });

  it('records the contents: sha256sum -c names a page changed by one byte', async () => {
    const dir = await makeSite();
    await writeChecksums(dir);
    await appendFile(path.join(dir, 'en/petition/index.html'), ' ');

    const check = await run('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], { cwd: dir });
    expect(check.code).not.toBe(0);
    expect(check.stdout.trim()).toBe('en/petition/index.html: FAILED');
  });

  it('leaves out SHA256SUMS and its signature, and writes the same file every time', async () => {
    const dir = await makeSite();
    await writeChecksums(dir);
    const first = await readFile(path.join(dir, 'SHA256SUMS'), 'utf8');
    await writeFile(path.join(dir, 'SHA256SUMS.minisig'), 'a signature\n');

    const entries = await writeChecksums(dir);
    expect(await readFile(path.join(dir, 'SHA256SUMS'), 'utf8')).toBe(first);
    expect(entries.map((entry) => entry.path)).not.toContain('SHA256SUMS.minisig');
  });

  it('refuses a symbolic link, which a copy could point anywhere', async () => {
    const dir = await makeSite();
    await symlink('/etc/hostname', path.join(dir, 'en/link.html'));

    await expect(writeChecksums(dir)).rejects.toThrow(/en\/link\.html is not a regular file/);
  });
});

describe('parseChecksums', () => {
  it('reads what formatChecksums writes', () => {
    const entries = [
      { path: 'en/index.html', sha256: hash },
      { path: 'be/пэтыцыя/index.html', sha256: 'b'.repeat(64) },
    ];
    expect(parseChecksums(formatChecksums(entries))).toEqual([entries[1], entries[0]]);
  });

  it.each([
    ['upper-case hex', `${'A'.repeat(64)}  en/index.html`],
    ['one space', `${hash} en/index.html`],
    ["sha256sum's binary marker", `${hash} *en/index.html`],
    ['a short hash', `${'a'.repeat(63)}  en/index.html`],
    ['no path', `${hash}  `],
    ['an empty line', ''],
  ])('rejects a line with %s, naming its number', (_, line) => {
    expect(() => parseChecksums(`${hash}  404.html\n${line}\n${hash}  x.html\n`)).toThrow(
      /^SHA256SUMS line 2: expected/,
    );
  });

  it.each([
    ['/etc/passwd', 'is absolute'],
    ['../outside.html', 'contains ".."'],
    ['en/../../outside.html', 'contains ".."'],
    ['en//index.html', 'has an empty or "." segment'],
    ['./index.html', 'has an empty or "." segment'],
    ['en\\index.html', 'contains a backslash'],
    ['en/\tindex.html', 'contains a control character'],
  ])('rejects the path %s, which would leave the copy or mislead sha256sum', (sitePath, problem) => {
    expect(() => parseChecksums(`${hash}  index.html\n${hash}  ${sitePath}\n`)).toThrow(
      `SHA256SUMS line 2: the path ${JSON.stringify(sitePath)} ${problem}`,
    );
  });

  it('rejects a file listed twice and an empty list', () => {
    expect(() => parseChecksums(`${hash}  a.html\n${hash}  b.html\n${hash}  a.html\n`)).toThrow(
      'SHA256SUMS line 3: a.html is already listed on line 1',
    );
    expect(() => parseChecksums('')).toThrow('SHA256SUMS lists no files');
  });
});
