import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { db, type OperationRecord } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n';
import { sendIntent } from '@/lib/messaging/client';
import { t } from './messages';

/** The latest exports and syncs with their state; those that need attention say why and offer Retry. */

const STATES = { queued: 'stateQueued', sending: 'stateSending', done: 'stateDone', 'needs-attention': 'stateAttention' } as const satisfies Record<OperationRecord['state'], string>;
const KINDS = { 'export-employee': 'kindExport', 'sync-candidate': 'kindSync' } as const satisfies Record<OperationRecord['kind'], string>;

const retryAt = (time: string, reason?: string) => (reason ? t('retryAtBecause', { time, reason }) : t('retryAt', { time }));

const SHOWN = 6;
const MAX_ATTENTION = 20;

/**
 * The latest few, plus every one still needing attention however old (so its Retry is never out of reach),
 * except those whose person was sent since by another operation.
 */
function recent(all: OperationRecord[]): OperationRecord[] {
  const newest = [...all].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const sentSince = new Set(all.filter((op) => op.state === 'done').map((op) => `${op.kind}:${op.subject}`));
  const open = (op: OperationRecord) => op.state !== 'needs-attention' || !sentSince.has(`${op.kind}:${op.subject}`);
  const shown = new Set([...newest.filter(open).slice(0, SHOWN), ...newest.filter((op) => op.state === 'needs-attention' && open(op)).slice(0, MAX_ATTENTION)]);
  return newest.filter((op) => shown.has(op));
}

export function RecentActivity() {
  const headingId = useId();
  const operations = useLiveQuery(async () => recent(await db().operations.toArray()));
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
      {operations && operations.length === 0 && <p className="hb-note">{t('nothingSent')}</p>}
      {operations && operations.length > 0 && (
        <ul className="hb-ops" aria-labelledby={headingId}>
          {operations.map((op) => (
            <OperationRow key={op.id} operation={op} busy={retrying.has(op.id)} onRetry={() => retry(op.id)} />
          ))}
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
        : operation.state === 'done' && operation.payload.outcome === 'duplicate'
          ? t('duplicate')
          : undefined;
  return (
    <li className={`hb-op hb-op-${operation.state}`}>
      <div className="hb-op-main">
        <span className="hb-name" id={nameId}>
          {name}
        </span>
        <span className="hb-meta">{KINDS[operation.kind] ? t(KINDS[operation.kind]) : operation.kind}</span>
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
