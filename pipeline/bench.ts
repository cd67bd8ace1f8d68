/**
 * `npm run bench`: measures the build (cold, warm and after a one-word edit,
 * at 1× and 10× the documents, beside another Astro project given with
 * `--compare` and an earlier checkout of this one given with
 * `--baseline-build`), then builds
 * the site and measures what each page costs a reader on a first visit and
 * what a search costs until its first result, and writes the figures to
 * `bench-results/{commit}.json` to compare commits.
 *
 *   npm run bench -- [--out-dir dist] [--compare ../anchor-starlight] [--baseline-build old-checkout]
 *                    [--runs 3] [--scales 1,10] [--builds-only]
 *                    [--anchor-site ../anchor-starlight/dist] [--baseline-site old-dist] [--slow-runs 5]
 *   npm run bench -- --record-anchor ../anchor-starlight/dist
 *
 * `--record-anchor` measures only stock Starlight's built pages and writes
 * them to pipeline/bench/starlight-pages.json, the anchor of the page-weight
 * budget; the bench prints each document page against them.
 *
 * The time to a search's first result is measured on an emulated slow phone
 * and network (Slow 3G), beside the stock Starlight site built from
 * `shared/anchors/` (`--anchor-site`, its built folder) and beside an earlier
 * build of this site (`--baseline-site`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { localeCodes, type Locale } from '../src/i18n/locales.ts';
import { paths } from '../src/lib/routes.ts';
import {
  budgets,
  checkBudget,
  describeBreach,
  documentWeightBreaches,
  starlightShare,
  type BudgetBreach,
} from './after-render/budgets.ts';
import {
  measurePage,
  pageBudgetBreaches,
  resourceKinds,
  siteCss,
  sitePagePaths,
  summarise,
  type PageCost,
  firstSearchResult,
  searchQuery,
} from './bench/page-cost.ts';
import { serve } from './mirror-tools/serve.ts';
import { chromiumArgs, chromiumExecutablePath } from './bench/chromium.ts';
import { benchBuild, oneWordEdit, otherProject, thisProject, type BuildFigures } from './bench/build-bench.ts';
import { slow3g, timeSearches, type TimedSearch } from './bench/slow-network.ts';
import { measureDocumentWeights, recordedStarlightPages, recordStarlightPages } from './bench/starlight-pages.ts';

/** A common phone, a little larger than the tests' smallest one. */
const viewport = { width: 390, height: 844 };
function buildSite(outDir: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['pipeline/build.ts', '--out-dir', outDir], { encoding: 'utf8' });
  const buildMs = performance.now() - started;
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`the build failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
  return buildMs;
}

async function measureBuilds(
  { compare, baselineBuild }: { compare: string | undefined; baselineBuild: string | undefined },
  scales: number[],
  runs: number,
): Promise<BuildFigures[]> {
  const compared = compare === undefined ? undefined : otherProject(compare);
  const projects = [
    thisProject(process.cwd()),
    ...(baselineBuild === undefined ? [] : [thisProject(path.resolve(baselineBuild), `baseline (${baselineBuild})`)]),
    ...(compared === undefined ? [] : [compared]),
  ];
  const figures: BuildFigures[] = [];
  for (const scale of scales) {
    for (const project of projects) {
      console.log(`Building ${project.name} at ${scale}× the documents, ${runs} time(s) cold, warm and edited…`);
      figures.push(await benchBuild(project, scale, runs));
    }
  }
  const seconds = (ms: number | null) => (ms === null ? 'n/a' : (ms / 1000).toFixed(2));
  const megabytes = (kb: number | null) => (kb === null ? 'n/a' : (kb / 1024).toFixed(0));
  /** How many times the compared project's figure at the same scale. */
  const times = (row: BuildFigures, figure: 'coldMs' | 'warmMs' | 'rebuildMs') => {
    const other = figures.find(({ project, scale }) => project === compared?.name && scale === row.scale);
    return other === undefined ? 'n/a' : `${(row[figure] / other[figure]).toFixed(2)}×`;
  };
  console.log(
    `\nBuild time (median of ${runs} fresh copies; cold: no caches; warm: built before; edited: \`npm run build\` after ` +
      `"${oneWordEdit.from}" became "${oneWordEdit.to}" in the English petition, on the caches of one made before)` +
      (compared === undefined ? '' : `; ×: against ${compared.name} at the same scale`),
  );
  printTable(
    ['project', 'scale', 'documents', 'cold s', 'cold ×', 'warm s', 'warm ×', 'edited s', 'edited ×'],
    figures.map((row) => [
      row.project,
      `${row.scale}×`,
      row.documents,
      seconds(row.coldMs),
      times(row, 'coldMs'),
      seconds(row.warmMs),
      times(row, 'warmMs'),
      seconds(row.rebuildMs),
      times(row, 'rebuildMs'),
    ]),
  );
  console.log('\nProcessor time (user and system, every process) and peak memory of the same builds');
  printTable(
    ['project', 'scale', 'cold cpu s', 'warm cpu s', 'edited cpu s', 'cold peak MB', 'warm peak MB', 'edited peak MB'],
    figures.map((row) => [
      row.project,
      `${row.scale}×`,
      seconds(row.coldCpuMs),
      seconds(row.warmCpuMs),
      seconds(row.rebuildCpuMs),
      megabytes(row.coldPeakKb),
      megabytes(row.warmPeakKb),
      megabytes(row.rebuildPeakKb),
    ]),
  );
  if (figures.some((row) => row.coldPeakKb === null))
    console.log('(cpu and peak memory need GNU time: apt install time)');
  return figures;
}

