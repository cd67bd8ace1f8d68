/**
 * Which HTML attributes carry URLs, and the URLs in them: the one definition that the steps after the render
 * (relative URLs, the link check, the Content-Security-Policy's check) and `verify`'s search of a web mirror
 * share, so that no URL one of them sees is missed by another.
 */
import type { HTMLElement } from 'node-html-parser';

/** One URL a browser loads, follows or submits to; not cite or itemtype (never fetched), nor ping (a click counter). */
const singleUrlAttributes = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href'];
/** Attributes that hold a comma-separated list of image candidates, each `URL [descriptor]`. */
const candidateListAttributes = ['srcset', 'imagesrcset'];
/**
 * The target of `<meta http-equiv="refresh" content="0; url=…">`, with or without `url=` and quotes: the
 * prefix before it, its opening quote, and the URL.
 */
const refreshContent = /^(\s*\d[\d.]*\s*[;,]\s*(?:url\s*=\s*)?(['"]?))(.+?)\2\s*$/i;

/** One URL of a page: the element and the attribute that hold it. */
export interface UrlReference {
  element: HTMLElement;
  /** `href`, `srcset`…; `content` for a refresh target. */
  attribute: string;
  /** As written in the attribute, without the whitespace a browser ignores around it. */
  url: string;
}

/** Where one URL is written in an attribute's value: `value.slice(start, end)`. */
interface UrlSpan {
  start: number;
  end: number;
}

/** An attribute of an element that carries URLs, its value, and where the URLs are in it. */
interface UrlAttribute {
  attribute: string;
  value: string;
  urls: UrlSpan[];
}

const asciiWhitespace = /[\t\n\f\r ]/;

/** The value without the whitespace around it, which a browser strips from a URL. */
function trimmedSpan(value: string): UrlSpan {
  const start = value.length - value.replace(/^[\t\n\f\r ]+/, '').length;
  return { start, end: Math.max(start, value.replace(/[\t\n\f\r ]+$/, '').length) };
}

/**
 * The URL of each candidate of a `srcset`, as HTML parses it: a URL runs to the next whitespace, so a `data:`
 * URL may hold commas, and a descriptor runs to the next comma outside parentheses.
 */
function candidateUrlSpans(value: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  let position = 0;
  while (position < value.length) {
    while (position < value.length && (value[position] === ',' || asciiWhitespace.test(value.charAt(position)))) {
      position += 1;
    }
    if (position >= value.length) break;
    const start = position;
    while (position < value.length && !asciiWhitespace.test(value.charAt(position))) position += 1;
    let end = position;
    if (value[end - 1] === ',') {
      // `a.png, b.png`: commas at the end of a URL end its candidate, which has no descriptors.
      while (value[end - 1] === ',') end -= 1;
    } else {
      let inParentheses = false;
      for (; position < value.length; position += 1) {
        const character = value[position];
        if (character === '(') inParentheses = true;
        else if (character === ')') inParentheses = false;
        else if (character === ',' && !inParentheses) break;
      }
    }
    spans.push({ start, end });
  }
  return spans;
}

function refreshTargetOf(element: HTMLElement): UrlAttribute | undefined {
  if (element.tagName !== 'META' || element.getAttribute('http-equiv')?.toLowerCase() !== 'refresh') return undefined;
  const content = element.getAttribute('content') ?? '';
  const target = refreshContent.exec(content);
  if (target === null) return undefined;
  const start = (target[1] ?? '').length;
  return { attribute: 'content', value: content, urls: [{ start, end: start + (target[3] ?? '').length }] };
}

function urlAttributesOf(element: HTMLElement): UrlAttribute[] {
  const found: UrlAttribute[] = [];
  for (const attribute of singleUrlAttributes) {
    const value = element.getAttribute(attribute);
    if (value !== undefined) found.push({ attribute, value, urls: [trimmedSpan(value)] });
  }
  for (const attribute of candidateListAttributes) {
    const value = element.getAttribute(attribute);
    if (value !== undefined) found.push({ attribute, value, urls: candidateUrlSpans(value) });
  }
  const refresh = refreshTargetOf(element);
  if (refresh) found.push(refresh);
  return found;
}

/** Every URL that `element`'s attributes hold, in the order of the lists above; an empty `href` is one too. */
export function urlReferencesOf(element: HTMLElement): UrlReference[] {
  return urlAttributesOf(element).flatMap(({ attribute, value, urls }) =>
    urls.map(({ start, end }) => ({ element, attribute, url: value.slice(start, end) })),
  );
}

/** Every URL of every element under `root`, a parsed page, in document order. */
export function urlReferencesIn(root: HTMLElement): UrlReference[] {
  return root.querySelectorAll('*').flatMap(urlReferencesOf);
}

/**
 * Replaces each URL in `element`'s attributes by `rewrite(url)`, keeping the rest of each value as written
 * (descriptors, the refresh delay, whitespace). An attribute whose URLs all stay the same is not set again:
 * setting one rewrites all the element's attributes, and the page must come out as it went in.
 */
export function rewriteUrlsOf(element: HTMLElement, rewrite: (url: string) => string): void {
  for (const { attribute, value, urls } of urlAttributesOf(element)) {
    let rewritten = '';
    let copiedTo = 0;
    for (const { start, end } of urls) {
      rewritten += value.slice(copiedTo, start) + rewrite(value.slice(start, end));
      copiedTo = end;
    }
    rewritten += value.slice(copiedTo);
    if (rewritten !== value) element.setAttribute(attribute, rewritten);
  }
}
