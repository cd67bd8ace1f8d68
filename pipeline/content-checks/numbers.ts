/**
 * The numbers written in digits in a text, without leading zeros, so that
 * "01 March" and "1 сакавіка", or "12/10/2020" and "12.10.2020", agree.
 */
export function numbersIn(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(/\d+/g), ([digits]) => digits.replace(/^0+(?=\d)/, '')));
}
