/**
 * The checks with a partial language added to a copy of the project (tests/support/fixture-language.ts): the
 * content check takes its one document and still requires every document of a complete language, and every
 * check of a translation (structure, paragraph parity, numbers, glossary forms it has, the side-by-side
 * pairing) runs on its translation too, and fails on a fault in it. Run in the copy, whose locales hold it.
 * So do the type check and every unit test that goes through the languages: a volunteer's pull request that
 * adds a language is green.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
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

/**
 * The unit tests that go through the site's languages, or the languages a document or page is written in: found
 * by what they use, so that a new one is included. Not the preview images' (9 s of drawing, for fonts that the
 * fixture's letters do not test), nor the tests that make copies of their own.
 */
const languageTests = readdirSync('tests/unit', { recursive: true, encoding: 'utf8' })
  .map((file) => path.join('tests/unit', file))
  .filter((file) => file.endsWith('.test.ts') && file !== 'tests/unit/render/preview-image.test.ts')
  .filter((file) => {
    const source = readFileSync(file, 'utf8');
    const goesThroughLanguages = /\b(localeCodes|completeLocaleCodes|documentsIn|pageLanguages|paradigms)\b/;
    return goesThroughLanguages.test(source) && !source.includes('support/fixture-language');
  });
/** A test in the copy that writes the content check's problems, as its build would list them, to a file. */
const lister = 'tests/unit/list-content-problems.test.ts';

let project: string;
/** The copy's checks as the fixture language comes: the content check, the strings', the translations', the languages'. */
let clean: { passed: string[]; failed: string[] };
/** The copy's `npm run check`, as the fixture language comes: its exit status and output. */
let typeCheck: { code: number; output: string };

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
  [clean, typeCheck] = await Promise.all([
    vitestIn([...new Set([lister, stringsCheck, ...translationChecks, ...languageTests])]),
    checkTypes(),
  ]);
}, 180_000);

/** `astro check`, as `npm run check` runs it, in the copy. */
async function checkTypes(): Promise<{ code: number; output: string }> {
  const astro = path.join(project, 'node_modules/astro/bin/astro.mjs');
  try {
    const { stdout, stderr } = await run(process.execPath, [astro, 'check', '--minimumSeverity', 'warning'], {
      cwd: project,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
}
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
  it('passes the type check: complete languages are typed required, and nothing requires a value in it', () => {
    // Each error as astro check names it: file:line:column - error ts(code): message.
    const errors = stripVTControlCharacters(typeCheck.output)
      .split('\n')
      .filter((line) => / - (error|warning) ts\(\d+\)/.test(line));
    expect(errors).toEqual([]);
    expect(typeCheck.output).toContain('0 errors');
    expect(typeCheck.code).toBe(0);
  });

  it('passes every unit test that goes through the languages', () => {
    expect(languageTests).toContain('tests/unit/word-stems.test.ts');
    expect(clean.failed).toEqual([]);
    // Each ran, with the fixture language among those it went through.
    const namesFixture = new RegExp(`\\b${fixtureLanguage}\\b`);
    expect(clean.passed.filter((name) => namesFixture.test(name)).length).toBeGreaterThan(10);
  });

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
