import { readFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { describe, expect, it } from 'vitest';
import { gzipBest } from '../../../pipeline/search-index/zopfli';

const texts = Array.from({ length: 5 }, (_, n) => ({
  name: `text ${n}`,
  content: Buffer.from(`${'Рэпрэсіі супраць незалежных прафсаюзаў. '.repeat(40 + n * 7)}${n}`, 'utf8'),
}));

describe('gzipBest', () => {
  it('gives each item, on several threads, the very bytes Zopfli gives on this one', async () => {
    const compressed = await gzipBest(texts, ({ content }) => content, { threads: 2, iterations: 5 });
    expect(compressed.map(([{ name }]) => name).sort()).toEqual(texts.map(({ name }) => name));
    for (const [{ content }, bytes] of compressed) {
      expect(gunzipSync(bytes)).toEqual(content);
      expect(bytes).toEqual(Buffer.from(await gzipAsync(content, { numiterations: 5 })));
    }
  });

  it('compresses a real text better than zlib at its best', async () => {
    const text = await readFile(
      new URL('../../../src/content/documents/be/ituc-letter-to-the-ambassador.mdx', import.meta.url),
    );
    const [[, zopfli] = []] = await gzipBest([text], (content) => content, { iterations: 5 });
    expect(zopfli?.byteLength).toBeLessThan(gzipSync(text, { level: 9 }).byteLength);
  });

  it('starts no thread for nothing', async () => {
    expect(await gzipBest([], () => Buffer.alloc(0))).toEqual([]);
  });

  it('leaves out the items another process is making, and starts no thread when that is every one', async () => {
    const [, second] = texts;
    const taken = await gzipBest(
      texts.slice(0, 2),
      ({ content }) => content,
      { iterations: 1 },
      (item) => item === second,
    );
    expect(taken.map(([{ name }]) => name)).toEqual([second?.name]);
    expect(
      await gzipBest(
        texts,
        ({ content }) => content,
        {},
        () => false,
      ),
    ).toEqual([]);
  });
});
