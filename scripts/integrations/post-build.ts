import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { localeCodes } from '../../src/i18n/locales.ts';
import { useTranslations } from '../../src/i18n/ui.ts';
import { paths } from '../../src/lib/routes.ts';
import { assertReleaseIdentity, identity } from '../../src/lib/identity.ts';
import { absoluteUrl, siteUrl } from '../../src/lib/site-url.ts';
import { escapeXml } from '../../src/lib/xml.ts';
import { findBrokenLinks } from '../build/check-links.ts';
import { addContentSecurityPolicy } from '../build/content-security-policy.ts';
import { markExternalLinksInSite } from '../build/external-links.ts';
import { relativiseSite } from '../build/relative-urls.ts';
import { writeSearchIndex } from '../build/search-index.ts';
import { writeHostConfigs } from '../build/host-configs.ts';
import { writeHeadersFile } from '../build/security-headers.ts';
import { writeSingleFiles, writeSiteArchive, type SingleFileSource } from '../build/take-away.ts';
import { bundles } from '../release/release-format.ts';
import { signBundle, signRelease } from '../release/sign.ts';

/** Every document in every language, from the content folder. */
async function singleFileSources(root: URL): Promise<SingleFileSource[]> {
  const sources: SingleFileSource[] = [];
  for (const lang of localeCodes) {
    const folder = new URL(`src/content/documents/${lang}/`, root);
    for (const file of (await readdir(folder)).filter((name) => /\.mdx?$/.test(name)).sort()) {
      const slug = file.replace(/\.mdx?$/, '');
      const url = escapeXml(absoluteUrl(paths.document(lang, slug)));
      const originLine = useTranslations(lang)('downloads.origin', { url: `<a href="${url}">${url}</a>` });
      sources.push({ lang, slug, originLine });
    }
  }
  return sources;
}

/**
 * The release's date: SOURCE_DATE_EPOCH when set, else the commit's, so that
 * two builds of one commit sign the same statement.
 */
function releaseTimestamp(root: URL): number | undefined {
  const fromEnvironment = process.env['SOURCE_DATE_EPOCH'];
  if (fromEnvironment) return Number(fromEnvironment);
  try {
    return Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8' }).trim());
  } catch {
    return undefined;
  }
}

/** The commit the release is built from, or `unknown` outside a git checkout. */
function releaseCommit(root: URL): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * Turns Astro's output into a release: relative URLs (one build works under
 * any prefix and from disk), safe external links, the search index, the
 * take-away copies, each page's Content-Security-Policy (after the last change
 * to a page, so it hashes the final inline code), and the signed list of files.
 */
export function postBuild(): AstroIntegration {
  let root: URL;
  return {
    name: 'post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        await relativiseSite(distDir);
        await markExternalLinksInSite(distDir);
        logger.info('every internal URL is relative; external links carry noopener noreferrer');
        const { pages } = await writeSearchIndex(distDir);
        logger.info(`search index written for ${pages} pages`);
        await writeSingleFiles(distDir, await singleFileSources(root));
        await addContentSecurityPolicy(distDir);
        await writeHeadersFile(distDir);
        // A volunteer with only the archive has the host configurations too.
        await writeHostConfigs(fileURLToPath(new URL('deploy/', root)), distDir, identity);
        logger.info('every page carries its Content-Security-Policy');

        // A signed release must not send volunteers and readers to addresses nobody owns.
        if (process.env['MINISIGN_SECRET_KEY']) assertReleaseIdentity(identity);
        const sign = {
          canonicalOrigin: siteUrl.href,
          secretKeyPath: process.env['MINISIGN_SECRET_KEY'],
          timestamp: releaseTimestamp(root),
          commit: releaseCommit(root),
          pinnedPublicKey: await readFile(new URL('release/minisign.pub', root), 'utf8'),
          log: (message: string) => logger.info(message),
          warn: (message: string) => logger.warn(message),
        };
        // The archive carries the site with its own signed list of files, so an unzipped copy verifies too.
        await signRelease(distDir, sign);
        const archive = await writeSiteArchive(distDir);
        logger.info(`site archive written: ${archive}`);
        await signRelease(distDir, sign);
        for (const bundle of bundles.filter((candidate) => candidate.path === archive)) {
          await signBundle(distDir, bundle, sign);
        }

        const broken = await findBrokenLinks(distDir);
        if (broken.length > 0) throw new Error(`Broken internal links:\n  ${broken.join('\n  ')}`);
        logger.info('every internal link and anchor resolves');
      },
    },
  };
}
