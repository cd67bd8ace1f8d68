/**
 * The entry point of downloads/verify.mjs: the verify command with the
 * project's public key built in, bundled with everything it uses into one
 * file that Node 18 or newer runs with no install (see verifier-bundle.ts):
 *
 *   node verify.mjs <web address or folder> [--public-key <minisign.pub>]
 */
import { runVerifyCommand } from './verify-cli.ts';

/** release/minisign.pub's text, put here by the bundler. */
declare const PINNED_PUBLIC_KEY: string;

process.exitCode = await runVerifyCommand(
  {
    name: 'node verify.mjs',
    pinnedKey: { text: () => Promise.resolve(PINNED_PUBLIC_KEY), source: 'the key built into verify.mjs' },
  },
  process.argv.slice(2),
);
