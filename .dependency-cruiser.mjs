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

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other cannot be read, or changed, one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'site-uses-no-pipeline-code',
      severity: 'error',
      comment: 'src/ is the site: what it needs at render time lives in src/, and pipeline/ builds on it.',
      from: { path: '^src/' },
      to: { path: '^pipeline/' },
    },
    {
      name: 'shipped-code-uses-no-tests',
      severity: 'error',
      comment: 'Tests import the code they test, never the other way round.',
      from: { path: '^(src|pipeline)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'lib-uses-no-components',
      severity: 'error',
      comment: 'src/lib, src/i18n, src/data and src/content are below the components, layouts and pages that use them.',
      from: { path: '^src/(lib|i18n|data|content)/' },
      to: { path: '^src/(components|layouts|pages)/' },
    },
    ...pipelineStages.slice(0, -1).map((stage, index) => ({
      name: `${stage}-uses-no-later-stage`,
      severity: 'error',
      comment: `pipeline/${stage}/ runs before ${pipelineStages.slice(index + 1).join(', ')}: it must not depend on them.`,
      from: { path: `^pipeline/${stage}/` },
      to: { path: laterStages(index) },
    })),
    {
      name: 'stages-use-no-commands',
      severity: 'error',
      comment: "The files at pipeline/'s top are the npm commands; they use the stages, never the other way round.",
      from: { path: '^pipeline/[^/]+/' },
      to: { path: '^pipeline/[^/]+$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that names no file.',
      from: {},
      to: { couldNotResolve: true, pathNot: ['^astro:', '\\?inline-script$'] },
    },
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
