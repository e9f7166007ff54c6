import type { AstroCookies } from 'astro';
import { type Db, getDb } from '../platform/db/database.ts';
import { secureCookies } from '../platform/request.ts';
import { getAdminAvailability, isLoggedIn } from './admin-auth.service.ts';

/** The admin session cookie; scoped to /admin/ so it never travels with public requests. */
export const SESSION_COOKIE = 'admin_session';
const COOKIE_PATH = '/admin/';

/** Headers every admin response carries: never cached, never indexed. */
export const ADMIN_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } as const;
/** What the admin says while the database cannot be reached. */
export const UNAVAILABLE_MESSAGE = 'The database is unavailable; try again in a minute.';

/** Who is asking: the admin area may be off, the visitor anonymous, or logged in. */
export type AdminAccess =
  | { state: 'disabled'; reason: string }
  | { state: 'anonymous'; db: Db }
  | { state: 'admin'; db: Db };

/** Resolves the visitor's access from the configuration and the session cookie; database errors propagate. */
export async function getAdminAccess(cookies: AstroCookies): Promise<AdminAccess> {
  const availability = getAdminAvailability();
  if (!availability.enabled) return { state: 'disabled', reason: availability.reason };
  const db = await getDb();
  const admin = await isLoggedIn(db, cookies.get(SESSION_COOKIE)?.value);
  return { state: admin ? 'admin' : 'anonymous', db };
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

/** Applies ADMIN_HEADERS to a page's response. */
export function applyAdminHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(ADMIN_HEADERS)) headers.set(name, value);
}

/** A 303 to another admin page, with the admin headers. */
export function redirectTo(location: string): Response {
  return new Response(null, { status: 303, headers: { ...ADMIN_HEADERS, Location: location } });
}

/** A plain-text admin answer (401, 503) with the admin headers. */
export function plainText(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...ADMIN_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers },
  });
}

/**
 * The database for a logged-in moderator, or the answer to send instead: the login page for
 * anyone else, 503 when the database cannot be reached. Sets the admin headers.
 */
export async function requireAdmin(
  { cookies, response }: Pick<AdminRequest, 'cookies' | 'response'>,
  onFailure: (error: unknown) => void,
): Promise<Response | Db> {
  applyAdminHeaders(response.headers);
  try {
    const access = await getAdminAccess(cookies);
    return access.state === 'admin' ? access.db : redirectTo('/admin/login/');
  } catch (error) {
    onFailure(error);
    return plainText(503, UNAVAILABLE_MESSAGE, { 'Retry-After': '30' });
  }
}

/** What the admin pages hand over from their request. */
export interface AdminRequest {
  request: Request;
  url: URL;
  cookies: AstroCookies;
  clientAddress: string | undefined;
  /** The page's response, for its status and headers. */
  response: { status?: number; statusText?: string; headers: Headers };
}
