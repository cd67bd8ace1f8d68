/**
 * The build section of `npm run bench`: build time and peak memory, cold (no
 * cache), warm (built before, nothing changed) and after one word of one
 * document changed (what an editor waits for), for this project and, side by
 * side in the same run, for other projects: the stock Starlight site of
 * ../shared/anchors/, and an earlier checkout of this one; each with its
 * documents as they are and multiplied tenfold.
 *
 * Every measurement builds a fresh copy of the project in a temporary folder
 * with a node_modules of its own, so that the copy's caches (Astro's, Vite's,
 * the build's own in node_modules/.cache/) start empty for the cold build and
 * are there for the warm one, and the real project's are never touched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BuildProject {
  name: string;
  root: string;
  /** The command that builds it, run in its folder: cold and warm. */
  command: string[];
  /** The command an editor builds with after the edit, when it is not `command`. */
  editCommand?: string[];
  /** What the command's environment adds to this process's. */
  env?: NodeJS.ProcessEnv;
  /** Folders that hold one subfolder per language of Markdown documents, relative to the root. */
  documentFolders: string[];
  /** The document whose one word the editor changes (`oneWordEdit`), relative to the root: the English petition. */
  editedDocument: string;
}

/** The one-word edit, made in the English petition of each project: the first word of its kind in the text. */
export const oneWordEdit = { from: 'esteemed', to: 'respected' };

export interface BuildFigures {
  project: string;
  scale: number;
  documents: number;
  /** Median over the runs, in milliseconds. */
  coldMs: number;
  warmMs: number;
  /** After the one-word edit, built again on the warm caches. */
  rebuildMs: number;
  /** The largest resident set of any process of the build, in kilobytes; null without GNU time. */
  coldPeakKb: number | null;
  warmPeakKb: number | null;
  rebuildPeakKb: number | null;
  /** Processor time (user and system, all processes), in milliseconds: steadier than wall time on a busy machine. */
  coldCpuMs: number | null;
  warmCpuMs: number | null;
  rebuildCpuMs: number | null;
  runs: number;
}

const gnuTime = '/usr/bin/time';
/** What never goes into a copy: the packages (linked instead), caches, outputs and the repository itself. */
const skipped = new Set(['node_modules', '.git', 'dist', '.astro', '.cache', 'bench-results', 'test-results']);

/**
 * A copy of the project to build, with a node_modules of its own whose files
 * are hard links to the real packages': fast and small, and, unlike symbolic
 * links, every package is inside the copy, as Astro expects of components
 * shipped in packages (Starlight's).
 */
export async function copyProject(project: BuildProject): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), `bench-${project.name.replace(/\W+/g, '-')}-`));
  for (const entry of await readdir(project.root)) {
    if (skipped.has(entry) || entry.endsWith('.partial')) continue;
    await cp(path.join(project.root, entry), path.join(copy, entry), { recursive: true });
  }
  const modules = path.join(project.root, 'node_modules');
  await mkdir(path.join(copy, 'node_modules'));
  const entries = (await readdir(modules)).filter((entry) => !entry.startsWith('.') || entry === '.bin');
  const linked = spawnSync('cp', [
    '-al',
    ...entries.map((entry) => path.join(modules, entry)),
    path.join(copy, 'node_modules'),
  ]);
  if (linked.status !== 0) throw new Error(`cannot link ${modules} into ${copy}: ${linked.stderr.toString()}`);
  return copy;
}

/**
 * Multiplies every document `scale` times: copy n of `x.md(x)` is `x-n.md(x)`,
 * its title marked with the copy's number so that every page, preview image
 * and search entry is its own. Returns how many documents there are then.
 */
