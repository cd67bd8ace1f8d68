/**
 * Where the verifier comes from, in the commands volunteers paste and the workflows they copy: the main
 * address, or the archive once minisign has checked its signature; never the copy being checked, for an
 * altered copy would bring a verifier that approves it. And the guide explains every verdict of verdicts.ts,
 * with its exit status, in every language.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verdicts } from '../../../pipeline/mirror-tools/verdicts.ts';
import { pageLanguages } from '../../support/content.ts';
import { workflowErrors, workflowFiles, workflowJobs } from '../../support/workflows.ts';

/** The languages the guide is written in: each complete one, and a partial one once translated. */
const guideLanguages = pageLanguages('mirrors');
const guide = (lang: string) => readFileSync(`src/content/pages/${lang}/mirrors.mdx`, 'utf8');

/** The guide's shell code blocks, each as its text. */
function shellBlocks(mdx: string): string[] {
  return [...mdx.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
}

/** Each simple command of some shell text: continued lines joined, split at `&&`, `||`, `;` and newlines. */
function commands(text: string): string[][] {
  return text
    .replaceAll(/\\\n/g, ' ')
    .split(/\n|&&|\|\||;/)
    .map((command) => command.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0);
}

/**
 * What is wrong with where `text` takes the verifier from: it may run only `verify.mjs` in the working folder,
 * which it downloads from the main address (`MAIN`), copies from the working folder, or takes out of an archive
 * whose signature minisign has checked first, in the same command line. `npm run verify` runs the project's own
 * source, not a file of any copy.
 */
function verifierProblems(text: string): string[] {
  const problems: string[] = [];
  const lines = text.replaceAll(/\\\n/g, ' ').split('\n');
  for (const line of lines) {
    for (const words of commands(line)) {
      const command = words.join(' ');
      const verifiers = words.filter((word) => /verify\.mjs$/.test(word));
      if (verifiers.length === 0) continue;
      if (words[0] === 'node' && words[1] !== 'verify.mjs') problems.push(`runs a verifier of a copy: ${command}`);
      if (words[0] === 'curl' && !verifiers.every((url) => url.startsWith('MAIN/'))) {
        problems.push(`downloads the verifier from elsewhere than the main address: ${command}`);
      }
      if (words[0] === 'cp' && verifiers.some((source) => source !== 'verify.mjs')) {
        problems.push(`copies the verifier out of a copy: ${command}`);
      }
      if (words[0] === 'unzip') {
        const archive = words.find((word) => word.endsWith('.zip'));
        if (archive === undefined || !line.startsWith(`minisign -Vm ${archive} `) || !line.includes(' && unzip ')) {
          problems.push(`takes the verifier out of an archive whose signature it has not checked: ${command}`);
        }
      }
    }
  }
  return problems;
}

describe('the guide for mirrors', () => {
  it('has the same commands in every language', () => {
    const [first = 'en', ...others] = guideLanguages;
    for (const lang of others) expect(shellBlocks(guide(lang)), lang).toEqual(shellBlocks(guide(first)));
  });

  it.each(guideLanguages)('in %s never runs the verifier from the copy it checks', (lang) => {
    const blocks = shellBlocks(guide(lang));
    const all = blocks.join('\n');
    expect(blocks.flatMap(verifierProblems)).toEqual([]);
    expect(all).not.toContain('site/downloads/verify.mjs');
    // The verifier the commands run is downloaded from the main address, and run on the copy and the mirror.
    expect(all).toContain('curl -fO MAIN/downloads/verify.mjs');
    expect(all).toContain('node verify.mjs site');
    expect(all).toContain('node verify.mjs https://');
  });

  it('finds the ways a verifier could come from the copy it checks', () => {
    expect(
      verifierProblems(
        [
          'node site/downloads/verify.mjs site',
          'curl -fO SITE/downloads/verify.mjs',
          'mkdir mirror && cp site/downloads/verify.mjs minisign.pub mirror/',
          'unzip -p belarus-unions-record.zip downloads/verify.mjs > verify.mjs',
          'minisign -Vm other.zip -p minisign.pub && unzip -p belarus-unions-record.zip downloads/verify.mjs > verify.mjs',
        ].join('\n'),
      ),
    ).toHaveLength(5);
    expect(
      verifierProblems(
        'curl -fO MAIN/downloads/verify.mjs\nnode verify.mjs site\n' +
          'minisign -Vm a.zip -p minisign.pub && unzip -p a.zip downloads/verify.mjs > verify.mjs',
      ),
    ).toEqual([]);
  });

  it.each(guideLanguages)('in %s explains every verdict of verify, with its exit status', (lang) => {
    const explained = [...guide(lang).matchAll(/^- `([A-Z ]+)` \((\d+)\): \S/gm)].map(([, word, code]) => ({
      word,
      code: Number(code),
    }));
    // In the order of precedence the guide states, OK last, since it applies only when no other does.
    const inOrder = [...verdicts.filter(({ code }) => code !== 0), ...verdicts.filter(({ code }) => code === 0)];
    expect(explained).toEqual(inOrder.map(({ word, code }) => ({ word, code })));
  });
});

describe('the GitHub workflows in deploy/github/', () => {
  it.each(workflowFiles)('%s is valid, and never runs a verifier from the folder it checks', async (file) => {
    expect(await workflowErrors(file, readFileSync(`deploy/github/${file}`, 'utf8'))).toEqual([]);
    for (const steps of await workflowJobs(file)) {
      expect(steps.flatMap((step) => verifierProblems(step.run))).toEqual([]);
      // Whatever it publishes, it checks first.
      const publishes = steps.findIndex((step) => step.uses.startsWith('actions/upload-pages-artifact@'));
      const checks = steps.findIndex((step) => /^node verify\.mjs |^npm run verify -- /m.test(step.run));
      if (publishes >= 0) expect(checks).toBeGreaterThanOrEqual(0);
      if (publishes >= 0) expect(checks).toBeLessThan(publishes);
    }
  });
});
