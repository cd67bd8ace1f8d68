/**
 * A language the site does not ship, added to a copy of the project as a
 * volunteer would add it: its line in src/i18n/locales.ts, a strings file
 * holding part of the interface, and one translated document (the petition).
 * The fixture's files are in tests/fixtures/partial-language/.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixtureDir = path.join(projectRoot, 'tests/fixtures/partial-language');

/** What a checkout holds that is not the project's own: git's data, installed packages, builds and caches. */
const notTheProject = new Set([
  '.git',
  'node_modules',
  'dist',
  '.astro',
  '.cache',
  'test-results',
  'playwright-report',
  'bench-results',
]);

/** The project's files, relative to its root: what git tracks or would (untracked, not ignored), or else every file. */
async function projectFiles(): Promise<string[]> {
  try {
    const { stdout } = await promisify(execFile)(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 },
    );
    // A file deleted but not yet staged is still listed.
    return stdout.split('\0').filter((file) => file !== '' && existsSync(path.join(projectRoot, file)));
  } catch {
    const entries = await readdir(projectRoot, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)))
      .filter((file) => !notTheProject.has(file.split(path.sep)[0] ?? '') && !file.startsWith('.ci/node/'));
  }
}

/**
 * Copies the project's files into `to`, without `.git`, as a source archive
 * holds them; `node_modules` is a link to this checkout's.
 */
export async function copyProject(to: string): Promise<void> {
  for (const file of await projectFiles()) {
    await cp(path.join(projectRoot, file), path.join(to, file), { preserveTimestamps: true });
  }
  await symlink(path.join(projectRoot, 'node_modules'), path.join(to, 'node_modules'));
}

/** The locale line a volunteer adds for a language translated one document at a time. */
const fixtureLocale = "  pl: { name: 'Polski', dateFormat: 'pl', openGraph: 'pl_PL', complete: false },\n";

/** Adds the fixture language (Polish, `pl`) to a copy made by `copyProject`. */
export async function addFixtureLanguage(projectCopy: string): Promise<void> {
  const localesFile = path.join(projectCopy, 'src/i18n/locales.ts');
  const locales = await readFile(localesFile, 'utf8');
  const end = '} as const satisfies Record<string, LocaleConfig>;';
  if (!locales.includes(end)) throw new Error(`src/i18n/locales.ts no longer ends its list with "${end}"`);
  await writeFile(localesFile, locales.replace(end, `${fixtureLocale}${end}`));
  await cp(path.join(fixtureDir, 'pl.json'), path.join(projectCopy, 'src/i18n/strings/pl.json'));
  const documents = path.join(projectCopy, 'src/content/documents/pl');
  await mkdir(documents, { recursive: true });
  await cp(
    path.join(fixtureDir, 'documents/pl/petition-to-the-ilo.mdx'),
    path.join(documents, 'petition-to-the-ilo.mdx'),
  );
}
