import { useEffect, useState } from 'react';
import { sendIntent, type ConnectionView } from '@/lib/messaging';

/** The toolbar popup. Hired candidates and quick export arrive with the export flow; for now it shows what is connected. */
export function PopupApp() {
  const [connections, setConnections] = useState<ConnectionView[] | null>(null);
  useEffect(() => {
    sendIntent('listConnections', undefined)
      .then((result) => setConnections(result.ok ? result.value : []))
      .catch(() => setConnections([]));
  }, []);
  const hr = connections?.find((c) => c.slot === 'hr');
  const ats = connections?.find((c) => c.slot === 'ats');
  return (
    <main className="hb-page" style={{ padding: 16 }}>
      <h1 style={{ fontSize: 18, margin: '0 0 8px' }}>Hired candidates</h1>
      {connections && (
        <ul className="hb-note" style={{ paddingLeft: 18 }}>
          <li>Factorial HR: {hr ? 'connected' : 'not connected'}</li>
          <li>ATS: {ats ? 'connected' : 'not connected'}</li>
        </ul>
      )}
      <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
        Open settings
      </button>
    </main>
  );
}
