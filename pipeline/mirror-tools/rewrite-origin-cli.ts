/**
 * The rewrite-origin command, shared by `npm run rewrite-origin` and the
 * standalone `downloads/rewrite-origin.mjs`. Exit status: 0 when the copy was
 * rewritten, 1 when it was refused (and left as it was), 2 when used wrongly.
 */
import { parseArgs } from 'node:util';
import { rewriteOrigin } from './rewrite-origin.ts';

export async function runRewriteOriginCommand(name: string, argv: string[]): Promise<number> {
  const usage = `usage: ${name} <folder> <https://mirror.example/some/path/>

Points the link previews, share links and QR codes of the copy in <folder> at the mirror's
own address; verify still passes on the copy afterwards. Run it again with another address,
or with the release's own address to undo it.`;
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const [folder, address, ...extra] = positionals;
  if (folder === undefined || address === undefined || extra.length > 0) {
    console.error(usage);
    return 2;
  }
  try {
    const { canonicalOrigin, mirrorOrigin, rewritten } = await rewriteOrigin(folder, address);
    console.log(
      mirrorOrigin === canonicalOrigin
        ? `Restored the release's own address ${canonicalOrigin} in ${folder}.`
        : `${rewritten.length} files in ${folder} now name ${mirrorOrigin} instead of ${canonicalOrigin}; MIRROR_ORIGIN records it.`,
    );
    return 0;
  } catch (error) {
    console.error(`rewrite-origin: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
