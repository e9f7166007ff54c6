import { defineMiddleware } from 'astro:middleware';
import { allowedMethods, methodNotAllowedHeaders } from './server/http/methods.ts';

/**
 * Answers 405, with the methods that are allowed, to any method a route does not take: Astro
 * renders a page for any method, so without this a PUT or DELETE to an on-demand page would be
 * answered like a GET. The production server refuses them before Astro too; this keeps
 * `astro dev` the same.
 */
export const onRequest = defineMiddleware((context, next) => {
  const { pathname } = context.url;
  if (allowedMethods(pathname).includes(context.request.method)) return next();
  return new Response('Method not allowed\n', { status: 405, headers: methodNotAllowedHeaders(pathname) });
});
