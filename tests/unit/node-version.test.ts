import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import satisfies from 'semver/functions/satisfies.js';
import { describe, expect, it } from 'vitest';

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
};
const pinned = packageJson.optionalDependencies[`node-linux-${process.arch}`];

describe('the pinned Node', () => {
  it('is one exact version for every platform the project carries it for, within engines', () => {
    const versions = Object.entries(packageJson.optionalDependencies)
      .filter(([name]) => name.startsWith('node-linux-'))
      .map(([, version]) => version);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(versions).size).toBe(1);
    expect(versions[0]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(satisfies(versions[0] ?? '', packageJson.engines.node)).toBe(true);
  });

  it.runIf(process.platform === 'linux' && pinned !== undefined)('is the Node that npm scripts run on', () => {
    const version = execFileSync('npm', ['exec', '--offline', '--', 'node', '--version'], { encoding: 'utf8' });
    expect(version.trim()).toBe(`v${pinned}`);
  });

  // Debian's own Node, where the machine has it, is older than the project needs: the guard must stop it in one line.
  const debianNode = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).stdout?.trim();
  it.runIf(debianNode !== undefined && debianNode !== '' && !satisfies(debianNode, packageJson.engines.node))(
    `stops a script on an older Node (${debianNode}) with one line that says what is needed`,
    () => {
      const result = spawnSync('/usr/bin/node', ['pipeline/require-node.js'], { encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringContaining(`needs Node.js ${packageJson.engines.node}, not ${debianNode}`),
      ]);
      expect(result.stderr).toContain(`npm install`);
    },
  );
});
