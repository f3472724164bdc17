/** What every server action returns: small, serialisable, and shown by the form that called it. */
export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "stale"
  | "duplicate"
  | "rate_limited"
  /** The database could not finish the change in time; nothing was saved. */
  | "busy"
  | "internal";

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionFailure = { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

/** An expected failure: its message is written for the person using the app. */
export class ExpectedError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, "internal">,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "ExpectedError";
  }
}
