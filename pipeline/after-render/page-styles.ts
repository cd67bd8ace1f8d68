/**
 * Each page keeps only the CSS that can apply to it. Astro inlines every
 * stylesheet a page imports, whole: the site's own rules for search forms,
 * side-by-side pairs and buttons rode along on a petition that has none of
 * them, and on a first visit every byte of them is the reader's. Here, once
 * the pages are final, each `<style>` loses the selectors that name an
 * element, class, id or attribute found neither in the page nor in a script
 * it runs (a script that adds a class names it), and the custom properties
 * nothing reads. Rules are never rewritten, only left out, so what stays
 * applies exactly as before; print rules stay when they match the page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HTMLElement } from 'node-html-parser';
import postcss, { type Root } from 'postcss';
import selectorParser, { type Selector } from 'postcss-selector-parser';
import { buildCache, producerOf, type BuildCache, type Producer } from '../render/build-cache.ts';
import type { ParsedPages } from './site-files.ts';

/** What a page could hold: the names its elements use, and every word of the scripts it runs. */
export interface PageVocabulary {
  tags: Set<string>;
  classes: Set<string>;
  ids: Set<string>;
  attributes: Set<string>;
  /** Words of the page's scripts, inline or loaded: a class or element a script adds is named there. */
  scriptWords: Set<string>;
}

/** Form controls, on which alone the vendor pseudo-elements (`::-webkit-…`, `::placeholder`) can appear. */
const formControls = ['input', 'textarea', 'select', 'button'];
/** Pseudo-elements of form controls, such as date fields', file pickers' and placeholders'. */
const formControlPseudoElement = /^::?(-webkit-|-moz-|file-selector-button|placeholder)/;
/** Pseudo-classes whose argument is a selector the element matches. (`:not` and the rest can only narrow.) */
const matchingPseudoClasses = new Set([':is', ':where', ':has', ':any', ':matches']);

export function vocabularyOf(document: HTMLElement, loadedScripts: readonly string[] = []): PageVocabulary {
  const vocabulary: PageVocabulary = {
    tags: new Set(),
    classes: new Set(),
    ids: new Set(),
    attributes: new Set(),
    scriptWords: new Set(),
  };
  const visit = (element: HTMLElement) => {
    if (element.rawTagName) {
      vocabulary.tags.add(element.rawTagName.toLowerCase());
      for (const name of element.classList.values()) vocabulary.classes.add(name);
      if (element.id) vocabulary.ids.add(element.id);
      for (const attribute of Object.keys(element.attributes)) vocabulary.attributes.add(attribute.toLowerCase());
    }
    for (const child of element.childNodes) if (child instanceof HTMLElement) visit(child);
  };
  visit(document);
  const scripts = [...document.querySelectorAll('script:not([src])').map((script) => script.rawText), ...loadedScripts];
  for (const script of scripts) for (const word of script.match(/[\w-]+/g) ?? []) vocabulary.scriptWords.add(word);
  return vocabulary;
}

const mentions = (vocabulary: PageVocabulary, names: Set<string>, name: string) =>
  names.has(name) || vocabulary.scriptWords.has(name);

/**
 * Whether a selector can match an element of the page: every element, class,
 * id and attribute it names is in the page or its scripts. Combinators are not
 * followed, so this may say yes where no element matches, never the reverse.
 */
export function canMatch(selector: Selector, vocabulary: PageVocabulary): boolean {
  // The selector's own parts only: what a pseudo-class holds is a selector of its own, read (or not) below.
  return selector.nodes.every((node) => {
    switch (node.type) {
      case 'tag':
        return mentions(vocabulary, vocabulary.tags, node.value.toLowerCase());
      case 'class':
        return mentions(vocabulary, vocabulary.classes, node.value);
      case 'id':
        return mentions(vocabulary, vocabulary.ids, node.value);
      case 'attribute':
        return mentions(vocabulary, vocabulary.attributes, node.attribute.toLowerCase());
      case 'pseudo': {
        const name = node.value.toLowerCase();
        // Shadow roots: no page has one.
        if (name === ':host') return false;
        if (name === '::backdrop') return mentions(vocabulary, vocabulary.tags, 'dialog');
        if (formControlPseudoElement.test(name)) {
          return formControls.some((tag) => mentions(vocabulary, vocabulary.tags, tag));
        }
        if (matchingPseudoClasses.has(name)) return node.nodes.some((inner) => canMatch(inner, vocabulary));
        return true;
      }
      default:
        return true;
    }
  });
}

