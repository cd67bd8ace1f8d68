/**
 * The ids the site's layout gives elements of its pages. A heading in content
 * takes an id from its text (`## Provenance` → `provenance`), and a duplicate
 * id makes links and labels land on the wrong element, so content may write no
 * heading whose id is one of these or a paragraph's (`p-12`): the content check
 * refuses it, and the build refuses any page whose ids repeat.
 */
export const layoutIds = {
  main: 'content',
  provenance: 'provenance',
  shareHeading: 'share-heading',
  shareUrl: 'share-url',
  documentNavHeading: 'document-nav-heading',
  tableOfContents: 'toc-heading',
  startHere: 'start-here',
  searchQuery: 'search-query',
  allDocuments: 'all-documents',
  offlineCopy: 'offline-copy',
} as const;
