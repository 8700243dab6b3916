import { useCallback, useEffect, useState } from 'react';
import { iconFile } from '@/lib/icons';
import type { ConnectionView } from '@/lib/connections/intents';
import { sendIntent } from '@/lib/messaging';
import { usePolicyApplied } from '@/lib/teams/queries';
import { ActivityPanel } from './ActivityPanel';
import { DataPanel } from './DataPanel';
import { FieldMappingPanel } from './FieldMappingPanel';
import { IntegrationCard } from './IntegrationCard';
import { JobsPanel } from './JobsPanel';
import { t } from './messages';
import { SecurityPanel } from './SecurityPanel';
import { SitesPanel } from './SitesPanel';
import { SyncSettingsPanel } from './SyncSettingsPanel';
import { AdminLock } from './admin-lock';
import { TeamPanel, useTeamStatus } from './TeamPanel';

export function OptionsApp() {
  const [connections, setConnections] = useState<ConnectionView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Bumped by an import: every region reads its state again.
  const [generation, setGeneration] = useState(0);
  const team = useTeamStatus();
  const deployed = (slot: 'hr' | 'ats') => !!team.status?.policySlots?.includes(slot);

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

  // Read again once the worker has applied the policy (a deployed connection appears without a reload).
  const policyApplied = usePolicyApplied();
  useEffect(() => {
    void refresh();
  }, [refresh, policyApplied]);

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
      {/* Rendered once whose browser this is is known: a recruiter never sees admin controls enabled, not even briefly. */}
      {connections && team.loaded && (
        <AdminLock.Provider value={team.status?.adminReason}>
          <div className="hb-grid" key={`grid-${generation}`}>
            <IntegrationCard
              slot="hr"
              title="Factorial HR"
              description={t('hrDescription')}
              connection={bySlot('hr')}
              onChanged={refresh}
              managedByPolicy={deployed('hr')}
              toConnectHere={!!team.status?.keysToConnect?.includes('hr')}
            />
            <IntegrationCard
              slot="ats"
              title={t('atsTitle')}
              description={t('atsDescription')}
              connection={bySlot('ats')}
              onChanged={refresh}
              managedByPolicy={deployed('ats')}
              toConnectHere={!!team.status?.keysToConnect?.includes('ats')}
            />
          </div>
          <JobsPanel key={`jobs-${generation}`} provider={bySlot('ats')?.provider} />
          <SyncSettingsPanel key={`sync-${generation}`} />
          {bySlot('hr') && <FieldMappingPanel key={`mapping-${generation}`} />}
          <SitesPanel key={`sites-${generation}`} />
          <ActivityPanel />
          <DataPanel key={`data-${generation}`} />
          <SecurityPanel onChanged={refresh} />
          <TeamPanel onImported={() => (setGeneration((g) => g + 1), team.refresh(), void refresh())} />
        </AdminLock.Provider>
      )}
    </main>
  );
}
