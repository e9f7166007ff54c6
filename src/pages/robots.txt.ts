import type { APIRoute } from 'astro';
import { buildRobotsTxt } from '@/lib/seo/robots';

/** robots.txt, built with the site's origin from SITE_URL so the sitemap URLs are absolute. */
export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('SITE_URL (astro config `site`) must be set to build robots.txt');
  return new Response(buildRobotsTxt(site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
