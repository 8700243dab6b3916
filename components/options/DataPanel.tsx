import { useId, useState } from 'react';
import { sendIntent } from '@/lib/messaging';
import type { LocalDataCounts } from '@/lib/retention';
import { SettingsSchema } from '@/lib/settings/schema';
import { t } from './messages';
import { useSettings } from './SitesPanel';
import { AdminLockNote, useAdminLock } from './admin-lock';
import { Panel, PanelMessage, type PanelNotice } from './Panel';

/** Region "Data": how long candidate data stays in this browser, and Delete local data (after a confirmation). */
export function DataPanel() {
  const headingId = useId();
  const daysId = useId();
  const lockId = useId();
  const locked = !!useAdminLock();
  const lockedBy = locked ? lockId : undefined;
  const { view, error, change } = useSettings();
  const [days, setDays] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<LocalDataCounts | null>(null);
  const [message, setMessage] = useState<PanelNotice | null>(null);
  const managed = !!view?.managed.includes('retentionDays');
  const shown = days ?? String(view?.values.retentionDays ?? '');
  const parsed = SettingsSchema.shape.retentionDays.safeParse(Number(shown));
  const daysError = shown && (!/^\d+$/.test(shown) || !parsed.success) ? (parsed.error?.issues[0]?.message ?? t('wholeDays')) : undefined;

  async function askToDelete() {
    setMessage(null);
    const result = await sendIntent('localDataCounts', undefined).catch(() => null); // no answer: said below
    if (result?.ok) setConfirming(result.value);
    else setMessage({ text: result ? result.error.message : t('noContactShort'), error: true });
  }

  async function confirmDelete() {
    const result = await sendIntent('deleteLocalData', undefined).catch(() => null); // no answer: said below
    setConfirming(null);
    if (result?.ok) setMessage({ text: t('deleted', { ...result.value }) });
    else setMessage({ text: result ? result.error.message : t('noContactShort'), error: true });
  }

  return (
    <Panel title={t('dataTitle')} headingId={headingId}>
      <p className="hb-sub">{t('dataSub')}</p>
      <AdminLockNote id={lockId} />
      {error && (
        <p className="hb-alert" role="alert">
          {error}
        </p>
      )}
      {view && (
        <div className="hb-field">
          <label htmlFor={daysId}>{t('keepDays')}</label>
          <span className="hb-actions">
            <input id={daysId} inputMode="numeric" value={shown} disabled={managed || locked} aria-invalid={!!daysError} aria-describedby={[`${daysId}-hint`, lockedBy].filter(Boolean).join(' ')} onChange={(e) => setDays(e.target.value)} style={{ width: 90 }} />
            <button
              type="button"
              disabled={managed || locked || !!daysError || days === null || Number(days) === view.values.retentionDays}
              aria-describedby={lockedBy}
              onClick={() => void change({ name: 'retentionDays', value: Number(days) }).then((saved) => saved && (setDays(null), setMessage({ text: t('keptFor', { days: days ?? '' }) })))}
            >
              {t('save')}
            </button>
          </span>
          <span className="hb-hint" id={`${daysId}-hint`}>
            {managed ? t('managedNote') : (daysError ?? t('purgeHint'))}
          </span>
        </div>
      )}
      {!confirming && (
        <button type="button" className="hb-danger" disabled={locked} aria-describedby={lockedBy} onClick={() => void askToDelete()}>
          {t('deleteLocalData')}
        </button>
      )}
      {confirming && (
        <div role="alertdialog" aria-labelledby={`${headingId}-confirm`} className="hb-confirm">
          <p id={`${headingId}-confirm`}>
            {t('confirmDelete', { ...confirming })}
          </p>
          <div className="hb-actions">
            <button type="button" className="hb-danger" autoFocus onClick={() => void confirmDelete()}>
              {t('delete')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <PanelMessage message={message} />
    </Panel>
  );
}
