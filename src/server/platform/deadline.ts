/** The error a read gets when it does not finish within its deadline. */
export class DeadlineError extends Error {}

/**
 * Settles as `work` does, or rejects with a DeadlineError after `ms`. The work itself goes on
 * (a query cannot be recalled); its late result or failure is dropped, never unhandled.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
