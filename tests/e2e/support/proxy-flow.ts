/**
 * What the proxy suites do through a running proxy: a reader in Chromium over https, and
 * clients that try to choose the address the server counts them under.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, expect } from '@playwright/test';
import { chromiumLaunchOptions } from './browser.ts';
import { COMMENTS_PAGE } from './comments.ts';
import type { RunningProxy } from './proxies.ts';
import { type RunningServer, startServer } from './server.ts';
import { type Certificate, makeCertificate, proxyRequest, SITE_HOST, SITE_ORIGIN } from './tls.ts';

/** A test server behind a proxy, with the proxy's scratch folder. */
export interface ProxiedSite {
  server: RunningServer;
  proxy: RunningProxy;
}

/**
 * Starts the server for `dist` with TRUST_PROXY=1 and the proxy in front of it, runs `use`,
 * then stops both and removes the scratch folder, whether `use` passed or not.
 */
export async function withProxiedSite(
  dist: string,
  env: Record<string, string>,
  startProxy: (scratch: string, upstreamPort: number, tls: Certificate) => Promise<RunningProxy>,
  use: (site: ProxiedSite) => Promise<void>,
): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'blog-proxy-'));
  let server: RunningServer | undefined;
  let proxy: RunningProxy | undefined;
  try {
    server = await startServer({ DIST_DIR: dist, SITE_URL: SITE_ORIGIN, TRUST_PROXY: '1', ...env });
    proxy = await startProxy(scratch, server.port, makeCertificate(scratch));
    await use({ server, proxy });
  } catch (error) {
    // What the proxy and the server said is usually what explains the failure.
    console.error(`proxy output:\n${proxy?.output() ?? ''}\nserver output:\n${server?.output() ?? ''}`);
    throw error;
  } finally {
    await proxy?.stop();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Chromium that reaches https://SITE_HOST at the proxy (as DNS would send it to a real one). */
export function launchBrowserFor(proxy: RunningProxy): Promise<Browser> {
  return chromium.launch({
    ...chromiumLaunchOptions,
    args: [
      ...(chromiumLaunchOptions.args ?? []),
      `--host-resolver-rules=MAP ${SITE_HOST} 127.0.0.1:${proxy.httpsPort}`,
    ],
  });
}

/** Who a post through the proxy claims to be, and where it really comes from. */
export interface PostOrigin {
  /** The loopback address the client connects from, as the proxy sees it (default 127.0.0.1). */
  from?: string;
  /** An X-Forwarded-For header the client adds itself. */
  forwardedFor?: string;
}

/** Fetches a form token and posts a comment through the proxy, as a script would; returns the status. */
export async function postThroughProxy(
  proxy: RunningProxy,
  name: string,
  origin: PostOrigin = {},
): Promise<number> {
  const headers: Record<string, string> = origin.forwardedFor
    ? { 'X-Forwarded-For': origin.forwardedFor }
    : {};
  const localAddress = origin.from ?? '127.0.0.1';
  const page = await proxyRequest(proxy.httpsPort, COMMENTS_PAGE, { headers, localAddress });
  const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  expect(token, `a form token on the comments page (status ${page.status})`).not.toBe('');
  const form = new URLSearchParams({ comment: `A comment by ${name}.`, name, email: 'a@example.com', token });
  const response = await proxyRequest(proxy.httpsPort, COMMENTS_PAGE, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      Origin: SITE_ORIGIN,
      ...headers,
    },
    body: form.toString(),
    localAddress,
  });
  return response.status;
}

/**
 * A client's own X-Forwarded-For must not change the address the rate limit counts (the
 * server runs with COMMENTS_RATE_LIMIT=2), while a client the proxy sees at another address
 * is counted apart.
 */
export async function expectForwardedForFromProxyOnly(proxy: RunningProxy): Promise<void> {
  const statuses = [];
  for (const forwardedFor of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
    statuses.push(await postThroughProxy(proxy, `Spoofer ${forwardedFor}`, { forwardedFor }));
  expect(statuses).toEqual([201, 201, 429]);
  expect(await postThroughProxy(proxy, 'Neighbour', { from: '127.0.0.2' })).toBe(201);
}
