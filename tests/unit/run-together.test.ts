import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const runTogether = path.resolve('pipeline/run-together.ts');
const project = mkdtempSync(path.join(tmpdir(), 'run-together-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));
writeFileSync(
  path.join(project, 'package.json'),
  JSON.stringify({
    scripts: {
      // The slow one starts first and ends last: its lines must still come out together.
      slow: "node -e \"console.log('slow 1'); setTimeout(() => console.log('slow 2'), 300)\"",
      quick: "node -e \"console.log('quick 1'); console.log('quick 2')\"",
      broken: 'node -e "console.error(\'broken\'); process.exit(3)"',
    },
  }),
);

const run = (...scripts: string[]) =>
  spawnSync(process.execPath, [runTogether, ...scripts], { cwd: project, encoding: 'utf8' });

describe('run-together', () => {
  it('runs the scripts side by side and prints each one whole', () => {
    const { status, stdout } = run('slow', 'quick');
    expect(status).toBe(0);
    const lines = stdout.split('\n').filter((line) => /^(slow|quick) \d$/.test(line));
    expect(lines).toEqual(['quick 1', 'quick 2', 'slow 1', 'slow 2']);
  });

  it('fails if any script fails, naming it, after the others have finished', () => {
    const { status, stdout } = run('broken', 'slow');
    expect(status).toBe(1);
    expect(stdout).toContain('npm run broken failed (exit code 3)');
    expect(stdout).toContain('slow 2');
  });

  it('asks for at least one script', () => {
    expect(run().status).toBe(2);
  });
});
