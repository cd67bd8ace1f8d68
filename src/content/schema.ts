import { z } from 'astro/zod';
import { localeCodes, type Locale } from '../i18n/locales.ts';
import { hasUnfitCharacter } from '../lib/content-safety.ts';

/** The kinds of document the record holds; each has a label in the UI strings. */
export const documentKinds = ['petition', 'letter', 'news', 'resolution'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** A calendar date, written as in ISO 8601: `2021-03-01`. */
const isoDate = z
  .string({ error: 'must be a date written as "YYYY-MM-DD" in quotes' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written as "YYYY-MM-DD"', abort: true })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'is not a real calendar date');

/**
 * Why an undated text is dated after a given day: the latest date the text
 * itself mentions, or the date of the latest event it mentions (which the
 * text names but does not date). Each has its sentence in the UI strings.
 */
export const undatedBases = ['latest-date-mentioned', 'latest-event-mentioned'] as const;
export type UndatedBasis = (typeof undatedBases)[number];

/** How an original was published; each has a label in the UI strings. */
export const originalForms = ['web-article', 'signed-letter', 'online-petition', 'congress-resolution'] as const;
export type OriginalForm = (typeof originalForms)[number];

/**
 * What the extraction of an original left in its text and the English page
 * leaves out (see `sources/` and the seeds' README). Each has a label in the UI strings.
 */
export const extractionArtefacts = [
  'spacing',
  'letterhead',
  'signature-image-description',
  'page-footer',
  'site-navigation',
  'logo-text',
  'date-in-first-sentence',
  'hard-line-breaks',
] as const;
export type ExtractionArtefact = (typeof extractionArtefacts)[number];

const oneLine = (what: string) =>
  z
    .string({ error: `is required: ${what}` })
    .trim()
    .min(1, `must not be empty: ${what}`)
    .refine((value) => !/\n/.test(value), 'must fit on one line')
    .refine(
      (value) => !hasUnfitCharacter(value),
      'must hold no control, invisible or non-character (such as U+0000, U+200B or U+FFFF, or "\\u0001" in quotes): feeds and e-books cannot carry them, and search would not find the words',
    );

/** The characters a web address is written with (RFC 3986); any other must be percent-encoded. */
const urlCharacters = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;

/** A public https address, only in the characters of an address. */
const webAddress = z
  .url({
    protocol: /^https$/,
    hostname: z.regexes.domain,
    error: 'must be a full public address, starting with "https://"',
  })
  .regex(urlCharacters, {
    error:
      "must be written in the characters of a web address only (letters, digits and -._~:/?#[]@!$&'()*+,;=%): percent-encode any other",
  });

/** Link previews cut titles longer than this; a longer title needs a short one for them. */
export const previewTitleLength = 100;

/**
 * The front matter of every document, in every language.
 * Unknown keys are an error, so a misspelt field never passes silently.
 */
export const documentSchema = z
  .strictObject({
    /** The document's own title or subject line, in the page's language. */
    title: oneLine('the document’s title'),
    /** A shorter title for link previews, required when the title is longer than `previewTitleLength`. */
    previewTitle: oneLine('a short title for link previews')
      .max(previewTitleLength, `must be at most ${previewTitleLength} characters: link previews cut longer titles`)
      .optional(),
    /** One sentence for home-page lists and link previews. */
    description: oneLine('a one-sentence summary')
      .min(50, 'must be at least 50 characters')
      .max(160, 'must be at most 160 characters')
      .refine((value) => /[.!?]$/.test(value), 'must be one sentence ending in a full stop')
      .refine((value) => !/[.!?]\s+\p{Lu}/u.test(value), 'must be a single sentence'),
    kind: z.enum(documentKinds, { error: `must be one of: ${documentKinds.join(', ')}` }),
    /** Who wrote or signed it, as the document names them. */
    author: oneLine('who wrote the document'),
    /** To whom it is addressed; news and resolutions have no addressee. */
    addressee: oneLine('to whom it is addressed').optional(),
    /**
     * The date as published. Where the text gives no date, `after` records the
     * latest date the text itself mentions, rather than inventing a day.
     */
    date: z.union(
      [
        isoDate,
        z.strictObject({
          after: isoDate,
          /** Why this day: the reader is told, rather than shown a day nobody wrote. */
          basis: z.enum(undatedBases),
        }),
      ],
      {
        error: `must be "YYYY-MM-DD", or, where the text gives no date, "after:" with "YYYY-MM-DD" and "basis:" with one of: ${undatedBases.join(', ')}`,
      },
    ),
    place: oneLine('where it was written').optional(),
    /** The language the document was published in. */
    originalLanguage: z.enum(localeCodes as [Locale, ...Locale[]], {
      error: `must be one of the site's languages: ${localeCodes.join(', ')}`,
    }),
    /** Present, and true, in every translation; absent in the original. */
    translated: z.literal(true, { error: 'must be true when present' }).optional(),
    /** Where and how the original was published, and how this text was made from it. */
    provenance: z.strictObject(
      {
        /** Who published the original, in the page's language. */
        publisher: oneLine('who published the original'),
        form: z.enum(originalForms, { error: `must be one of: ${originalForms.join(', ')}` }),
        /** The original's public address, only where one is known: never a guess. */
        url: webAddress.optional(),
        /**
         * Public reports of the original, where its own text was not published: each as the report names itself,
         * in its own language. Only reports that exist; never a guess.
         */
        reports: z
          .array(
            z.strictObject({
              publisher: oneLine('who published the report'),
              title: oneLine('the report’s title, as it stands'),
              date: isoDate.optional(),
              url: webAddress,
              /** The report's language, which its publisher and title are in. */
              lang: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as "en"'),
            }),
          )
          .min(1, 'must list at least one report, or be left out')
          .optional(),
        /** What was removed from the extracted original to make the English page; nothing else was changed. */
        artefactsRemoved: z
          .array(z.enum(extractionArtefacts, { error: `must be one of: ${extractionArtefacts.join(', ')}` }), {
            error: `must be a list of the extraction artefacts removed: ${extractionArtefacts.join(', ')}`,
          })
          .min(1, 'must name at least one artefact (the extracted text always has some: "spacing" at least)')
          .refine((list) => new Set(list).size === list.length, 'must not name an artefact twice'),
        /** In a translation: the day fluent editors reviewed the volunteers' translation. */
        translationReviewed: isoDate.optional(),
      },
      {
        error: (issue) => {
          if (issue.input === undefined) {
            return 'is required: where and how the original was published (publisher, form, artefactsRemoved, and url where known)';
          }
          if (issue.code === 'invalid_type') {
            return 'must be a group of fields: publisher, form, url, artefactsRemoved, translationReviewed';
          }
          return undefined;
        },
      },
    ),
  })
  .superRefine((data, context) => {
    if (data.title.length > previewTitleLength && data.previewTitle === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['previewTitle'],
        message: `is required: the title has ${data.title.length} characters, and link previews cut a title at ${previewTitleLength}; give a short title of at most ${previewTitleLength} for them`,
      });
    }
  });

export type DocumentData = z.infer<typeof documentSchema>;
export type DocumentDate = DocumentData['date'];

/** The front matter of a page about the site itself, such as the mirrors page. */
export const pageSchema = z.strictObject({
  title: oneLine('the page’s title'),
  description: oneLine('a one-sentence summary')
    .min(50, 'must be at least 50 characters')
    .max(160, 'must be at most 160 characters'),
});

export type PageData = z.infer<typeof pageSchema>;

/** Documents are ordered by this date; `after: X` sorts as X. */
export function sortableDate(date: DocumentDate): string {
  return typeof date === 'string' ? date : date.after;
}
