import { describe, expect, expectTypeOf, it } from 'vitest';
import { ConnectorError } from '@/lib/connectors/errors';
import { backoffDelay, isRetryable, PublicError, type Retryable } from '@/lib/errors';

/**
 * The outbox asks a failure the platform's question (may it pass, and how long did the other side ask to wait?)
 * without knowing any vendor: connector failures answer it, anything else is permanent.
 */
describe('what a failure says about trying again', () => {
  it("a connector's failure answers it: its transience, its Retry-After and its code", () => {
    expectTypeOf<ConnectorError>().toExtend<Retryable>();
    const busy = new ConnectorError({ code: 'rate-limited', vendor: 'Kombo', message: 'Kombo is busy.', retryAfterMs: 4_000 });
    expect(isRetryable(busy) && [busy.transient, busy.retryAfterMs, busy.code]).toEqual([true, 4_000, 'rate-limited']);
    const refused = new ConnectorError({ code: 'auth', vendor: 'Factorial', message: 'The key was refused.' });
    expect(isRetryable(refused) && [refused.transient, refused.retryAfterMs]).toEqual([false, undefined]);
  });

  it('any other failure is not retryable: a plain PublicError, a bug, something that only looks like one', () => {
    expect(isRetryable(new PublicError('Choose the job.', 'invalid-input'))).toBe(false);
    expect(isRetryable(new TypeError('x is undefined'))).toBe(false);
    expect(isRetryable({ transient: true, code: 'server', publicMessage: 'forged' })).toBe(false);
    expect(isRetryable(Object.assign(new PublicError('odd'), { transient: 'yes' }))).toBe(false);
  });

  it('backs off exponentially with jitter, within the cap', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(5 * 60_000, 1_000 * 2 ** attempt);
      const wait = backoffDelay(attempt, 1_000, 5 * 60_000);
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
      expect(wait).toBeLessThanOrEqual(ceiling);
    }
  });
});
