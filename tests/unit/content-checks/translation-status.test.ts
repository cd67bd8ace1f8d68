/**
 * `npm run translation-status`, run as a volunteer runs it, on a copy of the
 * project without .git (as a source archive holds it) with a language the
 * site does not ship: Polish, holding part of the interface strings and the
 * petition alone.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glossary } from '../../../src/data/glossary';
import en from '../../../src/i18n/strings/en.json' with { type: 'json' };
import pl from '../../fixtures/partial-language/pl.json' with { type: 'json' };
import { addFixtureLanguage, copyProject } from '../../support/fixture-language';

let project: string;
beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'translation-status-'));
  await copyProject(project);
  await addFixtureLanguage(project);
});
afterAll(() => rm(project, { recursive: true, force: true }));

interface Run {
  code: number;
  lines: string[];
  errors: string[];
}

function translationStatus(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['pipeline/translation-status.ts', ...args], { cwd: project }, (error, stdout, stderr) =>
      resolve({
        code: error ? Number(error.code) : 0,
        lines: stdout.split('\n').filter(Boolean),
        errors: stderr.split('\n').filter(Boolean),
      }),
    );
  });
}

/** The petition's out-of-date lines: those of the other documents depend on how up to date their translations are. */
const outOfDate = (lines: string[]) =>
  lines.filter((line) => /^[a-z]+\/petition-to-the-ilo .* out of date$/.test(line));

