import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    server: {
      deps: {
        // It imports its JSON schema without the import attribute Node requires; Vite's transform adds it.
        inline: ['@actions/workflow-parser'],
      },
    },
  },
});
