/** Where the browser tests serve the one build: at the root, and under prefixes it was not built for. */
export const mirrorSettings = [
  { name: 'the main site', port: 4321, prefix: '/' },
  { name: 'a project page', port: 4322, prefix: '/mirror/' },
  {
    name: 'a deep gateway path',
    port: 4323,
    prefix: '/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/belarus/',
  },
].map((setting) => ({ ...setting, url: `http://127.0.0.1:${setting.port}${setting.prefix}` }));
