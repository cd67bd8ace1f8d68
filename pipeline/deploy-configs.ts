/**
 * Writes the generated host configurations into deploy/ (nginx, Caddy, Tor),
 * from pipeline/release/host-configs.ts and the configured identity:
 *
 *   npm run deploy-configs
 *
 * tests/unit/release/host-configs.test.ts fails while deploy/ is out of date.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readIdentity } from '../src/lib/identity.ts';
import { generatedHostConfigs } from './release/host-configs.ts';

const deployDir = fileURLToPath(new URL('../deploy/', import.meta.url));
for (const [file, contents] of Object.entries(generatedHostConfigs(readIdentity({})))) {
  await mkdir(path.dirname(path.join(deployDir, file)), { recursive: true });
  await writeFile(path.join(deployDir, file), contents);
  console.log(`deploy/${file}`);
}
