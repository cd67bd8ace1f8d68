// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { contentCheck } from './pipeline/content-checks/astro-integration.ts';
import { contentGuard } from './pipeline/content-checks/content-guard.ts';
import { postBuild } from './pipeline/post-build.ts';
import { astroCacheDir, buildCache, producerOf } from './pipeline/render/build-cache.ts';
import { inlineScripts } from './pipeline/render/inline-scripts.ts';
import { keepingCompiledMdx } from './pipeline/render/kept-mdx.ts';
import { mdxFeatures } from './src/lib/mdx.ts';
import { paragraphIdsPlugin } from './src/lib/paragraph-ids.ts';
import { plainAddressesPlugin } from './src/lib/plain-addresses.ts';

/** What parses each content file for the check: the module, the site's code it uses, and Zod, which astro/zod is. */
const contentFileParser = producerOf(new URL('./pipeline/content-checks/content-files.ts', import.meta.url));

export default defineConfig({
  integrations: [
    // Each file's parse is kept between builds, so that an edit to one document parses only that one again.
    contentCheck({
      cache: buildCache('content-files', { ...contentFileParser, packages: [...contentFileParser.packages, 'zod'] }),
    }),
    mdx(),
    postBuild(),
  ],
  build: {
    format: 'directory',
    // One request per page: readers on throttled links wait for each round trip.
    inlineStylesheets: 'always',
  },
  trailingSlash: 'always',
  // `npm run dev` listens where PORT says, like `npm start` and `npm run serve`.
  server: { port: Number(process.env.PORT ?? 4321) },
  markdown: {
    // Astro's own compiler, with the features the content check parses with and a guard that refuses code in content;
    // every paragraph and list item of a document gets its citable id (`p-12`) as it is compiled, and the e-mail
    // addresses in its text (an embassy's, an official's) are text, not links.
    // Each file's output is kept between builds (pipeline/render/kept-mdx.ts): an edit compiles one file again.
    processor: keepingCompiledMdx(
      satteri({
        features: mdxFeatures,
        mdastPlugins: [contentGuard(new URL('./src/content/', import.meta.url))],
        hastPlugins: [paragraphIdsPlugin, plainAddressesPlugin],
      }),
      // Keyed on this configuration and everything it imports: the plugins, and the site's code they use.
      buildCache('mdx', producerOf(new URL(import.meta.url))),
    ),
    // Highlighting writes inline style attributes, which the Content-Security-Policy rightly blocks.
    syntaxHighlight: false,
  },
  vite: {
    plugins: [inlineScripts()],
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro marks MDX modules with this directive itself, and the bundler warns about every one of them
          // (withastro/astro#18087); no author can act on it. Every other warning still shows.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
  devToolbar: { enabled: false },
  cacheDir: astroCacheDir,
  // A document page whose code and inputs (src/lib/page-cache-key.ts) are the last build's is copied, not rendered.
  experimental: { incrementalBuild: true },
});
