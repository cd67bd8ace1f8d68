/**
 * The rules that keep the folders in the order of the pipeline (README, "Where things live"); `npm run lint`
 * runs them with dependency-cruiser. A stage may use what comes before it, never what comes after: the site
 * (src/) uses no build code, a step after Astro's render uses no release code, and the release uses no
 * volunteer tool. `.astro` files, which dependency-cruiser cannot read, get the same src/ rule from ESLint
 * (eslint.config.js).
 */

/** pipeline/'s folders in the order the build runs them, then the tools that read its output. */
export const pipelineStages = [
  'content-checks',
  'render',
  'after-render',
  'search-index',
  'release',
  'mirror-tools',
  'bench',
];

const laterStages = (index) =>
  pipelineStages
    .slice(index + 1)
    .map((stage) => `^pipeline/${stage}/`)
    .join('|');

/** A rule that fails `npm run lint`: no import from a module that `from` matches to one that `to` matches. */
const forbid = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    forbid(
      'no-circular',
      'Modules that import each other cannot be read, or changed, one at a time.',
      {},
      { circular: true },
    ),
    forbid(
      'site-uses-no-pipeline-code',
      'src/ is the site: what it needs at render time lives in src/, and pipeline/ builds on it.',
      { path: '^src/' },
      { path: '^pipeline/' },
    ),
    forbid(
      'shipped-code-uses-no-tests',
      'Tests import the code they test, never the other way round.',
      { path: '^(src|pipeline)/' },
      { path: '^tests/' },
    ),
    forbid(
      'lib-uses-no-components',
      'src/lib, src/i18n, src/data and src/content are below the components, layouts and pages that use them.',
      { path: '^src/(lib|i18n|data|content)/' },
      { path: '^src/(components|layouts|pages)/' },
    ),
    ...pipelineStages
      .slice(0, -1)
      .map((stage, index) =>
        forbid(
          `${stage}-uses-no-later-stage`,
          `pipeline/${stage}/ runs before ${pipelineStages.slice(index + 1).join(', ')}: it must not depend on them.`,
          { path: `^pipeline/${stage}/` },
          { path: laterStages(index) },
        ),
      ),
    forbid(
      'stages-use-no-commands',
      "The files at pipeline/'s top (the npm commands, and the post-build integration) use the stages, never the other way round.",
      { path: '^pipeline/[^/]+/' },
      { path: '^pipeline/[^/]+$' },
    ),
    forbid(
      'not-to-unresolvable',
      'An import that names no file.',
      {},
      { couldNotResolve: true, pathNot: ['^astro:', '\\?inline-script$'] },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.astro)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.mjs', '.astro', '.json', '.d.ts'],
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'node', 'default'],
      mainFields: ['types', 'module', 'main'],
    },
  },
};
