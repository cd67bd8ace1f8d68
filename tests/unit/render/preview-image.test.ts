import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localeCodes } from '../../../src/i18n/locales';
import { documentCard, homeCard, previewHeight, previewWidth, type PreviewCard } from '../../../src/lib/preview-card';
import {
  cachedPreviewImage,
  cardLayout,
  encodePalettePng,
  pngSignature,
  previewCacheKey,
  renderPreviewImage,
  renderPreviewSvg,
  type PreviewNode,
} from '../../../pipeline/render/preview-image';
import { documentsIn } from '../../support/content';

const maxBytes = 100 * 1024;
const margin = 72;

/** Width and height from the IHDR chunk, which must directly follow the signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png);
  expect(bytes.subarray(0, 8)).toEqual(pngSignature);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The PNG's RGBA pixels, decoded by resvg's own PNG reader rather than by the code under test. */
function decodePng(png: Uint8Array): Buffer {
  const { width, height } = pngSize(png);
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image href="${href}" width="${width}" height="${height}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

function countPixels(rgba: Buffer, hex: string): number {
  const colour = Number.parseInt(`${hex.slice(1)}ff`, 16);
  let count = 0;
  for (let offset = 0; offset < rgba.length; offset += 4) if (rgba.readUInt32BE(offset) === colour) count += 1;
  return count;
}

/** The lines satori laid out, read back from an SVG that keeps its text as text. */
async function laidOutText(card: PreviewCard): Promise<{ text: string; x: number; y: number; width: number }[]> {
  const svg = await renderPreviewSvg(card, { embedFont: false });
  return [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map(
    ([, x = '', y = '', width = '', text = '']) => ({ text, x: Number(x), y: Number(y), width: Number(width) }),
  );
}

const unspaced = (text: string) => text.replace(/\s+/g, '');

function styleOfText(node: PreviewNode, text: string): PreviewNode['props']['style'] | undefined {
  const { children, style } = node.props;
  if (children === text) return style;
  if (typeof children === 'string') return undefined;
  return children.map((child) => styleOfText(child, text)).find(Boolean);
}

// A partial language's cards are drawn from the translations it has (its fonts must hold its letters).
const longestTitled = localeCodes.flatMap((lang) => {
  const documents = documentsIn(lang);
  if (documents.length === 0) return [];
  const longest = documents.reduce((a, b) => (b.data.title.length > a.data.title.length ? b : a));
  return [{ lang, file: longest.file, card: documentCard(lang, longest.data) }];
});

const samples = [
  ...longestTitled.map(({ lang, file, card }) => ({ name: `${file} (the longest title in ${lang})`, card })),
  ...localeCodes.map((lang) => ({ name: `the ${lang} home page`, card: homeCard(lang) })),
];

describe.each(samples)('the preview image of $name', ({ card }) => {
  it('is a 1200×630 PNG under 100 KB', async () => {
    const png = await renderPreviewImage(card);
    expect(pngSize(png)).toEqual({ width: previewWidth, height: previewHeight });
    expect(png.length).toBeLessThan(maxBytes);
  });

  it('holds exactly the pixels resvg drew, in the site’s colours', async () => {
    const drawn = new Resvg(await renderPreviewSvg(card)).render().pixels;
    const decoded = decodePng(await renderPreviewImage(card));
    expect(decoded.equals(drawn)).toBe(true);
    const pixels = previewWidth * previewHeight;
    expect(countPixels(decoded, '#fdfcf9'), 'paper').toBeGreaterThan(pixels / 2);
    expect(countPixels(decoded, '#1d1b19'), 'ink').toBeGreaterThan(pixels / 100);
    expect(countPixels(decoded, '#a3161c'), 'accent').toBeGreaterThan(pixels / 100);
  });

  it('shows the site name, the whole title and the subtitle and date, inside the margins', async () => {
    const lines = await laidOutText(card);
    // Satori sets words and punctuation apart, so compare the text without its spaces.
    const shown = unspaced(lines.map(({ text }) => text).join(''));
    expect(shown).not.toContain('…');
    for (const field of [card.siteName, card.title, card.subtitle, card.date ?? '']) {
      expect(shown).toContain(unspaced(field));
    }
    // Only visible text counts: the space after a line's last word may hang into the margin, as in a browser.
    for (const { text, x, y, width } of lines.filter(({ text }) => text.trim())) {
      expect(x, text).toBeGreaterThanOrEqual(margin - 0.5);
      expect(x + width, text).toBeLessThanOrEqual(previewWidth - margin + 0.5);
      expect(y, text).toBeLessThan(previewHeight);
    }
  });
});

describe('a title too long for the card', () => {
  const [sample] = longestTitled;
  const card = { ...(sample?.card ?? homeCard('en')), title: `${sample?.card.title} `.repeat(4).trim() };

  it('is set in a smaller size than a short one', () => {
    const short = { ...card, title: 'Short title' };
    const longSize = styleOfText(cardLayout(card), card.title)?.fontSize;
    const shortSize = styleOfText(cardLayout(short), short.title)?.fontSize;
    expect(longSize).toBeLessThan(Number(shortSize));
  });

  it('ends in an ellipsis inside the card, leaving the subtitle and date where they were', async () => {
    const lines = await laidOutText(card);
    expect(lines.map(({ text }) => text).join('')).toContain('…');
    for (const { text, x, y, width } of lines.filter(({ text }) => text.trim())) {
      expect(x + width, text).toBeLessThanOrEqual(previewWidth - margin + 0.5);
      expect(y, text).toBeLessThan(previewHeight);
    }
    const normalLines = await laidOutText({ ...card, title: 'Short title' });
    expect(lines.at(-1)).toEqual(normalLines.at(-1));
  });
});

describe('a card with an empty field', () => {
  it.each(['siteName', 'title', 'subtitle', 'date'] as const)('is refused, naming %s', (field) => {
    expect(() => cardLayout({ ...homeCard('en'), date: '1 March 2021', [field]: ' ' })).toThrow(
      new RegExp(`${field} must not be empty`),
    );
  });
});

describe('the palette PNG encoder', () => {
  it('keeps every pixel of a card, and writes a palette image smaller than resvg’s own', async () => {
    const card = longestTitled[0]?.card ?? homeCard('en');
    const rendered = new Resvg(await renderPreviewSvg(card), { font: { loadSystemFonts: false } }).render();
    const png = await encodePalettePng(rendered.pixels, rendered.width, rendered.height);
    expect(png.readUInt8(25)).toBe(3); // IHDR colour type 3: palette
    expect(decodePng(png).equals(rendered.pixels)).toBe(true);
    expect(png.length).toBeLessThan(rendered.asPng().length / 1.5);
  });

  it('keeps transparency', async () => {
    const rgba = Buffer.alloc(4 * 4 * 4);
    rgba.writeUInt32BE(0xa3161cff, 0);
    rgba.writeUInt32BE(0x1d1b19ff, 20);
    expect(decodePng(await encodePalettePng(rgba, 4, 4)).equals(rgba)).toBe(true);
  });

  it('names the mismatch when the pixels do not fill the image', async () => {
    await expect(encodePalettePng(new Uint8Array(12), 2, 2)).rejects.toThrow('12 bytes is not 2×2 RGBA pixels');
  });
});

describe('the preview image cache', () => {
  const card = longestTitled[0]?.card ?? homeCard('en');
  let cacheDir = '';
  beforeEach(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'preview-images-'));
  });
  afterEach(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('stores a render under its key and returns the same bytes again', async () => {
    const first = await cachedPreviewImage(card, cacheDir);
    expect(first.equals(await renderPreviewImage(card))).toBe(true);
    expect(await readdir(cacheDir)).toEqual([`${await previewCacheKey(card)}.png`]);
    expect((await cachedPreviewImage(card, cacheDir)).equals(first)).toBe(true);
    expect(await readdir(cacheDir)).toHaveLength(1);
  });

  it('reads a stored image instead of rendering it again', async () => {
    await cachedPreviewImage(card, cacheDir);
    const stored = path.join(cacheDir, `${await previewCacheKey(card)}.png`);
    const marker = Buffer.from('stored earlier');
    await writeFile(stored, marker);
    expect((await cachedPreviewImage(card, cacheDir)).equals(marker)).toBe(true);
  });

  it.each(['siteName', 'title', 'subtitle', 'date'] as const)('renders again when the %s changes', async (field) => {
    const first = await cachedPreviewImage(card, cacheDir);
    const changed = { ...card, [field]: `${card[field] ?? ''} 2` };
    expect(await previewCacheKey(changed)).not.toBe(await previewCacheKey(card));
    const second = await cachedPreviewImage(changed, cacheDir);
    expect(second.equals(first)).toBe(false);
    expect(second.equals(await renderPreviewImage(changed))).toBe(true);
    expect(await readdir(cacheDir)).toHaveLength(2);
  });
});
