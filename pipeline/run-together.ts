/**
 * Runs npm scripts side by side and prints each one's output whole once it ends, so their lines do not
 * interleave; exits non-zero if any failed. `npm test` runs the type check and the lint this way: each keeps
 * one core busy, and a CI machine has two.
 *
 *   node pipeline/run-together.ts check lint
 */
import { spawn } from 'node:child_process';

async function run(script: string): Promise<boolean> {
  const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const text = Buffer.concat(output).toString();
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  if (code !== 0) process.stdout.write(`npm run ${script} failed (exit code ${code})\n`);
  return code === 0;
}

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node pipeline/run-together.ts <npm script> [<npm script> …]');
  process.exit(2);
}
const passed = await Promise.all(scripts.map(run));
process.exitCode = passed.every(Boolean) ? 0 : 1;
