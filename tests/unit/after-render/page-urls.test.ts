import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { rewriteUrlsOf, urlReferencesIn, urlReferencesOf } from '../../../pipeline/after-render/page-urls';

/** Each URL of `html` as `<tag> attribute url`. */
function referencesIn(html: string): string[] {
  return urlReferencesIn(parse(html)).map(
    ({ element, attribute, url }) => `<${element.tagName.toLowerCase()}> ${attribute} ${url}`,
  );
}

/** The first element of `html`, after each of its URLs went through `rewrite`. */
function rewritten(html: string, rewrite: (url: string) => string): string {
  const element = parse(html).querySelector('*');
  if (!element) throw new Error(`no element in ${html}`);
  rewriteUrlsOf(element, rewrite);
  return element.toString();
}

describe('the URLs of a page', () => {
  it('finds every attribute that carries a URL, on whatever element, in document order', () => {
    expect(
      referencesIn(
        [
          '<link rel="preload" as="image" href="a.png" imagesrcset="a.png 1x, a2.png 2x">',
          '<a href="en/">en</a><img src="b.png" srcset="b.png 1x, b2.png 2x" alt="">',
          '<form action="send/"><button formaction="other/">Send</button></form>',
          '<video poster="c.png"></video><object data="d.pdf"></object>',
          '<svg><use xlink:href="#old"></use><use href="#icon"></use></svg>',
          '<meta http-equiv="refresh" content="0; url=elsewhere/">',
        ].join(''),
      ),
    ).toEqual([
      '<link> href a.png',
      '<link> imagesrcset a.png',
      '<link> imagesrcset a2.png',
      '<a> href en/',
      '<img> src b.png',
      '<img> srcset b.png',
      '<img> srcset b2.png',
      '<form> action send/',
      '<button> formaction other/',
      '<video> poster c.png',
      '<object> data d.pdf',
      '<use> xlink:href #old',
      '<use> href #icon',
      '<meta> content elsewhere/',
    ]);
  });

  it('leaves out cite, ping, itemtype and namespaces, and a meta that is no refresh or names no target', () => {
    expect(
      referencesIn(
        [
          '<blockquote cite="https://example.org/source">q</blockquote><a ping="track/">no href</a>',
          '<div itemscope itemtype="https://schema.org/Thing"></div><svg xmlns="http://www.w3.org/2000/svg"></svg>',
          '<meta name="description" content="x/"><meta http-equiv="refresh" content="30">',
        ].join(''),
      ),
    ).toEqual([]);
  });

  it('gives each URL without the whitespace around it; an empty href is the page itself', () => {
    expect(referencesIn('<a href=" \n en/ ">en</a><a href="">here</a>')).toEqual(['<a> href en/', '<a> href ']);
  });

  it('reads srcset candidates as a browser does: a comma ends a URL only at its end, a descriptor outside parentheses', () => {
    const element = parse(
      '<img srcset=" ,a.png,, b.png 2x,data:image/png;base64,iVBO= 3x , c.png (x, y) 4x,d,e.png">',
    ).querySelector('img');
    expect(element && urlReferencesOf(element).map(({ url }) => url)).toEqual([
      'a.png',
      'b.png',
      'data:image/png;base64,iVBO=',
      'c.png',
      'd,e.png',
    ]);
  });

  it('finds a refresh target with or without url= and quotes', () => {
    expect(
      referencesIn(
        [
          '<meta http-equiv="refresh" content="0;url=a/">',
          `<meta http-equiv="Refresh" content="5; URL = 'b/' ">`,
          '<meta http-equiv="refresh" content="1.5, c/">',
        ].join(''),
      ),
    ).toEqual(['<meta> content a/', '<meta> content b/', '<meta> content c/']);
  });
});

describe('rewriting the URLs of an element', () => {
  const upper = (url: string) => url.toUpperCase();

  it('maps each URL of each attribute, keeping descriptors, delays and spacing as written', () => {
    expect(rewritten('<img src="a.png" srcset="a.png 1x,b.png   2x" alt="">', upper)).toBe(
      '<img src="A.PNG" srcset="A.PNG 1x,B.PNG   2x" alt>',
    );
    expect(rewritten('<link rel="preload" as="image" imagesrcset="a.png 1x, b.png 2x">', upper)).toBe(
      '<link rel="preload" as="image" imagesrcset="A.PNG 1x, B.PNG 2x">',
    );
    expect(rewritten('<button formaction=" send/ ">x</button>', upper)).toBe('<button formaction=" SEND/ ">x</button>');
    expect(rewritten('<use xlink:href="a.svg#i"></use>', upper)).toBe('<use xlink:href="A.SVG#I"></use>');
    expect(rewritten(`<meta http-equiv="refresh" content="0; url='x/'">`, upper)).toBe(
      `<meta http-equiv="refresh" content="0; url='X/'">`,
    );
  });

  it('leaves an element whose URLs stay the same exactly as parsed', () => {
    const html = '<img src="a.png" srcset="a.png 1x,  b.png 2x" alt="" data-x=\'y\'>';
    expect(rewritten(html, (url) => url)).toBe(html);
  });
});
