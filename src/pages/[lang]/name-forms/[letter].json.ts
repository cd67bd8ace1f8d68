import type { APIRoute } from 'astro';
import { localeCodes, type Locale } from '../../../i18n/locales';
import { recordNamesIndex } from '../../../lib/documents';
import { nameFormsByLanguage } from '../../../lib/name-forms';
import { nameLetters, type NameForms } from '../../../lib/name-search';
import { nameGroups } from '../../../lib/names-index';

/** For each language and letter, the names one of whose ways of writing starts with the letter. */
export async function getStaticPaths() {
  const tables = nameFormsByLanguage(nameGroups(), await recordNamesIndex());
  return localeCodes.flatMap((lang) => {
    const table = tables[lang];
    return [...nameLetters].map((letter) => ({
      params: { lang, letter },
      props: { names: table.filter(({ keys }) => keys.some((key) => key.startsWith(letter))) },
    }));
  });
}

/** The names the search page finds however they are spelt (src/lib/name-search.ts). */
export const GET: APIRoute<{ names: NameForms[] }, { lang: Locale; letter: string }> = ({ props }) =>
  new Response(JSON.stringify(props.names), { headers: { 'content-type': 'application/json; charset=utf-8' } });
