/** A copy rewritten by rewrite-origin to name its mirror's address in its link previews, as verify sees it. */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rewriteOrigin } from '../../../pipeline/mirror-tools/rewrite-origin.ts';
import { formatReport, isExactCopy } from '../../../pipeline/mirror-tools/verify-report.ts';
import { qrCodeMarkup } from '../../../src/lib/qr-code.ts';
import {
  canonicalOrigin,
  copySite,
  filesNamingOrigin,
  mirrorAddress,
  stylesheet,
} from '../../support/release-fixture.ts';
import { differences, listedFiles, noDifferences, signedReleaseForTests } from './verify-fixture.ts';

const signed = signedReleaseForTests();

describe('a copy rewritten for its link previews, to an address the site itself already names', () => {
  let rewritten: string;

  beforeAll(async () => {
    rewritten = await copySite(signed.release);
    await rewriteOrigin(rewritten, mirrorAddress);
  });

  it('names the mirror in exactly the files that named the canonical origin, QR codes and share links too', async () => {
    // The mirrors page listed the mirror's address three times before the rewrite, after four canonical URLs.
    expect(await readFile(path.join(rewritten, 'MIRROR_ORIGIN'), 'utf8')).toBe(
      `${mirrorAddress}\nen/mirrors/index.html\t5 6 7\n`,
    );
    const pageUrl = (origin: string) => `${origin}en/petition/`;
    const [canonicalQr, mirrorQr] = [qrCodeMarkup(pageUrl(canonicalOrigin)), qrCodeMarkup(pageUrl(mirrorAddress))];
    for (const file of await listedFiles(rewritten)) {
      const [before, after] = await Promise.all([
        readFile(path.join(signed.release, file), 'latin1'),
        readFile(path.join(rewritten, file), 'latin1'),
      ]);
      const expected = filesNamingOrigin.includes(file)
        ? before
            .replaceAll(canonicalQr, mirrorQr)
            .replaceAll(canonicalOrigin, mirrorAddress)
            .replaceAll(encodeURIComponent(canonicalOrigin), encodeURIComponent(mirrorAddress))
        : before;
      expect(after, file).toBe(expected);
    }
    const petition = await readFile(path.join(rewritten, 'en/petition/index.html'), 'latin1');
    expect(petition).toContain(mirrorQr);
    expect(petition).not.toContain(canonicalQr);
    expect(petition).toContain(`url=${encodeURIComponent(pageUrl(mirrorAddress))}`);
  });

  it('still verifies, each rewritten file reported by name', async () => {
    const report = await signed.verify(rewritten);

    expect(differences(report)).toEqual({ ...noDifferences, rewritten: [...filesNamingOrigin].sort() });
    expect(report.mirrorOrigin).toBe(mirrorAddress);
    const text = formatReport(report);
    expect(text).toContain(
      `link previews, share links and QR codes name ${mirrorAddress} instead of ${canonicalOrigin}`,
    );
    expect(text).toContain('  rewritten for link previews: en/index.html\n');
    expect(text).toMatch(
      new RegExp(
        `\nOK: all \\d+ files match the signed release \\(${filesNamingOrigin.length} rewritten for link previews\\)\\.$`,
      ),
    );
  });

  it('fails when a rewritten page has one more change', async () => {
    const copy = await copySite(rewritten);
    const page = path.join(copy, 'en/index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('Petition', 'Petitlon'));

    const report = await signed.verify(copy);
    expect(report.altered).toEqual(['en/index.html']);
    expect(report.rewritten).not.toContain('en/index.html');
    expect(isExactCopy(report)).toBe(false);
  });

  it('fails when the address is rewritten in a file that may not name it', async () => {
    const copy = await copySite(rewritten);
    const css = await readFile(path.join(copy, stylesheet), 'utf8');
    expect(css).toContain(canonicalOrigin);
    await writeFile(path.join(copy, stylesheet), css.replaceAll(canonicalOrigin, mirrorAddress));

    expect((await signed.verify(copy)).altered).toEqual([stylesheet]);
  });

  it.each([
    ['a quote', 'https://mirror.example/"><script>alert(1)</script>/', '"\\""'],
    ['an angle bracket', 'https://mirror.example/<img/', '"<"'],
  ])('is refused when MIRROR_ORIGIN holds %s', async (_, hostile, character) => {
    const copy = await copySite(signed.release);
    for (const file of filesNamingOrigin) {
      const bytes = await readFile(path.join(copy, file), 'latin1');
      await writeFile(path.join(copy, file), bytes.replaceAll(canonicalOrigin, hostile), 'latin1');
    }
    await writeFile(path.join(copy, 'MIRROR_ORIGIN'), `${hostile}\n`);

    await expect(signed.verify(copy)).rejects.toThrow(`MIRROR_ORIGIN ${JSON.stringify(hostile)} contains ${character}`);
  });

  it('can move to another address, and back to the release byte for byte', async () => {
    const copy = await copySite(rewritten);
    await rewriteOrigin(copy, 'http://127.0.0.1:8080/x');
    expect(isExactCopy(await signed.verify(copy))).toBe(true);
    expect(await readFile(path.join(copy, 'en/index.html'), 'utf8')).toContain('http://127.0.0.1:8080/x/en/');

    await rewriteOrigin(copy, canonicalOrigin);
    for (const file of await listedFiles(signed.release)) {
      expect(
        (await readFile(path.join(copy, file))).equals(await readFile(path.join(signed.release, file))),
        file,
      ).toBe(true);
    }
    await expect(readFile(path.join(copy, 'MIRROR_ORIGIN'))).rejects.toThrow(/ENOENT/);
  });

  it('is refused by rewrite-origin when the copy was altered, leaving every file as it was', async () => {
    const copy = await copySite(signed.release);
    await appendFile(path.join(copy, 'sitemap.xml'), '<!-- -->');
    const before = await readFile(path.join(copy, 'en/index.html'));

    await expect(rewriteOrigin(copy, mirrorAddress)).rejects.toThrow(
      'sitemap.xml differs from the signed release; start again from a copy that verify passes',
    );
    expect((await readFile(path.join(copy, 'en/index.html'))).equals(before)).toBe(true);
    await expect(readFile(path.join(copy, 'MIRROR_ORIGIN'))).rejects.toThrow(/ENOENT/);
  });
});
