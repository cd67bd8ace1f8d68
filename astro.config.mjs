// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { contentCheck } from './scripts/integrations/content-check.ts';

export default defineConfig({
  integrations: [contentCheck(), mdx()],
  build: {
    format: 'directory',
  },
  trailingSlash: 'always',
  vite: {
    plugins: [tailwindcss()],
  },
  devToolbar: { enabled: false },
});