/**
 * The commit measured, and the name of its results file: the short hash, or
 * `worktree` when there are uncommitted changes, whose figures belong to no commit.
 */
function revision(): { commit: string | null; label: string } {
  const git = (...args: string[]) =>
    execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const commit = git('rev-parse', '--short', 'HEAD');
    // No optional locks: other people may be using this working tree's index.
    const dirty = git('--no-optional-locks', 'status', '--porcelain') !== '';
    return { commit, label: dirty ? 'worktree' : commit };
  } catch {
    return { commit: null, label: 'worktree' };
  }
}

/** Document pages, which may carry only a little JavaScript: one per `src/content/documents/{lang}/{slug}.mdx`. */
async function documentPaths(): Promise<Set<string>> {
  const perLanguage = await Promise.all(
    localeCodes.map(async (lang) =>
      (await readdir(path.join('src/content/documents', lang)))
        .filter((name) => name.endsWith('.mdx'))
        .map((name) => paths.document(lang, name.slice(0, -'.mdx'.length))),
    ),
  );
  return new Set(perLanguage.flat());
}

/** The resources with the server's origin, whose port changes every run, taken off their URLs; queries made legible. */
function withSitePaths(cost: PageCost, origin: string) {
  return cost.resources.map((resource) => ({ ...resource, url: decodeURI(resource.url.replace(origin, '')) }));
}

/** The columns after a page's HTML and its inline code. */
const fileKinds = resourceKinds.filter((kind) => kind !== 'html');

function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  for (const row of cells) {
    // The first column names things and reads left to right; the figures line up on the right.
    console.log(row.map((cell, column) => cell[column === 0 ? 'padEnd' : 'padStart'](widths[column] ?? 0)).join('  '));
  }
}

async function measurePages(browser: Browser, origin: string, distDir: string) {
  const documents = await documentPaths();
  const results = [];
  for (const pagePath of await sitePagePaths(distDir)) {
    const cost = await measurePage(browser, origin + pagePath, { context: { viewport } });
    const summary = summarise(cost);
    const isDocument = documents.has(pagePath);
    results.push({
      path: pagePath,
      isDocument,
      ...summary,
      inlineStyleBytes: cost.inlineStyleBytes,
      inlineScriptBytes: cost.inlineScriptBytes,
      breaches: pageBudgetBreaches(pagePath, summary, isDocument),
      resources: withSitePaths(cost, origin),
    });
  }
  console.log(`\nFirst visit of every page: bytes brotli-compressed, cold cache, ${viewport.width}×${viewport.height}`);
  console.log('inline css and js: the code of <style> and <script> elements alone, already counted in html');
  printTable(
    ['page', 'requests', 'html', 'inline css', 'inline js', ...fileKinds, 'total', 'text floor', 'total/floor'],
    results.map((page) => [
      page.path,
      page.requests,
      page.brotliBytes.html,
      page.inlineStyleBytes,
      page.inlineScriptBytes,
      ...fileKinds.map((kind) => page.brotliBytes[kind]),
      page.totalBrotliBytes,
      page.textFloorBytes,
      page.floorRatio.toFixed(2),
    ]),
  );
  const unanswered = results.flatMap((page) =>
    page.resources
      .filter(({ status }) => status === null || status >= 400)
      .map(({ url, status }) => `  ${page.path}: ${url} ${status === null ? 'failed' : `answered ${status}`}`),
  );
  if (unanswered.length > 0) {
    console.log(`Requests that did not succeed (counted all the same):\n${unanswered.join('\n')}`);
  }
  return results;
}

