/**
 * What Astro mounts at `/_image` in place of its on-request image optimiser: every image is
 * optimised at build, so the endpoint answers 404 and nothing is transformed per request (one
 * AVIF at w=1600 took 1.2 s of CPU, with no cache, for anyone who asked). Wired in
 * astro.config.mjs (`image.endpoint.entrypoint`).
 */
import type { APIRoute } from 'astro';

/** Rendered per request: it is a route of the server, not a file of the build. */
export const prerender = false;

/** Any method, any query: not found. */
export const ALL: APIRoute = () =>
  new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
