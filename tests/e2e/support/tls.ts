import { execFileSync } from 'node:child_process';
import { request } from 'node:https';
import { join } from 'node:path';
import { findTool } from '../../../scripts/test-tools.ts';

/** The public host the proxy suites build and serve the site as (`.test` is reserved for tests). */
export const SITE_HOST = 'blog.example.test';
/** Its origin: SITE_URL of the proxy suites' build. */
export const SITE_ORIGIN = `https://${SITE_HOST}`;

/** A certificate and key file. */
export interface Certificate {
  cert: string;
  key: string;
}

/** Makes a self-signed certificate for SITE_HOST in `folder` with openssl, valid for a day. */
export function makeCertificate(folder: string): Certificate {
  const openssl = findTool('openssl');
  if (!openssl)
    throw new Error('openssl is not installed (npm test installs it: see scripts/ensure-test-tools.ts)');
  const certificate = { cert: join(folder, 'cert.pem'), key: join(folder, 'key.pem') };
  execFileSync(
    openssl,
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${SITE_HOST}`,
      '-addext',
      `subjectAltName=DNS:${SITE_HOST}`,
      '-keyout',
      certificate.key,
      '-out',
      certificate.cert,
    ],
    { stdio: 'pipe' },
  );
  return certificate;
}

/** What a proxy answered. */
export interface ProxyResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTPS request to the proxy on 127.0.0.1:`port` as if to https://SITE_HOST (SNI and Host),
 * accepting the self-signed certificate. Not fetch: Node's fetch cannot be told either.
 */
export function proxyRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<ProxyResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        servername: SITE_HOST,
        headers: { Host: SITE_HOST, ...options.headers },
        rejectUnauthorized: false,
        // A loopback address other than 127.0.0.1 makes the request another client to the proxy.
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
