import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatDateTime } from '@/lib/i18n';
import { iconFile } from '@/lib/icons';
import { sendIntent } from '@/lib/messaging/client';
import type { ConnectionView } from '@/lib/connections/intents';
import { waitingGroups, type HiredGroup } from '@/lib/hires/groups';
import type { BulkRunRecord } from '@/lib/hires/keys';
import { useBulkRun, useCandidates, useHiredPull, type OperationRecord } from '@/lib/hires/queries';
import { komboTrackingHint } from '@/lib/hires/tracking';
import type { PullSummary } from '@/lib/jobs/pull';
import { useJobPullStatus } from '@/lib/jobs/queries';
import { BulkExportDialog } from './BulkExportDialog';
import { PopupExportDialog } from './PopupExportDialog';
import { SyncedCandidates } from '../sourcing/SyncedCandidates';
import { SyncThisPage } from '../sourcing/SyncThisPage';
import { TeachThisPage } from '../teach/TeachThisPage';
import { RecentActivity } from './RecentActivity';
import { t } from './messages';
import './popup.css';

/**
 * The toolbar popup: hired candidates waiting for export (from ATS pages and the ATS API), Export one or all,
 * the last job pull with Sync now, and recent activity. Lists and progress are live IndexedDB queries; anything
 * that talks to a vendor is an intent to the service worker, which owns every run.
 */

const strings = {
  waiting: (n: number) => (n === 1 ? t('waitingOne') : t('waitingMany', { count: n })),
  job: (job?: string) => job ?? t('noJobTitle'),
  from: (sources: string[]) => t('from', { sources: sources.join(t('and')) }),
  inFactorial: (n: number) => (n === 1 ? t('inFactorialOne') : t('inFactorialMany', { count: n })),
  progress: (settled: number, total: number) => t('progress', { settled, total }),
  progressParts: (done: number, duplicates: number, attention: number) =>
    [
      t('partExported', { count: done }),
      duplicates ? t('partDuplicates', { count: duplicates }) : '',
      attention ? (attention === 1 ? t('partAttentionOne') : t('partAttentionMany', { count: attention })) : '',
    ]
      .filter(Boolean)
      .join(', '),
  lastPull: (when: string, summary: PullSummary) =>
    summary.ok
      ? t('lastPull', { when, added: summary.counts.added, updated: summary.counts.updated, archived: summary.counts.archived })
      : t('lastPullFailed', { when, message: summary.message ?? t('unknownError') }),
};

function when(iso: string): string {
  const today = new Date().toDateString() === new Date(iso).toDateString();
  return today ? t('atTime', { time: formatDateTime(iso, 'time') }) : t('onDate', { date: formatDateTime(iso) });
}

