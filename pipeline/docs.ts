/**
 * The parts of the documentation made from the site's own files, so that they
 * say the same:
 *
 * - docs/mirrors.md, between its two hosting-guide markers: the part of
 *   src/content/pages/en/mirrors.mdx from "Host a mirror" on, with its
 *   components written out as Markdown (the key, the addresses from
 *   src/lib/identity.ts) and its links to other pages made absolute;
 * - README.md, between its two release-key markers: the pinned key
 *   (release/minisign.pub) and the command that saves it, since the mirrors
 *   pages tell volunteers they may take the key from the README.
 *
 *   npm run docs
 *
 * rewrites both; tests/unit/docs.test.ts fails while either is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contactEmail, keyFileCommand, onionAddress, repositoryUrl, siteAddress } from '../src/lib/guide.ts';
import { identity } from '../src/lib/identity.ts';

/** A part of a Markdown file that `npm run docs` writes, between two markers. */
export interface GeneratedPart {
  file: string;
  start: string;
  end: string;
}

export const hostingGuide: GeneratedPart = {
  file: 'docs/mirrors.md',
  start: '<!-- hosting-guide:start (made from src/content/pages/en/mirrors.mdx by npm run docs) -->',
  end: '<!-- hosting-guide:end -->',
};

export const releaseKey: GeneratedPart = {
  file: 'README.md',
  start: '<!-- release-key:start (made from release/minisign.pub by npm run docs) -->',
  end: '<!-- release-key:end -->',
};

const firstSection = '## Host a mirror';

const root = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url));

const publicKeyBlock = (publicKeyFile: string) => `\`\`\`\n${publicKeyFile.trim()}\n\`\`\``;
const keyFileCommandBlock = (publicKeyFile: string) => `\`\`\`sh\n${keyFileCommand(publicKeyFile)}\n\`\`\``;

/** The guide as Markdown, at the heading levels the page gives it, to sit under docs/mirrors.md's title. */
export function mirrorsGuide(mdx: string, publicKeyFile: string): string {
  const start = mdx.indexOf(firstSection);
  if (start < 0) throw new Error(`src/content/pages/en/mirrors.mdx has no "${firstSection}" section`);
  const components: Record<string, string> = {
    PublicKey: publicKeyBlock(publicKeyFile),
    KeyFileCommand: keyFileCommandBlock(publicKeyFile),
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
        .replaceAll(/<([A-Z]\w*) \/>/g, (_, name: string) => {
          const markdown = components[name];
          if (markdown === undefined)
            throw new Error(`the guide uses <${name} />, which pipeline/docs.ts cannot write`);
          return markdown;
        })
        .replaceAll(/\]\((\.\.?\/[^)]*)\)/g, (_, link: string) => `](${new URL(link, pageBase).href})`);
    });
  return lines.join('\n').replaceAll(/\n{3,}/g, '\n\n');
}

/** The README's release key: the key file as it is, and the command that saves it as minisign.pub. */
export function releaseKeyMarkdown(publicKeyFile: string): string {
  return `${publicKeyBlock(publicKeyFile)}\n\n${keyFileCommandBlock(publicKeyFile)}`;
}

/** `text`, the Markdown of `part.file`, with what lies between its markers replaced by `body`. */
export function withPart(text: string, part: GeneratedPart, body: string): string {
  const start = text.indexOf(part.start);
  const end = text.indexOf(part.end);
  if (start < 0 || end < start) throw new Error(`${part.file} lacks the markers ${part.start} … ${part.end}`);
  return `${text.slice(0, start + part.start.length)}\n\n${body}\n\n${text.slice(end)}`;
}

/** Each file with generated parts, as it is and as `npm run docs` would write it. */
export function currentDocs(): { file: string; actual: string; expected: string }[] {
  const publicKeyFile = readFileSync(root('release/minisign.pub'), 'utf8');
  const bodies: [GeneratedPart, string][] = [
    [hostingGuide, mirrorsGuide(readFileSync(root('src/content/pages/en/mirrors.mdx'), 'utf8'), publicKeyFile)],
    [releaseKey, releaseKeyMarkdown(publicKeyFile)],
  ];
  return bodies.map(([part, body]) => {
    const actual = readFileSync(root(part.file), 'utf8');
    return { file: part.file, actual, expected: withPart(actual, part, body) };
  });
}

if (import.meta.main) {
  for (const { file, actual, expected } of currentDocs()) {
    if (actual === expected) console.log(`${file}: up to date`);
    else {
      writeFileSync(root(file), expected);
      console.log(`${file}: made afresh`);
    }
  }
}
