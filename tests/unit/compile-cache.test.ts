import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

const build = pathToFileURL(path.resolve('pipeline/build.ts')).href;

describe('the compile cache of `npm run build`', () => {
  it('is handed to Astro’s process, and never gives an edited module’s old code', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'compile-cache-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    const cache = path.join(folder, 'cache');
    const step = path.join(folder, 'step.ts');
    // A build's process as `npm run build` starts it: the cache on, then a step loaded.
    const code = `const { astroEnvironment, keepCompiledModules } = await import(${JSON.stringify(build)});
      keepCompiledModules();
      const { level } = await import(${JSON.stringify(pathToFileURL(step).href)});
      console.log(astroEnvironment(undefined, false).NODE_COMPILE_CACHE, level);`;
    const run = () =>
      execFileSync(process.execPath, ['--input-type=module', '-e', code], {
        encoding: 'utf8',
        env: { ...process.env, NODE_COMPILE_CACHE: cache },
      }).trim();

    await writeFile(step, 'export const level: number = 9;\n');
    expect(run()).toBe(`${cache} 9`);
    expect(await readdir(cache, { recursive: true })).not.toHaveLength(0);
    expect(run()).toBe(`${cache} 9`);
    await writeFile(step, 'export const level: number = 6;\n');
    expect(run()).toBe(`${cache} 6`);
  });
});
