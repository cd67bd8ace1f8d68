/**
 * The site's own pages written as content (`src/content/pages/{lang}/{name}.mdx`):
 * the mirrors guide, the note for readers in Belarus, the introduction, the page about the project.
 */
import { getCollection, getEntry, render } from 'astro:content';
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
import { localeCodes, locales, type Locale } from '../i18n/locales';
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

/** The language the site's pages are written in first, which a partial language shows until it has its own. */
const originalPageLanguage: Locale = 'en';

/** A page as `lang` shows it, and the language it is in: a partial language's own, or else the original. */
async function pageEntry(lang: Locale, name: string) {
  const entry = await getEntry('pages', `${lang}/${name}`);
  if (entry) return { entry, shownIn: lang };
  const original = locales[lang].complete ? undefined : await getEntry('pages', `${originalPageLanguage}/${name}`);
  if (!original)
    throw new Error(
      `src/content/pages/${lang}/${name}.mdx is missing: the site's pages exist in every complete language`,
    );
  return { entry: original, shownIn: originalPageLanguage };
}

/**
 * A page in one language, rendered, with the language it is in (`shownIn`): the original where a partial
 * language has no translation yet. Fails, naming the file, when a complete language lacks it.
 */
export async function sitePage(lang: Locale, name: string) {
  const { entry, shownIn } = await pageEntry(lang, name);
  return { entry, shownIn, ...(await render(entry)) };
}

/** The languages a page is written in, in display order, by page name: `introduction` → be, ru, en. */
export async function pageLanguages(): Promise<Map<string, Locale[]>> {
  const ids = new Set((await getCollection('pages')).map((entry) => entry.id));
  const names = new Set([...ids].map((id) => id.split('/')[1] ?? ''));
  return new Map([...names].map((name) => [name, localeCodes.filter((lang) => ids.has(`${lang}/${name}`))]));
}

/** A page's title, for links to it from other pages, and the language it is in (the original's, untranslated). */
export async function sitePageTitle(lang: Locale, name: string): Promise<{ title: string; shownIn: Locale }> {
  const { entry, shownIn } = await pageEntry(lang, name);
  return { title: entry.data.title, shownIn };
}
