/**
 * The entry point of downloads/rewrite-origin.mjs: the rewrite-origin command
 * bundled into one file that Node 18 or newer runs with no install:
 *
 *   node rewrite-origin.mjs <folder> <https://mirror.example/some/path/>
 */
import { runRewriteOriginCommand } from './rewrite-origin-cli.ts';

process.exitCode = await runRewriteOriginCommand('node rewrite-origin.mjs', process.argv.slice(2));
