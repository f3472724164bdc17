import { afterAll, beforeAll, onTestFinished } from "vitest";

const KEY = "CROSSCHECK_GROUP_STATE_MIN";

const set = (min: string | undefined) => {
  if (min === undefined) delete process.env[KEY];
  else process.env[KEY] = min;
};

/**
 * From how many active claims a group keeps its detection state (CROSSCHECK_GROUP_STATE_MIN;
 * unset: the default), put back afterwards: for the running test, or, called at a file's top
 * with "file", for all of its tests.
 */
export function keepGroupStatesFrom(min: string | undefined, scope: "test" | "file" = "test"): void {
  if (scope === "test") {
    const saved = process.env[KEY];
    set(min);
    onTestFinished(() => set(saved));
    return;
  }
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env[KEY];
    set(min);
  });
  afterAll(() => set(saved));
}
