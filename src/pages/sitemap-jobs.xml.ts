import type { APIRoute } from 'astro';
import { buildUrlset } from '@/lib/seo/sitemap-xml';
import { listOpenJobsForSitemap } from '@/server/jobs/job.repository';
import { getDb } from '@/server/platform/db/database';

/** Built per request: roles open and close between builds, so this list cannot be prerendered. */
export const prerender = false;

export const GET: APIRoute = async ({ site, url }) => {
  const origin = site ?? new URL(url.origin);
  try {
    const jobs = await listOpenJobsForSitemap(await getDb());
    const roles = jobs.map((job) => ({
      loc: new URL(`/jobs/${encodeURIComponent(job.id)}/`, origin).href,
      lastmod: new Date(job.updatedAt),
    }));
    // The listing changes whenever a role does: the newest change dates it (jobs come newest first).
    const listing = {
      loc: new URL('/jobs/', origin).href,
      ...(roles[0] ? { lastmod: roles[0].lastmod } : {}),
    };
    const body = buildUrlset([listing, ...roles]);
    return new Response(body, {
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
    });
  } catch (error) {
    // A crawler that gets a 503 retries later; an empty 200 would tell it every role is gone.
    console.error(
      '[sitemap-jobs] could not list open roles:',
      error instanceof Error ? error.message : error,
    );
    return new Response('The job sitemap is temporarily unavailable.\n', {
      status: 503,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Retry-After': '300',
        'Cache-Control': 'no-store',
      },
    });
  }
};
