/**
 * Points a mirror's link previews, share links and QR codes at the mirror, in
 * a copy of the release:
 *
 *   npm run rewrite-origin -- <folder> <https://mirror.example/some/path/>
 *
 * `npm run verify` still passes on the copy afterwards; see
 * pipeline/mirror-tools/mirror-origin.ts for what it then proves. The command is
 * pipeline/mirror-tools/rewrite-origin-cli.ts, which downloads/rewrite-origin.mjs bundles.
 */
import { runRewriteOriginCommand } from './mirror-tools/rewrite-origin-cli.ts';

process.exitCode = await runRewriteOriginCommand('npm run rewrite-origin --', process.argv.slice(2));
