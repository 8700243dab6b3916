import { useState } from 'react';
import { sendIntent } from '@/lib/messaging/client';

/**
 * A popup section whose button opens something in the page of the current tab (Sync to ATS, Teach this page):
 * the popup closes once the worker has opened it; a refusal or an unreachable worker is said beside the button.
 */
export function OpenInPageSection(props: {
  intent: 'syncActiveTab' | 'teachActiveTab';
  titleId: string;
  title: string;
  note: string;
  label: string;
  unreachable: string;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function open() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await sendIntent(props.intent, undefined);
      if (!result.ok) setMessage(result.error.message);
      else window.close();
    } catch {
      setMessage(props.unreachable);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={props.titleId} className="hb-popup-section">
      <h2 id={props.titleId}>{props.title}</h2>
      <p className="hb-note">{props.note}</p>
      <button type="button" onClick={() => void open()} disabled={busy}>
        {props.label}
      </button>
      {message && (
        <p role="alert" className="hb-alert">
          {message}
        </p>
      )}
    </section>
  );
}
