import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Intents } from '@/entrypoints/background';
import { logFailure } from '@/lib/activity';
import { db, resetDbForTests } from '@/lib/db';
import { PublicError } from '@/lib/errors';
import { serveIntents, type IntentHandlers, type SenderPolicy } from '@/lib/messaging/server';

/** Nothing vanishes (SPEC §10): an unexpected error is logged with its stack before people get the generic words. */

const policy: SenderPolicy = {
  extensionId: 'abcdefghijklmnopabcdefghijklmnop',
  extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  isAllowedPage: () => false,
};
const fromOptionsPage = { id: policy.extensionId, url: `${policy.extensionOrigin}/options.html` };
const ask = (type: string) =>
  new Promise<unknown>(
    (resolve) => void fakeBrowser.runtime.onMessage.trigger({ type, data: undefined }, fromOptionsPage, (response: { res: unknown }) => resolve(response.res)),
  );

function serveThrowing(error: unknown) {
  const handlers = Object.fromEntries(Object.keys(Intents).map((name) => [name, async () => name])) as unknown as IntentHandlers;
  (handlers as unknown as Record<string, () => Promise<never>>).readSettings = async () => {
    throw error;
  };
  return serveIntents(Intents, () => policy, handlers);
}

describe('unexpected errors', () => {
  let consoleError: ReturnType<typeof vi.spyOn>;
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => consoleError.mockRestore());

  it('an intent whose handler hits a bug answers the generic words, after its stack reached the console and the log', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'slot')");
    const stop = serveThrowing(bug);
    try {
      const answer = (await ask('readSettings')) as { ok: boolean; error: { code: string; message: string } };
      expect(answer.ok).toBe(false);
      expect(answer.error.code).toBe('internal');
      expect(answer.error.message).not.toContain('slot');
      expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('readSettings'), bug);
      const [entry] = await db().activity.toArray();
      expect(entry).toMatchObject({ kind: 'intent', level: 'error' });
      expect(entry.message).toContain('readSettings');
      expect(entry.message).not.toContain('slot');
      expect(entry.detail).toContain("TypeError: Cannot read properties of undefined (reading 'slot')");
      expect(entry.detail).toContain('unexpected-errors.test.ts');
    } finally {
      stop();
    }
  });

  it('a failure in plain words (PublicError) is the answer itself: no stack logged', async () => {
    const stop = serveThrowing(new PublicError('Connect Factorial HR first.', 'not-connected'));
    try {
      expect(await ask('readSettings')).toEqual({ ok: false, error: { code: 'not-connected', message: 'Connect Factorial HR first.' } });
      expect(consoleError).not.toHaveBeenCalled();
      expect(await db().activity.count()).toBe(0);
    } finally {
      stop();
    }
  });

  it("background work nobody waits for keeps an unexpected failure's stack in the entry's detail, never in its words", async () => {
    await logFailure('jobs', 'hiredRefresh')(new RangeError('Invalid time value'));
    await logFailure('jobs', 'hiredRefresh')(new PublicError('The ATS refused the key.', 'auth'));
    const [unexpected, foreseen] = await db().activity.orderBy('id').toArray();
    expect(unexpected.message).not.toContain('Invalid time value');
    expect(unexpected.detail).toContain('RangeError: Invalid time value');
    expect(foreseen.message).toContain('The ATS refused the key.');
    expect(foreseen.detail).toBeUndefined();
    expect(consoleError).toHaveBeenCalledTimes(1);
  });
});
