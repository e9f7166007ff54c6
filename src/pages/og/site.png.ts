import type { APIRoute } from 'astro';
import { SITE } from '@/site.config';
import { pngResponse, renderOgPng } from './_render';

/** The site-wide card shared by the home, category and other listing pages. */
export const GET: APIRoute = async () =>
  pngResponse(await renderOgPng({ title: SITE.description, siteName: SITE.name }));
