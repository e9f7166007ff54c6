import { execFileSync } from 'node:child_process';
import { startServer } from './server.ts';

/**
 * Builds the site once (unless E2E_SKIP_BUILD=1) and starts one shared server for every test.
 * Tests that need their own server (another database, a stopped database) start one with
 * startServer().
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env['E2E_SKIP_BUILD'] !== '1') {
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  }
  const server = await startServer(
    process.env['E2E_DATABASE_URL'] ? { DATABASE_URL: process.env['E2E_DATABASE_URL'] } : {},
  );
  process.env['E2E_BASE_URL'] = server.url;
  return () => server.stop();
}
