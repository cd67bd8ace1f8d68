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
    // The site never uses build code (.dependency-cruiser.mjs says the same for the files it can read; it cannot
    // read .astro files, so this rule covers them).
    files: ['src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)pipeline/', message: 'src/ is the site: it never imports from pipeline/.' }] },
      ],
    },
  },
  {
    // Scripts inlined into pages run in the reader's browser.
    files: ['src/page-scripts/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...buildConstants } },
  },
  {
    // The offline-reading worker runs in the reader's browser, as a service worker.
    files: ['src/offline/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker, ...buildConstants } },
  },
);
