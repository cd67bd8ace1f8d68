/**
 * `npm run build`: the site and its release files, from the content, never
 * with the release key.
 *
 *   node pipeline/build.ts [--out-dir dist] [--release]
 *
 * 1. `astro build` renders and checks the site in a child process, into a
 *    staging folder beside the output. Content is compiled only there.
 * 2. Meanwhile this process draws the link-preview images, which need only the
 *    documents' front matter, compresses the search engine's WebAssembly into
 *    the cache that the search index step then finds it in, and bundles the
 *    standalone verifier and origin rewriter.
 * 3. Once every check has passed, this process adds what a volunteer needs
 *    beside the site (the host configurations in deploy/ and the standalone
 *    downloads/verify.mjs), hashes the files, and packs the archive and the
 *    IPFS CAR. With `--release` the build is a release: it refuses placeholder
 *    addresses and a build with no date, and leaves the release ready for
 *    `npm run sign` (pipeline/sign.ts), which signs it afterwards.
 * 4. The staging folder replaces the output folder. A build that fails leaves
 *    no half-written output behind.
 *
 * The key is never read here: a build refuses to start while
 * MINISIGN_SECRET_KEY is set, since the key it names would be on disk while
 * content is compiled (pipeline/content-checks/key-on-disk.ts; Astro started any other
 * way refuses too).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { assertReleaseIdentity, identity } from '../src/lib/identity.ts';
import { siteUrl } from '../src/lib/site-url.ts';
import { writeHostConfigs } from './release/host-configs.ts';
import { releaseRevision, revisionFile, type ReleaseRevision } from '../src/lib/release-revision.ts';
import { keyOnDiskProblem } from './content-checks/key-on-disk.ts';
import { astroCacheDir, buildCacheRoot } from './render/build-cache.ts';
import { releaseBuildVariable } from '../src/lib/build-kind.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const astroCli = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

/**
 * This process's environment with the release date it has decided, in the
 * reproducible-builds convention, so that Astro's process need not ask git
 * again, and whether it renders a release or a preview (build-kind.ts).
 */
export function astroEnvironment(revision: ReleaseRevision | undefined, release: boolean): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    [releaseBuildVariable]: release ? '1' : '',
  };
  if (revision !== undefined) environment['SOURCE_DATE_EPOCH'] = String(revision.timestamp);
  return environment;
}

/**
 * Why a release cannot be built here, or undefined: its signatures state its
 * date, which is never the clock's (see release-revision.ts).
 */
export function releaseDateProblem(revision: ReleaseRevision | undefined): string | undefined {
  if (revision !== undefined) return undefined;
  return (
    'a release needs a date, and this build has none: it is not in a clone of the repository, ' +
    `${revisionFile} holds no date from \`git archive\`, and SOURCE_DATE_EPOCH is not set. ` +
    'Build from a clone of the repository or from a `git archive` of it (such as a forge\'s "Download ZIP"), ' +
    "or set SOURCE_DATE_EPOCH to the commit's date in seconds since 1970"
  );
}

/**
 * Astro's incremental build (`experimental.incrementalBuild`) keeps each page in its cache folder as it renders
 * it, but writes the keys of the pages it keeps only once every page is done. A render that stops in between (an
 * error, Ctrl-C, a kill) would leave the last build's keys beside copies of pages they no longer describe, which a
 * build of that last build's sources would then take for its own: an undone edit shipped. So a render marks itself
 * unfinished until Astro has succeeded, and one that finds the mark starts without the keys.
 */
const astroPageKeys = path.join(astroCacheDir, 'incremental-build.json');
const renderUnfinished = path.join(astroCacheDir, 'render-unfinished');

async function runAstroBuild(outDir: string, revision: ReleaseRevision | undefined, release: boolean): Promise<void> {
  if (existsSync(renderUnfinished)) await rm(astroPageKeys, { force: true });
  await mkdir(astroCacheDir, { recursive: true });
  await writeFile(renderUnfinished, '');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [astroCli, 'build', '--outDir', outDir], {
      cwd: projectRoot,
      env: astroEnvironment(revision, release),
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`astro build stopped (${signal ?? `exit code ${code}`}); see above`)),
    );
  });
  await rm(renderUnfinished, { force: true });
}