/** Every dotted key of a strings file, written here apart from the command's own. */
function leafKeys(strings: object, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'object' ? leafKeys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('npm run translation-status', () => {
  it('runs on a copy without .git, and every be and ru translation has its record', async () => {
    expect(existsSync(path.join(project, '.git'))).toBe(false);
    const { code, lines, errors } = await translationStatus();
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(lines.filter((line) => /^(be|ru)\/.*no record/.test(line))).toEqual([]);
    expect(lines).toContain('be/petition-to-the-ilo reviewed 2026-12-07');
  });

  it('says how it is used, with --help', async () => {
    expect(await translationStatus('--help')).toEqual({
      code: 0,
      lines: ['usage: npm run translation-status -- [--mark-checked {lang}/{slug}]'],
      errors: [],
    });
  });

  it('names the documents, pages, interface strings and glossary forms the partial language lacks', async () => {
    const { code, lines } = await translationStatus();
    expect(code).toBe(0);
    const missingStrings = leafKeys(en).filter((key) => !leafKeys(pl).includes(key));
    expect(lines).toContain(
      `pl (Polski): 1 of 5 documents, 0 of 4 pages, ${leafKeys(en).length - missingStrings.length} of ${leafKeys(en).length} interface strings, 0 of ${glossary.length} glossary forms`,
    );
    expect(lines).toContain(
      'pl: missing documents: congress-resolution-on-belarus, ilo-urges-belarus, industriall-letter-to-the-ilo, ituc-letter-to-the-ambassador',
    );
    expect(lines).toContain('pl: missing pages: about, introduction, mirrors, project');

    const prefix = 'pl: missing interface strings in src/i18n/strings/pl.json: ';
    const named =
      lines
        .find((line) => line.startsWith(prefix))
        ?.slice(prefix.length)
        .split(', ') ?? [];
    const covers = (name: string, key: string) =>
      name === key || (name.endsWith('.*') && key.startsWith(name.slice(0, -1)));
    expect(missingStrings.length).toBeGreaterThan(0);
    for (const key of missingStrings)
      expect(
        named.some((name) => covers(name, key)),
        key,
      ).toBe(true);
    for (const key of leafKeys(pl))
      expect(
        named.some((name) => covers(name, key)),
        key,
      ).toBe(false);

    expect(lines).toContain(
      `pl: missing glossary forms in src/data/glossary.ts: ${glossary.map((entry) => entry.en).join(', ')}`,
    );
    expect(lines).toContain('pl/petition-to-the-ilo reviewed 2026-12-07');
    expect(lines).toContain(
      'pl/petition-to-the-ilo: no record of what it was translated from (src/data/translated-from/pl/petition-to-the-ilo.json): once it matches src/content/documents/en/petition-to-the-ilo.mdx, run npm run translation-status -- --mark-checked pl/petition-to-the-ilo',
    );
  });

  it('says a translation is not reviewed while it has no review date, which the build requires before publishing it', async () => {
    const translation = path.join(project, 'src/content/documents/pl/petition-to-the-ilo.mdx');
    const reviewed = await readFile(translation, 'utf8');
    await writeFile(translation, reviewed.replace(/^ {2}translationReviewed: .*\n/m, ''));
    try {
      const { code, lines } = await translationStatus();
      expect(code).toBe(0);
      expect(lines).toContain('pl/petition-to-the-ilo not reviewed');
      expect(lines).not.toContain('pl/petition-to-the-ilo reviewed 2026-12-07');
    } finally {
      await writeFile(translation, reviewed);
    }
  });

  it('names ¶ 2 of the petition out of date in be, ru and pl when one word of the English ¶ 2 changes; --mark-checked clears one', async () => {
    const marked = await translationStatus('--mark-checked', 'pl/petition-to-the-ilo');
    expect(marked).toEqual({
      code: 0,
      lines: [
        'src/data/translated-from/pl/petition-to-the-ilo.json: pl/petition-to-the-ilo checked against src/content/documents/en/petition-to-the-ilo.mdx (18 paragraphs)',
      ],
      errors: [],
    });
    // Every translation of the petition up to date, whatever its committed record says.
    for (const lang of ['be', 'ru'])
      expect((await translationStatus('--mark-checked', `${lang}/petition-to-the-ilo`)).code).toBe(0);
    expect(outOfDate((await translationStatus()).lines)).toEqual([]);

    const original = path.join(project, 'src/content/documents/en/petition-to-the-ilo.mdx');
    const text = await readFile(original, 'utf8');
    const edited = text.replace(
      'We, the citizens of The Republic of Belarus, are asking',
      'We, the citizens of The Republic of Belarus, are begging',
    );
    expect(edited).not.toBe(text);
    await writeFile(original, edited);

    const changed = await translationStatus();
    expect(changed.code).toBe(0);
    expect(outOfDate(changed.lines)).toEqual([
      'be/petition-to-the-ilo ¶ 2 (p-2) out of date',
      'ru/petition-to-the-ilo ¶ 2 (p-2) out of date',
      'pl/petition-to-the-ilo ¶ 2 (p-2) out of date',
    ]);

    expect((await translationStatus('--mark-checked', 'ru/petition-to-the-ilo')).code).toBe(0);
    expect(outOfDate((await translationStatus()).lines)).toEqual([
      'be/petition-to-the-ilo ¶ 2 (p-2) out of date',
      'pl/petition-to-the-ilo ¶ 2 (p-2) out of date',
    ]);

    await writeFile(original, text);
    expect(outOfDate((await translationStatus()).lines)).toEqual(['ru/petition-to-the-ilo ¶ 2 (p-2) out of date']);
    await translationStatus('--mark-checked', 'ru/petition-to-the-ilo');
  });

  it.each([
    [
      'an unknown language',
      ['--mark-checked', 'de/petition-to-the-ilo'],
      /^src\/i18n\/locales\.ts: has no language "de"/,
    ],
    [
      'an unknown slug',
      ['--mark-checked', 'pl/petition'],
      /^src\/content\/documents\/\*\/petition\.mdx, .*no document or page "petition"/,
    ],
    [
      'a translation not yet made',
      ['--mark-checked', 'pl/ilo-urges-belarus'],
      /^src\/content\/documents\/pl\/ilo-urges-belarus\.mdx: does not exist: translate src\/content\/documents\/en\/ilo-urges-belarus\.mdx/,
    ],
    [
      'an original',
      ['--mark-checked', 'en/petition-to-the-ilo'],
      /^src\/content\/documents\/en\/petition-to-the-ilo\.mdx: is the original/,
    ],
    ['no {lang}/{slug}', ['--mark-checked', 'petition-to-the-ilo'], /^"petition-to-the-ilo" is not \{lang\}\/\{slug\}/],
    ['an unknown option', ['--marked'], /^usage: npm run translation-status --/],
  ])('refuses %s in one line, with exit status 2', async (_, args, line) => {
    const { code, lines, errors } = await translationStatus(...args);
    expect(code).toBe(2);
    expect(lines).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(line);
  });

  it.each([
    ['not JSON', '{"original": ', /: is not valid JSON .*--mark-checked ru\/about$/],
    [
      'a record of another original',
      '{"original": "src/content/pages/en/project.mdx", "paragraphs": {}}',
      /: records "src\/content\/pages\/en\/project\.mdx" as the original, but ru\/about's original is src\/content\/pages\/en\/about\.mdx/,
    ],
    [
      'paragraphs out of order',
      '{"original": "src/content/pages/en/about.mdx", "paragraphs": {"p-2": "0123456789abcdef"}}',
      /: "paragraphs" must map p-1, p-2… in order/,
    ],
  ])(
    'refuses a record that is %s, naming its file, with exit status 2; --mark-checked writes it again',
    async (_, contents, problem) => {
      const file = path.join(project, 'src/data/translated-from/ru/about.json');
      const committed = await readFile(file, 'utf8');
      await writeFile(file, contents);
      const { code, lines, errors } = await translationStatus();
      expect(code).toBe(2);
      expect(lines).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^src\/data\/translated-from\/ru\/about\.json: /);
      expect(errors[0]).toMatch(problem);

      expect((await translationStatus('--mark-checked', 'ru/about')).code).toBe(0);
      expect(await readFile(file, 'utf8')).toBe(committed);
    },
  );

  it('refuses a strings file that is not JSON, naming it', async () => {
    const strings = path.join(project, 'src/i18n/strings/pl.json');
    const committed = await readFile(strings, 'utf8');
    await writeFile(strings, committed.replace(/,\n/, '\n'));
    const { code, lines, errors } = await translationStatus();
    await writeFile(strings, committed);
    expect(code).toBe(2);
    expect(lines).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^src\/i18n\/strings\/pl\.json: is not valid JSON \(.*\): correct it in a text editor \(a comma or quote out of place\)$/,
    );
  });

  it('refuses a record of no translation, naming it', async () => {
    const stray = path.join(project, 'src/data/translated-from/pl/about.json');
    await mkdir(path.dirname(stray), { recursive: true });
    await writeFile(stray, '{}\n');
    const { code, errors } = await translationStatus();
    await rm(stray);
    expect(code).toBe(2);
    expect(errors).toEqual([
      'src/data/translated-from/pl/about.json: records no translation of the site (no such language, document or page): delete it, or restore the translation it belongs to',
    ]);
  });

  it('refuses to mark checked a translation whose paragraphs are not the original’s one for one', async () => {
    const translation = path.join(project, 'src/content/documents/pl/petition-to-the-ilo.mdx');
    const text = await readFile(translation, 'utf8');
    await writeFile(translation, `${text}\nJeden akapit za dużo.\n`);
    const { code, errors } = await translationStatus('--mark-checked', 'pl/petition-to-the-ilo');
    await writeFile(translation, text);
    expect(code).toBe(2);
    expect(errors).toEqual([
      "src/content/documents/pl/petition-to-the-ilo.mdx: has 19 paragraphs, its original src/content/documents/en/petition-to-the-ilo.mdx has 18: keep the original's paragraphs one for one, then mark it checked",
    ]);
  });
});
