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
