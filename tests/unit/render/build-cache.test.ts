import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCache, buildCacheRoot, producerVersion } from '../../../pipeline/render/build-cache';

describe('the build cache', () => {
  let folder = '';
  let module: URL;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'build-cache-'));
    module = pathToFileURL(path.join(folder, 'producer.ts'));
    await writeFile(module, 'export const level = 9;\n');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('lives in node_modules/.cache/, which git ignores, beside Astro’s cache and never in the output', () => {
    expect(path.relative(process.cwd(), buildCacheRoot)).toBe(
      path.join('node_modules', '.cache', 'belarus-unions-record'),
    );
    expect(execFileSync('git', ['check-ignore', path.join(buildCacheRoot, 'x')], { encoding: 'utf8' })).not.toBe('');
  });

  it('makes an entry once, then gives the stored bytes', async () => {
    const cache = buildCache('test', { packages: ['fflate'], modules: [module] }, folder);
    const key = cache.key('input');
    let made = 0;
    const make = () => {
      made += 1;
      return Buffer.from('output');
    };
    expect(cache.through(key, make).toString()).toBe('output');
    expect(cache.through(key, make).toString()).toBe('output');
    expect(made).toBe(1);
    expect(await readdir(path.join(folder, 'test'))).toHaveLength(1);
    cache.set(key, Buffer.from('stored earlier'));
    expect(cache.through(key, make).toString()).toBe('stored earlier');
  });

  it('keys on the inputs, each part apart, and on the producer: its packages and its own source', async () => {
    const producer = { packages: ['fflate'], modules: [module] };
    const cache = buildCache('test', producer, folder);
    expect(cache.key('ab', 'c')).not.toBe(cache.key('a', 'bc'));
    expect(cache.key('a')).toBe(buildCache('test', producer, folder).key('a'));
    expect(producerVersion(producer)).not.toBe(producerVersion({ packages: ['fflate', 'satori'], modules: [module] }));
    const before = producerVersion(producer);
    await writeFile(module, 'export const level = 6;\n');
    expect(producerVersion(producer)).not.toBe(before);
    expect(buildCache('test', producer, folder).key('a')).not.toBe(cache.key('a'));
  });
});
