/**
 * SHA256SUMS: one line per file of the site, `<sha256 hex>  <path>`, exactly
 * what `sha256sum -c SHA256SUMS` reads when run inside the site's folder.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checksumsFile, releaseFiles } from './release-format.ts';

export interface ChecksumEntry {
  /** Relative to the site's root, with forward slashes. */
  path: string;
  /** SHA-256, 64 lower-case hex digits. */
  sha256: string;
}

export interface DirectoryEntry {
  /** Relative to the folder, with forward slashes; bytes that are not UTF-8 are shown as `\xNN`. */
  path: string;
  /** False for symbolic links, sockets and the like. */
  isFile: boolean;
  /** True when a name on the way is not UTF-8: such a file cannot be listed in, or match, SHA256SUMS. */
  notUtf8: boolean;
}

const entryLine = /^([0-9a-f]{64}) {2}(.+)$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Orders paths by their UTF-8 bytes, as `LC_ALL=C sort` does, so the file is the same on every machine. */
export function compareBytewise(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * Why `sitePath` cannot name a file inside a copy of the site, or undefined if
 * it can. A hostile SHA256SUMS must not make anyone read outside the copy, and
 * sha256sum would escape names with a backslash or a line break.
 */
export function sitePathProblem(sitePath: string): string | undefined {
  if (sitePath === '') return 'is empty';
  if (sitePath.startsWith('/')) return 'is absolute';
  if (/\p{Cc}/u.test(sitePath)) return 'contains a control character';
  if (sitePath.includes('\\')) return 'contains a backslash';
  const segments = sitePath.split('/');
  if (segments.includes('..')) return 'contains ".."';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'has an empty or "." segment';
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A file name as text: itself when it is UTF-8, else its bytes with each one outside printable ASCII as `\xNN`. */
function nameOf(bytes: Buffer): { name: string; notUtf8: boolean } {
  try {
    return { name: strictUtf8.decode(bytes), notUtf8: false };
  } catch {
    const name = [...bytes]
      .map((byte) =>
        byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`,
      )
      .join('');
    return { name, notUtf8: true };
  }
}

/**
 * Everything under `dir` except folders, as relative POSIX paths in byte
 * order. Symbolic links are listed, never followed. Names are read as bytes,
 * so a name that is not UTF-8 is listed (and flagged) rather than breaking the
 * walk, as Node's own recursive readdir does.
 */
export async function walkDirectory(dir: string): Promise<DirectoryEntry[]> {
  const found: DirectoryEntry[] = [];
  const visit = async (folder: Buffer, prefix: string, notUtf8: boolean): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true, encoding: 'buffer' })) {
      const { name, notUtf8: nameNotUtf8 } = nameOf(entry.name);
      const entryPath = `${prefix}${name}`;
      if (entry.isDirectory()) {
        await visit(
          Buffer.concat([folder, Buffer.from(path.sep), entry.name]),
          `${entryPath}/`,
          notUtf8 || nameNotUtf8,
        );
      } else {
        found.push({ path: entryPath, isFile: entry.isFile(), notUtf8: notUtf8 || nameNotUtf8 });
      }
    }
  };
  await visit(Buffer.from(dir), '', false);
  return found.sort((a, b) => compareBytewise(a.path, b.path));
}

export function formatChecksums(entries: readonly ChecksumEntry[]): string {
  return [...entries]
    .sort((a, b) => compareBytewise(a.path, b.path))
    .map((entry) => `${entry.sha256}  ${entry.path}\n`)
    .join('');
}

/** Reads SHA256SUMS, rejecting anything `formatChecksums` would not have written. */
export function parseChecksums(text: string): ChecksumEntry[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) throw new Error(`${checksumsFile} lists no files`);
  const lineOfPath = new Map<string, number>();
  return lines.map((line, index) => {
    const lineNumber = index + 1;
    const match = entryLine.exec(line);
    if (match === null) {
      throw new Error(
        `${checksumsFile} line ${lineNumber}: expected "<64 lower-case hex digits>  <path>", got ${JSON.stringify(line.slice(0, 100))}`,
      );
    }
    const [, sha256 = '', sitePath = ''] = match;
    const problem = sitePathProblem(sitePath);
    if (problem !== undefined) {
      throw new Error(`${checksumsFile} line ${lineNumber}: the path ${JSON.stringify(sitePath)} ${problem}`);
    }
    const firstLine = lineOfPath.get(sitePath);
    if (firstLine !== undefined) {
      throw new Error(`${checksumsFile} line ${lineNumber}: ${sitePath} is already listed on line ${firstLine}`);
    }
    lineOfPath.set(sitePath, lineNumber);
    return { path: sitePath, sha256 };
  });
}

export interface SiteFile {
  /** Relative to the site's root, with forward slashes. */
  path: string;
  bytes: Buffer;
}

/**
 * Every file of the site that SHA256SUMS lists, read once: the release step
 * hashes them and packs the same bytes into the archive.
 */
export async function readSiteFiles(distDir: string): Promise<SiteFile[]> {
  const files: SiteFile[] = [];
  for (const entry of await walkDirectory(distDir)) {
    if (releaseFiles.has(entry.path)) continue;
    if (entry.notUtf8) {
      throw new Error(
        `${path.join(distDir, entry.path)} cannot be listed in ${checksumsFile}: its name is not UTF-8 text; rename it`,
      );
    }
    if (!entry.isFile) {
      throw new Error(
        `${path.join(distDir, entry.path)} is not a regular file: a release may hold only files and folders`,
      );
    }
    const problem = sitePathProblem(entry.path);
    if (problem !== undefined) {
      throw new Error(`${path.join(distDir, entry.path)} cannot be listed in ${checksumsFile}: its name ${problem}`);
    }
    files.push({ path: entry.path, bytes: await readFile(path.join(distDir, entry.path)) });
  }
  return files;
}

/**
 * Each file's hash in this process, by its bytes: the release lists its files again each time it packs the
 * archive to write the archive's size into the pages, and only those pages' bytes are new. A file's bytes are
 * replaced, never changed in place.
 */
const hashes = new WeakMap<Uint8Array, string>();

export function checksumEntries(files: readonly SiteFile[]): ChecksumEntry[] {
  return files.map((file) => {
    const sha256 = hashes.get(file.bytes) ?? sha256Hex(file.bytes);
    hashes.set(file.bytes, sha256);
    return { path: file.path, sha256 };
  });
}

/** Writes `distDir/SHA256SUMS` for `entries`, or for every file of the site, and returns what it lists. */
export async function writeChecksums(distDir: string, entries?: readonly ChecksumEntry[]): Promise<ChecksumEntry[]> {
  const listed = entries ?? checksumEntries(await readSiteFiles(distDir));
  await writeFile(path.join(distDir, checksumsFile), formatChecksums(listed));
  return [...listed];
}
