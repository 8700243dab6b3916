/** Switchable faults and rate limits, so tests and benchmarks can prove the reliability rules. */

/** Factorial, Kombo, or a direct ATS stand-in by its `vendor` (sandbox/stand-in.ts). */
export type VendorName = string;
export type FaultKind =
  | 'latency'
  | 'rate-limit'
  | 'server-error'
  | 'timeout'
  | 'unauthorized'
  | 'malformed'
  // Factorial: every read empty (a key of the other environment).
  | 'wrong-environment'
  // Factorial: an error body of the chosen `shape`.
  | 'error-shape'
  // Kombo: an error envelope with this `code` and HTTP `status` (e.g. INTEGRATION.QA_FAILED with 409); with `carryOut`
  // the request is carried out first (Kombo's TASK_TIMED_OUT: the ATS may have done it all the same).
  | 'kombo-error'
  // Kombo: a write that takes `ms` to answer and whose records are invisible to reads until then (it commits at the end).
  | 'slow-commit'
  // Kombo: a create answers with these `warnings`; with `dropAttachments` the ATS did not keep the files.
  | 'create-warnings';

/**
 * The error bodies Factorial answers with (an `error-shape` fault picks one): `errors` as a list of strings, as a list
 * of 2027-01-01 `{code, message, field}` objects, nested `{errors:{errors:[…]}}`, `error`, `message`, or the
 * top-level `detail` of the official SDK's own 422 fixture.
 */
export const FACTORIAL_ERROR_SHAPES = ['errors', 'errors-objects', 'errors-nested', 'error', 'message', 'detail'] as const;
export type FactorialErrorShape = (typeof FACTORIAL_ERROR_SHAPES)[number];

export interface Fault {
  vendor: VendorName | 'any';
  kind: FaultKind;
  /** How many matching requests get it; 0 = until cleared. */
  times: number;
  ms?: number;
  retryAfterSeconds?: number;
  /** Kombo's way: a 429 that says when in `ratelimit-*` headers only, with no Retry-After. */
  headersOnly?: boolean;
  method?: string;
  pathIncludes?: string;
  /** `error-shape`: which body, its HTTP status (default 422) and its words. */
  shape?: FactorialErrorShape;
  /** `error-shape` and `kombo-error`: the HTTP status. */
  status?: number;
  message?: string;
  /** `kombo-error`: Kombo's error code. */
  code?: string;
  carryOut?: boolean;
  warnings?: string[];
  dropAttachments?: boolean;
}

interface RateLimit {
  limit: number;
  windowMs: number;
  methods?: string[];
  /** Kombo's way: every answer says the window in `ratelimit-limit/remaining/reset`; a 429 has no Retry-After. */
  headers?: boolean;
}

export class Faults {
  private list: Fault[] = [];
  private windows: Record<VendorName, number[]> = {};
  private limits: Partial<Record<VendorName, RateLimit>> = {};

  add(fault: Fault) {
    this.list.push({ ...fault, times: fault.times ?? 1 });
  }
  clear() {
    this.list = [];
    this.limits = {};
    this.windows = {};
  }
  /**
   * At most `perMinute` requests (only `methods`, when given: Factorial documents its limit for POSTs) within any
   * `windowMs` (default a minute; benchmarks use a shorter, time-scaled "minute").
   */
  setRateLimit(vendor: VendorName, perMinute: number | null, options: { windowMs?: number; methods?: string[]; headers?: boolean } = {}) {
    if (perMinute === null) delete this.limits[vendor];
    else this.limits[vendor] = { limit: perMinute, windowMs: options.windowMs ?? 60_000, methods: options.methods?.map((m) => m.toUpperCase()), headers: options.headers };
    this.windows[vendor] = [];
  }

  /** The fault this request gets, if any (consuming one of its uses). */
  take(vendor: VendorName, method: string, path: string): Fault | undefined {
    const index = this.list.findIndex(
      (f) => (f.vendor === 'any' || f.vendor === vendor) && (!f.method || f.method === method) && (!f.pathIncludes || path.includes(f.pathIncludes)),
    );
    if (index < 0) return undefined;
    const fault = this.list[index];
    if (fault.times > 0) {
      fault.times -= 1;
      if (fault.times === 0) this.list.splice(index, 1);
    }
    return fault;
  }

  /**
   * Seconds to wait when over the limit, else undefined (and the request counts). A sliding window; with `headers`
   * a fixed one, as `ratelimit-reset` describes it (seconds until the whole quota is back).
   */
  overLimit(vendor: VendorName, method = 'GET', now = Date.now()): number | undefined {
    const rule = this.limits[vendor];
    if (!rule || (rule.methods && !rule.methods.includes(method.toUpperCase()))) return undefined;
    if (rule.headers) {
      const fixed = this.fixedWindow(vendor, rule, now);
      if (fixed.length >= rule.limit) return Math.max(1, Math.ceil((rule.windowMs - (now - fixed[0])) / 1000));
      fixed.push(now);
      return undefined;
    }
    const window = (this.windows[vendor] = (this.windows[vendor] ?? []).filter((t) => now - t < rule.windowMs));
    if (window.length >= rule.limit) return Math.max(1, Math.ceil((rule.windowMs - (now - window[0])) / 1000));
    window.push(now);
    return undefined;
  }

  /** The requests of the current fixed window (the first one opened it); a new window once it has passed. */
  private fixedWindow(vendor: VendorName, rule: RateLimit, now: number): number[] {
    const window = (this.windows[vendor] ??= []);
    if (window.length && now - window[0] >= rule.windowMs) this.windows[vendor] = [];
    return this.windows[vendor];
  }

  /** The window as `ratelimit-*` headers say it (after this request counted), when the limit is set to say so. */
  windowHeaders(vendor: VendorName, method = 'GET', now = Date.now()): Record<string, string> | undefined {
    const rule = this.limits[vendor];
    if (!rule?.headers || (rule.methods && !rule.methods.includes(method.toUpperCase()))) return undefined;
    const window = this.fixedWindow(vendor, rule, now);
    const reset = window.length ? Math.max(1, Math.ceil((rule.windowMs - (now - window[0])) / 1000)) : Math.ceil(rule.windowMs / 1000);
    return { 'ratelimit-limit': String(rule.limit), 'ratelimit-remaining': String(Math.max(0, rule.limit - window.length)), 'ratelimit-reset': String(reset) };
  }
}
