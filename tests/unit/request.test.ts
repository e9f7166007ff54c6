import { describe, expect, test } from 'vitest';
import {
  clientAddressOf,
  dropUntrustedForwarding,
  readLimitedForm,
  secureCookies,
} from '../../src/server/platform/request.ts';

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request('http://site.test/blog/a/comments/', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    duplex: 'half',
  } as RequestInit);
}

describe('readLimitedForm', () => {
  test('reads a form under the limit', async () => {
    const form = await readLimitedForm(post('comment=hello&name=Ada'), 1024);
    expect(form instanceof FormData && form.get('name')).toBe('Ada');
  });

  test('refuses a declared length over the limit before reading', async () => {
    expect(await readLimitedForm(post('comment=x', { 'content-length': '999999' }), 1024)).toBe('too-large');
  });

  test('stops reading a streamed body once it passes the limit', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(512).fill(97));
        if (pulled > 1000) controller.close();
      },
    });
    expect(await readLimitedForm(post(stream), 4096)).toBe('too-large');
    expect(pulled).toBeLessThan(20);
  });

  test('reports a body that is not a form', async () => {
    expect(await readLimitedForm(post('{}', { 'content-type': 'application/json' }), 1024)).toBe('malformed');
  });
});

describe('clientAddressOf', () => {
  const request = post('', { 'x-forwarded-for': '203.0.113.7, 198.51.100.2' });

  test('uses the socket address unless a proxy is trusted', () => {
    expect(clientAddressOf(request, '10.0.0.1', false)).toBe('10.0.0.1');
  });

  test('behind a trusted proxy takes the last X-Forwarded-For entry, which the client cannot forge', () => {
    expect(clientAddressOf(request, '10.0.0.1', true)).toBe('198.51.100.2');
  });
});

describe('secureCookies', () => {
  test('is on over HTTPS behind a trusted proxy and in production, off on plain local HTTP', () => {
    const proxied = post('', { 'x-forwarded-proto': 'https' });
    expect(secureCookies(proxied, { TRUST_PROXY: false, NODE_ENV: undefined })).toBe(false);
    expect(secureCookies(proxied, { TRUST_PROXY: true, NODE_ENV: undefined })).toBe(true);
    expect(secureCookies(post(''), { TRUST_PROXY: false, NODE_ENV: 'production' })).toBe(true);
  });
});

describe('dropUntrustedForwarding', () => {
  const forwarded = () => ({
    host: 'blog.example.com',
    'x-forwarded-for': '203.0.113.9',
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'blog.example.com',
    'x-forwarded-port': '443',
    forwarded: 'for=203.0.113.9',
  });

  test('removes every forwarding header when no proxy is trusted, keeping the rest', () => {
    const headers = forwarded();
    dropUntrustedForwarding(headers, false);
    expect(headers).toEqual({ host: 'blog.example.com' });
  });

  test('keeps them behind a trusted proxy', () => {
    const headers = forwarded();
    dropUntrustedForwarding(headers, true);
    expect(headers).toEqual(forwarded());
  });
});
