/**
 * `npm run build`: the whole release, from the content to the signed copy.
 *
 *   node scripts/build.ts [--out-dir dist]
 *
 * 1. `astro build` renders and checks the site in a child process, into a
 *    staging folder beside the output. Content is compiled only there, and the
 *    release key is not in that process's environment.
 * 2. Meanwhile this process draws the link-preview images, which need only the
 *    documents' front matter.
 * 3. Once every check has passed, this process hashes the files, signs the
 *    lists (with MINISIGN_SECRET_KEY, if set) and packs the archive.
 * 4. The staging folder replaces the output folder. A build that fails leaves
 *    neither a half-written nor a signed output behind.
 */
import { spawn } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { siteUrl } from '../src/lib/site-url.ts';
import { drawPreviewImages, previewImages, writePreviewImages } from './build/preview-images.ts';
import { releaseRevision } from './build/release-revision.ts';
import { writeRelease } from './release/write-release.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const astroCli = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

/** Everything but the release key, which only the signing step below may read. */
function astroEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  delete environment['MINISIGN_SECRET_KEY'];
  return environment;
}

function runAstroBuild(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroCli, 'build', '--outDir', outDir], {
      cwd: projectRoot,
      env: astroEnvironment(),
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`astro build stopped (${signal ?? `exit code ${code}`}); see above`)),
    );
  });
}

export interface BuildOptions {
  outDir?: string;
  log?: (message: string) => void;
}

export async function build({ outDir = 'dist', log = console.log }: BuildOptions = {}): Promise<void> {
  const output = path.resolve(projectRoot, outDir);
  const staging = `${output}.partial`;
  const revision = releaseRevision(projectRoot);
  await Promise.all([rm(output, { recursive: true, force: true }), rm(staging, { recursive: true, force: true })]);
  try {
    const drawing = previewImages(projectRoot).then(drawPreviewImages);
    // Not left unhandled while Astro runs; awaited, and so reported, below.
    drawing.catch(() => undefined);
    await runAstroBuild(staging);
    await writePreviewImages(staging, await drawing);
    log(
      revision === undefined
        ? 'release date: none (not a clone, no `git archive` revision, no SOURCE_DATE_EPOCH)'
        : `release date: ${new Date(revision.timestamp * 1000).toISOString()} from ${revision.source}`,
    );
    await writeRelease(staging, {
      canonicalOrigin: siteUrl.href,
      secretKeyPath: process.env['MINISIGN_SECRET_KEY'] || undefined,
      revision,
      log,
    });
    await rename(staging, output);
    log(`release written to ${path.relative(projectRoot, output) || output}`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: 'dist' } } });
  try {
    await build({ outDir: values['out-dir'] });
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
