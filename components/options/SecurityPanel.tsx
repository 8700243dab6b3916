import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { sendIntent } from '@/lib/messaging';
import type { SecurityStatus } from '@/lib/security';

const MIN_LENGTH = 10;
const NO_CONTACT = 'Hirebridge could not reach its background service. Reload the page and try again.';

/** The current lock state, shared by the regions whose actions need the passphrase. */
export function useSecurityStatus() {
  const [status, setStatus] = useState<SecurityStatus | null>(null);
  const refresh = useCallback(() => {
    sendIntent('securityStatus', undefined)
      .then((r) => r.ok && setStatus(r.value))
      .catch(() => undefined);
  }, []);
  useEffect(refresh, [refresh]);
  return { status, setStatus, refresh };
}

/**
 * Region "Security": the admin passphrase. Once set, connecting, viewing or removing integrations and changing
 * sync rules ask for it (exporting and syncing never do). Only a PBKDF2 hash is kept.
 */
export function SecurityPanel({ onChanged }: { onChanged?(): void }) {
  const headingId = useId();
  const fieldId = useId();
  const { status, setStatus } = useSecurityStatus();
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(run: () => Promise<{ ok: true; value: SecurityStatus } | { ok: false; error: { message: string } }>, done: string) {
    setBusy(true);
    setMessage(null);
    try {
      const result = await run();
      if (result.ok) {
        setStatus(result.value);
        setValue('');
        setMessage({ text: done });
        onChanged?.();
      } else setMessage({ text: result.error.message, error: true });
    } catch {
      setMessage({ text: NO_CONTACT, error: true });
    } finally {
      setBusy(false);
    }
  }

  const locked = !!status?.passphraseSet && !status.unlocked;
  const tooShort = !locked && value.length > 0 && value.length < MIN_LENGTH;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (locked) void act(() => sendIntent('unlockAdmin', value), 'Unlocked for 15 minutes.');
    else if (value.length >= MIN_LENGTH) void act(() => sendIntent('setPassphrase', value), status?.passphraseSet ? 'Passphrase changed.' : 'Passphrase set: admin settings now ask for it.');
  }

  return (
    <section className="hb-card" role="region" aria-labelledby={headingId} style={{ marginTop: 16 }}>
      <h2 id={headingId}>Security</h2>
      <p className="hb-sub">
        {status?.passphraseSet
          ? locked
            ? 'Admin settings are locked. Enter the admin passphrase to connect, view or remove integrations and change sync rules.'
            : 'Admin settings are unlocked for now.'
          : 'Protect the admin settings with a passphrase. Recruiters can still export and sync without it.'}
      </p>
      {status && (
        <form onSubmit={submit} className="hb-field" noValidate>
          <label htmlFor={fieldId}>{locked ? 'Admin passphrase' : status.passphraseSet ? 'New admin passphrase' : 'Admin passphrase'}</label>
          <span className="hb-actions">
            <input
              id={fieldId}
              type="password"
              autoComplete={locked ? 'current-password' : 'new-password'}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              aria-invalid={tooShort}
              aria-describedby={`${fieldId}-hint`}
            />
            <button type="submit" className="hb-primary" disabled={busy || !value || tooShort}>
              {locked ? 'Unlock' : status.passphraseSet ? 'Change passphrase' : 'Set passphrase'}
            </button>
            {status.passphraseSet && !locked && (
              <>
                <button type="button" disabled={busy} onClick={() => void act(() => sendIntent('lockAdmin', undefined), 'Locked.')}>
                  Lock now
                </button>
                <button type="button" className="hb-danger" disabled={busy} onClick={() => void act(() => sendIntent('removePassphrase', undefined), 'Passphrase removed.')}>
                  Remove passphrase
                </button>
              </>
            )}
          </span>
          <span className="hb-hint" id={`${fieldId}-hint`}>
            {tooShort ? `Use at least ${MIN_LENGTH} characters.` : locked ? 'Wrong tries are slowed down.' : `At least ${MIN_LENGTH} characters. It is never stored, only a hash of it.`}
          </span>
        </form>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'hb-alert' : 'hb-note'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
