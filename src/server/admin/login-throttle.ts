/**
 * How failed logins slow the next attempts, without ever refusing one: a refused correct
 * password is a lockout anyone sharing the moderator's network (or anyone at all, for the
 * account) could trigger. Each attempt waits its delay, then its password is checked.
 */

/** Failures older than this no longer count. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Failed logins from one client network in the window before its attempts wait. */
export const NETWORK_FREE_FAILURES = 5;
/** Failed logins from anywhere (there is one moderator account) before every attempt waits. */
export const ACCOUNT_FREE_FAILURES = 20;
/** The first delayed attempt waits this long; each further failure doubles it, up to the cap. */
const FIRST_DELAY_MS = 1_000;
/** The longest wait: slow for guessing, still a usable login for the moderator. */
export const MAX_DELAY_MS = 30_000;
/** Failures are counted no further than this: past it the delay is at its cap anyway. */
export const FAILURE_COUNT_CAP = ACCOUNT_FREE_FAILURES + 8;

function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - free, 16));
}

/** The wait before an attempt is checked, from the failures of its network and of the account. */
export function loginDelayMs(networkFailures: number, accountFailures: number): number {
  return Math.max(
    delayAfter(networkFailures, NETWORK_FREE_FAILURES),
    delayAfter(accountFailures, ACCOUNT_FREE_FAILURES),
  );
}

const waitingByNetwork = new Map<string, number>();
let waitingInAll = 0;

/**
 * Marks an attempt from `network` as in progress until `release()`. Attempts in progress
 * count as failures for the others (`others()`), so a burst sent at once cannot all pass
 * before the first failure is recorded.
 */
export function holdAttempt(network: string): {
  others(): { network: number; account: number };
  release(): void;
} {
  waitingByNetwork.set(network, (waitingByNetwork.get(network) ?? 0) + 1);
  waitingInAll += 1;
  let released = false;
  return {
    others: () => ({ network: (waitingByNetwork.get(network) ?? 1) - 1, account: waitingInAll - 1 }),
    release() {
      if (released) return;
      released = true;
      waitingInAll -= 1;
      const left = (waitingByNetwork.get(network) ?? 1) - 1;
      if (left > 0) waitingByNetwork.set(network, left);
      else waitingByNetwork.delete(network);
    },
  };
}
