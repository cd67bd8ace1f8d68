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
 *   pages tell volunteers they may take the key from the README;
 * - README.md, between its two verdicts markers: the table of what `verify`
 *   concludes and its exit statuses, from pipeline/mirror-tools/verdicts.ts.
 *
 *   npm run docs
 *
 * rewrites them; tests/unit/docs.test.ts fails while one is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contactEmail, keyFileCommand, onionAddress, repositoryUrl, siteAddress } from '../src/lib/guide.ts';
import { identity } from '../src/lib/identity.ts';
import { verdictTable } from './mirror-tools/verdicts.ts';

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

export const verdictsTable: GeneratedPart = {
  file: 'README.md',
  start: '<!-- verdicts:start (made from pipeline/mirror-tools/verdicts.ts by npm run docs) -->',
  end: '<!-- verdicts:end -->',
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

/** verify's verdicts as a Markdown table, its columns padded as Prettier pads them. */
export function verdictsMarkdown(): string {
  const rows = [
    ['Exit status', 'Its last line', 'Meaning'],
    ...verdictTable().map(([code, word, meaning]) => [code, word.startsWith('(') ? word : `\`${word}: …\``, meaning]),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
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
    [verdictsTable, verdictsMarkdown()],
  ];
  const files = [...new Set(bodies.map(([part]) => part.file))];
  return files.map((file) => {
    const actual = readFileSync(root(file), 'utf8');
    const expected = bodies
      .filter(([part]) => part.file === file)
      .reduce((text, [part, body]) => withPart(text, part, body), actual);
    return { file, actual, expected };
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
