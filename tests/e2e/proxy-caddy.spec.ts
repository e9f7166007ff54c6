import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findTool } from '../../scripts/test-tools.ts';
import { ADMIN_PASSWORD } from './support/comments.ts';
import { startCaddy } from './support/proxies.ts';
import { commentAndModerateOverHttps } from './support/proxy-browse.ts';
import { expectForwardedForFromProxyOnly, launchBrowserFor, withProxiedSite } from './support/proxy-flow.ts';
import { buildProxySite, type ProxySite } from './support/proxy-site.ts';

const root = new URL('../../', import.meta.url).pathname;

test('the shipped Caddyfile is valid as it stands', () => {
  const caddy = findTool('caddy');
  if (!caddy)
    throw new Error('caddy is not installed (npm test installs it: see scripts/ensure-test-tools.ts)');
  const home = mkdtempSync(join(tmpdir(), 'blog-caddy-'));
  try {
    const result = spawnSync(
      caddy,
      ['validate', '--adapter', 'caddyfile', '--config', join(root, 'deploy/Caddyfile')],
      {
        env: { ...process.env, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home },
        encoding: 'utf8',
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Valid configuration');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

// deploy/Caddyfile in front of a build for https://blog.example.test, with a test certificate.
test.describe('through Caddy', () => {
  let site: ProxySite | undefined;
  test.beforeAll(() => {
    test.setTimeout(180_000);
    site = buildProxySite();
  });
  test.afterAll(() => site?.remove());
  const dist = () => site?.dist ?? '';

  test('in Chromium over https: comments with and without JavaScript, moderation, Secure cookies, HSTS', async () => {
    test.setTimeout(90_000);
    await withProxiedSite(
      dist(),
      { ADMIN_PASSWORD, COMMENTS_MIN_SECONDS: '1' },
      startCaddy,
      async ({ proxy }) => {
        const browser = await launchBrowserFor(proxy);
        try {
          await commentAndModerateOverHttps(browser, 'Caddy');
        } finally {
          await browser.close();
        }
      },
    );
  });

  test("Caddy honours only its own X-Forwarded-For: a client's cannot change the address the rate limit counts", async () => {
    test.setTimeout(60_000);
    const env = { COMMENTS_MIN_SECONDS: '0', COMMENTS_RATE_LIMIT: '2' };
    await withProxiedSite(dist(), env, startCaddy, ({ proxy }) => expectForwardedForFromProxyOnly(proxy));
  });
});
