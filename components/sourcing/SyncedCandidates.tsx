import { useEffect, useState } from 'react';
import { sendIntent } from '@/lib/messaging/client';
import type { IntentAnswer } from '@/lib/messaging/protocol';
import { t } from './popup-messages';

type Synced = IntentAnswer<'syncedCandidates'>;

/** Popup section: people synced to the ATS, with their application's current stage when the ATS reports it. */
export function SyncedCandidates() {
  const [data, setData] = useState<Synced | null>(null);
  useEffect(() => {
    sendIntent('syncedCandidates', undefined)
      .then((r) => r.ok && setData(r.value))
      .catch(() => undefined); // worker unreachable: the list stays hidden (the popup says it cannot reach Hirebridge)
  }, []);
  if (!data || data.items.length === 0) return null;
  return (
    <section aria-labelledby="hb-synced-title" className="hb-popup-section">
      <h2 id="hb-synced-title">{t('syncedTitle')}</h2>
      <ul aria-labelledby="hb-synced-title" className="hb-synced">
        {data.items.map((item) => (
          <li key={item.key}>
            <strong>{item.name}</strong> · {item.jobName}
            <br />
            <span className="hb-note">{item.stage ? t('stageInAts', { stage: item.stage }) : t('stageUnknown')}</span>
          </li>
        ))}
      </ul>
      {data.stageError && <p className="hb-note">{data.stageError}</p>}
    </section>
  );
}
