import type { DocumentData } from '../content/schema';
import { locales, localeCodes, type Locale } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/ui.ts';
import { formatDocumentDate } from './dates.ts';

/*
 * What a link-preview image shows, for the pages that name their image and its
 * alt text. The image itself is drawn by ./preview-image.ts, at build time,
 * outside the pages: they need not load its renderers.
 */

export const previewWidth = 1200;
export const previewHeight = 630;

/** What a preview image shows, every string already in the page's language. */
export interface PreviewCard {
  /** The site's short title, over the page's title. */
  siteName: string;
  title: string;
  /** Under the title: who wrote the document, or the site's description. Up to two lines. */
  subtitle: string;
  /** Under the subtitle, in a quieter colour. */
  date?: string;
}

export function documentCard(
  lang: Locale,
  data: Pick<DocumentData, 'title' | 'previewTitle' | 'author' | 'date'>,
): PreviewCard {
  return {
    siteName: useTranslations(lang)('site.shortTitle'),
    // The image is a link preview too: its title is the preview's.
    title: data.previewTitle ?? data.title,
    subtitle: data.author,
    date: formatDocumentDate(data.date, lang),
  };
}

export function homeCard(lang: Locale): PreviewCard {
  const t = useTranslations(lang);
  return { siteName: t('site.shortTitle'), title: t('site.title'), subtitle: t('site.description') };
}

/** The language chooser's card: the site's name in every language, and the choice itself. */
export function chooserCard(): PreviewCard {
  const inEvery = (text: (t: ReturnType<typeof useTranslations>) => string) =>
    localeCodes.map((lang) => text(useTranslations(lang))).join(' · ');
  return {
    siteName: localeCodes.map((lang) => locales[lang].name).join(' · '),
    title: inEvery((t) => t('site.shortTitle')),
    subtitle: inEvery((t) => t('nav.chooseLanguage')),
  };
}

/** What a card shows, as the alt text of its image: every line, in order. */
export function cardText(card: PreviewCard): string {
  return [card.siteName, card.title, card.subtitle, card.date].filter(Boolean).join(' — ');
}
