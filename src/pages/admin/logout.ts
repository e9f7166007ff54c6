import type { APIRoute } from 'astro';
import { logOut } from '@/server/admin/admin-auth.service';
import { getDb } from '@/server/platform/db/database';
import { ADMIN_HEADERS, clearSessionCookie, SESSION_COOKIE } from './_admin';

export const prerender = false;

/** Ends the session (POST only, so a link or image cannot log a moderator out). */
export const POST: APIRoute = async ({ cookies, redirect }) => {
  await logOut(await getDb(), cookies.get(SESSION_COOKIE)?.value).catch(() => {});
  clearSessionCookie(cookies);
  const response = redirect('/admin/login/?logged-out', 303);
  for (const [name, value] of Object.entries(ADMIN_HEADERS)) response.headers.set(name, value);
  return response;
};
