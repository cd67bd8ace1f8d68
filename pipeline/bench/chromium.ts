/**
 * The browser the tests and the bench drive: Debian's Chromium, because test
 * tools cannot download browsers here, with every background service off so
 * that the only requests are the page's own.
 */
export const chromiumExecutablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // One renderer process for the pages of a site, not one per browser context: the tests open hundreds of
  // contexts on two cores, and no page here needs isolating from another.
  '--disable-site-isolation-trials',
  '--disable-features=IsolateOrigins,site-per-process,Translate,OptimizationHints,MediaRouter',
  '--renderer-process-limit=2',
];
