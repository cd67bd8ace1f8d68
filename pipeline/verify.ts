/**
 * Checks a copy of the site against the signed release:
 *
 *   npm run verify -- <web address or folder> [--public-key <minisign.pub>] [--help]
 *
 * The key defaults to the project's pinned release/minisign.pub. The command
 * itself is pipeline/mirror-tools/verify-cli.ts, which downloads/verify.mjs bundles.
 */
import { readFile } from 'node:fs/promises';
import { runVerifyCommand } from './mirror-tools/verify-cli.ts';

const pinnedKey = new URL('../release/minisign.pub', import.meta.url);

process.exitCode = await runVerifyCommand(
  { name: 'npm run verify --', pinnedKey: { text: () => readFile(pinnedKey, 'utf8'), source: 'release/minisign.pub' } },
  process.argv.slice(2),
);
