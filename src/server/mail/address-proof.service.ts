/**
 * Proof that this browser controls an address: opening a confirmation link sets a signed
 * cookie naming the address (by keyed hash, so the cookie does not carry it). A comment
 * posted with that address from that browser may then be auto-approved; one typed in
 * anywhere else is held until the address confirms.
 */
import { createHmac } from 'node:crypto';
import type { AstroCookies } from 'astro';

/** The cookie's name. */
export const PROOF_COOKIE = 'mail_proof';
/** How many addresses one browser can prove at once; the oldest is dropped. */
const MAX_ADDRESSES = 5;
const YEAR_SECONDS = 365 * 86_400;

function proofOf(key: Buffer, email: string): string {
  return createHmac('sha256', key).update(`mail-proof:${email}`).digest('base64url').slice(0, 22);
}

/** Whether the cookie proves the address. */
export function isAddressProven(key: Buffer, cookie: string | undefined, email: string): boolean {
  if (!cookie) return false;
  return cookie.split('.').includes(proofOf(key, email));
}

/** The cookie's value after proving one more address. */
export function addProof(key: Buffer, cookie: string | undefined, email: string): string {
  const proof = proofOf(key, email);
  const kept = (cookie ?? '').split('.').filter((entry) => /^[\w-]{22}$/.test(entry) && entry !== proof);
  return [...kept.slice(-(MAX_ADDRESSES - 1)), proof].join('.');
}

/** Sets the proof cookie for a year (HttpOnly, SameSite=Lax, Secure when `secure`). */
export function setProofCookie(cookies: AstroCookies, key: Buffer, email: string, secure: boolean): void {
  cookies.set(PROOF_COOKIE, addProof(key, cookies.get(PROOF_COOKIE)?.value, email), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: YEAR_SECONDS,
  });
}
