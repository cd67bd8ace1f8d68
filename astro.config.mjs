// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { contentCheck } from './scripts/integrations/content-check.ts';
import { postBuild } from './scripts/integrations/post-build.ts';

export default defineConfig({
  integrations: [contentCheck(), mdx(), postBuild()],
  build: {
    format: 'directory',
    // One request per page: readers on throttled links wait for each round trip.
    inlineStylesheets: 'always',
  },
  trailingSlash: 'always',
  markdown: {
    // Highlighting writes inline style attributes, which the Content-Security-Policy rightly blocks.
    syntaxHighlight: false,
  },
  vite: {
    plugins: [tailwindcss()],
    build: {
      // One request per page, as for stylesheets: the site's few scripts are small and page-specific.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? true : undefined),
    },
  },
  devToolbar: { enabled: false },
});
