import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What the build gives the scripts that run in the reader's browser (src/browser-constants.d.ts). */
const buildConstants = { OFFLINE_STORAGE: 'readonly' };

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Scripts inlined into pages run in the reader's browser.
    files: ['src/scripts/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...buildConstants } },
  },
  {
    // The offline-reading worker runs in the reader's browser, as a service worker.
    files: ['src/offline/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker, ...buildConstants } },
  },
);
