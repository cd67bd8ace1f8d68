import { afterEach, describe, expect, it, vi } from 'vitest';
import { astroEnvironment } from '../../pipeline/build';
import { isReleaseBuild, releaseBuildVariable } from '../../src/lib/build-kind';

describe('whether Astro renders a release or a preview', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is a release only when the build was made with --release', () => {
    expect(isReleaseBuild(astroEnvironment(undefined, true))).toBe(true);
    expect(isReleaseBuild(astroEnvironment(undefined, false))).toBe(false);
  });

  it('is a preview whatever a shell left in the variable, unless the build is a release', () => {
    vi.stubEnv(releaseBuildVariable, '1');
    expect(isReleaseBuild(astroEnvironment(undefined, false))).toBe(false);
  });

  it('is a preview when Astro is started any other way', () => {
    expect(isReleaseBuild({})).toBe(false);
    expect(isReleaseBuild({ [releaseBuildVariable]: 'yes' })).toBe(false);
  });
});

describe('where a page tells a volunteer to report a mirror', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  const reportToWith = async (environment: Record<string, string>) => {
    for (const [name, value] of Object.entries(environment)) vi.stubEnv(name, value);
    vi.resetModules();
    return (await import('../../src/lib/guide')).reportTo;
  };
  const realIdentity = {
    SITE_URL: 'https://record.example.org/',
    REPOSITORY_URL: 'https://git.record.org/r',
    CONTACT_EMAIL: 'keepers@record.org',
  };

  it('is nowhere in a preview, even with the identity filled in', async () => {
    expect(await reportToWith({ ...realIdentity, [releaseBuildVariable]: '0' })).toEqual({
      repositoryUrl: undefined,
      contactEmail: undefined,
    });
  });

  it('is the keepers’ addresses in a release', async () => {
    expect(await reportToWith({ ...realIdentity, [releaseBuildVariable]: '1' })).toEqual({
      repositoryUrl: 'https://git.record.org/r',
      contactEmail: 'keepers@record.org',
    });
  });
});
