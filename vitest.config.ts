import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Many tests start real programs (Node, minisign, git); on a busy 2-core machine that takes seconds.
    // A timeout only catches a hang: speed is measured by npm run bench, never by a test.
    testTimeout: 60_000,
    server: {
      deps: {
        // It imports its JSON schema without the import attribute Node requires; Vite's transform adds it.
        inline: ['@actions/workflow-parser'],
      },
    },
  },
});
