import { useId, useState } from 'react';
import { sendIntent } from '@/lib/messaging';
import type { LocalDataCounts } from '@/lib/retention';
import { SettingsSchema } from '@/lib/settings/schema';
import { useSettings } from './SitesPanel';

/** Region "Data": how long candidate data stays in this browser, and Delete local data (after a confirmation). */
export function DataPanel() {
  const headingId = useId();
  const daysId = useId();
  const { view, error, change } = useSettings();
  const [days, setDays] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<LocalDataCounts | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const managed = !!view?.managed.includes('retentionDays');
  const shown = days ?? String(view?.values.retentionDays ?? '');
  const parsed = SettingsSchema.shape.retentionDays.safeParse(Number(shown));
  const daysError = shown && (!/^\d+$/.test(shown) || !parsed.success) ? (parsed.error?.issues[0]?.message ?? 'Enter a whole number of days.') : undefined;

  async function askToDelete() {
    setMessage(null);
    const result = await sendIntent('localDataCounts', undefined).catch(() => null);
    if (result?.ok) setConfirming(result.value);
    else setMessage({ text: result ? result.error.message : 'Hirebridge could not reach its background service.', error: true });
  }

  async function confirmDelete() {
    const result = await sendIntent('deleteLocalData', undefined).catch(() => null);
    setConfirming(null);
    if (result?.ok) setMessage({ text: `Deleted ${result.value.candidates} candidates, ${result.value.operations} operations and ${result.value.activity} activity entries. Connections were kept.` });
    else setMessage({ text: result ? result.error.message : 'Hirebridge could not reach its background service.', error: true });
  }

  return (
    <section className="hb-card" role="region" aria-labelledby={headingId} style={{ marginTop: 16 }}>
      <h2 id={headingId}>Data</h2>
      <p className="hb-sub">Candidates seen on pages, sends and activity stay in this browser only, and only for a while.</p>
      {error && (
        <p className="hb-alert" role="alert">
          {error}
        </p>
      )}
      {view && (
        <div className="hb-field">
          <label htmlFor={daysId}>Keep candidate data for (days)</label>
          <span className="hb-actions">
            <input id={daysId} inputMode="numeric" value={shown} disabled={managed} aria-invalid={!!daysError} aria-describedby={`${daysId}-hint`} onChange={(e) => setDays(e.target.value)} style={{ width: 90 }} />
            <button
              type="button"
              disabled={managed || !!daysError || days === null || Number(days) === view.values.retentionDays}
              onClick={() => void change({ name: 'retentionDays', value: Number(days) }).then((saved) => saved && (setDays(null), setMessage({ text: `Candidate data is now kept for ${days} days.` })))}
            >
              Save
            </button>
          </span>
          <span className="hb-hint" id={`${daysId}-hint`}>
            {managed ? 'Set by your organisation’s policy.' : (daysError ?? 'Older data is deleted automatically once a day.')}
          </span>
        </div>
      )}
      {!confirming && (
        <button type="button" className="hb-danger" onClick={() => void askToDelete()}>
          Delete local data
        </button>
      )}
      {confirming && (
        <div role="alertdialog" aria-labelledby={`${headingId}-confirm`} className="hb-confirm">
          <p id={`${headingId}-confirm`}>
            This erases {confirming.candidates} candidates, {confirming.operations} operations and {confirming.activity} activity entries from this browser. Your connections stay.
          </p>
          <div className="hb-actions">
            <button type="button" className="hb-danger" autoFocus onClick={() => void confirmDelete()}>
              Delete
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'hb-alert' : 'hb-note'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
