import { lazy, startTransition, Suspense, useCallback, useEffect, useState } from 'react';
import { iconFile } from '@/lib/icons';
import type { ConnectionView } from '@/lib/connections/intents';
import { sendIntent } from '@/lib/messaging';
import { IntegrationCard } from './IntegrationCard';
import { t } from './messages';
import { AdminLock } from './admin-lock';
import { useTeamStatus } from './team-status';

/*
 * The first paint shows the two integration cards, so only their code (React, the intents, the cards) is in the page's
 * start bundle: a fresh browser's first open compiled ~560 KB of page JS before the cards could show (bench row
 * options-first-open). The regions below them load when the cards render; the policy watch (it needs the database,
 * Dexie) once the first answer is in.
 */
const PolicyWatch = lazy(() => import('./PolicyWatch'));
const JobsPanel = lazy(() => import('./JobsPanel').then((m) => ({ default: m.JobsPanel })));
const SyncSettingsPanel = lazy(() => import('./SyncSettingsPanel').then((m) => ({ default: m.SyncSettingsPanel })));
const FieldMappingPanel = lazy(() => import('./FieldMappingPanel').then((m) => ({ default: m.FieldMappingPanel })));
const SitesPanel = lazy(() => import('./SitesPanel').then((m) => ({ default: m.SitesPanel })));
const ActivityPanel = lazy(() => import('./ActivityPanel').then((m) => ({ default: m.ActivityPanel })));
const DataPanel = lazy(() => import('./DataPanel').then((m) => ({ default: m.DataPanel })));
const SecurityPanel = lazy(() => import('./SecurityPanel').then((m) => ({ default: m.SecurityPanel })));
const TeamPanel = lazy(() => import('./TeamPanel').then((m) => ({ default: m.TeamPanel })));

export function OptionsApp() {
  const [connections, setConnections] = useState<ConnectionView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Bumped by an import: every region reads its state again.
  const [generation, setGeneration] = useState(0);
  // Changes each time the worker has applied the organisation's policy (PolicyWatch): everything is read again.
  const [policyApplied, setPolicyApplied] = useState<unknown>(undefined);
  const onPolicyApplied = useCallback((mark: unknown) => setPolicyApplied(() => mark), []);
  const team = useTeamStatus(policyApplied);
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
  useEffect(() => {
    void refresh();
  }, [refresh, policyApplied]);

  const bySlot = (slot: 'hr' | 'ats') => connections?.find((c) => c.slot === slot);

  // The regions below the cards, and the policy watch, mount once the cards are on screen, in a transition (React
  // yields to the browser while rendering it): rendering a lazy region starts its import, and the modulepreload links
  // Vite's loader appends for their ~20 chunks held the cards' own commit back. Measured (marks, fresh profile, 6
  // runs): answer → cards committed 61 ms median on the first open (26 ms on the second), 9 ms (4 ms) once deferred.
  const cardsShown = !!connections && team.loaded;
  const [regionsShown, setRegionsShown] = useState(false);
  useEffect(() => {
    if (cardsShown || loadError) startTransition(() => setRegionsShown(true));
  }, [cardsShown, loadError]);

  return (
    <main className="hb-page">
      <header>
        <img className="hb-logo" src={`/${iconFile(48)}`} alt="" width={32} height={32} />
        <h1>{t('pageTitle')}</h1>
        <p>{t('intro')}</p>
      </header>
      {/* Mounted once the first answer is shown (its first mark reads everything again, as the page's own watch did). */}
      {regionsShown && (
        <Suspense fallback={null}>
          <PolicyWatch onChange={onPolicyApplied} />
        </Suspense>
      )}
      {loadError && (
        <p className="hb-alert" role="alert">
          {loadError}
        </p>
      )}
      {/* Rendered once whose browser this is is known: a recruiter never sees admin controls enabled, not even briefly. */}
      {cardsShown && (
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
          {/* One boundary: the regions appear together, in their order, once their code is there. */}
          {regionsShown && (
            <Suspense fallback={null}>
              <JobsPanel key={`jobs-${generation}`} provider={bySlot('ats')?.provider} />
              <SyncSettingsPanel key={`sync-${generation}`} />
              {/* Its own boundary: connecting Factorial HR later mounts it, and loading it must not hide the other regions. */}
              <Suspense fallback={null}>{bySlot('hr') && <FieldMappingPanel key={`mapping-${generation}`} />}</Suspense>
              <SitesPanel key={`sites-${generation}`} />
              <ActivityPanel />
              <DataPanel key={`data-${generation}`} />
              <SecurityPanel onChanged={refresh} />
              <TeamPanel onImported={() => (setGeneration((g) => g + 1), team.refresh(), void refresh())} />
            </Suspense>
          )}
        </AdminLock.Provider>
      )}
    </main>
  );
}
