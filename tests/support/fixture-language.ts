/**
 * A language the site does not ship, added to a copy of the project as a volunteer would add it: one line in
 * `src/i18n/locales.ts`, a strings file holding half the interface, and one of the five documents.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The fixture language's code, as its locale line and folders name it: no language of the project itself. */
export const fixtureLanguage: string = 'pl';
/** The one document translated into the fixture language. */
export const fixtureDocument = 'petition-to-the-ilo';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixtureDir = path.join(projectRoot, 'tests/fixtures/partial-language');
const localeLine = `  ${fixtureLanguage}: { name: 'Polski', dateFormat: 'pl', openGraph: 'pl_PL', complete: false },\n`;
/** What never belongs in a copy: git's own folder, installed packages, build output and caches. */
const notProjectFiles = new Set([
  '.git',
  'node_modules',
  'dist',
  '.astro',
  '.cache',
  'test-results',
  'playwright-report',
  'bench-results',
]);

/** The project's own files, as git lists them (tracked, and new files not ignored), or everything but build output outside a clone. */
async function projectFiles(): Promise<string[] | undefined> {
  if (!existsSync(path.join(projectRoot, '.git'))) return undefined;
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: projectRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.split('\0').filter((file) => file && existsSync(path.join(projectRoot, file)));
}

/** Copies the project's own files into `to`, without `.git`, with `node_modules` a link to this checkout's. */
export async function copyProject(to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const files = await projectFiles();
  if (files) {
    for (const file of files) {
      await mkdir(path.dirname(path.join(to, file)), { recursive: true });
      await cp(path.join(projectRoot, file), path.join(to, file), { verbatimSymlinks: true });
    }
  } else {
    await cp(projectRoot, to, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !notProjectFiles.has(path.relative(projectRoot, source).split(path.sep)[0] ?? ''),
    });
  }
  await symlink(path.join(projectRoot, 'node_modules'), path.join(to, 'node_modules'));
}

/** Adds the fixture language to a copy made by `copyProject`: its locale line, its strings, its one document. */
export async function addFixtureLanguage(projectCopy: string): Promise<void> {
  const localesFile = path.join(projectCopy, 'src/i18n/locales.ts');
  const locales = await readFile(localesFile, 'utf8');
  const end = locales.indexOf('} as const satisfies Record<string, LocaleConfig>');
  if (end === -1)
    throw new Error(
      `${localesFile}: no "} as const satisfies Record<string, LocaleConfig>" to add the fixture language before`,
    );
  await writeFile(localesFile, locales.slice(0, end) + localeLine + locales.slice(end));
  await cp(
    path.join(fixtureDir, `${fixtureLanguage}.json`),
    path.join(projectCopy, `src/i18n/strings/${fixtureLanguage}.json`),
  );
  await cp(
    path.join(fixtureDir, 'documents', fixtureLanguage),
    path.join(projectCopy, 'src/content/documents', fixtureLanguage),
    { recursive: true },
  );
}
