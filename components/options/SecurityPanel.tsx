import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { sendIntent } from '@/lib/messaging';
import { MIN_PASSPHRASE_LENGTH } from '@/lib/security/intents';
import type { SecurityStatus } from '@/lib/security';
import { t } from './messages';
import { AdminLockNote, useAdminLock } from './admin-lock';
import { Panel, PanelMessage, type PanelNotice } from './Panel';

/** The current lock state, shared by the regions whose actions need the passphrase. */
export function useSecurityStatus() {
  const [status, setStatus] = useState<SecurityStatus | null>(null);
  const refresh = useCallback(() => {
    sendIntent('securityStatus', undefined)
      .then((r) => r.ok && setStatus(r.value))
      .catch(() => undefined); // worker unreachable: the panel shows no status, and the options page says so
  }, []);
  useEffect(refresh, [refresh]);
  return { status, setStatus, refresh };
}

/**
 * Region "Security": the admin passphrase. Once set, connecting, viewing or removing integrations and changing
 * sync rules ask for it (exporting and syncing never do). Only a PBKDF2 hash is kept.
 */
export function SecurityPanel({ onChanged }: { onChanged?(): void }) {
  const fieldId = useId();
  const lockId = useId();
  // A recruiter's browser: the passphrase guards the admin's actions, which are not done here.
  const adminLocked = !!useAdminLock();
  const { status, setStatus } = useSecurityStatus();
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<PanelNotice | null>(null);
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
      setMessage({ text: t('noContact'), error: true });
    } finally {
      setBusy(false);
    }
  }

  const locked = !!status?.passphraseSet && !status.unlocked;
  const tooShort = !locked && value.length > 0 && value.length < MIN_PASSPHRASE_LENGTH;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (locked) void act(() => sendIntent('unlockAdmin', value), t('unlockedFor'));
    else if (value.length >= MIN_PASSPHRASE_LENGTH) void act(() => sendIntent('setPassphrase', value), status?.passphraseSet ? t('passphraseChanged') : t('passphraseSet'));
  }

  return (
    <Panel title={t('securityTitle')}>
      <p className="hb-sub">{status?.passphraseSet ? (locked ? t('securityLocked') : t('securityUnlocked')) : t('securityNone')}</p>
      <AdminLockNote id={lockId} />
      {status && (
        <form onSubmit={submit} className="hb-field" noValidate>
          <fieldset className="hb-plain" disabled={adminLocked} aria-describedby={adminLocked ? lockId : undefined}>
          <label htmlFor={fieldId}>{locked ? t('adminPassphrase') : status.passphraseSet ? t('newAdminPassphrase') : t('adminPassphrase')}</label>
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
              {locked ? t('unlock') : status.passphraseSet ? t('changePassphrase') : t('setPassphrase')}
            </button>
            {status.passphraseSet && !locked && (
              <>
                <button type="button" disabled={busy} onClick={() => void act(() => sendIntent('lockAdmin', undefined), t('lockedDone'))}>
                  {t('lockNow')}
                </button>
                <button type="button" className="hb-danger" disabled={busy} onClick={() => void act(() => sendIntent('removePassphrase', undefined), t('passphraseRemoved'))}>
                  {t('removePassphrase')}
                </button>
              </>
            )}
          </span>
          <span className="hb-hint" id={`${fieldId}-hint`}>
            {tooShort ? t('passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH }) : locked ? t('wrongTriesSlowed') : t('passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
          </span>
          </fieldset>
        </form>
      )}
      <PanelMessage message={message} />
    </Panel>
  );
}
