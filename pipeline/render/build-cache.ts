/**
 * The build's own cache, for what takes long to make and depends only on its
 * inputs: preview images, Zopfli's gzip, the deflated files of the archive,
 * the books. A rebuild after a small edit makes only what the edit changed.
 *
 * It lives beside Astro's and Vite's caches, in node_modules/.cache/, which
 * git ignores, the output never holds, and a fresh `npm ci` empties. Every key
 * hashes the inputs and the version of what made the bytes: Node's, the
 * packages' (from their installed package.json), and the project's own
 * modules that produce them, so a new tool or a change to the code makes the
 * old entries unreachable rather than wrong.
 *
 * In pipeline/render/ because preview images, the first step that caches, are
 * drawn there; the later stages import it from here.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the cache lives: node_modules/.cache/<the package's name>/. */
export const buildCacheRoot = path.join(
  projectRoot,
  'node_modules/.cache',
  (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { name: string }).name,
);

/**
 * Where Astro keeps its own cache (astro.config.mjs), the pages of its incremental build among it: in the
 * project's folder, not in node_modules, which a copy of the project may share by a link. Astro keeps each page
 * at a path named by the page, not by its content, so two projects building into one cache could hand each other
 * their pages.
 */
export const astroCacheDir = path.join(projectRoot, '.cache/astro');

/** What produces a cache's bytes: the packages that do the work, and this project's modules that drive them. */
export interface Producer {
  packages: readonly string[];
  /** The project's own modules, as `import.meta.url`-relative URLs. */
  modules: readonly URL[];
}

/** The installed version of a package, from its own package.json (some packages do not export it). */
function installedVersion(name: string): string {
  const file = path.join(projectRoot, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The installed packages of a scope (`@img/`), by name: a package's native parts come in one per platform. */
export function installedPackages(scope: string): string[] {
  return readdirSync(path.join(projectRoot, 'node_modules', scope))
    .sort()
    .map((name) => `${scope}${name}`);
}

/**
 * An import's specifier (`import … from`, `export … from`, `import '…'`, `import('…')`), and whether the import
 * is of types only.
 */
const importPattern =
  /(?:^|[;\s])(?:(?:import|export)\s+(type\s)?[^'"`;]*?\bfrom\s*|import\s*\(?\s*)['"]([^'"]+)['"]/gu;

/** A module's code without its comments, whose examples of imports are none. */
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/**
 * The file a relative specifier names: as written (without a query such as `?inline-script`), or with the `.ts`
 * that the project's imports may leave out or write as `.js`.
 */
function resolveLocal(specifier: string, importer: URL): URL {
  const file = specifier.replace(/\?.*$/, '');
  for (const candidate of [file, `${file}.ts`, `${file}/index.ts`, file.replace(/\.js$/, '.ts')]) {
    const url = new URL(candidate, importer);
    if (existsSync(url) && statSync(url).isFile()) return url;
  }
  throw new Error(`${fileURLToPath(importer)} imports "${specifier}", which names no file`);
}

/** A module the code starts by its own file (`new Worker(new URL('./worker.ts', import.meta.url))`). */
const startedModulePattern = /new URL\(\s*['"](\.[^'"]*\.[cm]?[jt]s)['"]\s*,\s*import\.meta\.url\s*\)/gu;

/**
 * What produces the output of `entry`: the module, every module of the project it imports or starts by its file
 * (a worker) however indirectly, and the packages they import by name (for code), so that a key made with it
 * changes with any of their code. `also` adds what no import names: the packages those packages use to encode,
 * a native binary's package.
 */
export function producerOf(entry: URL, also: Partial<Producer> = {}): Producer {
  const modules = new Map<string, URL>();
  const packages = new Set<string>(also.packages);
  const pending = [entry, ...(also.modules ?? [])];
  for (let module = pending.pop(); module !== undefined; module = pending.pop()) {
    if (modules.has(module.href)) continue;
    modules.set(module.href, module);
    if (!/\.[cm]?[jt]s$/.test(module.pathname)) continue;
    const code = withoutComments(readFileSync(module, 'utf8'));
    for (const [, started = ''] of code.matchAll(startedModulePattern)) pending.push(resolveLocal(started, module));
    for (const [, typeOnly, specifier = ''] of code.matchAll(importPattern)) {
      if (specifier.startsWith('.')) pending.push(resolveLocal(specifier, module));
      else if (typeOnly === undefined && !/^(node|astro):/.test(specifier)) {
        packages.add(specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/'));
      }
    }
  }
  return {
    packages: [...packages].sort(),
    modules: [...modules.values()].sort((a, b) => a.href.localeCompare(b.href)),
  };
}

/** The lock file, which names the version of every package installed, those the named packages use among them. */
const projectLockFile = path.join(projectRoot, 'package-lock.json');

/**
 * A hash of everything besides the inputs that decides the bytes: Node, the packages (and, through the lock file,
 * every package installed: a package's own dependencies may change with its version unchanged), the modules' source.
 */
export function producerVersion({ packages, modules }: Producer, lockFile = projectLockFile): string {
  const hash = createHash('sha256')
    .update(`node ${process.version}\n`)
    // A copy of the project made for a test may have none; the packages' own versions still count.
    .update(existsSync(lockFile) ? readFileSync(lockFile) : 'no lock file\n');
  for (const name of packages) hash.update(`${name}@${installedVersion(name)}\n`);
  for (const module of modules)
    hash.update(`${path.relative(projectRoot, fileURLToPath(module))}\n`).update(readFileSync(module));
  return hash.digest('hex');
}

/**
 * One kind of output, kept by its inputs. Synchronous, so that a step that is (a zip's writer) can use it: the
 * entries are small files, read and written in a few milliseconds.
 */
export interface BuildCache {
  /** The key of these inputs: the producer's version and each part, hashed. */
  key(...parts: (string | Uint8Array)[]): string;
  get(key: string): Buffer | undefined;
  set(key: string, bytes: Uint8Array): void;
  /** The entry, or `make`'s bytes, kept for the next build. */
  through(key: string, make: () => Uint8Array): Buffer;
}

/** A cache of one kind of output, in a folder of its own, keyed on its producer's version and its inputs. */
export function buildCache(name: string, producer: Producer, root = buildCacheRoot): BuildCache {
  const folder = path.join(root, name);
  const version = producerVersion(producer);
  const fileOf = (key: string) => path.join(folder, key.slice(0, 2), key);
  const cache: BuildCache = {
    key(...parts) {
      const hash = createHash('sha256').update(version);
      // Each part's length first, so that no two lists of parts hash the same.
      for (const part of parts) hash.update(`\n${Buffer.byteLength(part)}\n`).update(part);
      return hash.digest('hex');
    },
    get(key) {
      try {
        return readFileSync(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    set(key, bytes) {
      const file = fileOf(key);
      mkdirSync(path.dirname(file), { recursive: true });
      // Written aside and renamed: a build that stops half-way never leaves half an entry, and two processes
      // writing the same entry at once (the build script and Astro's) each rename a whole one.
      const partial = `${file}.${randomUUID()}.partial`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
    },
    through(key, make) {
      const kept = cache.get(key);
      if (kept !== undefined) return kept;
      const made = Buffer.from(make());
      cache.set(key, made);
      return made;
    },
  };
  return cache;
}
