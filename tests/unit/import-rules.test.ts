import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { pipelineStages } from '../../.dependency-cruiser.mjs';

const run = promisify(execFile);
const depcruise = path.resolve('node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

/** A project with the repository's import rules and these files, each `[path, its imports]`. */
async function violationsIn(files: [string, string[]][]): Promise<string[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'import-rules-'));
  try {
    await copyFile('.dependency-cruiser.mjs', path.join(root, '.dependency-cruiser.mjs'));
    await writeFile(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "allowImportingTsExtensions": true } }');
    for (const [file, imports] of files) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      const lines = imports.map((target, index) => `import * as m${index} from '${target}';`);
      await writeFile(
        path.join(root, file),
        `${lines.join('\n')}\nexport const used = [${imports.map((_, i) => `m${i}`).join(', ')}];\n`,
      );
    }
    const { stdout } = await run(
      process.execPath,
      [
        depcruise,
        '--config',
        '.dependency-cruiser.mjs',
        '--output-type',
        'json',
        '--no-progress',
        // The top folders the files are in: dependency-cruiser stops on a folder that does not exist.
        ...new Set(files.map(([file]) => file.split('/')[0] ?? '')),
      ],
      { cwd: root },
    ).catch((error: { stdout: string }) => error);
    const { summary } = JSON.parse(stdout) as {
      summary: { violations: { rule: { name: string }; from: string; to: string }[] };
    };
    return summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`).sort();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('the import rules (.dependency-cruiser.mjs, run by npm run lint)', () => {
  it('allow a stage to use the site and the stages before it', async () => {
    expect(
      await violationsIn([
        ['src/lib/routes.ts', []],
        ['pipeline/after-render/links.ts', ['../../src/lib/routes.ts']],
        ['pipeline/release/sign.ts', ['../after-render/links.ts']],
        ['pipeline/build.ts', ['./release/sign.ts']],
      ]),
    ).toEqual([]);
  });

  it('refuse the site importing build code, a stage importing a command, lib importing a component, a cycle, an import of a test, and one that names no file', async () => {
    expect(
      await violationsIn([
        ['src/pages/sitemap.xml.ts', ['../../pipeline/release/sign.ts']],
        ['pipeline/release/sign.ts', []],
        ['pipeline/mirror-tools/verify.ts', ['../build.ts', '../../tests/support/fixture.ts']],
        ['pipeline/build.ts', ['./nowhere.ts']],
        ['tests/support/fixture.ts', []],
        ['src/lib/a.ts', ['./b.ts']],
        ['src/lib/b.ts', ['./a.ts', '../components/site-pages.ts']],
        ['src/components/site-pages.ts', []],
      ]),
    ).toEqual([
      'lib-uses-no-components: src/lib/b.ts → src/components/site-pages.ts',
      'no-circular: src/lib/a.ts → src/lib/b.ts',
      'not-to-unresolvable: pipeline/build.ts → ./nowhere.ts',
      'shipped-code-uses-no-tests: pipeline/mirror-tools/verify.ts → tests/support/fixture.ts',
      'site-uses-no-pipeline-code: src/pages/sitemap.xml.ts → pipeline/release/sign.ts',
      'stages-use-no-commands: pipeline/mirror-tools/verify.ts → pipeline/build.ts',
    ]);
  });

  it('refuse each stage importing the stage after it', async () => {
    const files = pipelineStages.map((stage, index): [string, string[]] => {
      const next = pipelineStages[index + 1];
      return [`pipeline/${stage}/step.ts`, next === undefined ? [] : [`../${next}/step.ts`]];
    });
    expect(await violationsIn(files)).toEqual(
      pipelineStages
        .slice(0, -1)
        .map(
          (stage, index) =>
            `${stage}-uses-no-later-stage: pipeline/${stage}/step.ts → pipeline/${pipelineStages[index + 1]}/step.ts`,
        )
        .sort(),
    );
  });

  it('name every folder of pipeline/ in the order the build runs them', () => {
    const folders = readdirSync('pipeline', { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map(({ name }) => name).sort()).toEqual([...pipelineStages].sort());
  });
});

describe('the ESLint rule for what dependency-cruiser cannot read', () => {
  const eslint = new ESLint();

  it('refuses an .astro file of src/ importing from pipeline/, and allows one importing from src/', async () => {
    const lint = async (specifier: string) => {
      const [result] = await eslint.lintText(`---\nimport { x } from '${specifier}';\n---\n<p>{x}</p>\n`, {
        filePath: 'src/pages/probe.astro',
      });
      return result?.messages.map(({ ruleId }) => ruleId) ?? [];
    };
    expect(await lint('../../pipeline/release/sign.ts')).toEqual(['no-restricted-imports']);
    expect(await lint('../lib/routes')).toEqual([]);
  });
});
