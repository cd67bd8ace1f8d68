import { readFileSync } from 'node:fs';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { caddyfile, generatedHostConfigs, nginxInclude } from '../../../scripts/build/host-configs.ts';
import { headersFile, securityHeaders } from '../../../scripts/build/security-headers.ts';
import { readIdentity } from '../../../src/lib/identity.ts';

const onion = `${'b'.repeat(55)}d.onion`;

describe('the host configurations in deploy/', () => {
  it('are what scripts/build/host-configs.ts generates (npm run deploy-configs)', () => {
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

/** The errors GitHub's own workflow parser finds in a workflow file. */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const parseErrors = parsed.context.errors.getErrors().map((error) => error.message);
  if (parsed.value === undefined) return parseErrors.length > 0 ? parseErrors : ['no workflow'];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return [...parseErrors, ...(template.errors ?? []).map((error) => error.Message)];
}

describe('the GitHub workflows in deploy/github/', () => {
  const workflows = ['pages-mirror.yml', 'pages-build.yml', 'check-mirrors.yml'];

  it.each(workflows)('%s passes GitHub’s own workflow parser', async (file) => {
    expect(await workflowErrors(file, readFileSync(`deploy/github/${file}`, 'utf8'))).toEqual([]);
  });

  it('the parser does find errors in a broken workflow', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n';
    expect((await workflowErrors('broken.yml', broken)).length).toBeGreaterThan(0);
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
