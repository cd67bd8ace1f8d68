/**
 * The address of a page on the project's onion service, for the
 * `onion-location` tag that makes Tor Browser offer it: the service serves the
 * site at its root, so a page's path there is its path from the site's root.
 */
export function onionLocation(onionAddress: string | undefined, path: string): string | undefined {
  return onionAddress === undefined ? undefined : `http://${onionAddress}/${path.replace(/^\//, '')}`;
}
