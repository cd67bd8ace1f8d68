import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { caddyfile, generatedHostConfigs, nginxInclude } from '../../../pipeline/release/host-configs.ts';
import { headersFile, securityHeaders } from '../../../pipeline/after-render/security-headers.ts';
import { readIdentity } from '../../../src/lib/identity.ts';
import { workflowErrors, workflowFiles, workflowJobs } from '../../support/workflows.ts';

const onion = `${'b'.repeat(55)}d.onion`;

describe('the host configurations in deploy/', () => {
  it('are what pipeline/release/host-configs.ts generates (npm run deploy-configs)', () => {
    for (const [file, contents] of Object.entries(generatedHostConfigs(readIdentity({})))) {
      expect(readFileSync(`deploy/${file}`, 'utf8'), `deploy/${file}`).toBe(contents);
    }
  });

  it('send every security header that _headers sends, in nginx and in Caddy', () => {
    const nginx = nginxInclude(readIdentity({}));
    const caddy = caddyfile(readIdentity({}));
    for (const [name, value] of Object.entries(securityHeaders)) {
      expect(nginx).toContain(`add_header ${name} ${JSON.stringify(value)} always;`);
      expect(caddy).toContain(`${name} ${JSON.stringify(value)}`);
      expect(headersFile()).toContain(`  ${name}: ${value}\n`);
    }
  });

  it('name the onion service when one is configured, and only then', () => {
    const withOnion = readIdentity({ ONION_ADDRESS: onion });
    expect(caddyfile(withOnion)).toContain(`header Onion-Location "http://${onion}{http.request.uri}"`);
    expect(nginxInclude(withOnion)).toContain(`http://${onion}$request_uri`);
    expect(caddyfile(readIdentity({}))).not.toContain('Onion-Location');
    expect(nginxInclude(readIdentity({}))).not.toContain('Onion-Location');
  });
});

describe('the GitHub workflows in deploy/github/', () => {
  const workflows = workflowFiles;

  it.each(workflows)('%s passes GitHub’s own workflow parser', async (file) => {
    expect(await workflowErrors(file, readFileSync(`deploy/github/${file}`, 'utf8'))).toEqual([]);
  });

  it('the parser does find errors in a broken workflow', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n';
    expect((await workflowErrors('broken.yml', broken)).length).toBeGreaterThan(0);
  });

  /** Each step of the workflow's first job as GitHub reads it: its command, and the text of its environment's values. */
  async function workflowSteps(file: string): Promise<{ run: string; env: string[] }[]> {
    const [job] = await workflowJobs(file);
    if (job === undefined) throw new Error(`${file} has no job`);
    return job;
  }

  it('pages-build.yml builds with no secret, then writes the key in the signing step alone, and deletes it', async () => {
    const steps = await workflowSteps('pages-build.yml');
    const build = steps.findIndex((step) => /\bnpm run build\b/.test(step.run));
    const sign = steps.findIndex((step) => /\bnpm run sign\b/.test(step.run));
    expect(steps[build]?.run).toBe('npm run build -- --release');
    expect(sign).toBeGreaterThan(build);
    // The only step that sees a secret, or names the key file, is the signing step, after the build.
    const seesSecret = (step: { run: string; env: string[] }) =>
      [step.run, ...step.env].some((text) => /\bsecrets\./.test(text));
    expect(steps.flatMap((step, index) => (seesSecret(step) ? [index] : []))).toEqual([sign]);
    expect(steps.flatMap((step, index) => (/release\.key/.test(step.run) ? [index] : []))).toEqual([sign]);
    const signing = steps[sign]?.run ?? '';
    expect(signing).not.toMatch(/\bnpm run (build|start|dev)\b/);
    // Deleted on every way out of the step, so set up before the key is written.
    const deletes = signing.indexOf(`trap 'rm -f "$RUNNER_TEMP/release.key"' EXIT`);
    expect(deletes).toBeGreaterThanOrEqual(0);
    expect(deletes).toBeLessThan(signing.indexOf('> "$RUNNER_TEMP/release.key"'));
  });

  it.each(workflows)(
    '%s uses each action at a released major version and asks for no more permission than it needs',
    (file) => {
      const workflow = parse(readFileSync(`deploy/github/${file}`, 'utf8')) as {
        permissions: Record<string, string>;
        jobs: Record<string, { steps?: { uses?: string }[] }>;
      };
      const uses = Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).flatMap((step) => step.uses ?? []));
      for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
      expect(workflow.permissions['contents']).toBe('read');
      const publishes = uses.some((action) => action.startsWith('actions/deploy-pages@'));
      expect(Object.keys(workflow.permissions).sort()).toEqual(
        publishes ? ['contents', 'id-token', 'pages'] : ['contents'],
      );
    },
  );
});
