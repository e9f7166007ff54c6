/**
 * Admin sessions (only the SHA-256 of the cookie token is stored), failed logins for the
 * rate limit, and generated secrets shared by every server on the same database.
 * Timestamps are ISO-8601 UTC text.
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

/** A random secret generated on first use when no environment variable provides one. */
export interface AppSecretsTable {
  name: string;
  value: string;
  created_at: string;
}
