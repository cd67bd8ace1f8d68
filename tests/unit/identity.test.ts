import { describe, expect, it } from 'vitest';
import {
  assertReleaseIdentity,
  configuredIdentity,
  placeholderProblems,
  readIdentity,
} from '../../src/lib/identity.ts';
import { onionLocation } from '../../src/lib/onion.ts';

const real = {
  SITE_URL: 'https://record.belarus-unions.org/',
  REPOSITORY_URL: 'https://codeberg.org/belarus-unions/record/',
  CONTACT_EMAIL: 'keepers@belarus-unions.org',
  ONION_ADDRESS: `${'a'.repeat(55)}d.onion`,
  PUBLISHER: 'Belarusian Trade Union Solidarity',
  SIGNAL_USERNAME: 'record.01',
};

describe('the project’s identity', () => {
  it('comes from src/lib/identity.ts, each value overridden by its environment variable', () => {
    expect(readIdentity({})).toEqual(configuredIdentity);
    expect(readIdentity(real)).toEqual({
      siteUrl: 'https://record.belarus-unions.org/',
      repositoryUrl: 'https://codeberg.org/belarus-unions/record',
      contactEmail: 'keepers@belarus-unions.org',
      onionAddress: real.ONION_ADDRESS,
      publisher: 'Belarusian Trade Union Solidarity',
      signalUsername: 'record.01',
    });
    expect(readIdentity({ ...real, ONION_ADDRESS: '' }).onionAddress).toBeUndefined();
    expect(readIdentity({ ...real, SIGNAL_USERNAME: '' }).signalUsername).toBeUndefined();
    expect(readIdentity({ ...real, PUBLISHER: 'unnamed' }).publisher).toBe('unnamed');
  });

  it.each([
    [{ SITE_URL: 'record.belarus-unions.org' }, 'SITE_URL must be an absolute http(s) address'],
    [{ REPOSITORY_URL: 'http://codeberg.org/x' }, 'REPOSITORY_URL must be an https:// address'],
    [{ CONTACT_EMAIL: 'keepers at belarus-unions.org' }, 'CONTACT_EMAIL must be an e-mail address'],
    [{ ONION_ADDRESS: 'example.onion' }, "ONION_ADDRESS must be a v3 onion service's host name"],
    [{ SIGNAL_USERNAME: '+375291234567' }, 'SIGNAL_USERNAME must be a Signal username'],
    [{ PUBLISHER: 'A <b>name</b>' }, 'PUBLISHER must be a name of at most 200 characters'],
  ])('names the variable that is malformed: %j', (environment, message) => {
    expect(() => readIdentity(environment)).toThrow(message);
  });

  it('is refused by a release build while it holds placeholders, naming each', () => {
    expect(placeholderProblems(readIdentity({}))).toEqual([
      'SITE_URL is a placeholder: https://belarus-unions.example/',
      'REPOSITORY_URL is a placeholder: https://git.belarus-unions.example/record',
      'CONTACT_EMAIL is a placeholder: record@belarus-unions.example',
      'PUBLISHER is not set: name who publishes the site, or set it to "unnamed" for the project page to say why they are not named',
    ]);
    expect(() => assertReleaseIdentity(readIdentity({}))).toThrow(
      /^a release must not carry placeholders:\n {2}SITE_URL is a placeholder/,
    );
    expect(() => assertReleaseIdentity(readIdentity(real))).not.toThrow();
    expect(() => assertReleaseIdentity(readIdentity({ ...real, PUBLISHER: 'unnamed' }))).not.toThrow();
    expect(placeholderProblems(readIdentity({ ...real, PUBLISHER: '' }))).toEqual([
      'PUBLISHER is not set: name who publishes the site, or set it to "unnamed" for the project page to say why they are not named',
    ]);
    for (const placeholder of ['https://example.org/x', 'https://localhost/x', 'https://a.test/x']) {
      expect(placeholderProblems(readIdentity({ ...real, REPOSITORY_URL: placeholder }))).toHaveLength(1);
    }
  });

  it('gives each page the same page on the onion service, when there is one', () => {
    expect(onionLocation(real.ONION_ADDRESS, '/en/petition-to-the-ilo/')).toBe(
      `http://${real.ONION_ADDRESS}/en/petition-to-the-ilo/`,
    );
    expect(onionLocation(undefined, '/en/')).toBeUndefined();
  });
});
