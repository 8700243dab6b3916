import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { sendIntent } from '@/lib/messaging/client';
import type { ExportFields, ExportDraft, ExportProgress, PageCandidate } from '@/lib/export/intents';
import { checkCustomFields, checkExportForm, formCustomFields, formValues, mappedValues, staleMapping } from '@/lib/export/form';
import { currentLanguage } from '@/lib/i18n';
import type { Result } from '@/lib/messaging/result';
import type { AskedDraft } from '@/lib/sites/ui/dialog-loader';
import { t } from './messages';
import { useClickGuard } from '../ui/click-guard';
import { DialogActions } from '../ui/DialogActions';
import { dialogKeyHandler } from '../ui/dialog-keyboard';
import { OperationStatus, statusText, useOperationProgress } from '../ui/OperationStatus';
import { CustomFieldControl } from './CustomFieldControl';

/**
 * The "Export to FactorialHR" dialog: pre-filled, editable, validated field by field; Export stays disabled
 * until everything needed is there. Everything shown is text (React escapes it); links are http(s) only.
 */

type Field = Exclude<keyof ExportFields, 'customFields'>;
type TextField = 'firstName' | 'lastName' | 'email' | 'phone' | 'startDate' | 'jobTitle';
const TEXT_FIELDS: { name: TextField; wide?: boolean; hint?: boolean; inputMode?: 'email' | 'tel' | 'numeric' }[] = [
  { name: 'firstName' },
  { name: 'lastName' },
  { name: 'email', inputMode: 'email', wide: true },
  { name: 'phone', inputMode: 'tel' },
  { name: 'startDate', hint: true, inputMode: 'numeric' },
  { name: 'jobTitle', wide: true },
];
const CHOICE_LABELS = { legalEntityId: 'legalEntity', teamId: 'team', locationId: 'location', managerId: 'managerId', trialPeriodEndsOn: 'trialPeriodEndsOn' } as const;

const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/** A draft's fields over `values`, except those the person already edited. */
const withDraft = (values: Record<Field, string>, next: ExportDraft, touched: Partial<Record<Field, boolean>>) => {
  const out = { ...values };
  for (const [key, value] of Object.entries(next.fields)) if (typeof value === 'string' && !touched[key as Field]) out[key as Field] = value;
  return out;
};

export type ExportDialogProps = {
  onClose(): void;
  /** The popup's smaller layout: one column, less padding. */
  compact?: boolean;
} & (
  /**
   * `prefetched`: the draft the page already asked for when the pointer reached the button; `settled` once it is in,
   * so the form opens filled in its first frame.
   */
  | { adapterId: string; candidate: PageCandidate; prefetched?: AskedDraft; load?: undefined }
  /** The popup loads the draft of a stored candidate instead of a page's (keep the function stable). */
  | { load(): Promise<Result<ExportDraft>>; adapterId?: undefined; candidate?: undefined; prefetched?: undefined }
);