export function PopupApp() {
  const titleId = useId();
  const [connections, setConnections] = useState<ConnectionView[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const [exporting, setExporting] = useState<{ key: string; returnFocus: HTMLElement | null } | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const [focusRun, setFocusRun] = useState(false);
  const exportAllRef = useRef<HTMLButtonElement>(null);

  const candidates = useCandidates();
  const hiredPull = useHiredPull();
  const jobPull = useJobPullStatus();
  const lastJobPull = jobPull?.last;
  const jobPullState = jobPull?.state;
  const bulkRun = useBulkRun();
  const run = bulkRun?.run;
  const runOperations = bulkRun?.operations;

  const groups = useMemo(() => waitingGroups(candidates ?? []), [candidates]);
  const alreadyInFactorial = useMemo(() => {
    const all = new Set((candidates ?? []).filter((c) => c.hired && c.data.inFactorial && !c.exportedEmployeeId).map((c) => c.email?.toLowerCase() ?? c.key));
    return all.size;
  }, [candidates]);

  const hr = connections?.find((c) => c.slot === 'hr');
  const ats = connections?.find((c) => c.slot === 'ats');
  const runActive = !!runOperations?.some((op) => op.state === 'queued' || op.state === 'sending');
  // Kombo listed no hires: its "Only Sync Created Applications" may hide them; say so beside the list and Export all.
  const trackingHint = komboTrackingHint(ats, hiredPull);
  const trackingText = trackingHint && t(trackingHint.canImport ? 'trackingHiddenImport' : 'trackingHiddenAskAdmin', { tool: trackingHint.tool });
  const trackingId = useId();

  // Opening the popup refreshes the list (the worker skips the ATS if it was asked a moment ago).
  useEffect(() => {
    sendIntent('listConnections', undefined)
      .then((result) => setConnections(result.ok ? result.value : []))
      // The worker did not answer: no connections shown, and the popup says it could not reach it.
      .catch(() => {
        setConnections([]);
        setMessage(t('unreachable'));
      });
    setRefreshing(true);
    sendIntent('refreshHiredCandidates', {})
      .catch(() => undefined) // its outcome is the stored pull record this popup reads live; unreachable is said above
      .finally(() => setRefreshing(false));
  }, []);

  async function syncNow() {
    setSyncing(true);
    setMessage(null);
    try {
      const result = await sendIntent('syncJobsNow', undefined);
      if (!result.ok) setMessage(result.error.message);
      await sendIntent('refreshHiredCandidates', {});
    } catch {
      setMessage(t('unreachable'));
    } finally {
      setSyncing(false);
    }
  }

  const pullRunning = syncing || jobPullState?.running === true;

  // After Export all starts, focus moves to its progress (it appears once the worker has written the run).
  useEffect(() => {
    const title = focusRun && run ? document.getElementById('hb-run-title') : null;
    if (!title) return;
    title.focus();
    setFocusRun(false);
  }, [focusRun, run]);

  return (
    <>
      <main className="hb-popup" aria-labelledby={titleId} inert={!!exporting || confirmAll}>
        <header className="hb-popup-header">
          <img className="hb-logo" src={`/${iconFile(32)}`} alt="" width={18} height={18} />
          <h1 id={titleId}>{t('title')}</h1>
          {candidates && <span className="hb-count">{strings.waiting(groups.length)}</span>}
          <button type="button" className="hb-link-button" onClick={() => browser.runtime.openOptionsPage()}>
            {t('settings')}
          </button>
        </header>

        {connections && !hr && <p className="hb-note hb-warn">{t('hrMissing')}</p>}
        {message && (
          <p className="hb-alert" role="alert">
            {message}
          </p>
        )}
        <div role="status" className="hb-note hb-live">
          {refreshing && ats ? t('checking') : hiredPull && !hiredPull.ok ? hiredPull.message : ''}
        </div>

        {candidates && groups.length === 0 && <p className="hb-note">{t('empty')}</p>}
        {groups.length > 0 && (
          <ul className="hb-hired" aria-label={t('listLabel')}>
            {groups.map((group) => (
              <HiredRow key={group.key} group={group} disabled={!hr} onExport={(button) => setExporting({ key: group.key, returnFocus: button })} />
            ))}
          </ul>
        )}
        {alreadyInFactorial > 0 && <p className="hb-note">{strings.inFactorial(alreadyInFactorial)}</p>}
        {trackingText && (
          <p id={trackingId} className="hb-note hb-warn" data-testid="tracking-hint">
            {trackingText}
          </p>
        )}

        <div className="hb-actions">
          <button
            type="button"
            className="hb-primary"
            ref={exportAllRef}
            disabled={!hr || groups.length === 0 || runActive}
            aria-describedby={trackingText ? trackingId : undefined}
            onClick={() => setConfirmAll(true)}
          >
            {t('exportAll')}
          </button>
        </div>

        {run && runOperations && <BulkProgress run={run} operations={runOperations} active={runActive} />}

        <section className="hb-popup-section" aria-labelledby="hb-jobs-title">
          <h2 id="hb-jobs-title">{t('jobsTitle')}</h2>
          {pullRunning ? (
            <p className="hb-note" role="status">
              {t('pulling')}
            </p>
          ) : (
            <p className="hb-note">{lastJobPull ? strings.lastPull(when(lastJobPull.finishedAt), lastJobPull) : t('noPull')}</p>
          )}
          {connections && !ats && <p className="hb-note">{t('atsMissing')}</p>}
          <button type="button" onClick={syncNow} disabled={!ats || pullRunning}>
            {t('syncNow')}
          </button>
        </section>

        <SyncThisPage />
        <TeachThisPage />
        <SyncedCandidates />
        <RecentActivity />
      </main>

      {exporting && (
        <PopupExportDialog
          candidateKey={exporting.key}
          onClose={() => {
            const target = exporting.returnFocus;
            setExporting(null);
            // The row may be gone (exported): then Export all is the next sensible place.
            requestAnimationFrame(() => (target?.isConnected ? target : exportAllRef.current)?.focus());
          }}
        />
      )}
      {confirmAll && (
        <BulkExportDialog
          trackingNote={trackingText ?? undefined}
          onClose={() => {
            setConfirmAll(false);
            requestAnimationFrame(() => exportAllRef.current?.focus());
          }}
          onStarted={() => {
            setConfirmAll(false);
            setFocusRun(true);
          }}
        />
      )}
    </>
  );
}

function HiredRow({ group, disabled, onExport }: { group: HiredGroup; disabled: boolean; onExport(button: HTMLButtonElement): void }) {
  const nameId = useId();
  return (
    <li className="hb-hired-row">
      <div className="hb-hired-main">
        <span className="hb-name" id={nameId}>
          {group.name}
        </span>
        <span className="hb-meta">{strings.job(group.jobTitle)}</span>
        <span className="hb-meta">{strings.from(group.sources)}</span>
      </div>
      <button type="button" onClick={(e) => onExport(e.currentTarget)} disabled={disabled} aria-describedby={nameId}>
        {t('exportOne')}
      </button>
    </li>
  );
}

function BulkProgress({ run, operations, active }: { run: BulkRunRecord; operations: OperationRecord[]; active: boolean }) {
  const total = run.operationIds.length;
  const done = operations.filter((op) => op.state === 'done' && op.delivery.outcome !== 'duplicate').length;
  const duplicates = operations.filter((op) => op.state === 'done' && op.delivery.outcome === 'duplicate').length;
  const attention = operations.filter((op) => op.state === 'needs-attention').length;
  const settled = done + duplicates + attention;
  const [error, setError] = useState<string | null>(null);

  async function dismiss() {
    try {
      const result = await sendIntent('dismissBulkExport', undefined);
      if (!result.ok) setError(result.error.message);
    } catch {
      setError(t('unreachable'));
    }
  }

  return (
    <section className="hb-popup-section hb-run" aria-labelledby="hb-run-title">
      <h2 id="hb-run-title" tabIndex={-1}>
        {t('exportAll')}
      </h2>
      <progress max={total} value={settled} aria-label={t('progressLabel')} aria-valuetext={strings.progress(settled, total)} />
      <p className="hb-note" role="status">
        {strings.progress(settled, total)}: {strings.progressParts(done, duplicates, attention)}. {active ? t('running') : t('finished')}
      </p>
      {run.skipped.length > 0 && (
        <details>
          <summary>
            {t('leftOut')} ({run.skipped.length})
          </summary>
          <ul className="hb-plan hb-plan-skipped">
            {run.skipped.map((person, i) => (
              <li key={i}>
                <span className="hb-name">{person.name}</span>: {person.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {error && (
        <p className="hb-alert" role="alert">
          {error}
        </p>
      )}
      {!active && (
        <button type="button" onClick={dismiss}>
          {t('dismiss')}
        </button>
      )}
    </section>
  );
}