async function multiplyDocuments(copy: string, project: BuildProject, scale: number): Promise<number> {
  let documents = 0;
  for (const folder of project.documentFolders) {
    for (const lang of await readdir(path.join(copy, folder))) {
      const langFolder = path.join(copy, folder, lang);
      for (const file of (await readdir(langFolder)).filter((name) => /\.mdx?$/.test(name))) {
        documents += scale;
        const text = await readFile(path.join(langFolder, file), 'utf8');
        for (let n = 2; n <= scale; n += 1) {
          const marked = text.replace(/^title: *(['"]?)(.*)\1$/m, (_line, quote: string, title: string) => {
            return `title: ${quote}${title} (${n})${quote}`;
          });
          await writeFile(path.join(langFolder, file.replace(/(\.mdx?)$/, `-${n}$1`)), marked);
        }
      }
    }
  }
  return documents;
}

interface Timing {
  ms: number;
  peakKb: number | null;
  cpuMs: number | null;
}

function timedBuild(project: BuildProject, copy: string, [command = '', ...args] = project.command): Timing {
  const withTime = existsSync(gnuTime);
  const started = performance.now();
  const options = { cwd: copy, encoding: 'utf8', env: { ...process.env, ...project.env } } as const;
  const result = withTime
    ? spawnSync(gnuTime, ['-f', 'peak-kb:%M cpu-s:%U+%S', command, ...args], options)
    : spawnSync(command, args, options);
  const ms = performance.now() - started;
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`${project.name}: ${[command, ...args].join(' ')} failed in ${copy}`);
  }
  const measured = /peak-kb:(\d+) cpu-s:([\d.]+)\+([\d.]+)/.exec(result.stderr);
  if (measured === null) return { ms, peakKb: null, cpuMs: null };
  return { ms, peakKb: Number(measured[1]), cpuMs: Math.round((Number(measured[2]) + Number(measured[3])) * 1000) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const medianOrNull = (values: (number | null)[]) =>
  values.some((value) => value === null) ? null : median(values as number[]);

/** Changes one word of the edited document, as an editor would; throws if the word is not there to change. */
export async function editOneWord(root: string, document: string): Promise<void> {
  const file = path.join(root, document);
  const text = await readFile(file, 'utf8');
  if (!text.includes(oneWordEdit.from)) throw new Error(`${file} has no "${oneWordEdit.from}" to change`);
  await writeFile(file, text.replace(oneWordEdit.from, oneWordEdit.to));
}

/**
 * `runs` fresh copies of the project at `scale`, each built three times: cold, then warm, then after the
 * one-word edit (with the editor's own kind of build made once before the edit, where it is not the release).
 */
export async function benchBuild(project: BuildProject, scale: number, runs: number): Promise<BuildFigures> {
  const cold: Timing[] = [];
  const warm: Timing[] = [];
  const rebuild: Timing[] = [];
  let documents = 0;
  for (let run = 0; run < runs; run += 1) {
    const copy = await copyProject(project);
    try {
      documents = await multiplyDocuments(copy, project, scale);
      cold.push(timedBuild(project, copy));
      warm.push(timedBuild(project, copy));
      // An editor rebuilds on the caches of their own last build: where theirs is another kind than the release
      // (a preview marks every page), it is built once, unmeasured, before the word changes.
      if (project.editCommand !== undefined) timedBuild(project, copy, project.editCommand);
      await editOneWord(copy, project.editedDocument);
      rebuild.push(timedBuild(project, copy, project.editCommand));
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }
  const medianMs = (timings: Timing[]) => Math.round(median(timings.map((timing) => timing.ms)));
  return {
    project: project.name,
    scale,
    documents,
    coldMs: medianMs(cold),
    warmMs: medianMs(warm),
    rebuildMs: medianMs(rebuild),
    coldPeakKb: medianOrNull(cold.map((run) => run.peakKb)),
    warmPeakKb: medianOrNull(warm.map((run) => run.peakKb)),
    rebuildPeakKb: medianOrNull(rebuild.map((run) => run.peakKb)),
    coldCpuMs: medianOrNull(cold.map((run) => run.cpuMs)),
    warmCpuMs: medianOrNull(warm.map((run) => run.cpuMs)),
    rebuildCpuMs: medianOrNull(rebuild.map((run) => run.cpuMs)),
    runs,
  };
}

/**
 * What a release build needs in a copy, which has no git history to date it: a date, and an identity with no
 * placeholder (a release refuses one), as tests/e2e/release.spec.ts gives them.
 */
const releaseEnvironment: NodeJS.ProcessEnv = {
  SOURCE_DATE_EPOCH: '1700000000',
  SITE_URL: 'https://record.belarus-unions.org/',
  REPOSITORY_URL: 'https://codeberg.org/belarus-unions/record',
  CONTACT_EMAIL: 'keepers@belarus-unions.org',
  PUBLISHER: 'unnamed',
};

/**
 * This project, or a checkout of an earlier commit of it: a release, as `npm run build -- --release` builds it,
 * and after the edit, `npm run build`, as an editor builds.
 */
export function thisProject(root: string, name = 'this site'): BuildProject {
  return {
    name,
    root,
    command: [process.execPath, 'pipeline/build.ts', '--release'],
    editCommand: [process.execPath, 'pipeline/build.ts'],
    env: releaseEnvironment,
    documentFolders: ['src/content/documents'],
    editedDocument: 'src/content/documents/en/petition-to-the-ilo.mdx',
  };
}

/** Another Astro project, such as the Starlight reference, built with its own `astro build`. */
export function otherProject(folder: string): BuildProject {
  const root = path.resolve(folder);
  const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
  if (!existsSync(astro)) {
    throw new Error(`${root} has no node_modules/astro: install and build it first (see ../shared/anchors/README.md)`);
  }
  return {
    name: path.basename(root),
    root,
    command: [process.execPath, astro, 'build'],
    documentFolders: ['src/content/docs'],
    editedDocument: 'src/content/docs/en/petition.md',
  };
}
