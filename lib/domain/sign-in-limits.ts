/**
 * How failed sign-ins are held back: exponential back-off, never a lockout.
 *
 * A lockout (N failures, then nobody gets in for 15 minutes) is a weapon: anyone who knows an
 * email address can keep its owner out. Instead each counter makes the next attempt wait — 1 s,
 * 2 s, 4 s … up to a cap — after a few free failures, and forgets after a quiet spell. Three
 * counters, all of failures only:
 *
 * - one address guessing one account (the pair): a few free tries for typos, then waits that
 *   grow to 15 minutes; only the guesser is held back, and signing in clears it;
 * - one account, from every address: the cap is low (a minute), so its owner on another address
 *   gets in within a minute even while a botnet guesses, and the botnet gets a guess a minute;
 * - one address, across accounts (spraying one password over many accounts): the same low cap,
 *   since an office or a mobile network puts many people behind one address.
 *
 * Attempts are counted as failures when they start and forgiven when they succeed, so parallel
 * attempts cannot all slip past the check before the first failure is written.
 */

export type BackoffRule = {
  /** Failures that cost nothing (typos). */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further one. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** A counter without a failure for this long starts again from zero. */
  forgetAfterSeconds: number;
  /** On success: clear the counter (the pair), or only take back this attempt (shared counters). */
  onSuccess: "clear" | "forgive";
};

export const SIGN_IN_LIMITS = {
  pair: { freeFailures: 3, firstDelaySeconds: 1, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 24 * 60 * 60, onSuccess: "clear" },
  account: { freeFailures: 10, firstDelaySeconds: 1, maxDelaySeconds: 60, forgetAfterSeconds: 60 * 60, onSuccess: "forgive" },
  address: { freeFailures: 20, firstDelaySeconds: 1, maxDelaySeconds: 60, forgetAfterSeconds: 60 * 60, onSuccess: "forgive" },
} as const satisfies Record<string, BackoffRule>;

/** A counter as stored: failures so far and when the last one happened (ms since the epoch). */
export type FailureCount = { failures: number; lastFailureAt: number };

/** The wait imposed after `failures` failures. */
export function backoffDelaySeconds(rule: BackoffRule, failures: number): number {
  const beyond = failures - rule.freeFailures;
  if (beyond <= 0) return 0;
  // 2^beyond overflows to Infinity long after the cap; min() still gives the cap.
  return Math.min(rule.firstDelaySeconds * 2 ** (beyond - 1), rule.maxDelaySeconds);
}

function live(rule: BackoffRule, count: FailureCount | null, now: number): FailureCount | null {
  return count && now - count.lastFailureAt < rule.forgetAfterSeconds * 1000 ? count : null;
}

/** Whole seconds to wait before the next attempt, 0 when it may go ahead. */
export function waitSeconds(rule: BackoffRule, count: FailureCount | null, now: number): number {
  const current = live(rule, count, now);
  if (!current) return 0;
  const until = current.lastFailureAt + backoffDelaySeconds(rule, current.failures) * 1000;
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

/** The counter after one more failure at `now` (a forgotten counter starts again). */
export function withFailure(rule: BackoffRule, count: FailureCount | null, now: number): FailureCount {
  return { failures: (live(rule, count, now)?.failures ?? 0) + 1, lastFailureAt: now };
}

/** The counter after an attempt that was counted in advance turned out to succeed. */
export function afterSuccess(rule: BackoffRule, count: FailureCount | null): FailureCount | null {
  if (!count || rule.onSuccess === "clear" || count.failures <= 1) return null;
  return { failures: count.failures - 1, lastFailureAt: count.lastFailureAt };
}

/** "Try again in 40 seconds." / "Try again in 3 minutes." */
export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
