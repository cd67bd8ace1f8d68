// A document page ends with the scripts of every page of a language (language-page.js) and its share links',
// inlined as one script: two tags and two hashes in the page's Content-Security-Policy fewer.
import './disk-links.js';
import './offline.js';
import './copy-link.js';
