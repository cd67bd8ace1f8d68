/**
 * Reading a strings file by dotted key (`nav.home`). Apart from ui.ts, which reads and checks every language's
 * file as it loads, so that `npm run translation-status` can read a file that ui.ts would refuse, and say why.
 */

/** Every key of a strings file, as a dotted path: `nav.home`. */
export function keysOf(strings: object, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** The string a strings file holds at a dotted key, or undefined where it has none (or a group there). */
export function stringAt(strings: unknown, key: string): string | undefined {
  let node = strings;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}
