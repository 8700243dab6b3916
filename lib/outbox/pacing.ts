
/**
 * Pacing of sends per vendor, so a bulk run stays inside what the vendor allows instead of bouncing off 429s:
 * - Factorial documents "200 requests per minute for POST requests": every POST, whichever operation sends it,
 *   takes a place in a sliding one-minute window (`acquireWrite`, called by the HTTP client right before it sends).
 * - Kombo says its limits in headers (lib/connectors/kombo/limits.ts): `ratelimit-remaining`/`ratelimit-reset` for
 *   every request, reads included (`takeRequest`: when the window is used up, nobody sends until it resets), and
 *   `Concurrency-Limit`/`Concurrency-Remaining` for actions in flight per integration, which vary per integration:
 *   each write attempt takes a place among the actions in flight (`acquireAction`), and both that number and the
 *   operations sending at once follow the last answer's numbers (`observe`), 30 (the documented cap) until one says
 *   otherwise.
 * Operations take a turn (`acquire`: concurrency) before they are marked "sending" and give it back when they
 * settle. Waiters are served in order (first queued, first sent). A 429 pauses the whole vendor for its
 * Retry-After, not just one operation.
 *
 * The window is counted exactly, with no safety margin: a write holds its place from the moment it is sent until
 * one window after its answer came back. The vendor counted it at some moment in between, so the write sent when
 * that place frees up reaches the vendor at least one window later — whatever the latency — and the limit can be
 * used to the full without a 429.
 */

/**
 * Factorial (HR and ATS share its window), Kombo, or another vendor by the name its limits were declared under
 * (`declarePaceLimits`: each direct ATS's, by lib/connections).
 */
export type PacedVendor = 'factorial' | 'kombo' | (string & {});

/**
 * What a vendor's answer said about its limits (rate window, actions in flight), as the HTTP client reports it to its
 * `onLimits` hook. The platform states the shape it paces by; the HTTP client's `VendorLimits`
 * (lib/connectors/http.ts) is that shape, and the compiler checks it wherever paced hooks are handed to a client.
 */
export interface VendorLimitsSeen {
  rate?: { limit?: number; remaining?: number; resetMs?: number };
  concurrency?: { limit?: number; remaining?: number };
}

/** A request as the HTTP client's hooks see it: pacing needs only its method. */
interface PacedRequest {
  method: string;
}

/**
 * The HTTP client hooks pacing fills in (lib/connectors/http.ts `HttpHooks` has these, with the same meaning, and
 * more: a caller's other hooks pass through `pacedHooks` untouched).
 */
export interface PacingHooks {
  /** Awaited right before a request is sent; the function it returns is called once the answer or failure is in. */
  beforeSend?(info: PacedRequest): Promise<() => void> | undefined;
  /** Awaited before every attempt, retries included; the function it returns is called once that attempt is over. */
  beforeAttempt?(info: PacedRequest): Promise<(() => void) | void> | void;
  /** What an answer said about the vendor's limits. */
  onLimits?(info: PacedRequest & { status: number }, limits: VendorLimitsSeen): void;
}

export interface PaceLimits {
  /** At most this many writes may reach the vendor within any `windowMs`. */
  perWindow?: number;
  windowMs?: number;
  /** Which HTTP methods count as writes against `perWindow` (default: POST). */
  writeMethods?: readonly string[];
  /** At most this many operations sending at the same time. */
  maxInFlight?: number;
  /**
   * At most this many write requests (Kombo's "actions") in flight at once, each attempt counted: the vendor's
   * concurrency headers, once an answer carried them, set this number (and `maxInFlight`) instead.
   */
  maxActionsInFlight?: number;
}

/**
 * Bench only: a build made with WXT_BENCH_TIME_SCALE=k (bench/run.ts, for the bulk-export row) runs the vendor
 * windows k times faster — Factorial's minute lasts 60/k s — so a run where the limit binds for several windows
 * takes seconds; the limit itself stays the documented one. Release builds leave it unset: 1.
 */
export const PACE_TIME_SCALE = Math.max(1, Number(import.meta.env?.WXT_BENCH_TIME_SCALE ?? 1) || 1);

export const FACTORIAL_POSTS_PER_MINUTE = 200;

/** Factorial's documented window; every other vendor's limits are declared by who knows it (`declarePaceLimits`). */
export const DEFAULT_PACE_LIMITS: Record<'factorial', PaceLimits> & Partial<Record<string, PaceLimits>> = {
  factorial: { perWindow: FACTORIAL_POSTS_PER_MINUTE, windowMs: 60_000 / PACE_TIME_SCALE, writeMethods: ['POST'], maxInFlight: 10 },
};

/**
 * A vendor's documented limits, declared by whoever knows the vendor (lib/connections for the direct ATSs) before its
 * first request: its pacer starts with them. A window given here is in real time (the bench's time scale applies).
 */
