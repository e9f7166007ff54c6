import type { LaunchOptions } from '@playwright/test';
import { findTool } from '../../../scripts/test-tools.ts';

/**
 * How every suite launches Chromium: Debian's (Playwright's own downloads are not used), found
 * as `npm test` checked for it (CHROMIUM_PATH, else `chromium` on PATH).
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: findTool('chromium') ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
