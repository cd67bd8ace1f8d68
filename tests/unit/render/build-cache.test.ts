import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  astroCacheDir,
  buildCache,
  buildCacheRoot,
  producerOf,
  producerVersion,
} from '../../../pipeline/render/build-cache';

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

  it('leaves Astro’s cache in the project’s own folder, ignored by git, which a copy linking node_modules does not share', () => {
    const relative = path.relative(process.cwd(), astroCacheDir);
    expect(relative.split(path.sep)).not.toContain('node_modules');
    expect(relative.startsWith('..')).toBe(false);
    expect(execFileSync('git', ['check-ignore', path.join(astroCacheDir, 'x')], { encoding: 'utf8' })).not.toBe('');
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

describe('the producer of a module', () => {
  it('is the module, the project’s modules it imports however indirectly, and the packages they run', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'producer-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    const write = (name: string, text: string) => writeFile(path.join(folder, name), text);
    await mkdir(path.join(folder, 'lib'));
    await write(
      'entry.ts',
      [
        "import { a } from './lib/a.ts';",
        "import type { Root } from 'mdast';",
        "/** An example, not an import: `import { x } from 'not-installed'`. */",
        "// import { y } from 'not-installed-either';",
        'export const b = a;',
      ].join('\n'),
    );
    await write('lib/a.ts', "import { visit } from 'unist-util-visit';\nexport { c as a } from '../c';\n");
    await write(
      'c.ts',
      "import script from './e.js?inline-script';\nexport const c = await import('./d.json', { with: { type: 'json' } });\n",
    );
    await write('e.ts', 'export default 1;\n');
    await write('d.json', '{ "level": 9 }\n');
    const entry = pathToFileURL(path.join(folder, 'entry.ts'));
    const producer = producerOf(entry);
    expect(producer.packages).toEqual(['unist-util-visit']);
    expect(producer.modules.map((module) => path.relative(folder, fileURLToPath(module))).sort()).toEqual(
      ['c.ts', 'd.json', 'e.ts', 'entry.ts', path.join('lib', 'a.ts')].sort(),
    );
    // A change to a module imported two steps away is a new version.
    const before = producerVersion(producer);
    await write('d.json', '{ "level": 6 }\n');
    expect(producerVersion(producerOf(entry))).not.toBe(before);
  });

  it('takes in a worker a module starts by its file, and what `also` adds', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'producer-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    const write = (file: string, text: string) => writeFile(path.join(folder, file), text);
    await write('entry.ts', "new Worker(new URL('./worker.ts', import.meta.url));\n");
    await write('worker.ts', "import { level } from './level.ts';\nexport default level;\n");
    await write('level.ts', 'export const level = 9;\n');
    const entry = pathToFileURL(path.join(folder, 'entry.ts'));
    const producer = producerOf(entry, { packages: ['cborg'] });
    expect(producer.modules.map((module) => path.basename(module.pathname)).sort()).toEqual([
      'entry.ts',
      'level.ts',
      'worker.ts',
    ]);
    expect(producer.packages).toEqual(['cborg']);
    // The worker's own import, two steps from the entry, versions the entry's work.
    const before = producerVersion(producer);
    await write('level.ts', 'export const level = 6;\n');
    expect(producerVersion(producerOf(entry, { packages: ['cborg'] }))).not.toBe(before);
  });

  it('is another version once the lock file names another version of any package installed', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'producer-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    const lockFile = path.join(folder, 'package-lock.json');
    const producer = { packages: ['fflate'], modules: [new URL(import.meta.url)] };
    await writeFile(lockFile, '{ "packages": { "node_modules/cborg": { "version": "4.2.0" } } }\n');
    const before = producerVersion(producer, lockFile);
    await writeFile(lockFile, '{ "packages": { "node_modules/cborg": { "version": "4.2.1" } } }\n');
    expect(producerVersion(producer, lockFile)).not.toBe(before);
  });

  it('names the file and the import that names no file', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'producer-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    await writeFile(path.join(folder, 'entry.ts'), "import { a } from './gone.ts';\n");
    expect(() => producerOf(pathToFileURL(path.join(folder, 'entry.ts')))).toThrow(
      /entry\.ts imports "\.\/gone\.ts", which names no file/,
    );
  });
});
