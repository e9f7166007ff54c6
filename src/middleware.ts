import { defineMiddleware } from 'astro:middleware';

/**
 * Routes that take posts. Astro renders a page for any method, so without this list a PUT
 * or DELETE to an on-demand page would be answered like a GET instead of refused.
 */
const POST_ROUTES = [
  /^\/blog\/[^/]+\/comments\/$/,
  /^\/admin\/$/,
  /^\/admin\/login\/$/,
  /^\/admin\/logout\/$/,
  /^\/mail\/(subscribe|confirm|preferences|unsubscribe)\/$/,
  // Server islands post their props when they are too large for a URL.
  /^\/_server-islands\//,
];

/** Answers 405, with the methods that are allowed, to any method a route does not take. */
export const onRequest = defineMiddleware((context, next) => {
  const { method } = context.request;
  if (method === 'GET' || method === 'HEAD') return next();
  const takesPosts = POST_ROUTES.some((route) => route.test(context.url.pathname));
  if (method === 'POST' && takesPosts) return next();
  return new Response('Method not allowed\n', {
    status: 405,
    headers: {
      Allow: takesPosts ? 'GET, HEAD, POST' : 'GET, HEAD',
      'Content-Type': 'text/plain; charset=utf-8',
    },
  });
});
