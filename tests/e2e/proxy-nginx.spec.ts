import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/comments.ts';
import { plainRequest } from './support/plain-request.ts';
import { startNginx } from './support/proxies.ts';
import { commentAndModerateOverHttps } from './support/proxy-browse.ts';
import { expectForwardedForFromProxyOnly, launchBrowserFor, withProxiedSite } from './support/proxy-flow.ts';
import { buildProxySite, type ProxySite } from './support/proxy-site.ts';
import { startServer } from './support/server.ts';
import { SITE_HOST, SITE_ORIGIN } from './support/tls.ts';

// deploy/nginx.conf, run by Debian's nginx in front of a build for https://blog.example.test.
let site: ProxySite | undefined;
test.beforeAll(() => {
  test.setTimeout(180_000);
  site = buildProxySite();
});
test.afterAll(() => site?.remove());
const dist = () => site?.dist ?? '';

test('the server takes a form post forwarded as https from the site origin, and still refuses a cross-site one', async () => {
  const server = await startServer({ DIST_DIR: dist(), TRUST_PROXY: '1', ADMIN_PASSWORD });
  try {
    const post = async (headers: Record<string, string>) =>
      (
        await plainRequest(server.port, '/admin/login/', {
          method: 'POST',
          headers: { Host: SITE_HOST, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
          body: 'password=not-it',
        })
      ).status;
    // What the TLS proxy sends: answered (a wrong password), no longer 403 cross-site.
    expect(await post({ 'X-Forwarded-Proto': 'https', Origin: SITE_ORIGIN })).toBe(401);
    expect(await post({ 'X-Forwarded-Proto': 'https', Origin: 'https://elsewhere.example' })).toBe(403);
    expect(await post({ Origin: SITE_ORIGIN })).toBe(403);
  } finally {
    await server.stop();
  }
});

test('in Chromium over https through nginx: comments with and without JavaScript, moderation, Secure cookies, HSTS', async () => {
  test.setTimeout(90_000);
  await withProxiedSite(
    dist(),
    { ADMIN_PASSWORD, COMMENTS_MIN_SECONDS: '1' },
    startNginx,
    async ({ proxy }) => {
      const browser = await launchBrowserFor(proxy);
      try {
        await commentAndModerateOverHttps(browser, 'Nginx');
      } finally {
        await browser.close();
      }
    },
  );
});

test("nginx honours only its own X-Forwarded-For: a client's cannot change the address the rate limit counts", async () => {
  test.setTimeout(60_000);
  const env = { COMMENTS_MIN_SECONDS: '0', COMMENTS_RATE_LIMIT: '2' };
  await withProxiedSite(dist(), env, startNginx, ({ proxy }) => expectForwardedForFromProxyOnly(proxy));
});

test('nginx sends plain http to https', async () => {
  await withProxiedSite(dist(), {}, startNginx, async ({ proxy }) => {
    const response = await plainRequest(proxy.httpPort ?? 0, '/blog/?page=2', {
      headers: { Host: SITE_HOST },
    });
    const answer = { status: response.status, location: response.headers['location'] };
    expect(answer).toEqual({ status: 301, location: `${SITE_ORIGIN}/blog/?page=2` });
  });
});
