// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import tailwindcss from '@tailwindcss/vite';
import { contentCheck } from './scripts/integrations/content-check.ts';
import { postBuild } from './scripts/integrations/post-build.ts';
import { markdownFeatures } from './src/lib/markdown.ts';
import { paragraphIdsPlugin } from './src/lib/paragraph-ids.ts';

export default defineConfig({
  integrations: [
    contentCheck(),
    // Every paragraph and list item of a document gets its citable id (`p-12`) as it is compiled.
    mdx({ processor: satteri({ features: markdownFeatures, hastPlugins: [paragraphIdsPlugin] }) }),
    postBuild(),
  ],
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
  },
  devToolbar: { enabled: false },
});