/**
 * Turns on Node's compile cache, where NODE_COMPILE_CACHE says or else in the project's build cache: the steps'
 * modules, stripped of their types and compiled, then load in half the time. Node keys each entry on the module's
 * source and its own version, so an edited module is compiled again. Astro's process and its workers inherit the
 * folder through the environment; Astro's command would otherwise keep its own in the shared temporary folder,
 * where any user of the machine could write the code a build runs.
 */
export function keepCompiledModules(): void {
  process.env['NODE_COMPILE_CACHE'] ??= path.join(buildCacheRoot, 'node-compile-cache');
  module.enableCompileCache(process.env['NODE_COMPILE_CACHE']);
}

export interface BuildOptions {
  outDir?: string;
  /** A release, to be signed by `npm run sign`: no placeholder identity, a known date. */
  release?: boolean;
  log?: (message: string) => void;
}

/**
 * The modules of the steps beside and after Astro's. They are loaded once
 * Astro has started rather than before: satori, resvg, sharp and the release's
 * packers take most of a second to load, which would otherwise delay Astro.
 */
const loadSteps = () =>
  Promise.all([
    import('./render/preview-images.ts'),
    import('./search-index/search-index.ts'),
    import('./release/verifier-bundle.ts'),
    import('./release/write-release.ts'),
  ]).then(([previews, searchIndex, verifierBundle, release]) => ({
    ...previews,
    ...searchIndex,
    ...verifierBundle,
    ...release,
  }));

/** What the release carries for volunteers beside the site: the host configurations and the standalone tools. */
async function writeVolunteerFiles(
  distDir: string,
  tools: Record<string, Uint8Array>,
  log: (message: string) => void,
): Promise<void> {
  await writeHostConfigs(path.join(projectRoot, 'deploy'), distDir, identity);
  for (const [file, bytes] of Object.entries(tools)) {
    await mkdir(path.dirname(path.join(distDir, file)), { recursive: true });
    await writeFile(path.join(distDir, file), bytes);
  }
  log(`host configurations in deploy/, and the standalone ${Object.keys(tools).join(' and ')}`);
}

export async function build({ outDir = 'dist', release = false, log = console.log }: BuildOptions = {}): Promise<void> {
  const keyOnDisk = keyOnDiskProblem(process.env);
  if (keyOnDisk !== undefined) throw new Error(keyOnDisk);
  const output = path.resolve(projectRoot, outDir);
  const staging = `${output}.partial`;
  const revision = releaseRevision(projectRoot);
  // Before an Astro build a release would waste: it needs a date, and must not carry placeholder addresses.
  if (release) {
    const noDate = releaseDateProblem(revision);
    if (noDate !== undefined) throw new Error(noDate);
    assertReleaseIdentity(identity);
  }
  await Promise.all([rm(output, { recursive: true, force: true }), rm(staging, { recursive: true, force: true })]);
  const rendering = runAstroBuild(staging, revision, release);
  // Not left unhandled while the steps below run beside it; awaited, and so reported, below.
  rendering.catch(() => undefined);
  try {
    const {
      compressSearchEngineAhead,
      drawPreviewImages,
      previewImages,
      standaloneTools,
      writePreviewImages,
      writeRelease,
    } = await loadSteps();
    // The standalone tools depend on nothing Astro writes: bundled now, written into the release below.
    const bundlingTools = standaloneTools();
    bundlingTools.catch(() => undefined);
    const compressingEngine = compressSearchEngineAhead({ threads: 1 });
    const drawing = compressingEngine.then(() => previewImages(projectRoot)).then(drawPreviewImages);
    drawing.catch(() => undefined);
    await rendering;
    await writePreviewImages(staging, await drawing);
    await compressingEngine;
    log(
      revision === undefined
        ? 'release date: none (not a clone, no `git archive` revision, no SOURCE_DATE_EPOCH)'
        : `release date: ${new Date(revision.timestamp * 1000).toISOString()} from ${revision.source}`,
    );
    await writeVolunteerFiles(staging, await bundlingTools, log);
    await writeRelease(staging, { canonicalOrigin: siteUrl.href, release, revision, identity, log });
    await rename(staging, output);
    log(`release written to ${path.relative(projectRoot, output) || output}`);
  } catch (error) {
    // Astro may still be writing into the staging folder when a step beside it fails.
    await rendering.catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

if (import.meta.main) {
  keepCompiledModules();
  const { values } = parseArgs({
    options: { 'out-dir': { type: 'string', default: 'dist' }, release: { type: 'boolean', default: false } },
  });
  try {
    await build({ outDir: values['out-dir'], release: values.release });
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
