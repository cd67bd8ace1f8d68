import { execFileSync } from 'node:child_process';

/**
 * `count` TCP ports that are free on 127.0.0.1 now. Synchronous, because
 * Playwright reads its configuration synchronously; the ports are asked of the
 * system (port 0), so two checkouts never collide.
 */
export function freePorts(count: number): number[] {
  const script = `
    import { createServer } from 'node:net';
    const servers = await Promise.all(Array.from({ length: ${count} }, () => new Promise((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => resolve(server));
    })));
    console.log(servers.map((server) => server.address().port).join(','));
    for (const server of servers) server.close();
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return output.trim().split(',').map(Number);
}
