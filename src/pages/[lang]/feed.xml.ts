import type { APIRoute } from 'astro';
import type { Locale } from '../../i18n/locales';
import { documentsIn, isTranslationIn } from '../../lib/documents';
import { atomFeed } from '../../lib/feeds';
import { localeStaticPaths } from '../../lib/static-paths';

export const getStaticPaths = localeStaticPaths;

// A partial language's feed lists its translations alone, not the originals it shows in their place.
export const GET: APIRoute<{ lang: Locale }> = async ({ props }) =>
  new Response(
    atomFeed(
      props.lang,
      (await documentsIn(props.lang)).filter((entry) => isTranslationIn(entry, props.lang)),
    ),
    {
      headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
    },
  );
