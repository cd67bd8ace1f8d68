/**
 * The site's own pages written as content (`src/content/pages/{lang}/{name}.mdx`):
 * the mirrors guide, the note for readers in Belarus, the introduction, the page about the project.
 */
import { getEntry, render } from 'astro:content';
import ContactLink from './ContactLink.astro';
import KeepOffline from './KeepOffline.astro';
import KeyFileCommand from './KeyFileCommand.astro';
import MirrorList from './MirrorList.astro';
import OnionAddress from './OnionAddress.astro';
import PublicKey from './PublicKey.astro';
import Publisher from './Publisher.astro';
import RepositoryLink from './RepositoryLink.astro';
import SecureContact from './SecureContact.astro';
import SiteAddress from './SiteAddress.astro';
import type { Locale } from '../i18n/locales';
import type { ContentComponentMap } from '../lib/content-safety';

// Must provide every component src/lib/content-safety.ts lets a page use; the type checker says if one is missing.
export const pageComponents = {
  MirrorList,
  PublicKey,
  KeyFileCommand,
  SiteAddress,
  RepositoryLink,
  ContactLink,
  OnionAddress,
  KeepOffline,
  Publisher,
  SecureContact,
} satisfies ContentComponentMap<'pages'>;

async function pageEntry(lang: Locale, name: string) {
  const entry = await getEntry('pages', `${lang}/${name}`);
  if (!entry)
    throw new Error(`src/content/pages/${lang}/${name}.mdx is missing: the site's pages exist in every language`);
  return entry;
}

/** A page in one language, rendered; fails, naming the file, when that language lacks it. */
export async function sitePage(lang: Locale, name: string) {
  const entry = await pageEntry(lang, name);
  return { entry, ...(await render(entry)) };
}

/** A page's title, for links to it from other pages. */
export async function sitePageTitle(lang: Locale, name: string): Promise<string> {
  return (await pageEntry(lang, name)).data.title;
}
