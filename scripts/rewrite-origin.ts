/**
 * Points a mirror's link previews at the mirror, in a copy of the release:
 *
 *   npm run rewrite-origin -- <folder> <https://mirror.example/some/path/>
 *
 * `npm run verify` still passes on the copy afterwards; see
 * scripts/release/site-address.ts for what it then proves.
 */
import { parseArgs } from 'node:util';
import { rewriteOrigin } from './release/rewrite-origin.ts';

const usage = 'usage: npm run rewrite-origin -- <folder> <https://mirror.example/some/path/>';

function readArguments(): { folder: string; address: string } | undefined {
  try {
    const [folder, address, ...extra] = parseArgs({ allowPositionals: true, options: {} }).positionals;
    if (folder !== undefined && address !== undefined && extra.length === 0) return { folder, address };
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  }
  return undefined;
}

const args = readArguments();
if (args === undefined) {
  console.error(usage);
  process.exitCode = 2;
} else {
  try {
    const { folder } = args;
    const { canonicalOrigin, mirrorOrigin, rewritten } = await rewriteOrigin(folder, args.address);
    console.log(
      mirrorOrigin === canonicalOrigin
        ? `Restored the release's own address ${canonicalOrigin} in ${folder}.`
        : `${rewritten.length} files in ${folder} now name ${mirrorOrigin} instead of ${canonicalOrigin}; MIRROR_ORIGIN records it.`,
    );
  } catch (error) {
    console.error(`rewrite-origin: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
