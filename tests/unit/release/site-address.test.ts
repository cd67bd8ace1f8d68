import { describe, expect, it } from 'vitest';
import { parseSiteAddress } from '../../../pipeline/release/site-address.ts';

describe('site addresses', () => {
  it.each([
    'https://mirror.example/some/path/',
    'https://user.github.io/belarus-unions/',
    'http://127.0.0.1:4321/mirror/x/y/',
    'http://[::1]:8080/',
    'http://expyuzz4wqqyqhjn76bv4bd7nvqjdyyjubkhomwvwvzfgjyknpmj4vad.onion/',
    'https://gateway.example/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/a_b~c.d-e/',
  ])('accepts %s', (address) => {
    expect(parseSiteAddress(address, 'MIRROR_ORIGIN')).toBe(address);
  });

  it.each([
    ['https://mirror.example/"><script>alert(1)</script>/', 'contains "\\""'],
    ['https://mirror.example/<x/', 'contains "<"'],
    ["https://mirror.example/'/", `contains "'"`],
    ['https://mirror.example/a b/', 'contains " "'],
    ['https://mirror.example/a&amp;b/', 'contains "&"'],
    ['https://mirror.example/?q=1/', 'contains "?"'],
    ['https://mirror.example/#x/', 'contains "#"'],
    ['https://mirror.example/%22/', 'contains "%"'],
    ['https://mirror.example/\n', 'contains "\\n"'],
    ['https://user@mirror.example/', 'contains "@"'],
    ['javascript:alert(1)//', 'contains "("'],
    ['ftp://mirror.example/', 'does not start with http:// or https://'],
    ['//mirror.example/', 'does not start with http:// or https://'],
    ['https://mirror.example/path', 'does not end with /'],
    ['https://Mirror.example/', 'is not scheme://host[:port]/path/ with a lower-case host'],
    ['https://mirror.example:99999/', 'is not a valid URL'],
    ['https://mirror.example:443/', 'is not written in canonical form (https://mirror.example/)'],
    ['https://mirror.example/a/../b/', 'is not written in canonical form (https://mirror.example/b/)'],
    [`https://mirror.example/${'a'.repeat(256)}/`, 'is longer than 256 characters'],
  ])('rejects %j: it %s', (address, problem) => {
    expect(() => parseSiteAddress(address, 'MIRROR_ORIGIN')).toThrow(
      `MIRROR_ORIGIN ${JSON.stringify(address)} ${problem}; expected e.g. https://mirror.example/some/path/`,
    );
  });
});
