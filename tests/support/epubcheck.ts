import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Debian's epubcheck is a jar that `/usr/bin/epubcheck` runs through binfmt
 * (jarwrapper), which containers often lack; Java runs the same jar anywhere.
 */
const debianJar = '/usr/share/java/epubcheck.jar';

export interface EpubcheckResult {
  /** Whether epubcheck exited with 0: no fatal error and no error. */
  passed: boolean;
  /** Its report, for the failure message. */
  output: string;
}

/** Runs the real epubcheck on one file. */
export function epubcheck(file: string): EpubcheckResult {
  // A check takes seconds: the JIT's first tier and the serial collector halve the CPU time Java spends on it.
  const java = ['java', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', debianJar];
  const [command, ...args] = existsSync(debianJar) ? java : ['epubcheck'];
  const run = spawnSync(command ?? 'epubcheck', [...args, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`cannot run epubcheck (Debian package epubcheck): ${run.error.message}`);
  return { passed: run.status === 0, output: `${run.stdout}${run.stderr}` };
}
