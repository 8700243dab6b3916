import { useCallback, useEffect, useState } from 'react';
import { sendIntent, type ConnectionView } from '@/lib/messaging';
import { ActivityPanel } from './ActivityPanel';
import { DataPanel } from './DataPanel';
import { IntegrationCard } from './IntegrationCard';
import { JobsPanel } from './JobsPanel';
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
      setLoadError('Hirebridge could not reach its background service. Reload the page and try again.');
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const bySlot = (slot: 'hr' | 'ats') => connections?.find((c) => c.slot === slot);

  return (
    <main className="hb-page">
      <header>
        <h1>Hirebridge settings</h1>
        <p>Connect your HR system and your ATS.</p>
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
            description="Where hired candidates become employees."
            connection={bySlot('hr')}
            onChanged={refresh}
          />
          <IntegrationCard
            slot="ats"
            title="ATS"
            description="Your system-of-record ATS: jobs come from it, sourced candidates go into it."
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
