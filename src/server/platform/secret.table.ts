/** A random secret generated on first use when no environment variable provides one. */
export interface AppSecretsTable {
  name: string;
  value: string;
  created_at: string;
}