/** Each document page against stock Starlight's page of the same text (pipeline/bench/starlight-pages.json). */
async function measureDocumentWeightsAgainstStarlight(browser: Browser, origin: string) {
  const documents = [...(await documentPaths())].map((page) => {
    const [, lang, slug] = page.split('/') as [string, Locale, string];
    return { lang, slug };
  });
  const starlight = recordedStarlightPages();
  const weights = await measureDocumentWeights(browser, origin, documents, { viewport });
  const english = new Map(weights.filter(({ lang }) => lang === 'en').map((weight) => [weight.slug, weight]));
  console.log(
    `\nDocument pages against stock Starlight ${starlight.build.starlight} (recorded ${starlight.measuredAt}): ` +
      'everything a page fetches on its own, brotli; English at most ' +
      `${starlightShare}× Starlight's, the others at most the English page's bytes above its text floor`,
  );
  printTable(
    ['page', 'total', 'text floor', 'above floor', 'Starlight', '×Starlight', 'English above floor'],
    weights.map(({ page, slug, brotliBytes, textFloorBytes }) => {
      const starlightBytes = starlight.pages[page]?.brotliBytes;
      const original = english.get(slug);
      return [
        page,
        brotliBytes,
        textFloorBytes,
        brotliBytes - textFloorBytes,
        starlightBytes ?? 'n/a',
        starlightBytes === undefined ? 'n/a' : (brotliBytes / starlightBytes).toFixed(3),
        original === undefined ? 'n/a' : original.brotliBytes - original.textFloorBytes,
      ];
    }),
  );
  const breaches = documentWeightBreaches(weights, (page) => starlight.pages[page]?.brotliBytes);
  return { starlight: { recorded: starlight.measuredAt, build: starlight.build }, weights, breaches };
}

async function measureSearches(browser: Browser, origin: string, distDir: string) {
  const results = [];
  for (const lang of localeCodes) {
    const searchPage = `/${lang}/search/`;
    if (!existsSync(path.join(distDir, searchPage, 'index.html'))) {
      console.log(`\nSearch in ${lang}: skipped, the site has no ${searchPage} page yet`);
      continue;
    }
    const query = searchQuery(lang);
    const cost = await measurePage(browser, `${origin}${searchPage}?q=${encodeURIComponent(query)}`, {
      context: { viewport },
      until: firstSearchResult,
    });
    const summary = summarise(cost);
    const resources = withSitePaths(cost, origin);
    console.log(
      `\nSearch in ${lang} for "${query}": ${summary.totalBrotliBytes} B brotli in ${summary.requests} requests until the first result`,
    );
    printTable(
      ['file', 'kind', 'raw', 'brotli'],
      resources.map(({ url, kind, rawBytes, brotliBytes }) => [url, kind, rawBytes, brotliBytes]),
    );
    results.push({ lang, query, ...summary, resources });
  }
  return results;
}

/** This site's searches: each language's search page opened with a query, as a shared search link opens it. */
const siteSearches: TimedSearch[] = localeCodes.map((lang) => ({
  label: lang,
  path: `${paths.search(lang)}?q=${encodeURIComponent(searchQuery(lang))}`,
  firstResult: firstSearchResult,
}));

/**
 * Starlight's search: it takes no query from the address, so the reader opens a page, presses the search
 * button as soon as it works, and types the query. Its pages are English only (other languages repeat them).
 */
const starlightSearch: TimedSearch = {
  label: 'en',
  path: '/en/petition/',
  firstResult: '.pagefind-ui__result',
  type: async (page) => {
    await page.locator('button[data-open-modal]:not([disabled])').click();
    await page.locator('.pagefind-ui__search-input').fill(searchQuery('en'));
  },
};

/**
 * The time to a search's first result on Slow 3G (400 ms round trips, 400 kbit/s, 4× slower CPU, cold
 * cache), with the bytes that came over the network, here and on the sites given to compare.
 */
async function measureSlowSearches(
  browser: Browser,
  distDir: string,
  {
    anchorSite,
    baselineSite,
    runs,
  }: { anchorSite?: string | undefined; baselineSite?: string | undefined; runs: number },
) {
  const sites = [
    { site: 'this site', dir: distDir, searches: siteSearches },
    ...(baselineSite ? [{ site: `baseline (${baselineSite})`, dir: baselineSite, searches: siteSearches }] : []),
    ...(anchorSite ? [{ site: `Starlight (${anchorSite})`, dir: anchorSite, searches: [starlightSearch] }] : []),
  ];
  const { latencyMs, kbitPerSecond, cpuSlowdown } = slow3g;
  console.log(
    `\nTime to the first search result on ${slow3g.name} (${latencyMs} ms round trips, ${kbitPerSecond} kbit/s, ` +
      `${cpuSlowdown}× slower CPU, cold cache, ${viewport.width}×${viewport.height}), median of ${runs} runs`,
  );
  const results = await timeSearches(browser, sites, { runs, context: { viewport } });
  printTable(
    ['site', 'search', 'first result (ms)', 'runs (ms)', 'requests', 'bytes over the network'],
    results.map(({ site, label, firstResultMs, runsMs, requests, bytes }) => [
      site,
      label,
      firstResultMs,
      runsMs.join(' '),
      requests,
      bytes,
    ]),
  );
  return { profile: slow3g, runs, results };
}

