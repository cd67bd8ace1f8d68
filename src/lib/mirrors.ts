import { z } from 'astro/zod';
import mirrorsFile from '../data/mirrors.json' with { type: 'json' };

/** A copy of the site that a volunteer hosts; listed on every mirrors page. */
const mirrorSchema = z.strictObject({
  /** Where readers open it: http(s), an onion address, or an IPFS gateway path, ending in `/`. */
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).refine((url) => url.endsWith('/'), {
    error: 'must end in "/"',
  }),
  /** How it is hosted, e.g. "GitHub Pages", "IPFS", "Tor onion service". */
  host: z.string().trim().min(1, 'must name how the copy is hosted'),
  /** When it was last checked with `npm run verify`. */
  verified: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as "YYYY-MM-DD"'),
});

export type Mirror = z.infer<typeof mirrorSchema>;

export function parseMirrors(data: unknown): Mirror[] {
  const result = z.array(mirrorSchema).safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `mirror ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`src/data/mirrors.json is not valid:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

export const mirrors = parseMirrors(mirrorsFile);
