import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // The identity, release date, key and port a keeper may have exported are removed before any test starts.
    globalSetup: ['tests/support/caller-environment.ts'],
    // Many tests start real programs (Node, minisign, git); on a busy 2-core machine that takes seconds.
    // A timeout only catches a hang: speed is measured by npm run bench, never by a test.
    testTimeout: 60_000,
    // Test files share their workers' loaded modules, which saves a third of the run (17 s of 51 s here). Safe
    // while no test mocks a module, stubs a global or changes the environment: none does; one that must, can
    // run in its own project with `isolate: true`.
    isolate: false,
    server: {
      deps: {
        // It imports its JSON schema without the import attribute Node requires; Vite's transform adds it.
        inline: ['@actions/workflow-parser'],
      },
    },
  },
});
