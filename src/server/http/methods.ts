/**
 * Which HTTP methods each URL takes, in one place for the production server (which refuses the
 * rest before anything renders, TRACE included: the fetch API cannot even represent it) and
 * Astro's middleware (which does the same under `astro dev`).
 */

/** Routes that take posts: the comment form, the admin's and the mail pages' forms, and server islands. */
const POST_ROUTES = [
  /^\/blog\/[^/]+\/comments\/$/,
  /^\/admin\/$/,
  /^\/admin\/login\/$/,
  /^\/admin\/logout\/$/,
  /^\/mail\/(subscribe|confirm|preferences|unsubscribe)\/$/,
  // Server islands post their props when they are too large for a URL.
  /^\/_server-islands\//,
];

const READ = ['GET', 'HEAD'] as const;
const READ_AND_POST = ['GET', 'HEAD', 'POST'] as const;

/** The methods `pathname` answers; everything else gets 405 with these in `Allow`. */
export function allowedMethods(pathname: string): readonly string[] {
  return POST_ROUTES.some((route) => route.test(pathname)) ? READ_AND_POST : READ;
}

/** The 405 answer's headers for `pathname`. */
export function methodNotAllowedHeaders(pathname: string): Record<string, string> {
  return { Allow: allowedMethods(pathname).join(', '), 'Content-Type': 'text/plain; charset=utf-8' };
}
