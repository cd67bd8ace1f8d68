/**
 * Runs before every npm script (the `pre…` hooks in package.json): on a Node
 * that the project does not support, stop at once with one line that says what
 * is needed, instead of a stack trace from deep inside a tool. Plain JavaScript
 * that any Node since 12 parses, since it must run on the wrong one.
 *
 * On Linux x64 and arm64 `npm install` puts the pinned Node (the optional
 * dependency node-linux-<arch>) first on every npm script's PATH, so this only
 * stops readers on other systems with an old Node.
 */
import { readFileSync } from 'node:fs';
import satisfies from 'semver/functions/satisfies.js';

const { engines, optionalDependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const pinned = optionalDependencies[`node-linux-${process.arch}`];

if (!satisfies(process.version, engines.node)) {
  const how =
    process.platform === 'linux' && pinned
      ? `run \`npm install\` in ${new URL('..', import.meta.url).pathname}, which brings Node ${pinned}`
      : 'install it from https://nodejs.org/';
  console.error(`This project needs Node.js ${engines.node}, not ${process.version}: ${how}.`);
  process.exit(1);
}
