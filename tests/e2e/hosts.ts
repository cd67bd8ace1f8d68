/**
 * The real servers from Debian that deploy/ configures, run as a volunteer
 * would run them, each on a free port, with its files in a temporary folder;
 * and a signed copy of the built site for them to serve.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKeyPair, type PublicKey } from '../../pipeline/release/minisign';
import { bundles, checksumsFile } from '../../pipeline/release/release-format';
import { signReleaseFile } from '../../pipeline/release/sign';
import { withTrailingSlash } from '../../pipeline/release/site-address';
import { siteUrl } from '../../src/lib/site-url';
import { freePorts } from '../support/free-ports';

export const temporary = (name: string) => mkdtempSync(path.join(tmpdir(), `${name}-`));

/** dist/, copied and signed with a throwaway key, as a volunteer's unpacked release would be. */
export async function signedCopyOfDist(): Promise<{ dir: string; publicKey: PublicKey }> {
  const dir = temporary('signed-copy');
  cpSync('dist', dir, { recursive: true });
  const keys = generateKeyPair();
  // One statement for the list and the bundles, as `npm run sign` makes them.
  const release = {
    timestamp: Math.floor(Date.now() / 1000),
    commit: 'unknown',
    origin: withTrailingSlash(siteUrl.href),
  };
  const signed = [
    { path: checksumsFile, kind: 'site' as const },
    ...bundles.filter((bundle) => existsSync(path.join(dir, bundle.path))),
  ];
  for (const file of signed) await signReleaseFile(dir, file, keys.secretKey, release);
  return { dir, publicKey: keys.publicKey };
}

export interface RunningServer {
  /** Where the copy is served, ending in `/`. */
  url: string;
  stop: () => Promise<void>;
}

/** Waits until `url` answers, or the process exits, or a minute passes. */
async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nothing answered at ${url} within a minute:\n${log()}`);
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, workDir: string) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(workDir, { recursive: true, force: true });
  };
  return { child, stop, log: () => output };
}

/**
 * The guide's \`location\` block for nginx, as a volunteer pastes it from the mirrors page, for a copy in
 * \`siteDir\` under \`prefix\`, including the configuration at \`include\`.
 */
export function guideNginxLocation(siteDir: string, prefix: string, include: string): string {
  const guide = readFileSync('src/content/pages/en/mirrors.mdx', 'utf8');
  const block = /```nginx\n(location[\s\S]*?\n\})\n```/.exec(guide)?.[1];
  if (block === undefined) throw new Error('the mirrors guide has no nginx location block');
  return block
    .replaceAll('/srv/belarus-unions/', `${siteDir}/`)
    .replaceAll('/belarus-unions/', prefix)
    .replaceAll('/etc/nginx/snippets/belarus-unions.conf', include);
}

/**
 * nginx serving \`siteDir\` under \`prefix\` with the guide's location block, which includes
 * deploy/nginx/belarus-unions.conf, in a server that may hold other rules (\`otherRules\`), as a volunteer's does.
 */
export async function startNginx(siteDir: string, prefix: string, otherRules = ''): Promise<RunningServer> {
  const [port] = freePorts(1);
  const workDir = temporary('nginx');
  for (const folder of ['logs', 'temp']) mkdirSync(path.join(workDir, folder));
  const temp = path.join(workDir, 'temp');
  const location = guideNginxLocation(siteDir, prefix, path.resolve('deploy/nginx/belarus-unions.conf'));
  writeFileSync(
    path.join(workDir, 'nginx.conf'),
    `# As root, nginx's workers would switch to "nobody", who cannot read a test's private folders.
user root;
daemon off;
pid ${workDir}/nginx.pid;
error_log ${workDir}/logs/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path ${temp}/body;
    proxy_temp_path ${temp}/proxy;
    fastcgi_temp_path ${temp}/fastcgi;
    uwsgi_temp_path ${temp}/uwsgi;
    scgi_temp_path ${temp}/scgi;
    server {
        listen 127.0.0.1:${port};
${otherRules}
${location.replace(/^/gm, '        ')}
    }
}
`,
  );
  const url = `http://127.0.0.1:${port}${prefix}`;
  const server = start('nginx', ['-p', workDir, '-c', path.join(workDir, 'nginx.conf')], process.env, workDir);
  await waitUntilServing(url, server.child, server.log);
  return { url, stop: server.stop };
}

/** Caddy running deploy/caddy/Caddyfile as it is, told the address, prefix and folder through its environment. */
export async function startCaddy(siteDir: string, prefix: string): Promise<RunningServer> {
  const [port] = freePorts(1);
  const workDir = temporary('caddy');
  const env = {
    ...process.env,
    HOME: workDir,
    XDG_DATA_HOME: path.join(workDir, 'data'),
    XDG_CONFIG_HOME: path.join(workDir, 'config'),
    CADDY_ADMIN: 'off',
    MIRROR_SITE: `http://127.0.0.1:${port}`,
    MIRROR_PREFIX: prefix.replace(/\/$/, ''),
    MIRROR_ROOT: siteDir,
  };
  const url = `http://127.0.0.1:${port}${prefix}`;
  const args = ['run', '--config', path.resolve('deploy/caddy/Caddyfile'), '--adapter', 'caddyfile'];
  const server = start('caddy', args, env, workDir);
  await waitUntilServing(url, server.child, server.log);
  return { url, stop: server.stop };
}
