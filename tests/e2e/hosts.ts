/**
 * The real servers from Debian that deploy/ configures, run as a volunteer
 * would run them, each on a free port, with its files in a temporary folder;
 * and a signed copy of the built site for them to serve.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
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
  /** The port on 127.0.0.1 the server listens on. */
  port: number;
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

const guide = () => readFileSync('src/content/pages/en/mirrors.mdx', 'utf8');

/** The address and port Tor hands the onion's visitors to, from deploy/tor/torrc's `HiddenServicePort 80 HOST:PORT`. */
export function torTarget(): { host: string; port: number } {
  const target = /^HiddenServicePort 80 ([\d.]+):(\d+)$/m.exec(readFileSync('deploy/tor/torrc', 'utf8'));
  if (target === null) throw new Error('deploy/tor/torrc has no "HiddenServicePort 80 HOST:PORT" line');
  return { host: target[1] ?? '', port: Number(target[2]) };
}

/** How the guide has a server reached: at a domain under a path, or as the onion service's target. */
export type Setup = 'domain' | 'onion';

/**
 * The guide's nginx \`server\` block for \`setup\`, as a volunteer pastes it from the mirrors page, listening on
 * 127.0.0.1:\`port\`, for a copy in \`siteDir\` (under \`prefix\` for a domain), including the configuration at
 * \`include\`, with \`otherRules\` of the volunteer's own.
 */
export function guideNginxServer(
  setup: Setup,
  { siteDir, prefix, port, include, otherRules }: GuideServerOptions & { include: string },
): string {
  const blocks = [...guide().matchAll(/```nginx\n(server \{[\s\S]*?\n\})\n```/g)].map((match) => match[1] ?? '');
  const onionListen = `listen ${torTarget().host}:${torTarget().port};`;
  const block = blocks.find((text) => text.includes(onionListen) === (setup === 'onion'));
  if (block === undefined) throw new Error(`the mirrors guide has no nginx server block for the ${setup}`);
  const adapted = block
    .replaceAll('/srv/belarus-unions/', `${siteDir}/`)
    .replaceAll(' /belarus-unions', ` ${prefix.replace(/\/$/, '')}`)
    .replaceAll('/etc/nginx/snippets/belarus-unions.conf', include)
    .replace(setup === 'onion' ? onionListen : 'listen 80;', `listen 127.0.0.1:${port};`)
    .replace('listen [::]:80;\n', '');
  return adapted.replace(/\n\}$/, `\n${otherRules}\n}`);
}

interface GuideServerOptions {
  siteDir: string;
  /** The path the copy is under, with its slashes; the onion service's copy is always at the root. */
  prefix: string;
  port: number;
  otherRules: string;
}

/**
 * nginx serving \`siteDir\` with the guide's \`server\` block for \`setup\`, which includes
 * deploy/nginx/belarus-unions.conf, holding other rules (\`otherRules\`), as a volunteer's server may.
 */
export async function startNginx(
  siteDir: string,
  {
    setup = 'domain',
    prefix = setup === 'onion' ? '/' : '/mirror/',
    otherRules = '',
    besideDefaultSite = false,
  }: NginxOptions = {},
): Promise<RunningServer> {
  const [port = 0] = freePorts(1);
  const workDir = temporary('nginx');
  for (const folder of ['logs', 'temp']) mkdirSync(path.join(workDir, folder));
  const temp = path.join(workDir, 'temp');
  const include = path.resolve('deploy/nginx/belarus-unions.conf');
  const guideServer = guideNginxServer(setup, { siteDir, prefix, port, include, otherRules });
  const server = besideDefaultSite ? `${debianDefaultSite(port)}\n${guideServer}` : guideServer;
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
${server.replace(/^/gm, '    ')}
}
`,
  );
  const url = `http://127.0.0.1:${port}${prefix}`;
  const running = start('nginx', ['-p', workDir, '-c', path.join(workDir, 'nginx.conf')], process.env, workDir);
  await waitUntilServing(url, running.child, running.log);
  return { url, port, stop: running.stop };
}

interface NginxOptions {
  setup?: Setup;
  prefix?: string;
  otherRules?: string;
  /** Whether the server also has the site Debian's nginx package enables, which answers every other name. */
  besideDefaultSite?: boolean;
}

/** The site a fresh Debian's nginx serves, /etc/nginx/sites-enabled/default, on 127.0.0.1:\`port\`. */
function debianDefaultSite(port: number): string {
  const site = readFileSync('/etc/nginx/sites-available/default', 'utf8');
  if (!site.includes('listen 80 default_server;'))
    throw new Error('Debian’s default nginx site no longer listens on 80');
  return site
    .replace('listen 80 default_server;', `listen 127.0.0.1:${port} default_server;`)
    .replace('listen [::]:80 default_server;', '');
}

