import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePublicKey } from '../../scripts/release/minisign';

const pinnedKeyFile = readFileSync('release/minisign.pub', 'utf8');
const pinnedKey = pinnedKeyFile.trim().split('\n').at(-1) ?? '';

describe('the pinned release key', () => {
  it('is a minisign public key', () => {
    expect(() => parsePublicKey(pinnedKeyFile)).not.toThrow();
  });

  it('is the key the README tells readers to check with', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`\`\`\`\n${pinnedKey}\n\`\`\``);
    expect(readme).toContain(`minisign -Vm SHA256SUMS -P ${pinnedKey}`);
  });
});
