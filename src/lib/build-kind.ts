/**
 * Whether the pages are rendered for a release or a preview. A release is
 * made by `npm run build -- --release`, which refuses placeholders in the
 * identity, and then signed by `npm run sign`; the signature comes after the
 * render, so the render knows only that the build was made as a release.
 * pipeline/build.ts tells Astro's process in this variable, and sets it for
 * every build, so that no value left in a shell makes a preview a release.
 * Any other build (`npm run build`, `npm run dev`, Astro started any other
 * way) is a preview, and its mirrors and downloads pages say so.
 */
export const releaseBuildVariable = 'BELARUS_UNIONS_RELEASE_BUILD';

export function isReleaseBuild(environment: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return environment[releaseBuildVariable] === '1';
}
