import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePublicKey } from '../../pipeline/release/minisign';

const pinnedKeyFile = readFileSync('release/minisign.pub', 'utf8');

describe('the pinned release key', () => {
  it('is a minisign public key', () => {
    expect(() => parsePublicKey(pinnedKeyFile)).not.toThrow();
  });

  it('is the key the README tells readers to check with, as a file for minisign and signify', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`\`\`\`\n${pinnedKeyFile.trim()}\n\`\`\``);
    const [comment, key] = pinnedKeyFile.trim().split('\n');
    expect(readme).toContain(`printf '%s\\n' '${comment}' '${key}' > minisign.pub`);
    expect(readme).toContain('minisign -Vm belarus-unions-record.zip -p minisign.pub');
    expect(readme).toContain('signify-openbsd -V -p minisign.pub -x belarus-unions-record.zip.minisig');
  });
});
