import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completeLocaleCodes, isLocale, localeCodes, locales } from '../../src/i18n/locales';
import { languagePages } from '../../src/lib/pages';
import { paths, relativeUrl } from '../../src/lib/routes';

describe('locales', () => {
  it('lists Belarusian, Russian and English first, complete, each named in itself', () => {
    // A language volunteers add is partial until every document, page and string is translated.
    expect(completeLocaleCodes).toEqual(['be', 'ru', 'en']);
    expect(localeCodes.slice(0, 3)).toEqual(['be', 'ru', 'en']);
    expect(locales.be.name).toBe('Беларуская');
  });

  it('knows its languages and nothing else', () => {
    expect(isLocale('be')).toBe(true);
    expect(isLocale('uk')).toBe(false);
    expect(isLocale('toString')).toBe(false);
  });
});

describe('relative links', () => {
  it.each([
    ['/en/petition/', '/ru/petition/', '../../ru/petition/'],
    ['/en/petition/', '/en/', '../'],
    ['/en/', '/en/petition/', 'petition/'],
    ['/en/', '/en/', './'],
    ['/', '/be/', 'be/'],
    ['/be/', '/', '../'],
    ['/404.html', '/ru/', 'ru/'],
    ['/404.html', '/', './'],
    ['/en/a/', '/404.html', '../../404.html'],
  ])('from %s to %s is %s', (from, to, expected) => {
    expect(relativeUrl(from, to)).toBe(expected);
  });

  it('builds each page path from the language and slug', () => {
    expect(paths.document('be', 'petition-to-the-ilo')).toBe('/be/petition-to-the-ilo/');
    expect(paths.home('ru')).toBe('/ru/');
  });
});

describe('the list of pages', () => {
  it('has one line for each page route of src/pages/[lang]/ (index.astro is home)', () => {
    const routeFiles = readdirSync('src/pages/[lang]')
      .filter((name) => name.endsWith('.astro') && name !== '404.astro' && !name.startsWith('['))
      .map((name) => name.replace(/\.astro$/, '').replace(/^index$/, 'home'));
    expect(languagePages.map(({ route }) => route).sort()).toEqual(routeFiles.sort());
  });
});
