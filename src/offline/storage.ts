/**
 * Where offline reading stores things in a reader's browser. The worker (service-worker.js), the note's buttons
 * (src/page-scripts/offline-choice.js) and the tests must agree on these names: the build gives both scripts this
 * object as the constant `OFFLINE_STORAGE` (esbuild's `define`, pipeline/render/inline-scripts.ts).
 */
export const offlineStorage = {
  /** The cache of the reader's choice, one per copy of the site: `${choiceCache} ${scope}`. */
  choiceCache: 'offline-choice',
  /** The choice's address in that cache, relative to the copy's root: a JSON array of language codes. */
  choiceFile: 'offline-choice.json',
  /** The kept pages' cache, one per release and copy: `${pagesCache} ${release} ${scope}`. */
  pagesCache: 'offline',
} as const;
