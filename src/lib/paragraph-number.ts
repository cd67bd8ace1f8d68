/** A paragraph's id, `p-12`, and back: the rule that numbers them is in src/lib/paragraph-ids.ts. */
const idPrefix = 'p-';

export function paragraphId(number: number): string {
  return `${idPrefix}${number}`;
}

/** The number in a paragraph id, or undefined for any other id. */
export function paragraphNumber(id: unknown): number | undefined {
  if (typeof id !== 'string' || !id.startsWith(idPrefix)) return undefined;
  const number = Number(id.slice(idPrefix.length));
  return Number.isInteger(number) && number > 0 ? number : undefined;
}
