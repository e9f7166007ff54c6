import type { APIRoute } from 'astro';
import { jobsSitemapResponse } from '@/server/jobs/job-sitemap';

/** Built per request: roles open and close between builds, so this list cannot be prerendered. */
export const prerender = false;

export const GET: APIRoute = ({ site, url }) => jobsSitemapResponse(site ?? new URL(url.origin));