export function declarePaceLimits(vendor: string, limits: PaceLimits): void {
  const scaled = limits.windowMs === undefined ? limits : { ...limits, windowMs: limits.windowMs / PACE_TIME_SCALE };
  DEFAULT_PACE_LIMITS[vendor] = scaled;
  pacers.get(vendor)?.setLimits(scaled);
}

interface Waiter {
  grant: (release: () => void) => void;
}

export class Pacer {
  private limits: PaceLimits;
  /** When each write whose answer came back was answered, oldest first (only those still inside the window). */
  private readonly answered: number[] = [];
  /** Writes sent and not answered yet: they hold a place in the window. */
  private writesInFlight = 0;
  private inFlight = 0;
  private pausedUntil = 0;
  private readonly queue: Waiter[] = [];
  private readonly writeQueue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = 0;
  /** The vendor's request window as its last answer said: requests left, and when it resets. */
  private budget: { remaining: number; resetAt: number } | undefined;
  /** Requests (attempts) sent and not answered yet. */
  private requestsInFlight = 0;
  private readonly requestQueue: Waiter[] = [];
  /** Actions (writes) at once, as the vendor's concurrency headers last said (overrides both limits). */
  private observedMaxInFlight: number | undefined;
  private actionsInFlight = 0;
  private readonly actionQueue: Waiter[] = [];

  constructor(limits: PaceLimits) {
    this.limits = { ...limits };
  }

  setLimits(limits: PaceLimits): void {
    this.limits = { ...limits };
    this.pump();
  }

  /** An operation's turn to send (concurrency and pauses). Call the returned function when it settles. */
  acquire(): Promise<() => void> {
    return new Promise((grant) => {
      this.queue.push({ grant });
      this.pump();
    });
  }

  /** Does `method` count against the vendor's window? */
  counts(method: string): boolean {
    return this.limits.perWindow !== undefined && (this.limits.writeMethods ?? ['POST']).includes(method.toUpperCase());
  }

  /**
   * A place in the window for one write, taken right before it is sent. Call the returned function once its answer
   * (or its failure) is in: the place frees one window after that.
   */
  acquireWrite(): Promise<() => void> {
    return new Promise((grant) => {
      this.writeQueue.push({ grant });
      this.pump();
    });
  }

  /**
   * A place in the vendor's request window for one attempt, reads included: granted at once unless its last answer
   * said the window is used up, then when it resets. Call the returned function once the attempt's answer is in.
   */
  takeRequest(): Promise<() => void> {
    return new Promise((grant) => {
      this.requestQueue.push({ grant });
      this.pump();
    });
  }

  /** Is `method` an action the vendor limits in flight (a write, where `maxActionsInFlight` is set)? */
  limitsAction(method: string): boolean {
    return this.limits.maxActionsInFlight !== undefined && method.toUpperCase() !== 'GET';
  }

  /** A place among the actions in flight for one attempt of a write. Call the returned function once its answer is in. */
  acquireAction(): Promise<() => void> {
    return new Promise((grant) => {
      this.actionQueue.push({ grant });
      this.pump();
    });
  }

  /**
   * What an answer said about the vendor's limits (`status`: its HTTP status). Called while that attempt still holds
   * its place, so the requests this worker has in flight besides it are already counted in what `remaining` leaves.
   */
  observe(limits: VendorLimitsSeen, status: number, now = Date.now()): void {
    const rate = limits.rate;
    if (rate?.remaining !== undefined) {
      const others = Math.max(0, this.requestsInFlight - 1);
      const remaining = Math.max(0, rate.remaining - others);
      // A used-up window with no reset said: try again in a second, not at once.
      const resetMs = rate.resetMs ?? (remaining === 0 ? 1_000 : 0);
      this.budget = resetMs > 0 ? { remaining, resetAt: now + resetMs } : undefined;
    } else if (status === 429 && rate?.resetMs !== undefined) {
      this.budget = { remaining: 0, resetAt: now + rate.resetMs };
    }
    const { limit, remaining } = limits.concurrency ?? {};
    if (limit !== undefined || remaining !== undefined) {
      // Our actions in flight (this one included, unless refused: it was not admitted) plus what the vendor says
      // is left (others elsewhere use the rest), within its limit.
      const ours = Math.max(0, this.actionsInFlight - (status === 429 ? 1 : 0));
      const ceiling = limit ?? this.observedMaxInFlight ?? this.limits.maxActionsInFlight ?? Infinity;
      this.observedMaxInFlight = Math.max(1, Math.min(ceiling, remaining === undefined ? ceiling : ours + remaining));
    }
    this.pump();
  }

  /** Nobody starts before `ms` from now (the vendor said so with a 429 / Retry-After). */
  pause(ms: number): void {
    if (!(ms > 0)) return;
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
    this.pump();
  }