/** The environment the guide gives Caddy's service for \`setup\`: its \`Environment=\` line. */
export function guideCaddyEnvironment(setup: Setup): Record<string, string> {
  const lines = [...guide().matchAll(/\[Service\]\\nEnvironment=([^\\']*)\\n/g)].map((match) => match[1] ?? '');
  const line = lines.find((text) => text.includes('MIRROR_BIND=') === (setup === 'onion'));
  if (line === undefined) throw new Error(`the mirrors guide gives Caddy no environment for the ${setup}`);
  return Object.fromEntries(
    line.split(' ').map((assignment) => {
      const [name = '', ...value] = assignment.split('=');
      return [name, value.join('=')];
    }),
  );
}

/**
 * Caddy running deploy/caddy/Caddyfile as it is, with the environment the guide gives it for \`setup\`, on a
 * free port in place of the torrc's, for a copy in \`siteDir\`. For a domain, whose HTTPS certificate cannot be had here,
 * \`http://127.0.0.1:PORT\` stands in for the guide's \`mirror.example.org\`, and \`prefix\` for its path.
 */
export async function startCaddy(
  siteDir: string,
  { setup = 'domain', prefix = setup === 'onion' ? '/' : '/mirror/' }: { setup?: Setup; prefix?: string } = {},
): Promise<RunningServer> {
  const [port = 0] = freePorts(1);
  const workDir = temporary('caddy');
  const guideEnvironment = guideCaddyEnvironment(setup);
  const torPort = `:${torTarget().port}`;
  if (setup === 'onion' && !guideEnvironment['MIRROR_SITE']?.endsWith(torPort)) {
    throw new Error(`the guide's Caddy for the onion service does not serve the torrc's port, ${torPort}`);
  }
  const env = {
    ...process.env,
    HOME: workDir,
    XDG_DATA_HOME: path.join(workDir, 'data'),
    XDG_CONFIG_HOME: path.join(workDir, 'config'),
    CADDY_ADMIN: 'off',
    ...guideEnvironment,
    MIRROR_ROOT: siteDir,
    ...(setup === 'onion'
      ? { MIRROR_SITE: (guideEnvironment['MIRROR_SITE'] ?? '').replace(torPort, `:${port}`) }
      : { MIRROR_SITE: `http://127.0.0.1:${port}`, MIRROR_PREFIX: prefix.replace(/\/$/, '') }),
  };
  const url = `http://127.0.0.1:${port}${prefix}`;
  const args = ['run', '--config', path.resolve('deploy/caddy/Caddyfile'), '--adapter', 'caddyfile'];
  const server = start('caddy', args, env, workDir);
  await waitUntilServing(url, server.child, server.log);
  return { url, port, stop: server.stop };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

interface VisitOptions {
  host: string;
  method?: string;
  headers?: Record<string, string>;
  /** Where to connect: the loopback address, unless a test tries another of the machine's addresses. */
  address?: string;
}

/**
 * One request to 127.0.0.1:`port` with the `Host` a visitor's browser sends, which fetch() cannot set: Tor hands
 * the server its onion visitors' requests on the loopback port, with `Host: <name>.onion`. Redirects are not
 * followed.
 */
export function visit(
  port: number,
  requestPath: string,
  { host, method = 'GET', headers = {}, address = '127.0.0.1' }: VisitOptions,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: address, port, path: requestPath, method, agent: false, headers: { ...headers, host } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** The local addresses of the TCP sockets listening on `port`, from the kernel's tables, in the form `ss` shows. */
export function listeningAddresses(port: number): string[] {
  const listening = '0A';
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const [, local = '', , state] = line.trim().split(/\s+/);
      const [hexAddress = '', hexPort = ''] = local.split(':');
      if (state !== listening || Number.parseInt(hexPort, 16) !== port) continue;
      addresses.push(`${kernelAddress(hexAddress)}:${port}`);
    }
  }
  return addresses;
}

/** An address as /proc/net/tcp{,6} writes it: 32-bit words in the machine's byte order, which is little-endian here. */
function kernelAddress(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  for (let word = 0; word < bytes.length; word += 4) bytes.subarray(word, word + 4).reverse();
  if (bytes.length === 4) return [...bytes].join('.');
  const groups = Array.from({ length: 8 }, (_, index) => bytes.readUInt16BE(index * 2).toString(16));
  return `[${groups.join(':')}]`;
}
