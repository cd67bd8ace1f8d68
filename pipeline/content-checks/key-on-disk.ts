/**
 * The one check that keeps the release key off the machine while content is
 * compiled: `npm run build` (pipeline/build.ts) runs it before it starts, and
 * the content check (pipeline/content-checks/astro-integration.ts) runs it when any
 * `astro build`, `astro dev` or `astro check` sets up, so that none of them
 * compiles content while MINISIGN_SECRET_KEY names the key.
 */

/**
 * Why content must not be compiled now, or undefined: a content file that
 * could read files would find the key wherever MINISIGN_SECRET_KEY says it is.
 */
export function keyOnDiskProblem(environment: NodeJS.ProcessEnv): string | undefined {
  if (!environment['MINISIGN_SECRET_KEY']) return undefined;
  return (
    'MINISIGN_SECRET_KEY is set, so the release key is on disk while content would be compiled. ' +
    'Build without it (`npm run build -- --release`), then sign in a step of its own: ' +
    '`MINISIGN_SECRET_KEY=<key file> npm run sign`'
  );
}
