import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { HTMLElement } from 'node-html-parser';
import { timeline } from '../../src/data/timeline';
import { releaseDate } from '../../src/lib/release-revision';
import { inLanguage, localeCodes, locales, type Locale } from '../../src/i18n/locales';
import { uiStrings } from '../../src/i18n/ui';
import { indexAnchor, listedName, namesIndex, type IndexedName } from '../../src/lib/names-index';
import { formatDay } from '../../src/lib/dates';
import { paragraphNumber } from '../../src/lib/paragraph-number';
import { paths } from '../../src/lib/routes';
import { formatEventDate } from '../../src/lib/timeline';
import { splitFrontMatter } from '../../src/lib/mdx';
import { pageLanguages } from '../support/content';
import { documentParagraphs } from '../support/paragraphs';
import { builtPage, sitePathOf, slugs } from './site';

/**
 * Whether dist/ was built before HEAD was committed, and so perhaps from another commit, with another date.
 * `.ci/run` builds from the commit it tests; only a keeper who commits between a build and the tests meets this.
 */
const builtBeforeHead =
  statSync('dist/SHA256SUMS').mtimeMs / 1000 <
  Number(execFileSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf8' }).trim());

/** A UI sentence with its value, as a page writes it: "{{period}}." with a period that ends in a full stop. */
const sentence = (template: string, value: string) =>
  template
    .replace(/\{\{\w+\}\}/, value)
    .replace(/\.\.$/, '.')
    .replace(/\s+/g, ' ');

/** A name as the index shows it: a person's surname first, then given names; its tag, if any. */
const shownName = (name: IndexedName, lang: Locale) => {
  const { lead, rest } = listedName(name, lang);
  const { tag, feminine } = name.index;
  const tags = uiStrings[lang].names.tag as Record<string, string>;
  const tagText = tag ? (tags[`${tag}${feminine ? '_female' : ''}`] ?? tags[tag]) : undefined;
  return [rest ? `${lead}, ${rest}` : lead, tagText].filter(Boolean).join(' ');
};

/** The pages that tell a newcomer what the record is, each citing the documents' paragraphs. */
const contextPages = [
  { name: 'introduction', path: paths.introduction },
  { name: 'timeline', path: paths.timeline },
  { name: 'names', path: paths.names },
] as const;

/** The introduction's title, from its front matter: the English one where a partial language has no translation yet. */
const introductionTitle = (lang: Locale) =>
  (
    splitFrontMatter(
      readFileSync(
        `src/content/pages/${pageLanguages('introduction').includes(lang) ? lang : 'en'}/introduction.mdx`,
        'utf8',
      ),
    ).frontMatter as {
      title: string;
    }
  ).title;

/** Every link in a built page's main content that leads to a document, with the element it sits in. */
function documentLinks(sitePath: string): { path: string; hash: string; link: HTMLElement }[] {
  const documentPaths = new Set(localeCodes.flatMap((lang) => slugs.map((slug) => paths.document(lang, slug))));
  return builtPage(sitePath)
    .querySelectorAll('main a[href]')
    .map((link) => ({ link, url: new URL(link.getAttribute('href') ?? '', `https://site.invalid${sitePath}`) }))
    .filter(({ url }) => documentPaths.has(url.pathname))
    .map(({ link, url }) => ({ path: url.pathname, hash: url.hash, link }));
}

test('every link the introduction, timeline and names index make into a document leads to a paragraph there', () => {
  // Read from the built files, not a browser: this is every link of nine pages against every paragraph of fifteen.
  const paragraphs = new Map<string, Map<string, string>>();
  const paragraphsOf = (documentPath: string) => {
    let ids = paragraphs.get(documentPath);
    if (!ids) {
      const blocks = builtPage(documentPath).querySelectorAll('.document-text [id]');
      ids = new Map(blocks.map((block) => [block.id, block.tagName]));
      paragraphs.set(documentPath, ids);
    }
    return ids;
  };
  for (const { name, path: pathOf } of contextPages) {
    const cited: Partial<Record<Locale, string[]>> = {};
    for (const lang of localeCodes) {
      const links = documentLinks(pathOf(lang));
      expect(links.length, `${lang} ${name}`).toBeGreaterThan(10);
      for (const { path: target, hash, link } of links) {
        const where = `${lang} ${name} → ${target}${hash}`;
        expect(target.startsWith(`/${lang}/`), `${where}: into another language`).toBe(true);
        if (hash === '') {
          // Only the introduction's headings name a whole document.
          expect(name === 'introduction' && link.parentNode?.tagName === 'H3', `${where}: no paragraph`).toBe(true);
          continue;
        }
        expect(paragraphNumber(hash.slice(1)), where).toBeDefined();
        expect(paragraphsOf(target).get(hash.slice(1)), where).toMatch(/^(P|LI)$/);
      }
      // The names index sorts by each language's names, so the order may differ; what is cited may not.
      cited[lang] = links.map(({ path: target, hash }) => `${target.slice(lang.length + 2)}${hash}`).sort();
    }
    for (const lang of localeCodes) expect(cited[lang], `${lang} ${name} cites what en cites`).toEqual(cited.en);
  }
});

for (const lang of localeCodes) {
  test(`${lang} timeline: every event with its date, its line and its paragraphs, in order`, async ({ page }) => {
    await page.goto(paths.timeline(lang));
    const shown = await page.locator('ol.timeline > li').evaluateAll((items) =>
      items.map((item) => ({
        date: item.querySelector('.timeline-date')?.textContent?.trim(),
        text: item.querySelector('.timeline-date + p')?.textContent?.trim(),
        links: item.querySelectorAll('.source-list a[href*="#p-"]').length,
      })),
    );
    expect(shown).toEqual(
      timeline.map((event) => ({
        date: formatEventDate(event.date, lang),
        text: inLanguage(event.text, lang).value,
        links: Object.values(event.sources).flat().length,
      })),
    );
  });

  test(`${lang} names: people, organisations and places, each with its role and paragraphs`, async ({ page }) => {
    await page.goto(paths.names(lang));
    const shown = await page.locator('section:has(> h2)').evaluateAll((sections) =>
      sections.map((section) => ({
        heading: section.querySelector('h2')?.textContent?.trim(),
        entries: [...section.querySelectorAll('.names-index > li')].map((item) => ({
          id: item.id,
          text: item.querySelector('p')?.textContent?.replace(/\s+/g, ' ').trim(),
          links: item.querySelectorAll('.source-list a[href*="#p-"]').length,
        })),
      })),
    );
    const index = namesIndex(documentParagraphs);
    const byId = (entries: { id: string }[]) => [...entries].sort((a, b) => a.id.localeCompare(b.id));
    expect(shown.map(({ heading }) => heading)).toEqual(
      (['person', 'organisation', 'place'] as const).map((kind) => uiStrings[lang].names[kind]),
    );
    for (const [position, kind] of (['person', 'organisation', 'place'] as const).entries()) {
      const expected = index
        .filter((name) => name.kind === kind)
        .map((name) => ({
          id: indexAnchor(name.key),
          text: name.index.role
            ? `${shownName(name, lang)} — ${inLanguage(name.index.role, lang).value}`
            : shownName(name, lang),
          links: name.mentions.reduce((sum, mention) => sum + mention.paragraphs.length, 0),
        }));
      expect(byId(shown[position]?.entries ?? [])).toEqual(byId(expected));
    }
    // The same person under two spellings is one entry, linked to both documents.
    const pavarau = page.locator(`#${indexAnchor('Ihar Pavarau')} .source-list li`);
    await expect(pavarau).toHaveCount(2);
  });

  test(`${lang} names: a list by surname, with a jump to each letter, tags, and the changed names apart`, async ({
    page,
  }) => {
    await page.goto(paths.names(lang));
    const people = page.locator('#person ~ .names-index').first();
    // A partial language shows the English name, inside its own lang="en".
    const surnames = 'li > p > strong, li > p > [lang] > strong';
    // Surnames first, in bold, in the order of the language's alphabet: written here by hand.
    await expect(people.locator(surnames).first()).toHaveText(
      inLanguage({ be: 'Баброў', ru: 'Барроу', en: 'Babrou' }, lang).value,
    );
    const firstSurnames = await people.locator(surnames).allInnerTexts();
    expect(firstSurnames.slice(0, 4)).toEqual(
      inLanguage(
        {
          be: ['Баброў', 'Бадсон', 'Бандарэнка', 'Бароу'],
          ru: ['Барроу', 'Беланже', 'Бобров', 'Бодсон'],
          en: ['Babrou', 'Bellanger', 'Bodson', 'Bokun'],
        },
        lang,
      ).value,
    );
    // The letters jump to the first name under each.
    const letters = page.locator('#person ~ .index-letters a');
    await expect(letters.first()).toHaveText(inLanguage({ be: 'Б', ru: 'Б', en: 'B' }, lang).value);
    const jump = letters.filter({ hasText: /^[КK]$/ });
    await jump.click();
    const landed = page.locator('.names-index > li:target');
    await expect(landed).toBeInViewport();
    await expect(landed.locator('strong')).toHaveText(
      inLanguage({ be: 'Калеснікава', ru: 'Калупахо', en: 'Kalesnikawa' }, lang).value,
    );
    // Tags from the glossary's data, agreeing with the person.
    const tag = (key: string) => page.locator(`#${indexAnchor(key)} .name-tag`);
    await expect(tag('Ihar Pavarau')).toHaveText(uiStrings[lang].names.tag.sentenced);
    await expect(tag('Maryja Kalesnikawa')).toHaveText(uiStrings[lang].names.tag.sentenced_female);
    await expect(tag('Aleksandr Mikhnevich')).toHaveText(uiStrings[lang].names.tag.official);
    await expect(tag('Marc Leemans')).toHaveText(uiStrings[lang].names.tag.signatory);
    await expect(tag('Nikolay Zimin')).toHaveText(uiStrings[lang].names.tag.detained);
    // The petition's changed names under their own heading, after the people and not among them.
    const changed = page.locator('h3 + .names-index > li');
    await expect(page.locator('#person ~ h3')).toHaveText(uiStrings[lang].names.changed);
    await expect(changed).toHaveCount(3);
    expect(await changed.evaluateAll((items) => items.map((item) => item.id).sort())).toEqual([
      'maria',
      'nadezhda',
      'slavomir',
    ]);
    await expect(people.locator('#maria, #slavomir, #nadezhda')).toHaveCount(0);
  });

  test(`${lang} introduction: its title, and a citation that opens the document at its paragraph`, async ({ page }) => {
    await page.goto(paths.introduction(lang));
    await expect(page.locator('h1')).toHaveText(introductionTitle(lang));
    const citation = page.locator('main article p a[href*="#p-"]').first();
    const target = new URL(String(await citation.getAttribute('href')), page.url());
    await citation.click();
    await expect(page).toHaveURL(target.href);
    const paragraph = page.locator(`.document-text ${target.hash}`);
    await expect(paragraph).toBeInViewport();
    expect(await paragraph.evaluate((element) => element.matches(':target'))).toBe(true);
  });

  test(`${lang} home page: a newcomer starts at the introduction, the timeline, the names, the note for readers and who is behind the site`, async ({
    page,
  }) => {
    await page.goto(paths.home(lang));
    const start = page.locator('.start-here a');
    await expect(start).toHaveText([
      introductionTitle(lang),
      uiStrings[lang].timeline.title,
      uiStrings[lang].names.title,
      uiStrings[lang].nav.about,
      uiStrings[lang].nav.project,
    ]);
    const targets = await start.evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    expect(targets).toEqual([
      paths.introduction(lang),
      paths.timeline(lang),
      paths.names(lang),
      paths.about(lang),
      paths.project(lang),
    ]);
  });

  test(`${lang} home page: the release date, the date of the commit it was built from`, () => {
    test.skip(builtBeforeHead, 'dist/ was built before HEAD was committed: run npm run build first');
    const text = (builtPage(paths.home(lang)).querySelector('.record-scope')?.text ?? '').replace(/\s+/g, ' ');
    const released = releaseDate(process.cwd());
    expect(released).toBeDefined();
    expect(text).toContain(
      sentence(uiStrings[lang].home.release, formatDay(released?.toISOString().slice(0, 10) ?? '', lang)),
    );
  });

  test(`${lang} home page: the period the record covers, from the timeline, and the corrections`, () => {
    const scope = builtPage(paths.home(lang)).querySelector('.record-scope');
    const text = (scope?.text ?? '').replace(/\s+/g, ' ');
    // The first and last months of the timeline's events, written here by hand: a new event must move them.
    const period = new Intl.DateTimeFormat(locales[lang].dateFormat, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).formatRange(new Date('2020-08-01T00:00:00Z'), new Date('2021-09-01T00:00:00Z'));
    expect(text).toContain(sentence(uiStrings[lang].home.period, period));
    const link = scope?.querySelector('a');
    expect(sitePathOf(link?.getAttribute('href') ?? '', paths.home(lang))).toBe(paths.corrections(lang));
  });
}
