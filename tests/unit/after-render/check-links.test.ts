import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrokenLinks, findDuplicateIds } from '../../../pipeline/after-render/check-links';
import { readPages } from '../../../pipeline/after-render/site-files';

async function site(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'links-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const page = (body: string) => `<!doctype html><html><head></head><body>${body}</body></html>`;

describe('link checker', () => {
  it('accepts relative links to folders, files and anchors that exist', async () => {
    const dir = await site({
      'index.html': page('<a href="en/">en</a><a href="en/a/#part">part</a><a href="https://example.org/x">out</a>'),
      'en/index.html': page('<a href="../">up</a><a href="a/">a</a><link rel="icon" href="../icon.svg">'),
      'en/a/index.html': page('<h2 id="part">Part</h2><a href="#part">self</a><a href="mailto:a@b.c">mail</a>'),
      'icon.svg': '<svg/>',
    });
    expect(await findBrokenLinks(dir)).toEqual([]);
  });

  it('names a link to a missing page, a missing asset and a missing anchor', async () => {
    const dir = await site({
      'index.html': page('<a href="en/b/">b</a><img src="logo.png" alt=""><a href="en/#nowhere">x</a>'),
      'en/index.html': page('<p>en</p>'),
    });
    expect(await findBrokenLinks(dir)).toEqual([
      'index.html: en/b/ (no file en/b/index.html)',
      'index.html: logo.png (no file logo.png)',
      'index.html: en/#nowhere (no element with id "nowhere" in en/index.html)',
    ]);
  });

  it('checks every URL a page carries: each srcset and imagesrcset candidate, formaction, poster, an SVG anchor', async () => {
    const dir = await site({
      'en/index.html': page(
        [
          '<link rel="preload" as="image" imagesrcset="../a.png 1x, ../gone.png 2x">',
          '<img src="../a.png" srcset="../a.png 1x, ../missing.png 2x" alt="">',
          '<form action="./"><button formaction="send/">Send</button></form>',
          '<video poster="../still.png"></video>',
          '<svg><symbol id="icon"></symbol><use href="#icon"></use><use href="#nothing"></use></svg>',
        ].join(''),
      ),
      'a.png': 'png',
    });
    expect(await findBrokenLinks(dir)).toEqual([
      'en/index.html: ../gone.png (no file gone.png)',
      'en/index.html: ../missing.png (no file missing.png)',
      'en/index.html: send/ (no file en/send/index.html)',
      'en/index.html: ../still.png (no file still.png)',
      'en/index.html: #nothing (no element with id "nothing" in en/index.html)',
    ]);
  });

  it('checks an absolute link to the site’s own address like an internal one', async () => {
    const siteUrl = new URL('https://belarus-unions.example/record/');
    const dir = await site({
      'index.html': page(
        [
          '<link rel="canonical" href="https://belarus-unions.example/record/">',
          '<a href="https://belarus-unions.example/record/en/#part">part</a>',
          '<a href="https://belarus-unions.example/record/en/gone/">gone</a>',
          '<a href="http://belarus-unions.example/record/en/#nowhere">nowhere</a>',
          '<a href="https://belarus-unions.example/elsewhere/">another site on the host</a>',
          '<a href="https://example.org/record/en/gone/">another host</a>',
        ].join(''),
      ),
      'en/index.html': page('<h2 id="part">Part</h2>'),
    });
    expect(await findBrokenLinks(dir, { siteUrl })).toEqual([
      'index.html: https://belarus-unions.example/record/en/gone/ (no file en/gone/index.html)',
      'index.html: http://belarus-unions.example/record/en/#nowhere (no element with id "nowhere" in en/index.html)',
    ]);
  });
});

describe('duplicate ids', () => {
  it('names each page that gives one id to more than one element, such as a heading before the paragraph it names', async () => {
    const dir = await site({
      'en/a/index.html': page(
        '<main id="content"><h2 id="p-3">p-3</h2><p id="p-3">Paragraph 3</p><h2 id="provenance">x</h2><section><h2 id="provenance">About</h2></section></main>',
      ),
      'en/b/index.html': page('<main id="content"><p id="p-1">One</p><p id="p-2">Two</p></main>'),
    });
    expect(findDuplicateIds(await readPages(dir))).toEqual([
      'en/a/index.html: "p-3" (2 elements)',
      'en/a/index.html: "provenance" (2 elements)',
    ]);
  });
});
