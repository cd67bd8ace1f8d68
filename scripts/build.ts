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
 * 3. Once every check has passed, this process adds what a volunteer needs
 *    beside the site (the host configurations in deploy/ and the standalone
 *    downloads/verify.mjs), hashes the files, signs the list (with
 *    MINISIGN_SECRET_KEY, if set; a signed build refuses placeholder
 *    addresses), and packs and signs the archive and the IPFS CAR.
 * 4. The staging folder replaces the output folder. A build that fails leaves
 *    neither a half-written nor a signed output behind.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { assertReleaseIdentity, identity } from '../src/lib/identity.ts';
import { siteUrl } from '../src/lib/site-url.ts';
import { writeHostConfigs } from './build/host-configs.ts';
import { drawPreviewImages, previewImages, writePreviewImages } from './build/preview-images.ts';
import { releaseRevision } from './build/release-revision.ts';
import { standaloneTools } from './release/verifier-bundle.ts';
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
  warn?: (message: string) => void;
}

/** What the release carries for volunteers beside the site: the host configurations and the standalone verifier. */
async function writeVolunteerFiles(distDir: string, log: (message: string) => void): Promise<void> {
  await writeHostConfigs(path.join(projectRoot, 'deploy'), distDir, identity);
  const tools = await standaloneTools();
  for (const [file, bytes] of Object.entries(tools)) {
    await mkdir(path.dirname(path.join(distDir, file)), { recursive: true });
    await writeFile(path.join(distDir, file), bytes);
  }
  log(`host configurations in deploy/, and the standalone ${Object.keys(tools).join(' and ')}`);
}

export async function build({
  outDir = 'dist',
  log = console.log,
  warn = console.warn,
}: BuildOptions = {}): Promise<void> {
  const output = path.resolve(projectRoot, outDir);
  const staging = `${output}.partial`;
  const revision = releaseRevision(projectRoot);
  // Before an Astro build a signed release would waste: it must not carry placeholder addresses.
  if (process.env['MINISIGN_SECRET_KEY']) assertReleaseIdentity(identity);
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
    await writeVolunteerFiles(staging, log);
    await writeRelease(staging, {
      canonicalOrigin: siteUrl.href,
      secretKeyPath: process.env['MINISIGN_SECRET_KEY'] || undefined,
      revision,
      identity,
      pinnedPublicKey: await readFile(path.join(projectRoot, 'release/minisign.pub'), 'utf8'),
      log,
      warn: (message) => warn(`warning: ${message}`),
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
