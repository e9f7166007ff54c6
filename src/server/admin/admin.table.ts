/**
 * Admin sessions (only the SHA-256 of the cookie token is stored) and failed logins for the
 * rate limit. Timestamps are ISO-8601 UTC text.
 */
export interface AdminSessionsTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
}

/** One failed admin login, by salted hash of the client address. */
export interface AdminLoginFailuresTable {
  id: string;
  ip_hash: string;
  created_at: string;
}
