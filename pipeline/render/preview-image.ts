import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { previewHeight, previewWidth, type PreviewCard } from '../../src/lib/preview-card.ts';
import { buildCacheRoot, installedPackages, producerVersion } from './build-cache.ts';

/*
 * Link-preview images: the 1200×630 PNG a messenger or social network shows
 * when a page of the record is shared. They are drawn at build time from text
 * alone, in the site's colours and type, and cached on disk so that a rebuild
 * renders only the images whose text, fonts or renderer changed.
 */

/**
 * The renderers, loaded for the first image drawn: they take most of a second to load, which a build whose
 * images are all in the cache, beside Astro on a machine of two cores, need not spend.
 */
async function loadRenderers() {
  const [satori, resvg, sharp] = await Promise.all([import('satori'), import('@resvg/resvg-js'), import('sharp')]);
  return { satori: satori.default, Resvg: resvg.Resvg, sharp: sharp.default };
}
let renderersLoading: ReturnType<typeof loadRenderers> | undefined;
const renderers = () => (renderersLoading ??= loadRenderers());

// ---------------------------------------------------------------------------
// Layout

// The site's light palette, from src/styles/global.css: a preview is an image, so it has one scheme.
const paper = '#fdfcf9';
const ink = '#1d1b19';
const muted = '#5c5650';
const accent = '#a3161c';
const rule = '#ddd6cc';

/**
 * Satori reads WOFF but not WOFF2. Each subset is registered under its own name,
 * because satori keeps one font per name and weight, and the family lists them
 * in fallback order so that every glyph finds its subset.
 */
const fontSubsets = ['latin', 'cyrillic'] as const;
const fontWeights = [400, 700] as const;
const fontNameOf = (subset: string) => `Noto Sans ${subset}`;
const fontFamily = fontSubsets.map(fontNameOf).join(', ');

const paddingX = 72;
const textWidth = previewWidth - 2 * paddingX;
const titleLineHeight = 1.18;

/**
 * Title sizes from largest to smallest, each with the lines it may take. With the
 * site name above and a two-line subtitle and a date below, about 285 px are left
 * for the title: every entry stays within that. The largest size whose estimated
 * line count fits is chosen; the clamp only guards against a low estimate.
 */
const smallestTitle = { fontSize: 40, maxLines: 6 };
const titleSizes = [
  { fontSize: 64, maxLines: 3 },
  { fontSize: 56, maxLines: 4 },
  { fontSize: 48, maxLines: 4 },
  { fontSize: 44, maxLines: 5 },
  smallestTitle,
];

/**
 * Noto Sans Bold averages about 0.58 em per character over Latin and Cyrillic
 * prose, and lines break between words, so a line is never quite full.
 */
const boldEmsPerCharacter = 0.58;
const lineFill = 0.9;

function estimatedLines(text: string, fontSize: number): number {
  const charactersPerLine = Math.floor((textWidth * lineFill) / (fontSize * boldEmsPerCharacter));
  return Math.ceil(text.length / charactersPerLine);
}

function titleSizeFor(title: string): { fontSize: number; maxLines: number } {
  return titleSizes.find(({ fontSize, maxLines }) => estimatedLines(title, fontSize) <= maxLines) ?? smallestTitle;
}

type Style = Record<string, string | number>;

/** A node as satori takes it: the shape of a React element, without React. */
export interface PreviewNode {
  type: 'div';
  props: { style: Style; children: string | PreviewNode[] };
}

function div(style: Style, children: string | PreviewNode[]): PreviewNode {
  return { type: 'div', props: { style, children } };
}

/** Text of at most `lines` lines; longer text ends at a word with an ellipsis. */
function clampedText(text: string, lines: number, style: Style): PreviewNode {
  return div({ ...style, display: 'block', lineClamp: lines, textOverflow: 'ellipsis', overflow: 'hidden' }, text);
}

function assertFilled(card: PreviewCard): void {
  const empty = Object.entries(card).filter(([, value]) => typeof value !== 'string' || !value.trim());
  if (empty.length > 0) {
    const names = empty.map(([name]) => name).join(', ');
    throw new Error(`Preview image ${JSON.stringify(card)}: ${names} must not be empty`);
  }
}

/** The card as satori lays it out: site name at the top, the title in the middle, subtitle and date over a rule. */
export function cardLayout(card: PreviewCard): PreviewNode {
  assertFilled(card);
  const title = titleSizeFor(card.title);
  const footer = [clampedText(card.subtitle, 2, { fontSize: 28, lineHeight: 1.35 })];
  if (card.date) footer.push(clampedText(card.date, 1, { fontSize: 28, lineHeight: 1.35, color: muted, marginTop: 6 }));
  return div(
    {
      width: previewWidth,
      height: previewHeight,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: paper,
      color: ink,
      fontFamily,
      borderTop: `14px solid ${accent}`,
      paddingTop: 56,
      paddingRight: paddingX,
      paddingBottom: 52,
      paddingLeft: paddingX,
    },
    [
      clampedText(card.siteName, 1, { fontSize: 30, fontWeight: 700, lineHeight: 1.3, color: accent }),
      div({ display: 'flex', flexGrow: 1, alignItems: 'center', paddingTop: 16, paddingBottom: 24 }, [
        clampedText(card.title, title.maxLines, {
          width: textWidth,
          fontSize: title.fontSize,
          fontWeight: 700,
          lineHeight: titleLineHeight,
        }),
      ]),
      div({ display: 'flex', flexDirection: 'column', borderTop: `2px solid ${rule}`, paddingTop: 22 }, footer),
    ],
  );
}

