import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The site path a built HTML file is served at: `en/x/index.html` → `/en/x/`, `404.html` → `/404.html`. */
export function pagePathOf(file: string): string {
  const withSlash = `/${file}`;
  return withSlash.endsWith('/index.html') ? withSlash.slice(0, -'index.html'.length) : withSlash;
}
