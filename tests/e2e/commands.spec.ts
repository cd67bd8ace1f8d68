import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, test } from '@playwright/test';
import { freePorts } from '../support/free-ports';

/** Whether anything answers on the port. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

for (const how of ['--port', 'PORT'] as const) {
  test(`npm run serve listens on the port given by ${how}, and stopping npm by its process id stops the server`, async () => {
    const [port] = freePorts(1);
    const args = ['run', 'serve', ...(how === '--port' ? ['--', '--port', String(port)] : [])];
    const npm = spawn('npm', args, {
      env: { ...process.env, ...(how === 'PORT' ? { PORT: String(port) } : {}) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = `http://127.0.0.1:${port}/`;
    await expect.poll(() => output, { timeout: 20_000 }).toContain(`Serving dist at ${url}`);
    expect(await answers(url)).toBe(true);

    npm.kill('SIGTERM');
    await once(npm, 'exit');
    await expect.poll(() => answers(url), { timeout: 5_000 }).toBe(false);
  });
}
