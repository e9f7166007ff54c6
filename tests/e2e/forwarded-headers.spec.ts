import { expect, test } from '@playwright/test';
import { siteOrigin } from './support/built-site.ts';
import { COMMENTS_PAGE } from './support/comments.ts';
import { plainRequest } from './support/plain-request.ts';
import { type RunningServer, startServer } from './support/server.ts';

// The site's origin is the allowed domain Astro believes forwarded headers for. Reached
// directly (no TRUST_PROXY), the server drops them: a client must not pick its own address.
const site = new URL(siteOrigin);

/** Posts a comment to the server directly, dressed up as if a proxy had forwarded it from `claimed`. */
async function postClaiming(server: RunningServer, claimed: string): Promise<number> {
  const forwarded = {
    Host: site.host,
    'X-Forwarded-Host': site.host,
    'X-Forwarded-Proto': site.protocol.replace(':', ''),
    'X-Forwarded-For': claimed,
  };
  const page = await plainRequest(server.port, COMMENTS_PAGE, { headers: forwarded });
  const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  expect(token, `a form token (status ${page.status})`).not.toBe('');
  const form = new URLSearchParams({
    comment: `From ${claimed}.`,
    name: 'Claimant',
    email: 'c@example.com',
    token,
  });
  const response = await plainRequest(server.port, COMMENTS_PAGE, {
    method: 'POST',
    headers: {
      ...forwarded,
      Origin: siteOrigin,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: form.toString(),
  });
  return response.status;
}

test('without TRUST_PROXY a client cannot choose the address the rate limit counts through forwarded headers', async () => {
  const server = await startServer({ COMMENTS_MIN_SECONDS: '0', COMMENTS_RATE_LIMIT: '2' });
  try {
    const statuses = [];
    for (const claimed of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
      statuses.push(await postClaiming(server, claimed));
    expect(statuses).toEqual([201, 201, 429]);
  } finally {
    await server.stop();
  }
});
