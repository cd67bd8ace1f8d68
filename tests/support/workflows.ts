/** The GitHub workflows in deploy/github/, read by GitHub's own parser (@actions/workflow-parser). */
import { readFileSync } from 'node:fs';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

export const workflowFiles = ['pages-mirror.yml', 'pages-build.yml', 'check-mirrors.yml'];

/** The errors GitHub's own workflow parser finds in a workflow file. */
export async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const parseErrors = parsed.context.errors.getErrors().map((error) => error.message);
  if (parsed.value === undefined) return parseErrors.length > 0 ? parseErrors : ['no workflow'];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return [...parseErrors, ...(template.errors ?? []).map((error) => error.Message)];
}

export interface WorkflowStep {
  /** The action it uses, if any. */
  uses: string;
  /** Its command, if any. */
  run: string;
  /** The text of its environment's values. */
  env: string[];
}

/** The steps of each job of deploy/github/`file`, as GitHub reads them; throws if the job-level env is set. */
export async function workflowJobs(file: string): Promise<WorkflowStep[][]> {
  const content = readFileSync(`deploy/github/${file}`, 'utf8');
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  if (parsed.value === undefined) throw new Error(`${file} does not parse`);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return template.jobs.map((job) => {
    if (!('steps' in job)) throw new Error(`${file}: a job without steps`);
    if (job.env !== undefined) throw new Error(`${file}: a job sets env for every step`);
    return job.steps.map((step) => {
      const mapping = 'env' in step ? step.env : undefined;
      const env = Array.from({ length: mapping?.count ?? 0 }, (_, index) => String(mapping?.get(index).value));
      return { uses: 'uses' in step ? String(step.uses) : '', run: 'run' in step ? String(step.run) : '', env };
    });
  });
}
