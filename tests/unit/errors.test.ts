import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { logFailure } from '@/lib/activity';
import { ConnectorError } from '@/lib/connectors/errors';
import { NotConnectedError } from '@/lib/connections';
import { db, resetDbForTests } from '@/lib/db';
import { attempt, PublicError, toFailure } from '@/lib/errors';
import { ManagedSettingError } from '@/lib/settings';

/** The one error convention: what reaches people from a thrown error, and where a background failure goes. */
const INTERNAL = { code: 'internal', message: 'Something went wrong.' };

describe('errors', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetDbForTests();
  });

  it('a PublicError reaches people with its words, code and field; anything else as the generic sentence', () => {
    expect(toFailure(new PublicError('Choose a legal entity.'), INTERNAL)).toEqual({ code: 'failed', message: 'Choose a legal entity.' });
    expect(toFailure(new PublicError('Key refused.', 'auth', 'apiKey'), INTERNAL)).toEqual({ code: 'auth', message: 'Key refused.', field: 'apiKey' });
    expect(toFailure(new ConnectorError({ vendor: 'Kombo', code: 'rate-limited', message: 'Kombo asked to slow down.' }), INTERNAL)).toEqual({ code: 'rate-limited', message: 'Kombo asked to slow down.' });
    expect(toFailure(new NotConnectedError('Factorial HR'), INTERNAL)).toMatchObject({ code: 'not-connected', message: expect.stringContaining('Factorial HR') });
    expect(toFailure(new ManagedSettingError('sourceName'), INTERNAL)).toMatchObject({ code: 'managed' });
    // A bug's text (which could hold anything) never reaches people.
    expect(toFailure(new Error('secret-key-123 at line 4'), INTERNAL)).toEqual(INTERNAL);
    expect(toFailure(Object.assign(new Error('x'), { publicMessage: 'not ours' }), INTERNAL)).toEqual(INTERNAL);
  });

  it('attempt gives a PublicError as a failure to carry on from, and lets a bug through', async () => {
    expect(await attempt(Promise.resolve(3))).toEqual({ ok: true, value: 3 });
    expect(await attempt(Promise.reject(new PublicError('No.', 'permission', 'baseUrl')))).toEqual({ ok: false, error: { code: 'permission', message: 'No.', field: 'baseUrl' } });
    await expect(attempt(Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
  });

  it('a background failure nobody waits for lands in the activity log in plain words', async () => {
    await Promise.reject(new PublicError('Factorial HR is not connected.')).catch(logFailure('export', 'exportRun'));
    await Promise.reject(new Error('stack-ish secret-key-123')).catch(logFailure('connection', 'policy'));
    const entries = await db().activity.orderBy('id').toArray();
    expect(entries.map((e) => [e.kind, e.level])).toEqual([
      ['export', 'error'],
      ['connection', 'error'],
    ]);
    expect(entries[0].message).toContain('Factorial HR is not connected.');
    expect(entries[1].message).not.toContain('secret-key-123');
    expect(entries[1].message).toContain('unexpected');
  });
});
