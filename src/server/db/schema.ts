/**
 * Every table the application reads or writes, keyed by table name. Each feature declares its
 * row types beside its repository (`*.table.ts`) and adds them here.
 */
// biome-ignore lint/complexity/noBannedTypes: features add their tables to this map.
export type Database = {};
