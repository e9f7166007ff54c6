import { sign, unsign } from '../platform/signed-value.ts';

/** A form token: the article and the moment the form was rendered, signed. */
export function createFormToken(key: Buffer, articleId: string, now: number): string {
  return sign(key, `${now.toString(36)}:${articleId}`);
}

/** What a posted form token says about the form, or why it cannot be trusted. */
export type FormTokenCheck =
  | { kind: 'valid'; elapsedMs: number }
  | { kind: 'expired'; elapsedMs: number }
  | { kind: 'missing' }
  | { kind: 'forged' };

/** Checks the token was made by us for this article, and whether within maxAgeMs. */
export function checkFormToken(
  key: Buffer,
  token: string | undefined,
  articleId: string,
  now: number,
  maxAgeMs: number,
): FormTokenCheck {
  if (!token) return { kind: 'missing' };
  const value = unsign(key, token);
  const separator = value?.indexOf(':') ?? -1;
  if (value === undefined || separator < 0 || value.slice(separator + 1) !== articleId)
    return { kind: 'forged' };
  const issuedAt = Number.parseInt(value.slice(0, separator), 36);
  if (!Number.isFinite(issuedAt) || issuedAt > now + 60_000) return { kind: 'forged' };
  const elapsedMs = now - issuedAt;
  return elapsedMs > maxAgeMs ? { kind: 'expired', elapsedMs } : { kind: 'valid', elapsedMs };
}
