/**
 * One error type for everything a caller may be refused. Each code maps once to an HTTP
 * status and to a message key in the `errors` namespace of the UI messages.
 */
export const errorCodes = {
  /** Input failed validation; `fieldErrors` says which fields. */
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  /** Wrong identifier or password: deliberately one message for both. */
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  /** Also used for records that exist but belong to someone else, so ids leak nothing. */
  NOT_FOUND: 404,
  /** The write lost to another one (a unique key or a status guard); retrying may succeed. */
  CONFLICT: 409,
  /** A request body over the route's cap, refused before it is read whole. */
  PAYLOAD_TOO_LARGE: 413,
  /** Too many attempts; `retryAfterSeconds` says when to try again. */
  RATE_LIMITED: 429,
  /** A bid or maximum under the ladder's minimum; `params.minimum` is that minimum as ¥ text. */
  BID_TOO_LOW: 409,
  /** The buyer already holds the highest bid and may not outbid themself. */
  ALREADY_LEADING: 409,
  /** The lot (or its auction) is not open at this moment: not started, closed, or cancelled. Refuses bids, and deposits outside preview and live. */
  LOT_NOT_BIDDABLE: 409,
  /** No held deposit covers the lot: pay the session deposit or the lot's deposit first. */
  DEPOSIT_REQUIRED: 403,
  /** The order's payment window has passed, or the charge expired or was closed at the provider: it can no longer be paid. */
  PAYMENT_WINDOW_CLOSED: 409,
  /** The coupon cannot be claimed, granted or used on this order now; `params.reason` says why (a `couponReasons` key). */
  COUPON_NOT_APPLICABLE: 409,
  /** Every coupon of this kind has been handed out, or the buyer reached their own limit (`params.reason`). */
  COUPON_EXHAUSTED: 409,
  /** The buyer let too many orders go overdue and may no longer bid. */
  BIDDING_BLOCKED: 403,
  /** A save made from an older version of the record than the one stored: someone else saved first. */
  STALE_WRITE: 409,
  /** Fields the record's status no longer lets change; `fieldErrors` names them (`validation.lockedInStatus`). */
  FIELD_LOCKED: 409,
  /** The record's status does not allow this action at all (ship an unpaid order, cancel a live auction). */
  WRONG_STATE: 409,
  /** A bug or an outage; details go to the server log, never to the caller. */
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export type FieldErrors = Record<string, string[]>;

/** Values a code's message is rendered with (ICU placeholders of `errors.<code>`). */
export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string = code,
    readonly details: { fieldErrors?: FieldErrors; retryAfterSeconds?: number; params?: ErrorParams } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorCodes[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Postgres unique_violation: a double effect refused by a constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const cause = findPgError(error);
  return cause?.code === '23505' && (constraint === undefined || cause.constraint === constraint);
}

/** Postgres check_violation of one named constraint (named in the message where a driver leaves the field out). */
export function isCheckViolation(error: unknown, constraint: string): boolean {
  const cause = findPgError(error);
  return cause?.code === '23514' && (cause.constraint === constraint || !!cause.message?.includes(`"${constraint}"`));
}

type PgErrorLike = { code?: string; constraint?: string; message?: string };

function findPgError(error: unknown): PgErrorLike | undefined {
  // Drizzle wraps driver errors; the Postgres fields sit on the error or on its cause.
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as PgErrorLike & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/** The SQLSTATE of a Postgres error, wherever the driver wrapped it. */
export function postgresErrorCode(error: unknown): string | undefined {
  return findPgError(error)?.code;
}
