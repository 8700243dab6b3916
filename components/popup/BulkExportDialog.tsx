import { useEffect, useId, useRef, useState } from 'react';
import { sendIntent } from '@/lib/messaging/client';
import type { BulkPlan } from '@/lib/messaging/intents/popup';
import { t } from './messages';
import { dialogKeyHandler } from '../ui/dialog-keyboard';

/**
 * Export all's confirmation: who will be exported, who is left out and why (nothing is guessed), and — when
 * Factorial has several legal entities — one legal entity for everyone. Confirming queues the exports in the
 * service worker, which sends them paced to Factorial's limit whether the popup stays open or not.
 */


const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

export function BulkExportDialog({ onClose, onStarted }: { onClose(): void; onStarted(): void }) {
  const ids = { title: useId(), desc: useId(), entity: useId(), entityHint: useId(), ready: useId(), skipped: useId() };
  const dialogRef = useRef<HTMLDivElement>(null);
  const [legalEntityId, setLegalEntityId] = useState('');
  const [plan, setPlan] = useState<BulkPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setError(null);
    sendIntent('planBulkExport', { legalEntityId: legalEntityId || undefined })
      .then((result) => {
        if (!current) return;
        if (result.ok) setPlan(result.value);
        else setError(result.error.message);
      })
      .catch(() => current && setError(t('unreachable')));
    return () => {
      current = false;
    };
  }, [legalEntityId]);

  // Focus the first control once the plan is there (or the dialog itself while it loads).
  const focused = useRef(false);
  useEffect(() => {
    if (focused.current && plan) return;
    const first = dialogRef.current?.querySelector<HTMLElement>('select, button:not([disabled])');
    (first ?? dialogRef.current)?.focus();
    if (plan) focused.current = true;
  }, [plan, error]);

  async function start() {
    if (!plan?.ready.length || (plan.legalEntities.length > 1 && !legalEntityId)) return;
    setBusy(true);
    setError(null);
    try {
      const result = await sendIntent('startBulkExport', { keys: plan.ready.map((r) => r.candidateKey), legalEntityId: legalEntityId || plan.legalEntityId });
      if (result.ok) onStarted();
      else setError(result.error.message);
    } catch {
      setError(t('unreachable'));
    } finally {
      setBusy(false);
    }
  }

  const onKeyDown = dialogKeyHandler(dialogRef, onClose);

  const needsEntity = !!plan && plan.legalEntities.length > 1;
  const entityMissing = needsEntity && !legalEntityId;

  return (
    <div className="hb-popup-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="hb-popup-dialog" role="dialog" aria-modal="true" aria-labelledby={ids.title} aria-describedby={ids.desc} ref={dialogRef} tabIndex={-1} onKeyDown={onKeyDown}>
        <h2 id={ids.title}>{t('bulkTitle')}</h2>
        <p id={ids.desc} className="hb-note">
          {plan ? t('pacing') : t('bulkLoading')}
        </p>
        {error && (
          <p className="hb-alert" role="alert">
            {error}
          </p>
        )}
        {needsEntity && (
          <div className="hb-field">
            <label htmlFor={ids.entity}>{t('legalEntity')}</label>
            <select id={ids.entity} value={legalEntityId} onChange={(e) => setLegalEntityId(e.target.value)} aria-describedby={ids.entityHint}>
              <option value="">{t('choose')}</option>
              {plan.legalEntities.map((entity) => (
                <option key={entity.id} value={entity.id}>
                  {entity.name}
                </option>
              ))}
            </select>
            <span className="hb-hint" id={ids.entityHint}>
              {t('legalEntityHint')}
            </span>
          </div>
        )}
        {plan && (
          <>
            <h3 id={ids.ready}>{t('ready', { count: plan.ready.length })}</h3>
            {plan.ready.length ? (
              <ul className="hb-plan" aria-labelledby={ids.ready}>
                {plan.ready.map((person) => (
                  <li key={person.candidateKey}>
                    <span className="hb-name">{person.name}</span>
                    {person.jobTitle && <span className="hb-meta"> · {person.jobTitle}</span>}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="hb-note">{t('nobodyReady')}</p>
            )}
            {plan.skipped.length > 0 && (
              <>
                <h3 id={ids.skipped}>{t('skipped', { count: plan.skipped.length })}</h3>
                <ul className="hb-plan hb-plan-skipped" aria-labelledby={ids.skipped}>
                  {plan.skipped.map((person) => (
                    <li key={person.candidateKey}>
                      <span className="hb-name">{person.name}</span>: {person.reason}{' '}
                      {safeUrl(person.employeeUrl) && (
                        <a href={safeUrl(person.employeeUrl)} target="_blank" rel="noopener noreferrer">
                          {t('openInFactorial')}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
        <div className="hb-actions hb-dialog-actions">
          {entityMissing && plan.ready.length > 0 && (
            <span className="hb-note" id={`${ids.entity}-needed`}>
              {t('chooseEntityFirst')}
            </span>
          )}
          <button
            type="button"
            className="hb-primary"
            disabled={!plan?.ready.length || entityMissing || busy}
            aria-describedby={entityMissing ? `${ids.entity}-needed` : undefined}
            onClick={start}
          >
            {busy ? t('starting') : (plan?.ready.length ?? 0) === 1 ? t('startOne') : t('startMany', { count: plan?.ready.length ?? 0 })}
          </button>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
