/**
 * What each language still lacks, and which paragraphs of its translations
 * are out of date; or, with --mark-checked, that a translator has brought one
 * translation up to date:
 *
 *   npm run translation-status [-- --mark-checked {lang}/{slug}]
 *
 * Exit status 0 whatever the report says, 2 for input it cannot work with.
 * The logic is in pipeline/content-checks/translation-status.ts.
 */
import { fileURLToPath } from 'node:url';
import { runTranslationStatus } from './content-checks/translation-status.ts';

process.exitCode = await runTranslationStatus(
  fileURLToPath(new URL('../', import.meta.url)),
  process.argv.slice(2),
  (line) => console.log(line),
  (line) => console.error(line),
);
