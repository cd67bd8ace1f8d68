import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from './pipeline/bench/chromium';
import { mainSite, mirrorSettings } from './tests/e2e/mirrors';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // One browser per core: the tests wait on pages, not on each other.
  workers: availableParallelism(),
  // A timeout only catches a hang (axe on a busy 2-core machine can take half a minute); speed is measured by
  // npm run bench, never by a test.
  timeout: 120_000,
  forbidOnly: Boolean(process.env['CI']),
  reporter: process.env['CI'] ? 'line' : 'list',
  use: {
    browserName: 'chromium',
    // A small phone: the screen most readers have.
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    // Each test's context would otherwise save a whole language in the background; offline.spec.ts allows them.
    serviceWorkers: 'block',
    baseURL: mainSite,
    launchOptions: { executablePath: chromiumExecutablePath, args: chromiumArgs },
  },
  // The same build, served as the main site and as mirrors under prefixes it was not built for.
  webServer: mirrorSettings.map(({ port, prefix, url }) => ({
    command: `node pipeline/mirror-tools/serve.ts --port ${port} --prefix ${prefix}`,
    url,
    reuseExistingServer: false,
  })),
});
