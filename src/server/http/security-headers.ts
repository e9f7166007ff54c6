import type { ServerResponse } from 'node:http';

/** Headers every response carries, static or dynamic. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
};

/** Sets the security headers; HSTS only when the request reached us over HTTPS. */
export function applySecurityHeaders(res: ServerResponse, https: boolean): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (https) res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
}
