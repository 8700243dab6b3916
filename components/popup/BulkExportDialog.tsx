import { useEffect, useId, useRef, useState } from 'react';
import { sendIntent } from '@/lib/messaging/client';
import type { BulkPlan, BulkPlanItem } from '@/lib/hires/intents';
import { checkExportForm, customValueError, formValues, type Fill } from '@/lib/export/form';
import { CustomFieldControl } from '../export/CustomFieldControl';
import { t } from './messages';
import { dialogKeyHandler } from '../ui/dialog-keyboard';

/**
 * Export all's confirmation: who will be exported, who is left out and why (nothing is guessed). What is missing
 * is given once for everyone who lacks it (start date; legal entity, team, location from Factorial's lists; the
 * required custom fields) and given per person inline (their start date, their custom fields); the worker checks everyone with the export form's own rule, so nobody incomplete
 * is sent. Confirming queues the exports in the service worker, which sends them paced to Factorial's limit
 * whether the popup stays open or not.
 */


const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

export function BulkExportDialog({ onClose, onStarted, trackingNote }: { onClose(): void; onStarted(): void; /** Why hires from the ATS may be missing (Kombo's tracking setting). */ trackingNote?: string }) {
  const ids = { title: useId(), desc: useId(), entity: useId(), entityHint: useId(), ready: useId(), skipped: useId(), startDate: useId(), startDateHint: useId(), team: useId(), location: useId() };
  const dialogRef = useRef<HTMLDivElement>(null);
  const [legalEntityId, setLegalEntityId] = useState('');
  const [fill, setFill] = useState<Fill>({});
  const [perPerson, setPerPerson] = useState<Record<string, Fill>>({});
  const [plan, setPlan] = useState<BulkPlan | null>(null);
  // A date still being typed (or wrong) is shown as a field error and not used: nobody moves lists mid-typing.
  const usable = (f: Fill | undefined): Fill => ({ ...f, startDate: f?.startDate?.trim() && !dateError(f.startDate) ? f.startDate.trim() : undefined });
  const customError = (id: string, given: Fill = fill) => {
    const field = plan?.customFields.find((c) => c.id === id);
    const value = given.customFields?.[id];
    return field && value?.trim() ? customValueError(field, value) : undefined;
  };
  const answers = { legalEntityId: legalEntityId || undefined, fill: usable(fill), perPerson: Object.fromEntries(Object.entries(perPerson).map(([k, f]) => [k, usable(f)])) };
  const fieldErrors = [fill, ...Object.values(perPerson)].some((f) => !!dateError(f.startDate) || Object.keys(f.customFields ?? {}).some((id) => !!customError(id, f)));
  const answersKey = JSON.stringify(answers);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setError(null);
    sendIntent('planBulkExport', answers)
      .then((result) => {
        if (!current) return;
        if (result.ok) setPlan(result.value);
        else setError(result.error.message);
      })
      .catch(() => current && setError(t('unreachable'))); // the worker did not answer: the dialog says so
    return () => {
      current = false;
    };
    // answersKey stands for the answers (a new object every render).
  }, [answersKey]);

  // Focus the first control once the plan is there (or the dialog itself while it loads).
  const focused = useRef(false);
  useEffect(() => {
    if (focused.current && plan) return;
    const first = dialogRef.current?.querySelector<HTMLElement>('select, button:not([disabled])');
    (first ?? dialogRef.current)?.focus();
    if (plan) focused.current = true;
  }, [plan, error]);

  async function start() {
    if (!plan?.ready.length || (plan.legalEntities.length > 1 && !legalEntityId) || fieldErrors) return;
    setBusy(true);
    setError(null);
    try {
      const result = await sendIntent('startBulkExport', { ...answers, keys: plan.ready.map((r) => r.candidateKey), legalEntityId: legalEntityId || plan.legalEntityId });
      if (result.ok) onStarted();
      else setError(result.error.message);
    } catch {
      setError(t('unreachable'));
    } finally {
      setBusy(false);
    }
  }

  const onKeyDown = dialogKeyHandler(dialogRef, onClose);
  const setPersonDate = (key: string, value: string) => setPerPerson((p) => ({ ...p, [key]: { ...p[key], startDate: value } }));
  const setPersonCustom = (key: string, id: string, value: string) => setPerPerson((p) => ({ ...p, [key]: { ...p[key], customFields: { ...p[key]?.customFields, [id]: value } } }));
  // A person's own values for the custom fields they lack, inline in their row behind a toggle (a long list stays
  // short); they win over the values for everyone.
  const [openRows, setOpenRows] = useState<string[]>([]);
  const personCustom = (person: BulkPlanItem) => {
    const fields = (person.lacksCustom ?? []).flatMap((id) => plan?.customFields.filter((c) => c.id === id) ?? []);
    if (!fields.length) return null;
    const key = person.candidateKey;
    const open = openRows.includes(key);
    const own = perPerson[key];
    return (
      <span className="hb-person-field">
        <button type="button" aria-expanded={open} onClick={() => setOpenRows((rows) => (open ? rows.filter((r) => r !== key) : [...rows, key]))}>
          {t('ownValuesFor', { name: person.name })}
        </button>
        {open &&
          fields.map((field) => (
            <CustomFieldControl
              key={field.id}
              idPrefix={`${ids.startDate}-${key.replace(/[^A-Za-z0-9_-]/g, '_')}-`}
              field={{ ...field, label: t('customFor', { field: field.label, name: person.name }) }}
              value={own?.customFields?.[field.id] ?? ''}
              error={customError(field.id, own)}
              onChange={(v) => setPersonCustom(key, field.id, v)}
            />
          ))}
      </span>
    );
  };

  const needsEntity = !!plan && plan.legalEntities.length > 1;
  const entityMissing = needsEntity && !legalEntityId;

  return (
    <div className="hb-popup-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="hb-popup-dialog" role="dialog" aria-modal="true" aria-labelledby={ids.title} aria-describedby={ids.desc} ref={dialogRef} tabIndex={-1} onKeyDown={onKeyDown}>
        <h2 id={ids.title}>{t('bulkTitle')}</h2>
        <p id={ids.desc} className="hb-note">
          {plan ? t('pacing') : t('bulkLoading')}
        </p>
        {trackingNote && <p className="hb-note hb-warn">{trackingNote}</p>}
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
          <fieldset className="hb-fill">
            <legend>{t('fillTitle')}</legend>
            <div className="hb-field">
              <label htmlFor={ids.startDate}>{t('startDateAll')}</label>
              <input
                id={ids.startDate}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={fill.startDate ?? ''}
                onChange={(e) => setFill((f) => ({ ...f, startDate: e.target.value }))}
                aria-invalid={!!dateError(fill.startDate)}
                aria-describedby={[ids.startDateHint, dateError(fill.startDate) ? `${ids.startDate}-error` : ''].filter(Boolean).join(' ')}
                placeholder="2026-12-01"
              />
              <span className="hb-hint" id={ids.startDateHint}>
                {t('startDateAllHint')}
              </span>
              {dateError(fill.startDate) && (
                <span className="hb-error" id={`${ids.startDate}-error`}>
                  {dateError(fill.startDate)}
                </span>
              )}
            </div>
            {plan.teams.length > 0 && (
              <div className="hb-field">
                <label htmlFor={ids.team}>{t('teamAll')}</label>
                <select id={ids.team} value={fill.teamId ?? ''} onChange={(e) => setFill((f) => ({ ...f, teamId: e.target.value }))}>
                  <option value="">{t('none')}</option>
                  {plan.teams.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {plan.locations.length > 0 && (
              <div className="hb-field">
                <label htmlFor={ids.location}>{t('locationAll')}</label>
                <select id={ids.location} value={fill.locationId ?? ''} onChange={(e) => setFill((f) => ({ ...f, locationId: e.target.value }))}>
                  <option value="">{t('none')}</option>
                  {plan.locations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {plan.customFields.map((field) => (
              <div className="hb-field" key={field.id}>
                <CustomFieldControl
                  idPrefix={`${ids.startDate}-custom-`}
                  field={field}
                  value={fill.customFields?.[field.id] ?? ''}
                  error={customError(field.id)}
                  onChange={(v) => setFill((f) => ({ ...f, customFields: { ...f.customFields, [field.id]: v } }))}
                />
              </div>
            ))}
          </fieldset>
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
                    <PersonDate person={person} value={perPerson[person.candidateKey]?.startDate} everyone={fill.startDate} onChange={setPersonDate} />
                    {personCustom(person)}
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
                      <PersonDate person={person} value={perPerson[person.candidateKey]?.startDate} everyone={fill.startDate} onChange={setPersonDate} />
                      {personCustom(person)}
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
            disabled={!plan?.ready.length || entityMissing || fieldErrors || busy}
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

/** The form's own message for a start date given here (empty is not an error: it means "none given"). */
function dateError(value: string | undefined): string | undefined {
  return value?.trim() ? checkExportForm(formValues({ startDate: value })).errors.startDate : undefined;
}

/** A start date for this person alone, when their own data has none (it wins over the one for everyone). */
function PersonDate({ person, value, everyone, onChange }: { person: BulkPlanItem; value: string | undefined; everyone: string | undefined; onChange(key: string, value: string): void }) {
  const id = useId();
  if (!person.lacks?.includes('startDate')) return null;
  const error = dateError(value);
  return (
    <span className="hb-person-field">
      {/* Named by aria-label, not a hidden label: the row's text stays the person and their reason. */}
      <input
        id={id}
        aria-label={t('startDateFor', { name: person.name })}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={value ?? ''}
        placeholder={everyone?.trim() || '2026-12-01'}
        title={t('startDateForHint', { name: person.name })}
        onChange={(e) => onChange(person.candidateKey, e.target.value)}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <span className="hb-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </span>
  );
}