export function ExportDialog({ adapterId, candidate, load, prefetched, compact, onClose }: ExportDialogProps) {
  const ids = { title: useId(), desc: useId() };
  const fieldIds = Object.fromEntries(['firstName', 'lastName', 'email', 'phone', 'startDate', 'jobTitle', 'legalEntityId', 'teamId', 'locationId', 'managerId', 'trialPeriodEndsOn'].map((f) => [f, `hb-${f}`])) as Record<Field, string>;
  const dialogRef = useRef<HTMLDivElement>(null);
  // What the first render had: a draft that settles between the render and the effect is still applied by the effect.
  const [ready] = useState(() => prefetched?.settled);
  const [draft, setDraft] = useState<ExportDraft | null>(ready?.ok ? ready.value : null);
  const [loadError, setLoadError] = useState<string | null>(ready && !ready.ok ? ready.error.message : null);
  const [values, setValues] = useState<Record<Field, string>>(() => (ready?.ok ? withDraft(formValues({}), ready.value, {}) : formValues({})));
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  /** Factorial custom fields, by field id ("true"/"false" for a checkbox, comma-separated for multiple choice). */
  const [customValues, setCustomValues] = useState<Record<string, string>>({});
  const [managerSearch, setManagerSearch] = useState('');
  const [progress, setProgress] = useOperationProgress('exportProgress');
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Importing into Kombo's tracking, or looking again, for a candidate Kombo does not know. */
  const [tracking, setTracking] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const touchedRef = useRef(touched);
  touchedRef.current = touched;
  const guard = useClickGuard();

  /** A (new) draft fills the fields; what the person already edited stays as they left it. */
  const applyDraft = (next: ExportDraft) => {
    setDraft(next);
    setValues((v) => withDraft(v, next, touchedRef.current));
  };

  useEffect(() => {
    // Already in, and in the first render: nothing to wait for.
    if (ready) return;
    (load ? load() : (prefetched?.result ?? sendIntent('prepareExport', { adapterId: adapterId!, candidate: candidate! })))
      .then((result) => {
        if (!result.ok) return setLoadError(result.error.message);
        applyDraft(result.value);
      })
      .catch(() => setLoadError(t('noContact')));
    // applyDraft only uses setters and a ref: not a dependency.
  }, [adapterId, candidate, load, prefetched]);

  /** Import the application into Kombo's tracking (or just look again after Kombo's sync), then refill the form. */
  async function retrack(event: MouseEvent<HTMLButtonElement>, importFirst: boolean) {
    if (!event.nativeEvent.isTrusted || !adapterId || !candidate) return;
    setTracking({ busy: true, error: null });
    try {
      const result = await sendIntent(importFirst ? 'importTrackedApplication' : 'prepareExport', { adapterId, candidate });
      if (result.ok) applyDraft(result.value);
      setTracking({ busy: false, error: result.ok ? null : result.error.message });
    } catch {
      setTracking({ busy: false, error: t('noContact') });
    }
  }

  // The admin's fixed team and location for the legal entity chosen, unless the recruiter picked their own.
  useEffect(() => {
    if (!draft?.mapping?.entityDefaults[values.legalEntityId]) return;
    setValues((v) => {
      const m = mappedValues(draft.mapping, v.legalEntityId, v, draft.atsValues);
      const keep = (field: 'teamId' | 'locationId' | 'managerId' | 'trialPeriodEndsOn') => (touchedRef.current[field] || !m[field] ? v[field] : m[field]!);
      return { ...v, teamId: keep('teamId'), locationId: keep('locationId'), managerId: keep('managerId'), trialPeriodEndsOn: keep('trialPeriodEndsOn') };
    });
  }, [draft, values.legalEntityId, values.startDate]);

  // Focus the first field when the form appears; keep Tab inside the dialog.
  useEffect(() => {
    const first = dialogRef.current?.querySelector<HTMLElement>('input, select, button');
    first?.focus();
  }, [draft, loadError]);

  // The one rule of every export form (Export all's too).
  const check = useMemo(() => checkExportForm(values), [values]);
  const errors = check.errors;
  // Factorial's required custom fields for the chosen legal entity, checked by the same rule as Export all's.
  const entity = draft?.lookups.legalEntities.find((e) => e.id === values.legalEntityId);
  const customFields = useMemo(() => formCustomFields(draft?.lookups.customFields, entity, draft?.mapping), [draft, entity]);
  // The admin's mapping fills what the recruiter has not typed (a mapped field they cleared stays empty).
  const mapped = useMemo(() => mappedValues(draft?.mapping, values.legalEntityId, values, draft?.atsValues), [draft, values]);
  const customShown = (id: string) => customValues[id] ?? mapped.customFields[id] ?? '';
  const custom = useMemo(() => checkCustomFields(customFields, Object.fromEntries(customFields.map((f) => [f.id, customValues[f.id] ?? mapped.customFields[f.id]]))), [customFields, customValues, mapped]);
  const stale = useMemo(() => (draft ? staleMapping(draft.mapping, draft.lookups) : []), [draft]);
  const customOk = custom.missing.length === 0 && Object.keys(custom.errors).length === 0;

  const blocked = !draft || !draft.hired || !!draft.existing || stale.length > 0;
  const finished = progress?.state === 'done';
  const canExport = !blocked && !!check.fields && customOk && !busy && !finished && progress?.state !== 'sending' && !(progress?.state === 'queued');
  // A disabled Export says why: the fields still missing or invalid, by their labels.
  const labelOf = (field: Field) => (field in CHOICE_LABELS ? t(CHOICE_LABELS[field as keyof typeof CHOICE_LABELS]) : t(field as TextField));
  const stillNeeded =
    !blocked && !finished && (!check.fields || !customOk)
      ? [...Object.keys(errors).map((f) => labelOf(f as Field)), ...custom.missing.map((f) => f.label), ...customFields.filter((f) => custom.errors[f.id]).map((f) => f.label)].filter(Boolean)
      : [];

  async function submit(event: MouseEvent<HTMLButtonElement>) {
    if (!event.nativeEvent.isTrusted) return;
    setTouched(Object.fromEntries(Object.keys(values).map((k) => [k, true])));
    if (!canExport || !check.fields || !draft) return;
    setBusy(true);
    setSubmitError(null);
    // A click that landed while the page hid or covered the form sends nothing, and says why.
    const refused = await guard(event.nativeEvent);
    if (refused) {
      setBusy(false);
      return setSubmitError(refused);
    }
    try {
      const result = await sendIntent('submitExport', { candidateKey: draft.candidateKey, fields: { ...check.fields, ...(customFields.length ? { customFields: custom.values } : {}) } });
      if (result.ok) setProgress(result.value);
      else setSubmitError(result.error.message);
    } catch {
      // The request may have left: the operation is saved and finishes on its own; reopening shows its state.
      setSubmitError(t('lostContact'));
    } finally {
      setBusy(false);
    }
  }

  const onKeyDown = dialogKeyHandler(dialogRef, onClose);

  const show = (field: Field) => (touched[field] || values[field] !== '') && errors[field];
  const note = (field: Field) => (values[field] === '' ? draft?.fieldNotes?.[field] : undefined);
  const describedBy = (field: Field, hint?: boolean) =>
    [show(field) ? `${fieldIds[field]}-error` : '', note(field) ? `${fieldIds[field]}-note` : '', hint ? `${fieldIds[field]}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const setValue = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((t) => ({ ...t, [field]: true }));
  };

  return (
    <div className="backdrop" lang={currentLanguage()} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={compact ? 'dialog compact' : 'dialog'} role="dialog" aria-modal="true" aria-labelledby={ids.title} aria-describedby={ids.desc} ref={dialogRef} onKeyDown={onKeyDown}>
        <h2 id={ids.title}>{t('title')}</h2>
        <p className="sub" id={ids.desc}>
          {draft ? t('checkDetails', { source: draft.sourceName }) : t('loading')}
        </p>
        {loadError && (
          <p className="notice err" role="alert">
            {loadError}
          </p>
        )}
        {draft?.warning && <p className="notice warn">{draft.warning}</p>}
        {stale.map((message) => (
          <p className="notice err" role="alert" key={message}>
            {message}
          </p>
        ))}
        {draft?.untracked && (
          <div className="notice warn" role="status">
            <p className="untracked">{draft.untracked.message}</p>
            {adapterId && (draft.untracked.canImport || draft.untracked.imported) && (
              <button type="button" disabled={tracking.busy} aria-busy={tracking.busy || undefined} onClick={(e) => retrack(e, draft.untracked!.canImport)}>
                {draft.untracked.canImport ? (tracking.busy ? t('importing') : t('importTracking')) : tracking.busy ? t('lookingAgain') : t('lookAgain')}
              </button>
            )}
          </div>
        )}
        {tracking.error && (
          <p className="notice err" role="alert">
            {tracking.error}
          </p>
        )}
        {draft && !draft.hired && !draft.existing && (
          <p className="notice warn" role="status">
            {draft.notHiredReason}
          </p>
        )}
        {draft?.existing && !finished && (
          <p className={`notice ${draft.existing.exportedHere ? 'ok' : 'warn'}`} role="status">
            {draft.existing.exportedHere ? t('exportedHere') : t('alreadyThere')}
            {draft.existing.name ? t('asName', { name: draft.existing.name }) : ''}.{' '}
            {safeUrl(draft.existing.employeeUrl) && (
              <a href={safeUrl(draft.existing.employeeUrl)} target="_blank" rel="noopener noreferrer">
                {t('openInFactorial')}
              </a>
            )}
          </p>
        )}
        {draft && (
          <form onSubmit={(e) => e.preventDefault()} noValidate>
            <div className="grid">
              {TEXT_FIELDS.map(({ name, wide, hint, inputMode }) => (
                <div className={`field${wide ? ' wide' : ''}`} key={name}>
                  <label htmlFor={fieldIds[name]}>{t(name)}</label>
                  <input
                    id={fieldIds[name]}
                    type="text"
                    inputMode={inputMode}
                    autoComplete="off"
                    value={values[name]}
                    onChange={(e) => setValue(name, e.target.value)}
                    onBlur={() => setTouched((t) => ({ ...t, [name]: true }))}
                    aria-invalid={!!show(name)}
                    aria-describedby={describedBy(name, !!hint)}
                    placeholder={hint ? t('dateHint') : undefined}
                    disabled={finished}
                  />
                  {note(name) && (
                    <span className="hint note" id={`${fieldIds[name]}-note`}>
                      {note(name)}
                    </span>
                  )}
                  {hint && (
                    <span className="hint" id={`${fieldIds[name]}-hint`}>
                      {t('dateHint')}
                    </span>
                  )}
                  {show(name) && (
                    <span className="error" id={`${fieldIds[name]}-error`}>
                      {errors[name]}
                    </span>
                  )}
                </div>
              ))}
              <Choice id={fieldIds.legalEntityId} label={t('legalEntity')} value={values.legalEntityId} onChange={(v) => setValue('legalEntityId', v)} error={show('legalEntityId') || undefined} required disabled={finished}
                options={draft.lookups.legalEntities.map((e) => ({ value: e.id, label: e.country ? `${e.name} (${e.country})` : e.name }))} />
              <Choice id={fieldIds.teamId} label={t('team')} value={values.teamId} onChange={(v) => setValue('teamId', v)} disabled={finished} options={draft.lookups.teams.map((t) => ({ value: t.id, label: t.name }))} />
              <Choice id={fieldIds.locationId} label={t('location')} value={values.locationId} onChange={(v) => setValue('locationId', v)} disabled={finished}
                options={draft.lookups.locations.map((l) => ({ value: l.id, label: l.country ? `${l.name} (${l.country})` : l.name }))} />
              {(draft.lookups.employees?.length ?? 0) > 0 && (
                <div className="field">
                  <label htmlFor="hb-manager-search">{t('managerSearch')}</label>
                  <input id="hb-manager-search" type="search" autoComplete="off" value={managerSearch} onChange={(e) => setManagerSearch(e.target.value)} disabled={finished} />
                </div>
              )}
              {(draft.lookups.employees?.length ?? 0) > 0 && (
                <Choice id={fieldIds.managerId} label={t('managerId')} value={values.managerId} onChange={(v) => setValue('managerId', v)} disabled={finished}
                  options={(draft.lookups.employees ?? [])
                    .filter((e) => e.id === values.managerId || e.name.toLowerCase().includes(managerSearch.trim().toLowerCase()))
                    .map((e) => ({ value: e.id, label: e.name }))} />
              )}
              <div className="field">
                <label htmlFor={fieldIds.trialPeriodEndsOn}>{t('trialPeriodEndsOn')}</label>
                <input id={fieldIds.trialPeriodEndsOn} type="text" inputMode="numeric" autoComplete="off" value={values.trialPeriodEndsOn} placeholder={t('dateHint')} disabled={finished}
                  onChange={(e) => setValue('trialPeriodEndsOn', e.target.value)} aria-invalid={!!show('trialPeriodEndsOn')}
                  aria-describedby={show('trialPeriodEndsOn') ? `${fieldIds.trialPeriodEndsOn}-error` : `${fieldIds.trialPeriodEndsOn}-hint`} />
                {show('trialPeriodEndsOn') ? (
                  <span className="error" id={`${fieldIds.trialPeriodEndsOn}-error`}>
                    {errors.trialPeriodEndsOn}
                  </span>
                ) : (
                  <span className="hint" id={`${fieldIds.trialPeriodEndsOn}-hint`}>
                    {t('trialHint')}
                  </span>
                )}
              </div>
            </div>
            {customFields.length > 0 && (
              <fieldset className="custom">
                <legend>{t('customFields', { entity: entity?.name ?? '' })}</legend>
                <div className="grid">
                  {customFields.map((field) => (
                    <CustomFieldControl key={field.id} field={field} value={customShown(field.id)} error={customShown(field.id) ? custom.errors[field.id] : undefined} disabled={finished}
                      onChange={(v) => setCustomValues((c) => ({ ...c, [field.id]: v }))} />
                  ))}
                </div>
              </fieldset>
            )}
          </form>
        )}
        <Progress progress={progress} />
        <DialogActions error={submitError} needs={stillNeeded.length > 0 ? t('stillNeeded', { fields: stillNeeded.join(', ') }) : undefined} closeLabel={finished ? t('close') : t('cancel')} onClose={onClose}>
          {(needsId) =>
            !finished && (
              <button type="button" className="primary" disabled={!canExport} onClick={submit} aria-describedby={needsId}>
                {busy && progress?.state !== 'needs-attention' ? t('exporting') : t('export')}
              </button>
            )
          }
        </DialogActions>
      </div>
    </div>
  );
}

function Choice(props: { id: string; label: string; value: string; onChange(v: string): void; options: { value: string; label: string }[]; error?: string; required?: boolean; disabled?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-invalid={!!props.error} aria-describedby={props.error ? `${props.id}-error` : undefined} disabled={props.disabled}>
        <option value="">{props.required ? t('choose') : t('none')}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error && (
        <span className="error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

const STATUS_TEXT = statusText(t, 'notExported');

function Progress({ progress }: { progress: ExportProgress | null }) {
  const link = safeUrl(progress?.employeeUrl);
  const done = (
    <p className="notice ok" role="status">
      {progress?.outcome === 'duplicate' ? t('doneDuplicate') : t('doneExported')}{' '}
      {link && (
        <a href={link} target="_blank" rel="noopener noreferrer">
          {t('openInFactorial')}
        </a>
      )}
    </p>
  );
  return <OperationStatus progress={progress} done={done} text={STATUS_TEXT} />;
}
