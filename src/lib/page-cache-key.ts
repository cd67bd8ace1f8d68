/**
 * The key under which Astro keeps a rendered document page between builds
 * (`experimental.incrementalBuild` in astro.config.mjs): a page whose key and
 * code are those of the build before is copied from it, not rendered again.
 * Astro hashes the page's code itself, and the content a page renders; the
 * key holds everything else a document's pages show: the page's own texts,
 * every document's and page's front matter (the navigation, the lists of
 * translations), the interface strings (read from their files, not
 * imported), the identity and the kind of build (from the environment), and
 * Node's version (its Intl writes the dates).
 */
import { createHash } from 'node:crypto';
import { uiStrings } from '../i18n/ui';
import { isReleaseBuild } from './build-kind';
import { identity } from './identity';

/** An entry of a content collection, as far as a key needs it. */
interface KeyedEntry {
  id: string;
  body?: string | undefined;
  data: unknown;
}

/** What every document page shows of the site besides its own texts: `entries` are every document and page. */
export function siteKey(entries: readonly (KeyedEntry & { collection: string })[]): string {
  const frontMatter = entries.map(({ collection, id, data }) => [collection, id, data]);
  const hash = createHash('sha256');
  for (const part of [frontMatter, uiStrings, identity, isReleaseBuild(), process.version]) {
    hash.update(JSON.stringify(part)).update('\n');
  }
  return hash.digest('hex');
}

/** The key of a page from `siteKey`, its language, and the ids, texts and front matter of the entries it shows. */
export function pageKey(site: string, lang: string, entries: readonly KeyedEntry[]): string {
  const hash = createHash('sha256').update(site).update(`\n${lang}\n`);
  for (const { id, body, data } of entries) hash.update(JSON.stringify([id, body ?? '', data])).update('\n');
  return hash.digest('hex');
}
