import type { AstroCookies } from 'astro';
import { getAdminAvailability, isLoggedIn } from '@/server/admin/admin-auth.service';
import { type Db, getDb } from '@/server/platform/db/database';
import { secureCookies } from '@/server/platform/request';

/** The admin session cookie; scoped to /admin/ so it never travels with public requests. */
export const SESSION_COOKIE = 'admin_session';
const COOKIE_PATH = '/admin/';

/** Who is asking: the admin area may be off, the visitor anonymous, or logged in. */
export type AdminAccess =
  | { state: 'disabled'; reason: string }
  | { state: 'anonymous' }
  | { state: 'admin'; db: Db };

/** Resolves the visitor's access from the environment and the session cookie. */
export async function getAdminAccess(cookies: AstroCookies): Promise<AdminAccess> {
  const availability = getAdminAvailability();
  if (!availability.enabled) return { state: 'disabled', reason: availability.reason };
  const db = await getDb();
  return (await isLoggedIn(db, cookies.get(SESSION_COOKIE)?.value))
    ? { state: 'admin', db }
    : { state: 'anonymous' };
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS and in production. */
export function setSessionCookie(
  cookies: AstroCookies,
  request: Request,
  token: string,
  expires: Date,
): void {
  cookies.set(SESSION_COOKIE, token, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies(request),
    expires,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(cookies: AstroCookies): void {
  cookies.delete(SESSION_COOKIE, { path: COOKIE_PATH });
}

/** Headers every admin response carries: never cached, never indexed. */
export const ADMIN_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } as const;

/** Applies ADMIN_HEADERS to the page's response. */
export function applyAdminHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(ADMIN_HEADERS)) headers.set(name, value);
}
