/**
 * The steps of verify.ts's check that only a web mirror goes through. Readers
 * open folder addresses (`en/`), which a server may answer otherwise than the
 * `index.html` behind them; a web server lists no folders, so what else it
 * serves is found by following the links of its pages; and it sends headers,
 * which the signed `_headers` judge.
 */
import { randomInt } from 'node:crypto';
import { headersFile, hostHeadersFile } from '../after-render/security-headers.ts';
import { compareBytewise, sha256Hex, type ChecksumEntry } from '../release/checksums.ts';
import { releaseFiles } from '../release/release-format.ts';
import {
  compareHeaders,
  headersForPath,
  parseHeadersFile,
  type HeaderDifference,
  type HeaderRule,
} from './host-headers.ts';
import { linkedUrls } from './links.ts';
import type { HttpMirror, ReadAtResult } from './mirror-source.ts';
import { concurrency, mapConcurrently, maxBytes, maxLinkChecks, type ServedFile } from './verify-steps.ts';

export interface HeaderFinding {
  difference: HeaderDifference;
  /** How many files were served with it, and the first of them. */
  files: number;
  example: string;
}

/** A folder's own address for a listed page at `…/index.html`: `en/index.html` → `en/`, `index.html` → the root. */
const folderAddressOf = (file: string): string | undefined =>
  file === 'index.html' || file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : undefined;

/**
 * A query a reader could send, as the search form does (`?q=`); new on every run, so that a mirror cannot answer
 * this one genuinely and the queries readers send with forged pages.
 */
function readerQuery(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return `?q=${Array.from({ length: 10 }, () => letters.charAt(randomInt(letters.length))).join('')}`;
}

/** Why a folder's address answered otherwise than the bytes of its `index.html`, `file`; undefined if it did not. */
function folderAnswerProblem(answer: ReadAtResult, file: string, bytes: Buffer): string | undefined {
  switch (answer.status) {
    case 'redirected':
      return `redirects to ${answer.to}, away from its own address and ${file}: a browser resolves the page's links from there, so they lead wherever the server says`;
    case 'missing':
      return `answers 404, though ${file} is served`;
    case 'unreadable':
      return answer.reason;
    case 'found':
      return answer.bytes.equals(bytes) ? undefined : `answers other bytes than ${file}`;
  }
}

/** A folder address's answer: its headers, to judge by the signed `_headers` rules for `sitePath`. */
interface FolderAnswer {
  /** The address as asked, for the report: `en/`, `en/?q=…`. */
  shown: string;
  sitePath: string;
  headers: Headers;
}

/**
 * Each folder address whose answer differs from the bytes its `index.html` was served with, asked as it is and,
 * if that answers right, with a query a reader could send: two requests a folder, at most `concurrency` at a
 * time. With the headers of every answer, which the signed `_headers` judge as they judge the files'.
 */
export async function checkFolderAddresses(
  source: HttpMirror,
  served: ReadonlyMap<string, { bytes: Buffer }>,
): Promise<{ problems: { address: string; problem: string }[]; answers: FolderAnswer[] }> {
  const query = readerQuery();
  const folders = [...served]
    .flatMap(([file, { bytes }]) => {
      const address = folderAddressOf(file);
      return address === undefined ? [] : [{ file, address, bytes }];
    })
    .sort((a, b) => compareBytewise(a.file, b.file));
  const answers: FolderAnswer[] = [];
  const ask = async (url: URL, address: string) => {
    const answer = await source.readAt(url, maxBytes.siteFile);
    if (answer.status === 'found' && answer.headers) {
      answers.push({ shown: `${address || './'}${url.search}`, sitePath: address, headers: answer.headers });
    }
    return answer;
  };
  const problems = await mapConcurrently(folders, concurrency, async ({ file, address, bytes }) => {
    const url = source.urlOf(address);
    const shownAddress = address === '' ? './ (the root)' : address;
    const problem = folderAnswerProblem(await ask(url, address), file, bytes);
    if (problem !== undefined) return [{ address: shownAddress, problem }];
    url.search = query;
    const withQuery = await ask(url, address);
    const queried = address === '' ? `./${query} (the root)` : `${address}${query}`;
    const plain = address === '' ? './' : address;
    const queriedProblem =
      withQuery.status === 'found' && !withQuery.bytes.equals(bytes)
        ? `answers other bytes than ${file}, though ${plain} answers those: a query (a search, a messenger's ?fbclid=…) changes nothing on a genuine copy`
        : withQuery.status === 'missing'
          ? `answers 404, though ${plain} answers ${file}`
          : folderAnswerProblem(withQuery, file, bytes);
    return queriedProblem === undefined ? [] : [{ address: queried, problem: queriedProblem }];
  });
  return { problems: problems.flat(), answers };
}

