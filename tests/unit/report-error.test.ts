import { describe, expect, it } from 'vitest';
import { identity } from '../../src/lib/identity';
import { reportErrorHref } from '../../src/lib/report-error';

const page = { url: 'https://belarus-unions.example/be/petition-to-the-ilo/', subject: 'Памылка на старонцы' };

describe('report an error', () => {
  it('writes an e-mail to the keepers, naming the page', () => {
    const href = reportErrorHref({ contactEmail: 'record@example.org' }, page);
    const url = new URL(String(href));
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('record@example.org');
    expect(url.searchParams.get('subject')).toBe(page.subject);
    expect(url.searchParams.get('body')).toBe(`${page.url}\n\n`);
  });

  it('leaves the letters of the subject as they are, which the browser encodes when the link is followed', () => {
    const href = String(reportErrorHref({ contactEmail: 'record@example.org' }, page));
    expect(href).toContain('subject=Памылка%20на%20старонцы&');
    expect(href).not.toMatch(/%D0/i);
  });

  it('prefers e-mail, which needs no account, to the issues page', () => {
    const href = reportErrorHref({ contactEmail: 'a@b.org', repositoryUrl: 'https://git.example/x/record' }, page);
    expect(href).toMatch(/^mailto:a@b\.org\?/);
  });

  it('opens the repository’s issues page when there is no address', () => {
    expect(reportErrorHref({ repositoryUrl: 'https://git.example/x/record' }, page)).toBe(
      'https://git.example/x/record/issues',
    );
    expect(reportErrorHref({ repositoryUrl: 'https://git.example/x/record/' }, page)).toBe(
      'https://git.example/x/record/issues',
    );
  });

  it('offers nothing when the project has neither', () => {
    expect(reportErrorHref({}, page)).toBeUndefined();
  });

  it('has somewhere to go with the project’s own identity', () => {
    expect(reportErrorHref(identity, page)).toMatch(/^(mailto:|https:\/\/)/);
  });
});
