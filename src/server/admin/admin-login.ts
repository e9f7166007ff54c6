import type { AstroCookies } from 'astro';
import { getDb } from '../platform/db/database.ts';
import { failureLog } from '../platform/log.ts';
import { clientAddressOf, readLimitedForm } from '../platform/request.ts';
import { type AdminAvailability, getAdminAvailability, logIn, logOut } from './admin-auth.service.ts';
import {
  type AdminRequest,
  applyAdminHeaders,
  clearSessionCookie,
  getAdminAccess,
  redirectTo,
  SESSION_COOKIE,
  setSessionCookie,
  UNAVAILABLE_MESSAGE,
} from './admin-http.ts';
import { MAX_DELAY_MS } from './login-throttle.ts';

/** What the login page shows. */
export interface LoginView {
  availability: AdminAvailability;
  /** Why the last attempt failed, or that the database is down. */
  error: string | undefined;
  /** The visitor has just logged out. */
  loggedOut: boolean;
}

const report = failureLog('admin');

function wrongPassword(waitedMs: number): string {
  if (waitedMs === 0) return 'That password is not correct.';
  return `That password is not correct. After several failed attempts each new one waits up to ${MAX_DELAY_MS / 1000} seconds before it is checked.`;
}

/**
 * The login page: shows the form and takes its POST. Returns a redirect (logged in) or the
 * view to render with the page's status set: 401 for a wrong password, 503 when the admin is
 * disabled or the database cannot be reached (the page's own message, never a blank 500).
 */
export async function handleLoginPage({
  request,
  url,
  cookies,
  clientAddress,
  response,
}: AdminRequest): Promise<Response | LoginView> {
  applyAdminHeaders(response.headers);
  const availability = getAdminAvailability();
  const view: LoginView = { availability, error: undefined, loggedOut: url.searchParams.has('logged-out') };
  if (!availability.enabled) {
    response.status = 503;
    return view;
  }
  try {
    const access = await getAdminAccess(cookies);
    if (access.state === 'admin') return redirectTo('/admin/');
    if (request.method !== 'POST' || access.state !== 'anonymous') return view;
    const form = await readLimitedForm(request, 8192);
    const password = typeof form === 'string' ? '' : String(form.get('password') ?? '');
    const outcome = await logIn(access.db, {
      password,
      expected: availability.password,
      clientAddress: clientAddressOf(request, clientAddress),
    });
    if (outcome.kind === 'ok') {
      setSessionCookie(cookies, request, outcome.token, outcome.expiresAt);
      return redirectTo('/admin/');
    }
    response.status = 401;
    return { ...view, error: wrongPassword(outcome.waitedMs), loggedOut: false };
  } catch (error) {
    report('the login page could not reach the database', error);
    response.status = 503;
    response.headers.set('Retry-After', '30');
    return { ...view, error: UNAVAILABLE_MESSAGE, loggedOut: false };
  }
}

/** Ends the session, whether or not the database answers, and returns to the login page. */
export async function handleLogout(cookies: AstroCookies): Promise<Response> {
  try {
    await logOut(await getDb(), cookies.get(SESSION_COOKIE)?.value);
  } catch (error) {
    // The cookie is cleared anyway; the stored session expires on its own.
    report('logout could not reach the database', error);
  }
  clearSessionCookie(cookies);
  return redirectTo('/admin/login/?logged-out');
}