/**
 * Files a web mirror serves that SHA256SUMS does not list, found by following
 * the links of the listed pages: a web server lists no folders.
 */
export async function unlistedLinkTargets(
  source: HttpMirror,
  listed: ReadonlySet<string>,
  pages: readonly { path: string; bytes: Buffer }[],
): Promise<{ unexpected: string[]; unchecked: number }> {
  const isListed = (file: string) =>
    listed.has(file) || releaseFiles.has(file) || listed.has(`${file}/index.html`) || listed.has(`${file}.html`);
  const candidates = new Map<string, URL>();
  for (const page of pages) {
    for (const url of linkedUrls(page.bytes.toString('utf8'), source.urlOf(page.path))) {
      const sitePath = source.sitePathOf(url);
      if (sitePath === undefined) continue;
      const file = sitePath === '' || sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
      if (isListed(file) || candidates.has(file)) continue;
      url.search = '';
      url.hash = '';
      candidates.set(file, url);
    }
  }
  const toCheck = [...candidates].slice(0, maxLinkChecks);
  const served = await mapConcurrently(toCheck, concurrency, async ([file, url]) =>
    (await source.readUrl(url, maxBytes.siteFile)).status === 'found' ? [file] : [],
  );
  return { unexpected: served.flat(), unchecked: candidates.size - toCheck.length };
}

/** The signed `_headers`: the copy's own when it serves it unaltered, else the one this verifier was built with if the list names its hash. */
function signedHeaderRules(
  entries: readonly ChecksumEntry[],
  served: Buffer | undefined,
): { rules: HeaderRule[] } | { reason: string } {
  const entry = entries.find((candidate) => candidate.path === hostHeadersFile);
  if (entry === undefined) return { reason: `this release lists no ${hostHeadersFile}` };
  const known = [served, Buffer.from(headersFile())].find(
    (candidate) => candidate !== undefined && sha256Hex(candidate) === entry.sha256,
  );
  if (known === undefined) {
    return {
      reason: `the copy does not serve its ${hostHeadersFile} unaltered, and this verifier does not know the signed one`,
    };
  }
  return { rules: parseHeadersFile(known.toString('utf8')) };
}

function summariseHeaders(findings: { path: string; differences: HeaderDifference[] }[]): HeaderFinding[] {
  const byKey = new Map<string, HeaderFinding>();
  for (const { path, differences } of findings) {
    for (const difference of differences) {
      const key = `${difference.kind}\0${difference.name}\0${difference.served ?? ''}`;
      const earlier = byKey.get(key);
      if (earlier === undefined) byKey.set(key, { difference, files: 1, example: path });
      else earlier.files += 1;
    }
  }
  return [...byKey.values()];
}

/**
 * How the headers the mirror sent with each listed file, and at each folder address, differ from the signed
 * `_headers`; or, when the signed ones are not known, why they were not compared.
 */
export function checkHeaders(
  entries: readonly ChecksumEntry[],
  served: ReadonlyMap<string, ServedFile>,
  folderAnswers: readonly FolderAnswer[],
): { findings: HeaderFinding[]; notCompared?: string } {
  const signedRules = signedHeaderRules(entries, served.get(hostHeadersFile)?.bytes);
  if ('reason' in signedRules) return { findings: [], notCompared: signedRules.reason };
  const judged = (path: string, sitePath: string, sent: Headers | undefined) => ({
    path,
    differences: compareHeaders(headersForPath(signedRules.rules, `/${sitePath}`), sent ?? new Headers()),
  });
  return {
    findings: summariseHeaders([
      ...[...served].map(([path, result]) => judged(path, path, result.headers)),
      // Where readers arrive: a folder address is a page of its own to the browser, whatever its bytes.
      ...folderAnswers.map(({ shown, sitePath, headers: sent }) => judged(shown, sitePath, sent)),
    ]),
  };
}