/** Custom properties declared but read by no `var()` left in the stylesheet, nor by a script, go too. */
function dropUnreadCustomProperties(root: Root, vocabulary: PageVocabulary): void {
  for (;;) {
    const read = new Set<string>();
    root.walkDecls((declaration) => {
      for (const [, name] of declaration.value.matchAll(/var\(\s*(--[\w-]+)/g)) read.add(name ?? '');
    });
    let dropped = false;
    root.walkDecls(/^--/, (declaration) => {
      if (read.has(declaration.prop) || vocabulary.scriptWords.has(declaration.prop)) return;
      declaration.remove();
      dropped = true;
    });
    if (!dropped) return;
  }
}

/**
 * A rule's selectors, parsed once a build: every page carries the same stylesheets, and parsing their selectors
 * again for each page took most of this step's time. `canMatch` only reads them.
 */
const parsedSelectors = new Map<string, Selector[]>();

function selectorsOf(selector: string): Selector[] {
  let parsed = parsedSelectors.get(selector);
  if (parsed === undefined) {
    parsed = selectorParser().astSync(selector).nodes;
    parsedSelectors.set(selector, parsed);
  }
  return parsed;
}

/** A stylesheet with only what can apply to a page of `vocabulary`. Layer statements (`@layer a, b;`) stay: they fix the order. */
export function pruneStylesheet(css: string, vocabulary: PageVocabulary): string {
  const root = postcss.parse(css);
  // Minified CSS keeps only `/*!` comments: Tailwind's banner, though pages carry none of its rules now, only the
  // site's own theme values (src/styles/global.css).
  root.walkComments((comment) => {
    comment.remove();
  });
  root.walkRules((rule) => {
    // Keyframe steps (`from`, `50%`) are not selectors.
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test((rule.parent as postcss.AtRule).name)) return;
    const kept = selectorsOf(rule.selector)
      .filter((selector) => canMatch(selector, vocabulary))
      .map((selector) => selector.toString().trim());
    if (kept.length === 0) rule.remove();
    else rule.selector = kept.join(',');
  });
  dropUnreadCustomProperties(root, vocabulary);
  root.walkRules((rule) => {
    if (rule.nodes.length === 0) rule.remove();
  });
  // Inner blocks first, so that an `@media` left empty inside an emptied `@layer` goes with it.
  let emptied = true;
  while (emptied) {
    emptied = false;
    root.walkAtRules((atRule) => {
      if (atRule.nodes !== undefined && atRule.nodes.length === 0) {
        atRule.remove();
        emptied = true;
      }
    });
  }
  return root.toString();
}

/** The files of the page's `<script src>` that are in the site, read relative to the page's file. */
async function loadedScripts(distDir: string, file: string, document: HTMLElement, cache: Map<string, string>) {
  const scripts: string[] = [];
  for (const script of document.querySelectorAll('script[src]')) {
    const src = script.getAttribute('src') ?? '';
    if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(src)) continue;
    const scriptFile = path.join(distDir, path.posix.dirname(file), src.replace(/[?#].*$/, ''));
    let text = cache.get(scriptFile);
    if (text === undefined) {
      try {
        text = await readFile(scriptFile, 'utf8');
      } catch (error) {
        throw new Error(`${file}: its <script src="${src}"> is not in the site`, { cause: error });
      }
      cache.set(scriptFile, text);
    }
    scripts.push(text);
  }
  return scripts;
}

/** What decides a page's pruned stylesheet besides its inputs: this module and all it imports. */
export const prunedStylesProducer: Producer = producerOf(new URL(import.meta.url));

/** Each page's pruned stylesheet, kept between builds by the stylesheet and the page's vocabulary. */
const prunedStyles = buildCache('page-styles', prunedStylesProducer);

/** The vocabulary as one text, each set in order, for a cache key. */
const vocabularyKey = (vocabulary: PageVocabulary) =>
  JSON.stringify(Object.entries(vocabulary).map(([name, words]: [string, Set<string>]) => [name, [...words].sort()]));

/**
 * Leaves each page's `<style>` blocks only the rules that can apply to it,
 * merged into one block. Run once the pages are final, before their
 * Content-Security-Policy hashes the styles. A page whose stylesheet and
 * vocabulary an earlier build pruned gets that build's result from `cache`.
 */
export async function pruneStyles(
  distDir: string,
  pages: ParsedPages,
  cache: BuildCache = prunedStyles,
): Promise<void> {
  const scriptCache = new Map<string, string>();
  for (const [file, document] of pages) {
    const styles = document.querySelectorAll('style');
    const [first, ...rest] = styles;
    if (first === undefined) continue;
    const vocabulary = vocabularyOf(document, await loadedScripts(distDir, file, document, scriptCache));
    const css = styles.map((style) => style.rawText).join('\n');
    const key = cache.key(css, vocabularyKey(vocabulary));
    first.set_content(cache.through(key, () => Buffer.from(pruneStylesheet(css, vocabulary))).toString('utf8'));
    for (const style of rest) style.remove();
  }
}
