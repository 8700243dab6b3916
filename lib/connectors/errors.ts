import { PublicError } from '../errors';

/**
 * Every failure a connector can report, in plain words. The message is shown to users as is, so it never holds
 * a key, a header, or raw response bytes.
 */
export type ConnectorErrorCode =
  | 'auth' // 401: key wrong or expired
  | 'forbidden' // 403: key lacks access
  | 'unreachable' // DNS, refused, offline, CORS/permission
  | 'timeout'
  | 'rate-limited' // 429 or vendor rate/concurrency codes
  | 'server' // 5xx, REMOTE.SERVICE_UNAVAILABLE
  | 'invalid-request' // 400/422, PLATFORM.INPUT_INVALID
  | 'not-found'
  | 'conflict' // the record exists already (Kombo: only ATS.APPLICATION_ALREADY_EXISTS)
  | 'wrong-environment' // the key answers, but with nothing at all: it belongs to the vendor's other environment
  | 'setup' // the vendor-side integration is not set up for this (Kombo INTEGRATION.*): an admin must act there
  | 'bad-response'; // body does not match the vendor's schema, or is not JSON

/** The vendor as people name it, in every message a connector writes. */
export type Vendor = 'Factorial' | 'Kombo' | 'Greenhouse' | 'Teamtailor' | 'Workable' | 'Recruitee' | 'Ashby';

/** A connector's failure: a PublicError, since its message is built to be shown (see the note above). */
export class ConnectorError extends PublicError {
  declare readonly code: ConnectorErrorCode;
  readonly vendor: Vendor;
  readonly status?: number;
  /** Vendor's own error code, e.g. Kombo's PLATFORM.RATE_LIMIT_EXCEEDED. */
  readonly vendorCode?: string;
  /** The vendor's own words (keys redacted, plain text), for a message that quotes them once. */
  readonly vendorMessage?: string;
  /** From Retry-After (seconds or HTTP date), when the vendor sent one. */
  readonly retryAfterMs?: number;
  /** Worth retrying later (network, timeout, 408/425/429/5xx, vendor rate limits). */
  readonly transient: boolean;

  constructor(init: {
    code: ConnectorErrorCode;
    vendor: Vendor;
    message: string;
    status?: number;
    vendorCode?: string;
    vendorMessage?: string;
    retryAfterMs?: number;
    transient?: boolean;
  }) {
    super(init.message, init.code);
    this.name = 'ConnectorError';
    this.vendor = init.vendor;
    this.status = init.status;
    this.vendorCode = init.vendorCode;
    this.vendorMessage = init.vendorMessage;
    this.retryAfterMs = init.retryAfterMs;
    this.transient = init.transient ?? ['unreachable', 'timeout', 'rate-limited', 'server'].includes(init.code);
  }

  /** A plain object that survives runtime messaging (Error instances do not). */
  toJSON() {
    return {
      code: this.code,
      vendor: this.vendor,
      message: this.message,
      status: this.status,
      vendorCode: this.vendorCode,
      vendorMessage: this.vendorMessage,
      retryAfterMs: this.retryAfterMs,
      transient: this.transient,
    };
  }
}

export function isConnectorError(e: unknown): e is ConnectorError {
  return e instanceof ConnectorError;
}
