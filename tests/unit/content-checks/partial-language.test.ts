/**
 * The checks with a partial language added to a copy of the project (tests/support/fixture-language.ts): the
 * content check takes its one document and still requires every document of a complete language, and every
 * check of a translation (structure, paragraph parity, numbers, glossary forms it has, the side-by-side
 * pairing) runs on its translation too, and fails on a fault in it. Run in the copy, whose locales hold it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFixtureLanguage, copyProject, fixtureDocument, fixtureLanguage } from '../../support/fixture-language';

const run = promisify(execFile);
/** The tests of a translation against its original. */
const translationChecks = [
  'tests/unit/content-parity.test.ts',
  'tests/unit/paragraph-ids.test.ts',
  'tests/unit/side-by-side.test.ts',
  'tests/unit/glossary.test.ts',
];
const translation = `src/content/documents/${fixtureLanguage}/${fixtureDocument}.mdx`;

const stringsCheck = 'tests/unit/ui-strings.test.ts';
/** A test in the copy that writes the content check's problems, as its build would list them, to a file. */
const lister = 'tests/unit/list-content-problems.test.ts';

let project: string;
/** The copy's checks as the fixture language comes: the content check, the strings' and the translations'. */
let clean: { passed: string[]; failed: string[] };

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'partial-language-checks-'));
  await copyProject(project);
  await addFixtureLanguage(project);
  await writeFile(
    path.join(project, lister),
    `import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { checkContent } from '../../pipeline/content-checks/content-check';
it('lists', async () => {
  const problems = await checkContent('src/content');
  writeFileSync('problems.json', JSON.stringify(problems.map(({ file, problem }) => file + ': ' + problem)));
});
`,
  );
  clean = await vitestIn([lister, stringsCheck, ...translationChecks]);
}, 180_000);
afterAll(() => rm(project, { recursive: true, force: true }));

/** Vitest run in the copy on `files`: every test's name, and the failures' messages. */
async function vitestIn(files: string[]): Promise<{ passed: string[]; failed: string[] }> {
  const reportFile = path.join(project, 'report.json');
  await run(
    process.execPath,
    [
      path.join(project, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--reporter=json',
      `--outputFile=${reportFile}`,
      ...files,
    ],
    { cwd: project, maxBuffer: 64 * 1024 * 1024 },
  ).catch(() => undefined);
  const report = JSON.parse(await readFile(reportFile, 'utf8')) as VitestReport;
  const tests = report.testResults.flatMap(({ assertionResults }) => assertionResults);
  return {
    passed: tests.filter(({ status }) => status === 'passed').map(({ fullName }) => fullName),
    // A file that fails to load has no tests, and its message alone.
    failed: [
      ...report.testResults.flatMap(({ message }) => (message ? [message] : [])),
      ...tests.filter(({ status }) => status === 'failed').flatMap(({ failureMessages }) => failureMessages),
    ],
  };
}

interface VitestReport {
  testResults: {
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

/** The content check's problems, as the last run of the lister wrote them. */
const listedProblems = async () => JSON.parse(await readFile(path.join(project, 'problems.json'), 'utf8')) as string[];

describe('a partial language', { timeout: 180_000 }, () => {
  it('may have one document; a complete language must still have every one', async () => {
    expect(clean.failed).toEqual([]);
    expect(await listedProblems()).toEqual([]);
    const belarusian = path.join(project, 'src/content/documents/be/ilo-urges-belarus.mdx');
    const text = await readFile(belarusian, 'utf8');
    await rm(belarusian);
    try {
      await vitestIn([lister]);
      expect(await listedProblems()).toContain(
        'src/content/documents/be/ilo-urges-belarus.mdx: is missing: "ilo-urges-belarus" exists in ru, en but not in be',
      );
    } finally {
      await writeFile(belarusian, text);
    }
  });

  it('may lack interface strings, but not have one en.json does not', async () => {
    const strings = path.join(project, `src/i18n/strings/${fixtureLanguage}.json`);
    const text = await readFile(strings, 'utf8');
    expect(clean.passed.filter((name) => name.startsWith('interface strings')).length).toBeGreaterThan(3);
    await writeFile(strings, JSON.stringify({ ...(JSON.parse(text) as object), sight: { title: 'Białoruś' } }));
    try {
      expect((await vitestIn([stringsCheck])).failed.join('\n')).toContain(
        `src/i18n/strings/${fixtureLanguage}.json does not match en.json: unknown sight.title;`,
      );
    } finally {
      await writeFile(strings, text);
    }
  });

  it('has every check of a translation run on its translation, which fails on a fault in it', async () => {
    expect(clean.failed).toEqual([]);
    const onFixture = clean.passed.filter(
      (name) => name.includes(fixtureDocument) && name.includes(` ${fixtureLanguage}`),
    );
    // Structure, numbers and front matter; paragraph ids; glossary forms; the side-by-side pairing.
    expect(onFixture.length).toBeGreaterThanOrEqual(4);

    const file = path.join(project, translation);
    const text = await readFile(file, 'utf8');
    // A paragraph lost, and a year changed: parity, paragraph ids, numbers and the side-by-side pairing all see it.
    const [frontMatter, body = ''] = text.split(/\n---\n/);
    const paragraphs = body.split('\n\n');
    paragraphs.splice(2, 1);
    await writeFile(file, `${frontMatter}\n---\n${paragraphs.join('\n\n').replace('2020', '2019')}`);
    try {
      const broken = await vitestIn(translationChecks);
      const messages = broken.failed.join('\n');
      expect(broken.failed.length).toBeGreaterThanOrEqual(3);
      expect(messages).toContain(translation);
    } finally {
      await writeFile(file, text);
    }
  });
});
