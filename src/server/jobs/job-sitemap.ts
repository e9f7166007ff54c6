import { buildUrlset } from '../../lib/seo/sitemap-xml.ts';
import { getDb } from '../platform/db/database.ts';
import { reportFailure } from '../platform/log.ts';
import { listSitemapRoles } from './job.service.ts';

/**
 * /sitemap-jobs.xml: the jobs listing and every open role with its last change as lastmod,
 * built per request because roles open and close between builds. A 503 when the database
 * fails, since a crawler retries a 503 later while an empty 200 would say every role is gone.
 */
export async function jobsSitemapResponse(origin: URL): Promise<Response> {
  try {
    const jobs = await listSitemapRoles(await getDb());
    const roles = jobs.map((job) => ({
      loc: new URL(`/jobs/${encodeURIComponent(job.id)}/`, origin).href,
      lastmod: new Date(job.updatedAt),
    }));
    // The listing changes whenever a role does: the newest change dates it (jobs come newest first).
    const listing = {
      loc: new URL('/jobs/', origin).href,
      ...(roles[0] ? { lastmod: roles[0].lastmod } : {}),
    };
    return new Response(buildUrlset([listing, ...roles]), {
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
    });
  } catch (error) {
    reportFailure('the jobs sitemap could not list open roles', error);
    return new Response('The job sitemap is temporarily unavailable.\n', {
      status: 503,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Retry-After': '300',
        'Cache-Control': 'no-store',
      },
    });
  }
}
