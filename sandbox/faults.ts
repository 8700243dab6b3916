/** Switchable faults and rate limits, so tests and benchmarks can prove the reliability rules. */

export type VendorName = 'factorial' | 'kombo';
export type FaultKind = 'latency' | 'rate-limit' | 'server-error' | 'timeout' | 'unauthorized' | 'malformed';

export interface Fault {
  vendor: VendorName | 'any';
  kind: FaultKind;
  /** How many matching requests get it; 0 = until cleared. */
  times: number;
  ms?: number;
  retryAfterSeconds?: number;
  method?: string;
  pathIncludes?: string;
}

export class Faults {
  private list: Fault[] = [];
  private windows: Record<VendorName, number[]> = { factorial: [], kombo: [] };
  private limits: Partial<Record<VendorName, number>> = {};

  add(fault: Fault) {
    this.list.push({ ...fault, times: fault.times ?? 1 });
  }
  clear() {
    this.list = [];
    this.limits = {};
    this.windows = { factorial: [], kombo: [] };
  }
  setRateLimit(vendor: VendorName, perMinute: number | null) {
    if (perMinute === null) delete this.limits[vendor];
    else this.limits[vendor] = perMinute;
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

  /** Sliding one-minute window: seconds to wait when over the limit, else undefined (and the request counts). */
  overLimit(vendor: VendorName, now = Date.now()): number | undefined {
    const limit = this.limits[vendor];
    if (!limit) return undefined;
    const window = (this.windows[vendor] = this.windows[vendor].filter((t) => now - t < 60_000));
    if (window.length >= limit) return Math.max(1, Math.ceil((60_000 - (now - window[0])) / 1000));
    window.push(now);
    return undefined;
  }
}
