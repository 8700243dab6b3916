/**
 * What every intent answers (and what `attempt` gives back). Errors travel as plain data (Error objects do not
 * survive runtime messaging), with a message meant for people and, for form input, the field it is about.
 */
export interface Failure {
  code: string;
  message: string;
  field?: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
});

/**
 * The one error convention. A failure people should read is a `PublicError`: its `publicMessage` is written for
 * them (plain words, never a key, a header or a stack) and its `code` says what kind of failure it is (the form
 * field it is about too, when there is one). Anything else thrown is a bug or an unforeseen failure and reaches
 * people only as a generic sentence. Connector failures are PublicErrors (`ConnectorError`, whose messages are
 * built to be shown). The intent server turns a thrown error into a reply with `toFailure`; code that goes on
 * after a failure (applying a policy, importing a team file) gets the same reply with `attempt`.
 */
export class PublicError extends Error {
  constructor(
    readonly publicMessage: string,
    /** e.g. 'not-connected', 'managed', 'locked', 'no-tab', a connector's 'auth'; 'failed' when nothing more is known. */
    readonly code: string = 'failed',
    /** The form field the failure is about, when there is one. */
    readonly field?: string,
  ) {
    super(publicMessage);
    this.name = 'PublicError';
  }
}

export const isPublicError = (error: unknown): error is PublicError => error instanceof PublicError;

/** A thrown error as an intent's failure: a PublicError as it is, anything else as `fallback` (never its text). */
export function toFailure(error: unknown, fallback: Failure): Failure {
  if (!isPublicError(error)) return fallback;
  return error.field ? { code: error.code, message: error.publicMessage, field: error.field } : { code: error.code, message: error.publicMessage };
}

/** The words to show for a failure: a PublicError's own, else `fallback`. */
export const publicMessageOf = (error: unknown, fallback: string): string => (isPublicError(error) ? error.publicMessage : fallback);

/** Run work that may fail in plain words, and get its value or its failure (for callers that carry on). */
export async function attempt<T>(work: Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    if (!isPublicError(error)) throw error; // a bug is not a failure to carry on from
    return { ok: false, error: toFailure(error, { code: error.code, message: error.publicMessage }) };
  }
}

/**
 * What a failure says about trying again, for whoever retries it (the outbox): whether it may pass by itself
 * (`transient`: the vendor unreachable, slow, busy or failing) and how long the other side asked to wait
 * (`retryAfterMs`, its Retry-After). Connector failures say it (`ConnectorError` has these fields, code
 * 'rate-limited' when the vendor is busy for everyone); any other failure is permanent.
 */
export interface Retryable {
  readonly code: string;
  readonly transient: boolean;
  readonly retryAfterMs?: number;
}

/** A PublicError that says whether it may pass (see `Retryable`). */
export function isRetryable(error: unknown): error is PublicError & Retryable {
  if (!isPublicError(error)) return false;
  const { transient, retryAfterMs } = error as Partial<Retryable>;
  return typeof transient === 'boolean' && (retryAfterMs === undefined || typeof retryAfterMs === 'number');
}

/**
 * Exponential back-off with full jitter: 0.5 s, 1 s, 2 s … capped, randomised to avoid thundering herds. The outbox
 * waits by it between attempts, the HTTP client between its read retries.
 */
export function backoffDelay(attempt: number, baseMs = 500, capMs = 30_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
