import { describe, expect, test } from "vitest";
import {
  afterSuccess,
  backoffDelaySeconds,
  type BackoffRule,
  describeWait,
  type FailureCount,
  SIGN_IN_LIMITS,
  waitSeconds,
  withFailure,
} from "@/lib/domain/sign-in-limits.ts";

const T0 = Date.UTC(2026, 0, 1);
const s = (seconds: number) => T0 + seconds * 1000;

/** A clock and a counter under one rule: fail() at the current time, wait() as the check says. */
function counter(rule: BackoffRule) {
  let now = T0;
  let count: FailureCount | null = null;
  return {
    fail: () => void (count = withFailure(rule, count, now)),
    wait: () => waitSeconds(rule, count, now),
    advance: (seconds: number) => void (now += seconds * 1000),
    succeed: () => void (count = afterSuccess(rule, count)),
    get count() {
      return count;
    },
  };
}

describe("back-off", () => {
  test("the pair: three free failures, then 1 s, 2 s, 4 s … up to 15 minutes", () => {
    const rule = SIGN_IN_LIMITS.pair;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelaySeconds(rule, n))).toEqual([0, 0, 0, 1, 2, 4, 8, 16]);
    expect(backoffDelaySeconds(rule, 13)).toBe(512);
    expect(backoffDelaySeconds(rule, 14)).toBe(900);
    expect(backoffDelaySeconds(rule, 5000)).toBe(900);
  });

  test("a wait runs from the last failure and ends on time", () => {
    const c = counter(SIGN_IN_LIMITS.pair);
    for (let i = 0; i < 5; i++) c.fail();
    expect(c.wait()).toBe(2);
    c.advance(1.5);
    expect(c.wait()).toBe(1);
    c.advance(0.5);
    expect(c.wait()).toBe(0);
  });

  test("a quiet spell forgets the failures", () => {
    const rule = SIGN_IN_LIMITS.account;
    const c = counter(rule);
    for (let i = 0; i < 20; i++) c.fail();
    expect(c.wait()).toBe(60);
    c.advance(rule.forgetAfterSeconds);
    expect(c.wait()).toBe(0);
    c.fail();
    expect(c.count?.failures).toBe(1);
  });

  test("success clears the pair, and takes back only its own attempt from shared counters", () => {
    const pair = counter(SIGN_IN_LIMITS.pair);
    for (let i = 0; i < 6; i++) pair.fail();
    pair.succeed();
    expect(pair.count).toBeNull();

    const account = counter(SIGN_IN_LIMITS.account);
    for (let i = 0; i < 12; i++) account.fail();
    account.succeed();
    expect(account.count?.failures).toBe(11);
    expect(afterSuccess(SIGN_IN_LIMITS.account, { failures: 1, lastFailureAt: s(0) })).toBeNull();
    expect(afterSuccess(SIGN_IN_LIMITS.account, null)).toBeNull();
  });

  test("no counter ever waits more than its cap: the account and the address slow, never lock", () => {
    for (const rule of [SIGN_IN_LIMITS.account, SIGN_IN_LIMITS.address]) {
      const c = counter(rule);
      for (let i = 0; i < 10_000; i++) c.fail();
      expect(c.wait()).toBe(60);
    }
  });

  test("guessing as fast as allowed: a day buys one address about a hundred tries at one account, a botnet one a minute", () => {
    const guesses = (rule: BackoffRule) => {
      const c = counter(rule);
      let n = 0;
      for (let t = 0; t < 24 * 3600;) {
        const wait = c.wait();
        if (wait > 0) {
          c.advance(wait);
          t += wait;
        } else {
          c.fail();
          n++;
        }
      }
      return n;
    };
    expect(guesses(SIGN_IN_LIMITS.pair)).toBeLessThan(120);
    expect(guesses(SIGN_IN_LIMITS.account)).toBeLessThanOrEqual(24 * 60 + 20);
  });

  test("waits are told in words", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(60)).toBe("60 seconds");
    expect(describeWait(900)).toBe("15 minutes");
  });
});
