/**
 * `npm test` runs this first (the `pretest` script): the browser and proxy suites need
 * Chromium, nginx, Caddy and openssl. When one is missing it installs the Debian packages
 * with apt-get if it may (running as root, apt-get present, as on a fresh CI machine);
 * otherwise it stops at once, printing the one command that installs them, instead of
 * letting the suites fail one by one minutes later.
 */
import { spawnSync } from 'node:child_process';
import { findTool, planTestTools, TEST_TOOLS } from './test-tools.ts';

const missingTools = () => TEST_TOOLS.filter((tool) => !findTool(tool.command));
const aptGet = findTool('apt-get');
const plan = planTestTools(missingTools(), aptGet !== undefined && process.getuid?.() === 0);

if (plan.kind === 'stop') {
  console.error(plan.message);
  process.exit(1);
}
if (plan.kind === 'install' && aptGet) {
  console.log(`[test tools] installing ${plan.packages.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...plan.packages],
  ]) {
    const result = spawnSync(aptGet, args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`[test tools] apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
      process.exit(1);
    }
  }
  const stillMissing = missingTools();
  if (stillMissing.length > 0) {
    console.error(
      `[test tools] still missing after apt-get: ${stillMissing.map((t) => t.command).join(', ')}`,
    );
    process.exit(1);
  }
}
