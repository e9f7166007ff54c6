import { createHmac, timingSafeEqual } from 'node:crypto';

/** Appends an HMAC so the value can travel through the browser and come back untampered. */
export function sign(key: Buffer, value: string): string {
  return `${value}.${createHmac('sha256', key).update(value).digest('base64url')}`;
}

/** Returns the value if its signature is valid, otherwise undefined. */
export function unsign(key: Buffer, signed: string | undefined | null): string | undefined {
  if (!signed) return undefined;
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const value = signed.slice(0, dot);
  const expected = Buffer.from(sign(key, value).slice(dot + 1));
  const given = Buffer.from(signed.slice(dot + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? value : undefined;
}
