/**
 * The site's own origin as Astro's `security.allowedDomains`. Behind a TLS proxy the server
 * sees plain http from 127.0.0.1; the proxy says `X-Forwarded-Proto: https`. Astro believes
 * forwarded headers only for an allowed domain, and checks a form post's Origin against the
 * URL it builds: without this, every form post through the proxy was refused as cross-site
 * (`Origin: https://host` against `http://host`).
 */

/** One entry of `security.allowedDomains` (Astro's RemotePattern, without a pathname). */
export interface AllowedDomain {
  protocol: string;
  hostname: string;
  port?: string;
}

/**
 * The one allowed domain: SITE_URL's protocol, host name and, if it names one, its port.
 * A default port is left out: the URL parser drops it (`https://host:443` has no port), and
 * the Host header of a request on a default port carries none either.
 */
export function siteAllowedDomains(siteUrl: string): AllowedDomain[] {
  const url = new URL(siteUrl);
  const domain: AllowedDomain = { protocol: url.protocol.replace(/:$/, ''), hostname: url.hostname };
  if (url.port) domain.port = url.port;
  return [domain];
}
