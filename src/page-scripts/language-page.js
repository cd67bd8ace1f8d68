// Every page of a language ends with these two, inlined as one script: one tag and one hash in the page's
// Content-Security-Policy fewer (pipeline/render/inline-scripts.ts bundles them). Pages of no language (the
// language chooser, the 404 pages) keep nothing offline and inline disk-links.js alone; document pages inline
// document-page.js, which adds their share links' script.
import './disk-links.js';
import './offline.js';
