import type { APIRoute } from 'astro';
import type { Locale } from '../../i18n/locales';
import { recordNamesIndex } from '../../lib/documents';
import { nameFormsIn } from '../../lib/name-forms';
import { nameGroups } from '../../lib/names-index';
import { localeStaticPaths } from '../../lib/static-paths';

export const getStaticPaths = localeStaticPaths;

/** The names the search page finds however they are spelt (src/lib/name-search.ts). */
export const GET: APIRoute<{ lang: Locale }> = async ({ props }) =>
  new Response(JSON.stringify(nameFormsIn(props.lang, nameGroups(), await recordNamesIndex())), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
