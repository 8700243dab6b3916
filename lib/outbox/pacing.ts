/**
 * Pacing of sends per vendor, so a bulk run stays inside what the vendor allows instead of bouncing off 429s:
 * - Factorial documents "200 requests per minute for POST requests": a sliding one-minute window of starts.
 * - Kombo allows at most 30 writes in flight per integration (PLATFORM.CONCURRENCY_LIMIT_EXCEEDED beyond).
 * A slot is taken before an operation starts sending and given back when it settles; waiters are served in
 * order (first queued, first sent). A 429 pauses the whole vendor for its Retry-After, not just one operation.
 */

export type PacedVendor = 'factorial' | 'kombo';

export interface PaceLimits {
  /** At most this many writes may start within any `windowMs`. */
  perWindow?: number;
  windowMs?: number;
  /** At most this many operations sending at the same time. */
  maxInFlight?: number;
}

export const DEFAULT_PACE_LIMITS: Record<PacedVendor, PaceLimits> = {
  // The window is a little longer than a minute: a slot is taken when the operation starts, and its POST follows
  // a look-up a few hundred ms later, so two POSTs must never land inside the vendor's own minute.
  factorial: { perWindow: 200, windowMs: 61_000, maxInFlight: 10 },
  kombo: { maxInFlight: 30 },
};

interface Waiter {
  cost: number;
  grant: (release: () => void) => void;
}

export class Pacer {
  private limits: PaceLimits;
  private readonly starts: number[] = [];
  private inFlight = 0;
  private pausedUntil = 0;
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = 0;

  constructor(limits: PaceLimits) {
    this.limits = { ...limits };
  }

  setLimits(limits: PaceLimits): void {
    this.limits = { ...limits };
    this.pump();
  }

  /** Wait for a slot; `cost` is how many writes the operation makes. Call the returned function when done. */
  acquire(cost = 1): Promise<() => void> {
    return new Promise((resolve) => {
      this.queue.push({ cost: Math.max(0, cost), grant: resolve });
      this.pump();
    });
  }

  /** Nobody starts before `ms` from now (the vendor said so with a 429 / Retry-After). */
  pause(ms: number): void {
    if (!(ms > 0)) return;
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
    this.pump();
  }

  /** For the progress text and tests. */
  stats(): { inFlight: number; waiting: number; startsInWindow: number; pausedForMs: number } {
    const now = Date.now();
    this.prune(now);
    return { inFlight: this.inFlight, waiting: this.queue.length, startsInWindow: this.starts.length, pausedForMs: Math.max(0, this.pausedUntil - now) };
  }

  private prune(now: number) {
    const windowMs = this.limits.windowMs ?? 60_000;
    while (this.starts.length && now - this.starts[0] >= windowMs) this.starts.shift();
  }

  /** Grant slots in order while the limits allow; otherwise wake up when the next one can start. */
  private pump() {
    const now = Date.now();
    this.prune(now);
    while (this.queue.length) {
      const head = this.queue[0];
      const wait = this.waitFor(head.cost, now);
      if (wait === 'release') return; // a release pumps again
      if (wait > 0) return this.wakeIn(wait);
      this.queue.shift();
      this.inFlight += 1;
      for (let i = 0; i < head.cost; i++) this.starts.push(now);
      let released = false;
      head.grant(() => {
        if (released) return;
        released = true;
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /** 0 when `cost` may start now; else ms until it might, or 'release' when only a finishing send frees room. */
  private waitFor(cost: number, now: number): number | 'release' {
    const { perWindow, windowMs = 60_000, maxInFlight } = this.limits;
    if (this.pausedUntil > now) return this.pausedUntil - now;
    if (maxInFlight !== undefined && this.inFlight >= maxInFlight) return 'release';
    if (perWindow !== undefined && cost > 0) {
      const room = perWindow - this.starts.length;
      // An operation costlier than the whole window still goes, alone, once the window is empty.
      if (room < Math.min(cost, perWindow)) {
        const freeing = this.starts[Math.min(cost, perWindow) - room - 1];
        return Math.max(1, freeing + windowMs - now);
      }
    }
    return 0;
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
    pacer = new Pacer(DEFAULT_PACE_LIMITS[vendor]);
    pacers.set(vendor, pacer);
  }
  return pacer;
}

/** Change a vendor's limits (benchmarks, a contract with a higher limit). */
export function setPaceLimits(vendor: PacedVendor, limits: PaceLimits): void {
  pacerFor(vendor).setLimits(limits);
}

/** Tests: forget every pacer's state. */
export function resetPacersForTests(): void {
  pacers.clear();
}
