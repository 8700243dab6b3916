import { useState } from 'react';
import { sendIntent } from '@/lib/messaging/client';
import { t } from './popup-messages';

/**
 * Popup section: Sync to ATS for the person on the page in the current tab, whatever the site (the toolbar click
 * granted this tab through activeTab; nothing is asked for ahead of time). The form opens in the page.
 */
export function SyncThisPage() {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function open() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await sendIntent('syncActiveTab', undefined);
      if (!result.ok) setMessage(result.error.message);
      else window.close();
    } catch {
      setMessage(t('unreachable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="hb-sync-page-title" className="hb-popup-section">
      <h2 id="hb-sync-page-title">{t('sourcingTitle')}</h2>
      <p className="hb-note">{t('sourcingNote')}</p>
      <button type="button" onClick={() => void open()} disabled={busy}>
        {t('syncThisPage')}
      </button>
      {message && (
        <p role="alert" className="hb-alert">
          {message}
        </p>
      )}
    </section>
  );
}
