/**
 * The environment variables a keeper may have exported for a deploy or a
 * release (the identity, the release date, the key, a port), which change what
 * a build writes or a server listens on. The unit tests run without them
 * (vitest's globalSetup below), so that `npm test` gives the same result in
 * any shell; a test that needs one sets it itself, for its own child process.
 */
import { identityVariables } from '../../src/lib/identity.ts';

export const callerVariables = [
  ...Object.values(identityVariables),
  'SOURCE_DATE_EPOCH',
  'MINISIGN_SECRET_KEY',
  'PORT',
] as const;

/** Vitest's globalSetup: runs in its main process before any test worker starts, and workers inherit its environment. */
export default function removeCallerEnvironment(): void {
  for (const name of callerVariables) Reflect.deleteProperty(process.env, name);
}
