import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales';
import { keysOf } from '../../src/i18n/string-keys';
import { assertSameKeys, uiStrings, useTranslations } from '../../src/i18n/ui';

describe('interface strings', () => {
  const englishKeys = keysOf(uiStrings.en);

  it.each(localeCodes)('%s has every key of en.json and no other', (lang) => {
    expect(keysOf(uiStrings[lang]).sort()).toEqual([...englishKeys].sort());
  });

  it.each(localeCodes)('%s has no empty string', (lang) => {
    const t = useTranslations(lang);
    for (const key of englishKeys) expect(t(key as never), `${lang}: ${key}`).not.toBe('');
  });

  it('names the file and the key when a locale lacks a key', () => {
    const site: Partial<typeof uiStrings.ru.site> = { ...uiStrings.ru.site };
    delete site.title;
    expect(() => assertSameKeys({ ...uiStrings, ru: { ...uiStrings.ru, site } })).toThrow(
      'src/i18n/strings/ru.json does not match en.json: missing site.title;',
    );
  });

  it('interpolates in the language asked for', () => {
    expect(useTranslations('be')('document.dateAfter', { date: '12 лістапада 2020 г.' })).toBe(
      'пасля 12 лістапада 2020 г.',
    );
    expect(useTranslations('ru')('nav.home')).toBe('Все документы');
  });

  it('gives a string asked for again as i18next gives it, with options or without, in either order', () => {
    const t = useTranslations('en');
    const withDate = () => t('document.dateAfter', { date: '1 March 2021' });
    expect(t('document.dateAfter')).toBe('after {{date}}');
    expect(withDate()).toBe('after 1 March 2021');
    expect(t('document.dateAfter', { date: '2 March 2021' })).toBe('after 2 March 2021');
    expect(t('document.dateAfter')).toBe('after {{date}}');
    expect(t('paragraph.link', { number: 12 })).not.toBe(t('paragraph.link', { number: 13 }));
    expect(t('paragraph.link', { number: 13 })).toContain('13');
    expect(useTranslations('ru')('nav.home')).toBe(useTranslations('ru')('nav.home'));
    expect(useTranslations('be')('nav.home')).not.toBe(useTranslations('ru')('nav.home'));
  });

  it('has no string that nothing uses', () => {
    const code = ['src', 'pipeline']
      .flatMap((root) => readdirSync(root, { recursive: true, encoding: 'utf8' }).map((file) => path.join(root, file)))
      .filter((file) => /\.(ts|js|astro|mjs)$/.test(file) && !file.startsWith(path.join('src', 'i18n', 'strings')))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // Keys named in code whole ('offline.keep'), or by a section and a value (`languageName.${code}`).
    const dynamicSections = [...new Set([...code.matchAll(/`([\w.]+)\.\$\{/g)].map(([, section]) => `${section}.`))];
    const unused = englishKeys.filter(
      (key) =>
        !code.includes(`'${key}'`) &&
        !code.includes(`"${key}"`) &&
        !dynamicSections.some((section) => key.startsWith(section)),
    );
    expect(unused).toEqual([]);
  });
});