// ---------------------------------------------------------------------------
// Rendering

const nodeRequire = createRequire(import.meta.url);

const fontFiles = fontSubsets.flatMap((subset) =>
  fontWeights.map((weight) => ({
    name: fontNameOf(subset),
    weight,
    file: nodeRequire.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`),
  })),
);

let fontsLoading: Promise<{ name: string; weight: (typeof fontWeights)[number]; data: Buffer }[]> | undefined;

function loadFonts() {
  fontsLoading ??= Promise.all(fontFiles.map(async ({ file, ...font }) => ({ ...font, data: await readFile(file) })));
  return fontsLoading;
}

/**
 * The card as SVG. Glyphs are drawn as paths unless `embedFont` is false, which
 * keeps the laid-out lines as `<text>` so that they can be read back.
 */
export async function renderPreviewSvg(card: PreviewCard, { embedFont = true } = {}): Promise<string> {
  const [fonts, { satori }] = await Promise.all([loadFonts(), renderers()]);
  return satori(cardLayout(card), {
    width: previewWidth,
    height: previewHeight,
    embedFont,
    fonts: fonts.map((font) => ({ ...font, style: 'normal' })),
  });
}

/** The card as PNG bytes. */
export async function renderPreviewImage(card: PreviewCard): Promise<Buffer> {
  const { Resvg } = await renderers();
  const rendered = new Resvg(await renderPreviewSvg(card), { font: { loadSystemFonts: false } }).render();
  return encodePalettePng(rendered.pixels, rendered.width, rendered.height);
}

export const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Flat colours and anti-aliased text come to fewer than a hundred distinct
 * colours, so a palette PNG holds the render exactly at half the size of
 * resvg's RGBA one. sharp (libvips with libimagequant) finds the palette; at
 * effort 4 or more and with no dithering it keeps every pixel of an image of at
 * most 256 colours, which the tests check (at 3 or less it does not). Efforts 4
 * to 7 give these images the same bytes, and 4 takes a fifth to a third less
 * time. The strongest compression costs more time and saves about a twentieth
 * of the bytes: the cache pays the time once, while whoever shares a link pays
 * the bytes each time.
 */
export async function encodePalettePng(rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
  if (rgba.length !== width * height * 4) {
    throw new Error(`encodePalettePng: ${rgba.length} bytes is not ${width}×${height} RGBA pixels`);
  }
  const { sharp } = await renderers();
  return sharp(rgba, { raw: { width, height, channels: 4 } })
    .png({ palette: true, colours: 256, dither: 0, effort: 4, compressionLevel: 9 })
    .toBuffer();
}

// ---------------------------------------------------------------------------
// Cache

/** Where rendered images are kept between builds. */
export const defaultCacheDir = path.join(buildCacheRoot, 'preview-images');

let rendererFingerprint: Promise<string> | undefined;

/**
 * What, besides the layout, decides the pixels: the font files, the renderers' versions and this module's
 * source (the layout's code and the PNG encoding's settings).
 */
function fingerprintRenderer(): Promise<string> {
  rendererFingerprint ??= loadFonts().then((fonts) => {
    const hash = createHash('sha256');
    for (const font of fonts) hash.update(`${font.name} ${font.weight}\n`).update(font.data);
    // resvg's and sharp's native parts (libvips among them) come in packages of their own, one per platform.
    const packages = ['satori', ...installedPackages('@resvg/'), 'sharp', ...installedPackages('@img/')];
    return hash.update(producerVersion({ packages, modules: [new URL(import.meta.url)] })).digest('hex');
  });
  return rendererFingerprint;
}

/** Identical for two cards exactly when their images would be identical. */
export async function previewCacheKey(card: PreviewCard): Promise<string> {
  return createHash('sha256')
    .update(await fingerprintRenderer())
    .update(JSON.stringify(cardLayout(card)))
    .digest('hex');
}

/** The card's image from the cache, rendered and stored there first if it is not yet. */
export async function cachedPreviewImage(card: PreviewCard, cacheDir = defaultCacheDir): Promise<Buffer> {
  const file = path.join(cacheDir, `${await previewCacheKey(card)}.png`);
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const png = await renderPreviewImage(card);
  await mkdir(cacheDir, { recursive: true });
  // Written aside and renamed, so a build that stops half-way never leaves a truncated image to be reused.
  const partial = `${file}.${randomUUID()}.partial`;
  await writeFile(partial, png);
  await rename(partial, file);
  return png;
}
