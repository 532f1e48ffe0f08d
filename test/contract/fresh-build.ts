/**
 * The tests of built files must test the current code: a dist/ left over from an older
 * checkout would pass or fail for the wrong reasons.
 */
import { execFileSync } from 'node:child_process';
import { staleBuildReason } from '../../scripts/lib/build-freshness.mjs';

export function ensureFreshBuild(
  root: string,
  build: () => void = () => execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' }),
): void {
  if (staleBuildReason(root)) build();
}
