import { useEffect, useState } from 'react';
import { sendIntent } from '@/lib/messaging/client';
import { t } from './popup-messages';

/**
 * Popup section, for admins only (hidden on a recruiter's browser): open "Teach this page" on the page in the
 * current tab — an ATS we do not ship, or one whose adapter reads nothing there. The picker opens in the page.
 */
export function TeachThisPage() {
  const [offered, setOffered] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    sendIntent('teachOffered', undefined).then((r) => setOffered(r.ok && r.value), () => setOffered(false));
  }, []);
  if (!offered) return null;

  async function open() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await sendIntent('teachActiveTab', undefined);
      if (!result.ok) setMessage(result.error.message);
      else window.close();
    } catch {
      setMessage(t('unreachable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="hb-teach-title" className="hb-popup-section">
      <h2 id="hb-teach-title">{t('title')}</h2>
      <p className="hb-note">{t('note')}</p>
      <button type="button" onClick={() => void open()} disabled={busy}>
        {t('teach')}
      </button>
      {message && (
        <p role="alert" className="hb-alert">
          {message}
        </p>
      )}
    </section>
  );
}
