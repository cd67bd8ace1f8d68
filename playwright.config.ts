import { defineConfig } from '@playwright/test';

/** Debian's Chromium: test tools cannot download browsers here. */
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const port = 4321;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  reporter: process.env['CI'] ? 'line' : 'list',
  use: {
    browserName: 'chromium',
    // A small phone: the screen most readers have.
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
