/** One log line per this long per place while the database keeps failing. */
const LOG_EVERY_MS = 60_000;

const places = new Map<string, { loggedAt: number; missed: number }>();

/**
 * Logs a failure at most once a minute per `place` (the island, /jobs/…), with how many more
 * happened since the last line, so an outage does not write one line per request.
 */
export function reportFailure(place: string, error: unknown, now = Date.now()): void {
  const state = places.get(place) ?? { loggedAt: Number.NEGATIVE_INFINITY, missed: 0 };
  places.set(place, state);
  if (now - state.loggedAt < LOG_EVERY_MS) {
    state.missed += 1;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  const since = state.missed > 0 ? ` (${state.missed} more since the last report)` : '';
  console.error(`[jobs] ${place}: ${message}${since}`);
  state.loggedAt = now;
  state.missed = 0;
}
