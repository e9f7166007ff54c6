/**
 * Lets code that queues mail nudge the server's sender instead of waiting for its next look
 * at the outbox. Astro's server bundle and the HTTP server each load their own copy of this
 * module; the global slot makes both reach the one sender.
 */
const SLOT = Symbol.for('engineering-blog.mail-sender-wake');
type GlobalWithWake = typeof globalThis & { [SLOT]?: (() => void) | undefined };

/** How long after a nudge the sender looks, so the queuing transaction has committed. */
const SETTLE_MS = 200;

/** Registers the running sender's wake-up (undefined to unregister). */
export function setSenderWake(wake: (() => void) | undefined): void {
  (globalThis as GlobalWithWake)[SLOT] = wake;
}

/** Asks the sender, if this process runs one, to look at the outbox shortly. */
export function wakeSender(): void {
  const wake = (globalThis as GlobalWithWake)[SLOT];
  if (wake) setTimeout(wake, SETTLE_MS).unref();
}
