/**
 * The programs the test suites run besides Node, and the Debian packages that bring them.
 * `npm test` checks for them first (scripts/ensure-test-tools.ts), and the suites find them
 * the same way, so what the check found is what the tests run.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/** A program the tests need and the Debian package that installs it. */
export interface TestTool {
  command: string;
  debianPackage: string;
  /** What needs it, for the message when it is missing. */
  usedBy: string;
}

/** Every program the tests need. */
export const TEST_TOOLS: readonly TestTool[] = [
  { command: 'chromium', debianPackage: 'chromium', usedBy: 'the browser suites' },
  { command: 'nginx', debianPackage: 'nginx', usedBy: 'the nginx proxy suite' },
  { command: 'caddy', debianPackage: 'caddy', usedBy: 'the Caddy proxy suite' },
  { command: 'openssl', debianPackage: 'openssl', usedBy: 'the proxy suites (test certificates)' },
  { command: 'java', debianPackage: 'openjdk-17-jre-headless', usedBy: 'the W3C Nu HTML checker (vnu-jar)' },
  {
    command: 'python3',
    debianPackage: 'python3',
    usedBy: "the robots.txt test (Python's urllib.robotparser)",
  },
];

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The folders searched for a program: PATH, each with the `sbin` beside its `bin` (Debian
 * installs nginx in /usr/sbin, which a user's PATH usually leaves out).
 */
export function searchFolders(path: string | undefined): string[] {
  const folders = (path ?? '').split(delimiter).filter((folder) => folder !== '');
  const withSbin = folders.flatMap((folder) =>
    folder.endsWith('/bin') ? [folder, join(dirname(folder), 'sbin')] : [folder],
  );
  return [...new Set(withSbin)];
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Where a program is, or undefined. Chromium is CHROMIUM_PATH when that is set, as Playwright uses it. */
export function findTool(command: string, env: Env = process.env): string | undefined {
  const explicit = command === 'chromium' ? env['CHROMIUM_PATH'] : undefined;
  if (explicit) return isExecutable(explicit) ? explicit : undefined;
  return searchFolders(env['PATH'])
    .map((folder) => join(folder, command))
    .find(isExecutable);
}

/** What to do about the tools: nothing, install the missing packages, or stop and say how. */
export type ToolPlan =
  | { kind: 'ready' }
  | { kind: 'install'; packages: string[] }
  | { kind: 'stop'; message: string };

/** Decides from what is missing and whether this process may run apt-get (root, and apt-get found). */
export function planTestTools(missing: readonly TestTool[], mayInstall: boolean): ToolPlan {
  if (missing.length === 0) return { kind: 'ready' };
  const packages = missing.map((tool) => tool.debianPackage);
  if (mayInstall) return { kind: 'install', packages };
  const lines = missing.map((tool) => `  ${tool.command} (${tool.usedBy})`);
  return {
    kind: 'stop',
    message: [
      'The tests need programs that are not installed:',
      ...lines,
      'Install them (Debian or Ubuntu) with:',
      `  sudo apt-get install -y ${packages.join(' ')}`,
    ].join('\n'),
  };
}
