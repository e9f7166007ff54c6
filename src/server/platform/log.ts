/** One log line per this long per place while the database keeps failing. */
const LOG_EVERY_MS = 60_000;

const places = new Map<string, { loggedAt: number; missed: number }>();

/** Logs one failure at `place` (the island, /jobs/…) of a feature, rate-limited. */
export type FailureReporter = (place: string, error: unknown, now?: number) => void;

/**
 * A feature's failure log: at most one line a minute per place, with how many more failures
 * happened since the last line, so an outage does not write one line per request.
 */
export function failureLog(feature: string): FailureReporter {
  return (place, error, now = Date.now()) => {
    const key = `${feature}\u0000${place}`;
    const state = places.get(key) ?? { loggedAt: Number.NEGATIVE_INFINITY, missed: 0 };
    places.set(key, state);
    if (now - state.loggedAt < LOG_EVERY_MS) {
      state.missed += 1;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const since = state.missed > 0 ? ` (${state.missed} more since the last report)` : '';
    console.error(`[${feature}] ${place}: ${message}${since}`);
    state.loggedAt = now;
    state.missed = 0;
  };
}

/** The jobs feature's failure log (the first feature that had one). */
export const reportFailure: FailureReporter = failureLog('jobs');
