import { useId, useMemo, useState } from 'react';
import { isUnreadable, useRecentActivity, type ActivityRecord, type OperationRecord, type Readable, type UnreadableRecord } from '@/lib/activity/queries';
import { formatDateTime } from '@/lib/i18n';
import { sendIntent } from '@/lib/messaging/client';
import { t } from './messages';
// The operations listed are read with their features' definitions (each kind's payload schema): both kinds show here.
import '@/lib/export/operation';
import '@/lib/sourcing/operation';

/**
 * What happened lately, from the same log the options page shows in full: exports and syncs with their live
 * state (those that need attention say why and offer Retry), and the log's other entries (connections, job
 * pulls, people found already in Factorial HR) beside them, newest first.
 */

const STATES = { queued: 'stateQueued', sending: 'stateSending', done: 'stateDone', 'needs-attention': 'stateAttention' } as const satisfies Record<OperationRecord['state'], string>;
const KINDS = { 'export-employee': 'kindExport', 'sync-candidate': 'kindSync' } as const satisfies Record<OperationRecord['kind'], string>;
const LOG_KINDS: Record<string, Parameters<typeof t>[0]> = { export: 'kindExport', sync: 'kindSync', 'job-pull': 'kindJobPull', connection: 'kindConnection' };

const retryAt = (time: string, reason?: string) => (reason ? t('retryAtBecause', { time, reason }) : t('retryAt', { time }));

const SHOWN = 6;
const MAX_ATTENTION = 20;

type Row =
  | { at: string; operation: OperationRecord; entry?: undefined; unreadable?: undefined }
  | { at: string; entry: ActivityRecord; operation?: undefined; unreadable?: undefined }
  | { at: string; unreadable: UnreadableRecord; operation?: undefined; entry?: undefined };

/**
 * The latest few, plus every operation still needing attention however old (so its Retry is never out of
 * reach), except those whose person was sent since by another operation. A log entry about an operation is that
 * operation's row, so only the entries of their own are added.
 */