  /** For the progress text and tests. */
  stats(): {
    inFlight: number;
    maxInFlight: number | undefined;
    waiting: number;
    writesInWindow: number;
    writesWaiting: number;
    pausedForMs: number;
    requestsWaiting: number;
    requestsLeft: number | undefined;
  } {
    const now = Date.now();
    this.prune(now);
    const budget = this.budget && this.budget.resetAt > now ? this.budget : undefined;
    return {
      inFlight: this.inFlight,
      maxInFlight: this.maxInFlight,
      requestsWaiting: this.requestQueue.length,
      requestsLeft: budget?.remaining,
      waiting: this.queue.length,
      writesInWindow: this.answered.length + this.writesInFlight,
      writesWaiting: this.writeQueue.length,
      pausedForMs: Math.max(0, this.pausedUntil - now),
    };
  }

  private get maxInFlight(): number | undefined {
    return this.observedMaxInFlight ?? this.limits.maxInFlight;
  }

  private get windowMs() {
    return this.limits.windowMs ?? 60_000;
  }

  private prune(now: number) {
    while (this.answered.length && now - this.answered[0] >= this.windowMs) this.answered.shift();
  }

  /** Grant turns and writes in order while the limits allow; otherwise wake up when the next one can go. */
  private pump() {
    const now = Date.now();
    this.prune(now);
    this.pumpRequests(now);
    if (this.pausedUntil > now) return this.wakeIn(this.pausedUntil - now);
    const { perWindow } = this.limits;
    const maxInFlight = this.maxInFlight;
    while (this.queue.length && (maxInFlight === undefined || this.inFlight < maxInFlight)) {
      this.inFlight += 1;
      this.queue.shift()!.grant(this.once(() => (this.inFlight -= 1)));
    }
    while (this.writeQueue.length) {
      if (perWindow !== undefined && this.answered.length + this.writesInFlight >= perWindow) {
        // Full: the oldest answered write leaves the window first; else an answer still to come frees a place.
        if (this.answered.length) this.wakeIn(Math.max(1, this.answered[0] + this.windowMs - now));
        return;
      }
      this.writesInFlight += 1;
      this.writeQueue.shift()!.grant(
        this.once(() => {
          this.writesInFlight -= 1;
          this.answered.push(Date.now());
        }),
      );
    }
  }

  /**
   * Actions go while fewer than the vendor's concurrency are in flight; attempts while its window has room (or it
   * reset), otherwise wake up when it resets.
   */
  private pumpRequests(now: number) {
    const maxActions = this.observedMaxInFlight ?? this.limits.maxActionsInFlight ?? Infinity;
    while (this.actionQueue.length && this.actionsInFlight < maxActions) {
      this.actionsInFlight += 1;
      this.actionQueue.shift()!.grant(this.once(() => (this.actionsInFlight -= 1)));
    }
    if (this.budget && now >= this.budget.resetAt) this.budget = undefined;
    while (this.requestQueue.length) {
      if (this.budget && this.budget.remaining <= 0) {
        this.wakeIn(Math.max(1, this.budget.resetAt - now));
        return;
      }
      if (this.budget) this.budget.remaining -= 1;
      this.requestsInFlight += 1;
      this.requestQueue.shift()!.grant(this.once(() => (this.requestsInFlight -= 1)));
    }

  }

  /** A release that counts once, however often it is called, and lets the next waiter in. */
  private once(release: () => void): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
      this.pump();
    };
  }

  private wakeIn(ms: number) {
    const at = Date.now() + ms;
    if (this.timer !== undefined && this.timerAt <= at) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, ms);
  }
}

const pacers = new Map<PacedVendor, Pacer>();

/** The one pacer of a vendor in this worker. */
export function pacerFor(vendor: PacedVendor): Pacer {
  let pacer = pacers.get(vendor);
  if (!pacer) {
    pacer = new Pacer(DEFAULT_PACE_LIMITS[vendor] ?? {});
    pacers.set(vendor, pacer);
  }
  return pacer;
}

/**
 * HTTP hooks that give each write its place in the vendor's window right before it is sent, each attempt (reads
 * included) its place in the request window the vendor's headers describe, and feed those headers back to the pacer
 * (lib/connectors/http). The caller's own hooks run as well.
 */
export function pacedHooks(vendor: PacedVendor, hooks?: PacingHooks): PacingHooks {
  const pacer = pacerFor(vendor);
  return {
    ...hooks,
    beforeSend: (info) => (pacer.counts(info.method) ? pacer.acquireWrite() : hooks?.beforeSend?.(info)),
    beforeAttempt: async (info) => {
      // An action waits for a place among those in flight first, then for the request window.
      const action = pacer.limitsAction(info.method) ? await pacer.acquireAction() : undefined;
      const request = await pacer.takeRequest();
      const release = () => {
        request();
        action?.();
      };
      const theirs = await hooks?.beforeAttempt?.(info);
      return () => {
        release();
        theirs?.();
      };
    },
    onLimits: (info, limits) => {
      pacer.observe(limits, info.status);
      hooks?.onLimits?.(info, limits);
    },
  };
}

/** Change a vendor's limits (tests, a contract with a higher limit). */
export function setPaceLimits(vendor: PacedVendor, limits: PaceLimits): void {
  pacerFor(vendor).setLimits(limits);
}

/** Tests: forget every pacer's state. */
export function resetPacersForTests(): void {
  pacers.clear();
}
