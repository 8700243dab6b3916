import { useCallback, useEffect, useState } from 'react';
import { iconFile } from '@/lib/icons';
import { sendIntent, type ConnectionView } from '@/lib/messaging';
import { ActivityPanel } from './ActivityPanel';
import { DataPanel } from './DataPanel';
import { IntegrationCard } from './IntegrationCard';
import { JobsPanel } from './JobsPanel';
import { t } from './messages';
import { SecurityPanel } from './SecurityPanel';
import { SitesPanel } from './SitesPanel';
import { SyncSettingsPanel } from './SyncSettingsPanel';

export function OptionsApp() {
  const [connections, setConnections] = useState<ConnectionView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const result = await sendIntent('listConnections', undefined);
      if (result.ok) {
        setConnections(result.value);
        setLoadError(null);
      } else setLoadError(result.error.message);
    } catch {
      setLoadError(t('noContact'));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const bySlot = (slot: 'hr' | 'ats') => connections?.find((c) => c.slot === slot);

  return (
    <main className="hb-page">
      <header>
        <img className="hb-logo" src={`/${iconFile(48)}`} alt="" width={32} height={32} />
        <h1>{t('pageTitle')}</h1>
        <p>{t('intro')}</p>
      </header>
      {loadError && (
        <p className="hb-alert" role="alert">
          {loadError}
        </p>
      )}
      {connections && (
        <div className="hb-grid">
          <IntegrationCard
            slot="hr"
            title="Factorial HR"
            description={t('hrDescription')}
            connection={bySlot('hr')}
            onChanged={refresh}
          />
          <IntegrationCard
            slot="ats"
            title={t('atsTitle')}
            description={t('atsDescription')}
            connection={bySlot('ats')}
            onChanged={refresh}
          />
        </div>
      )}
      {connections && <JobsPanel provider={bySlot('ats')?.provider} />}
      {connections && <SyncSettingsPanel />}
      {connections && <SitesPanel />}
      {connections && <ActivityPanel />}
      {connections && <DataPanel />}
      {connections && <SecurityPanel onChanged={refresh} />}
    </main>
  );
}