async function writeResults(figures: Record<string, unknown>): Promise<void> {
  const { commit, label } = revision();
  const results = { commit, measuredAt: new Date().toISOString(), node: process.version, ...figures };
  await mkdir('bench-results', { recursive: true });
  const resultsFile = path.join('bench-results', `${label}.json`);
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nFigures written to ${resultsFile}`);
}

const { values } = parseArgs({
  options: {
    'out-dir': { type: 'string', default: 'dist' },
    compare: { type: 'string' },
    /** A checkout of an earlier commit of this project (with its packages installed or linked), built beside it. */
    'baseline-build': { type: 'string' },
    runs: { type: 'string', default: '3' },
    scales: { type: 'string', default: '1,10' },
    /** Only the build section: no pages, no search. */
    'builds-only': { type: 'boolean', default: false },
    /** Stock Starlight's built site, to time its search beside this one's. */
    'anchor-site': { type: 'string' },
    /** An earlier build of this site, to time its search beside this one's. */
    'baseline-site': { type: 'string' },
    'slow-runs': { type: 'string', default: '5' },
    /** Only record stock Starlight's pages, from its built folder, as the anchor of the page-weight budget. */
    'record-anchor': { type: 'string' },
  },
});
const distDir = values['out-dir'];
if (values['record-anchor'] !== undefined) {
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: chromiumArgs });
  try {
    const { pages } = await recordStarlightPages(browser, values['record-anchor']);
    printTable(
      ['page', 'Starlight page', 'requests', 'brotli', 'text floor'],
      Object.entries(pages).map(([page, anchor]) => [
        page,
        anchor.starlightPath,
        anchor.requests,
        anchor.brotliBytes,
        anchor.textFloorBytes,
      ]),
    );
    console.log('Written to pipeline/bench/starlight-pages.json');
  } finally {
    await browser.close();
  }
  process.exit(0);
}
const builds = await measureBuilds(
  { compare: values.compare, baselineBuild: values['baseline-build'] },
  values.scales.split(',').map(Number),
  Number(values.runs),
);
if (values['builds-only']) {
  await writeResults({ builds });
  process.exit(0);
}

console.log(`Building the site into ${distDir}…`);
const buildMs = buildSite(distDir);
console.log(`Built in ${(buildMs / 1000).toFixed(1)} s`);

const server = await serve({ dir: distDir, port: 0, prefix: '/' });
const address = server.address();
if (address === null || typeof address === 'string') throw new Error('the bench server has no TCP port');
const origin = `http://127.0.0.1:${address.port}`;
const browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: chromiumArgs });
try {
  const pages = await measurePages(browser, origin, distDir);
  const documentWeights = await measureDocumentWeightsAgainstStarlight(browser, origin);
  const search = await measureSearches(browser, origin, distDir);
  const slowSearch = await measureSlowSearches(browser, distDir, {
    anchorSite: values['anchor-site'],
    baselineSite: values['baseline-site'],
    runs: Number(values['slow-runs']),
  });

  const cssSources = await siteCss(distDir);
  const cssBytes = cssSources.reduce((sum, { brotliBytes }) => sum + brotliBytes, 0);
  console.log(`\nCSS of the whole site: ${cssBytes} B brotli in ${cssSources.length} file(s) or <style> blocks`);

  const cssBreach = checkBudget('siteCss', distDir, cssBytes);
  const breaches: BudgetBreach[] = [...pages.flatMap((page) => page.breaches), ...(cssBreach ? [cssBreach] : [])];
  const overBudget = [...breaches.map(describeBreach), ...documentWeights.breaches];
  console.log(overBudget.length === 0 ? '\nEvery page is within its budgets.' : '\nOver budget:');
  for (const breach of overBudget) console.log(`  ${breach}`);

  await writeResults({
    chromium: browser.version(),
    viewport,
    budgets,
    buildMs: Math.round(buildMs),
    builds,
    siteCss: { brotliBytes: cssBytes, sources: cssSources },
    pages,
    documentWeights,
    search,
    slowSearch,
    breaches: overBudget,
  });
} finally {
  await browser.close();
  server.close();
}
