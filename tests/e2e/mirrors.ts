import { freePorts } from '../support/free-ports';

const prefixes = [
  { name: 'the main site', prefix: '/' },
  { name: 'a project page', prefix: '/mirror/' },
  { name: 'a deep gateway path', prefix: '/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/belarus/' },
];

/**
 * Picked once, in Playwright's main process; its workers inherit the
 * environment and so agree on the same ports.
 */
const ports = (process.env['E2E_PORTS'] ??= freePorts(prefixes.length).join(',')).split(',').map(Number);

/** Where the browser tests serve the one build: at the root, and under prefixes it was not built for. */
export const mirrorSettings = prefixes.map((setting, index) => {
  const port = ports[index];
  if (port === undefined)
    throw new Error(`E2E_PORTS must list ${prefixes.length} ports, not "${process.env['E2E_PORTS']}"`);
  return { ...setting, port, url: `http://127.0.0.1:${port}${setting.prefix}` };
});

/** The main site's address, where every test starts. */
export const mainSite = mirrorSettings[0]?.url ?? '';
