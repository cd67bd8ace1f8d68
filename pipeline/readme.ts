/**
 * The README's hosting guide is made from the English mirrors page, so the
 * two say the same: the part of src/content/pages/en/mirrors.mdx from "Host a
 * mirror" on, with its components written out as Markdown (the key, the
 * addresses from src/lib/identity.ts) and its links to other pages made
 * absolute.
 *
 *   npm run readme
 *
 * rewrites that part of README.md, between its two hosting-guide markers;
 * tests/unit/readme.test.ts fails while it is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contactEmail, keyFileCommand, onionAddress, repositoryUrl, siteAddress } from '../src/lib/guide.ts';
import { identity } from '../src/lib/identity.ts';

export const guideStart = '<!-- hosting-guide:start (made from src/content/pages/en/mirrors.mdx by npm run readme) -->';
export const guideEnd = '<!-- hosting-guide:end -->';
const firstSection = '## Host a mirror';

const root = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url));

/** The guide as README Markdown, one heading level down, to sit under the README's "Mirrors". */
export function readmeGuide(mdx: string, publicKeyFile: string): string {
  const start = mdx.indexOf(firstSection);
  if (start < 0) throw new Error(`src/content/pages/en/mirrors.mdx has no "${firstSection}" section`);
  const components: Record<string, string> = {
    PublicKey: `\`\`\`\n${publicKeyFile.trim()}\n\`\`\``,
    KeyFileCommand: `\`\`\`sh\n${keyFileCommand(publicKeyFile)}\n\`\`\``,
    SiteAddress: `\`${siteAddress}\``,
    RepositoryLink: `<${repositoryUrl}>`,
    ContactLink: `[${contactEmail}](mailto:${contactEmail})`,
    OnionAddress:
      onionAddress === undefined
        ? ''
        : `In Tor Browser, the site is also an onion service: \`http://${onionAddress}/\``,
  };
  const pageBase = new URL('en/mirrors/', identity.siteUrl);
  let inCode = false;
  const lines = mdx
    .slice(start)
    .trimEnd()
    .split('\n')
    .map((line) => {
      if (line.startsWith('```')) inCode = !inCode;
      if (inCode || line.startsWith('```')) return line;
      return line
        .replace(/^(#{2,5}) /, '#$1 ')
        .replaceAll(/<([A-Z]\w*) \/>/g, (_, name: string) => {
          const markdown = components[name];
          if (markdown === undefined)
            throw new Error(`the guide uses <${name} />, which pipeline/readme.ts cannot write`);
          return markdown;
        })
        .replaceAll(/\]\((\.\.?\/[^)]*)\)/g, (_, link: string) => `](${new URL(link, pageBase).href})`);
    });
  return lines.join('\n').replaceAll(/\n{3,}/g, '\n\n');
}

/** README.md with its hosting guide made afresh. */
export function readmeWithGuide(readme: string, guide: string): string {
  const start = readme.indexOf(guideStart);
  const end = readme.indexOf(guideEnd);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${guideStart} … ${guideEnd}`);
  return `${readme.slice(0, start + guideStart.length)}\n\n${guide}\n\n${readme.slice(end)}`;
}

export function currentReadme(): { actual: string; expected: string } {
  const actual = readFileSync(root('README.md'), 'utf8');
  const guide = readmeGuide(
    readFileSync(root('src/content/pages/en/mirrors.mdx'), 'utf8'),
    readFileSync(root('release/minisign.pub'), 'utf8'),
  );
  return { actual, expected: readmeWithGuide(actual, guide) };
}

if (import.meta.main) {
  const { actual, expected } = currentReadme();
  if (actual === expected) console.log('README.md: the hosting guide is up to date');
  else {
    writeFileSync(root('README.md'), expected);
    console.log('README.md: the hosting guide was made afresh from src/content/pages/en/mirrors.mdx');
  }
}