export function recent(stored: readonly Readable<OperationRecord>[], log: readonly ActivityRecord[]): Row[] {
  const all = stored.filter((op): op is OperationRecord => !isUnreadable(op));
  const sentSince = new Set(all.filter((op) => op.state === 'done').map((op) => `${op.kind}:${op.subject}`));
  const open = (op: OperationRecord) => op.state !== 'needs-attention' || !sentSince.has(`${op.kind}:${op.subject}`);
  const rows: Row[] = [
    ...all.filter(open).map((operation) => ({ at: operation.updatedAt, operation })),
    ...log.filter((entry) => !entry.operationId).map((entry) => ({ at: entry.at, entry })),
    // One this version cannot read needs attention too, however old: it says why (it is kept as stored).
    ...stored.filter(isUnreadable).map((unreadable) => ({ at: text(unreadable.raw.updatedAt) ?? '', unreadable })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  let attention = 0;
  return rows.filter((row, i) => i < SHOWN || ((row.operation?.state === 'needs-attention' || row.unreadable) && ++attention <= MAX_ATTENTION));
}

export function RecentActivity() {
  const headingId = useId();
  const source = useRecentActivity(SHOWN);
  const rows = useMemo(() => source && recent(source.operations, source.log), [source]);
  const [retrying, setRetrying] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  async function retry(id: string) {
    setRetrying((s) => new Set(s).add(id));
    setError(null);
    try {
      const result = await sendIntent('retryOperation', id);
      if (!result.ok) setError(result.error.message);
    } catch {
      setError(t('unreachableShort'));
    } finally {
      setRetrying((s) => {
        const next = new Set(s);
        next.delete(id);
        return next;
      });
    }
  }

  return (
    <section className="hb-popup-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('recentTitle')}</h2>
      {error && (
        <p className="hb-alert" role="alert">
          {error}
        </p>
      )}
      {rows && rows.length === 0 && <p className="hb-note">{t('nothingYet')}</p>}
      {rows && rows.length > 0 && (
        <ul className="hb-ops" aria-labelledby={headingId}>
          {rows.map((row) =>
            row.operation ? (
              <OperationRow key={row.operation.id} operation={row.operation} busy={retrying.has(row.operation.id)} onRetry={() => retry(row.operation.id)} />
            ) : row.unreadable ? (
              <UnreadableRow key={`unreadable-${row.unreadable.key}`} record={row.unreadable} />
            ) : (
              <EntryRow key={`log-${row.entry.id ?? row.at}`} entry={row.entry} />
            ),
          )}
        </ul>
      )}
      <p className="hb-note">
        <a href={browser.runtime.getURL('/options.html#activity')} target="_blank" rel="noopener">
          {t('fullLog')}
        </a>
      </p>
    </section>
  );
}

function OperationRow({ operation, busy, onRetry }: { operation: OperationRecord; busy: boolean; onRetry(): void }) {
  const nameId = useId();
  const name = typeof operation.payload.name === 'string' && operation.payload.name.trim() ? operation.payload.name : t('someone');
  const waitingRetry = operation.state === 'queued' && operation.nextAttemptAt;
  const detail =
    operation.state === 'needs-attention'
      ? operation.lastError
      : waitingRetry
        ? retryAt(formatDateTime(operation.nextAttemptAt!, 'time'), operation.lastError)
        : operation.state === 'done' && operation.delivery.outcome === 'duplicate'
          ? t('duplicate')
          : operation.state === 'done' && operation.delivery.warnings?.length
            ? operation.delivery.warnings.join(' ')
            : undefined;
  return (
    <li className={`hb-op hb-op-${operation.state}`}>
      <div className="hb-op-main">
        <span className="hb-name" id={nameId}>
          {name}
        </span>
        <span className="hb-meta">
          {KINDS[operation.kind] ? t(KINDS[operation.kind]) : operation.kind} · {formatDateTime(operation.updatedAt)}
        </span>
        {detail && <span className="hb-op-detail">{detail}</span>}
      </div>
      <span className={`hb-chip hb-chip-${operation.state}`}>{t(STATES[operation.state])}</span>
      {operation.state === 'needs-attention' && (
        <button type="button" onClick={onRetry} disabled={busy} aria-describedby={nameId}>
          {busy ? t('retrying') : t('retry')}
        </button>
      )}
    </li>
  );
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/** A stored operation this version cannot read: shown as needing attention, with why; nothing is sent or changed. */
function UnreadableRow({ record }: { record: UnreadableRecord }) {
  const payload = record.raw.payload as { name?: unknown } | undefined;
  const kind = text(record.raw.kind);
  const updatedAt = text(record.raw.updatedAt);
  return (
    <li className="hb-op hb-op-needs-attention">
      <div className="hb-op-main">
        <span className="hb-name">{text(payload?.name) ?? t('someone')}</span>
        <span className="hb-meta">
          {kind && kind in KINDS ? t(KINDS[kind as OperationRecord['kind']]) : (kind ?? '')}
          {updatedAt ? ` · ${formatDateTime(updatedAt)}` : ''}
        </span>
        <span className="hb-op-detail">{t('unreadable', { problem: record.problem })}</span>
      </div>
      <span className="hb-chip hb-chip-needs-attention">{t('stateAttention')}</span>
    </li>
  );
}

function EntryRow({ entry }: { entry: ActivityRecord }) {
  return (
    <li className={`hb-op hb-op-entry hb-op-entry-${entry.level}`}>
      <div className="hb-op-main">
        <span className="hb-op-text">{entry.message}</span>
        <span className="hb-meta">
          {LOG_KINDS[entry.kind] ? t(LOG_KINDS[entry.kind]) : entry.kind} · {formatDateTime(entry.at)}
        </span>
      </div>
    </li>
  );
}
