/**
 * The link-preview images, drawn by the build script itself while Astro
 * renders the pages in its own process: they need only the documents' front
 * matter, and drawing them beside Astro rather than after it keeps the second
 * core busy instead of adding their time to the build's.
 */
import { lstat, readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { documentSchema } from '../../src/content/schema.ts';
import { localeCodes } from '../../src/i18n/locales.ts';
import { splitFrontMatter } from '../../src/lib/mdx.ts';
import { chooserCard, documentCard, homeCard, type PreviewCard } from '../../src/lib/preview-card.ts';
import { cachedPreviewImage } from './preview-image.ts';
import { paths } from '../../src/lib/routes.ts';

export interface PreviewImage {
  /** Where the page's `og:image` says it is, from the site's root. */
  sitePath: string;
  card: PreviewCard;
}

/** The language chooser's, one per language's home page and one per document, in every language. */
export async function previewImages(root: string): Promise<PreviewImage[]> {
  const images: PreviewImage[] = [{ sitePath: paths.chooserPreviewImage(), card: chooserCard() }];
  for (const lang of localeCodes) {
    images.push({ sitePath: paths.previewImage(lang), card: homeCard(lang) });
    const folder = path.join(root, 'src/content/documents', lang);
    // Only real files of a real folder: this runs beside Astro, before the content check has refused a symbolic
    // link, which could lead to any file of the build machine, or to a pipe that never ends.
    if (!(await lstat(folder)).isDirectory()) continue;
    const files = (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
      .map((entry) => entry.name)
      .sort();
    for (const file of files) {
      const slug = file.slice(0, -'.mdx'.length);
      // The content check inside `astro build` reports a bad file by name; this only needs what it would accept.
      const parsed = documentSchema.safeParse(
        splitFrontMatter(await readFile(path.join(folder, file), 'utf8')).frontMatter,
      );
      if (parsed.success)
        images.push({ sitePath: paths.previewImage(lang, slug), card: documentCard(lang, parsed.data) });
    }
  }
  return images;
}

/**
 * Draws every image (or takes it from the cache) into memory, for
 * `writePreviewImages` once Astro is done. A few at a time: while sharp
 * compresses one on its own threads, satori lays out the next on this one.
 */
export async function drawPreviewImages(images: PreviewImage[]): Promise<Map<string, Buffer>> {
  const drawn = new Map<string, Buffer>();
  const queue = images.values();
  const drawNext = async () => {
    for (const { sitePath, card } of queue) drawn.set(sitePath, await cachedPreviewImage(card));
  };
  await Promise.all(Array.from({ length: availableParallelism() }, drawNext));
  return drawn;
}

export async function writePreviewImages(outDir: string, drawn: Map<string, Buffer>): Promise<void> {
  for (const [sitePath, png] of drawn) {
    const file = path.join(outDir, sitePath);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, png);
  }
}
