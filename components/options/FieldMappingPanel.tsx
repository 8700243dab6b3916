import { useEffect, useId, useState } from 'react';
import { staleMapping } from '@/lib/export/form';
import { sendIntent } from '@/lib/messaging/client';
import type { ExportDraft } from '@/lib/export/intents';
import { MAPPABLE_ATS_FIELDS, MAPPABLE_EMPLOYEE_FIELDS, type FieldMapping, type FieldSource } from '@/lib/settings/schema';
import { t } from './messages';
import { useSettings } from './SitesPanel';
import { AdminLockNote, useAdminLock } from './admin-lock';
import { Panel } from './Panel';

type Lists = ExportDraft['lookups'];
type Source = FieldSource;
type EmployeeField = (typeof MAPPABLE_EMPLOYEE_FIELDS)[number];

/**
 * Region "Field mapping" (admins): the fixed team and location per Factorial legal entity, and where each Factorial
 * custom field's value comes from. Saved as one typed setting through the passphrase guard; read-only when the
 * organisation's policy sets it. A mapping to something Factorial no longer has is shown, and exports wait.
 */
export function FieldMappingPanel() {
  const { view, error, change } = useSettings();
  const [lists, setLists] = useState<Lists | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [draft, setDraft] = useState<FieldMapping | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    sendIntent('factorialLists', undefined)
      .then((result) => (result.ok ? setLists(result.value) : setListError(result.error.message)))
      .catch(() => setListError(t('noContact'))); // the worker did not answer: the region says so
  }, []);
  // Filled once from the stored mapping: a refused save (locked) keeps the admin's edits instead of resetting them.
  useEffect(() => {
    if (view && !draft) setDraft(view.values.fieldMapping);
  }, [view, draft]);

  // Read-only when the organisation's policy sets it, or on a recruiter's browser (the admin's mapping, with the reason).
  const locked = !!useAdminLock();
  const managed = !!view?.managed.includes('fieldMapping') || locked;
  const stale = draft && lists ? staleMapping(draft, lists) : [];
  const setEntity = (entityId: string, key: 'teamId' | 'locationId' | 'managerId' | 'trialMonths', value: string) => {
    setSaved(false);
    setDraft((d) => {
      if (!d) return d;
      const months = Number(value);
      const next = { ...d.entityDefaults[entityId], [key]: key === 'trialMonths' ? (value && Number.isInteger(months) && months >= 1 && months <= 24 ? months : undefined) : value || undefined };
      const entityDefaults = { ...d.entityDefaults, [entityId]: next };
      if (!next.teamId && !next.locationId && !next.managerId && !next.trialMonths) delete entityDefaults[entityId];
      return { ...d, entityDefaults };
    });
  };
  const setSource = (fieldId: string, source: Source | undefined) => {
    setSaved(false);
    setDraft((d) => {
      if (!d) return d;
      const customFields = { ...d.customFields };
      if (source) customFields[fieldId] = source;
      else delete customFields[fieldId];
      return { ...d, customFields };
    });
  };
  // A mapped field Factorial no longer has stays listed (by its id), so the admin can unmap it.
  const shownFields = lists && draft
    ? [...(lists.customFields ?? []), ...Object.keys(draft.customFields).filter((id) => !(lists.customFields ?? []).some((f) => f.id === id)).map((id) => ({ id, label: `${id} ?`, required: false, legalEntityName: undefined }))]
    : [];
  const setEmployeeSource = (field: EmployeeField, source: Source | undefined) => {
    setSaved(false);
    setDraft((d) => {
      if (!d) return d;
      const employeeFields = { ...d.employeeFields };
      if (source) employeeFields[field] = source;
      else delete employeeFields[field];
      return { ...d, employeeFields };
    });
  };
  // A fixed value or an ATS key left empty: nothing to save yet.
  const incomplete = !!draft && [...Object.values(draft.customFields), ...Object.values(draft.employeeFields ?? {})].some((s) => !!s && (s.from === 'fixed' ? !s.value.trim() : s.from !== 'ats' && !s.key.trim()));

  async function save() {
    if (!draft) return;
    if (await change({ name: 'fieldMapping', value: draft })) setSaved(true);
  }

  return (
    <Panel title={t('mappingTitle')}>
      <p className="hb-sub">{t('mappingSub')}</p>
      {managed && !locked && <p className="hb-note">{t('managedNote')}</p>}
      <AdminLockNote />
      {[error, listError].filter(Boolean).map((message) => (
        <p className="hb-alert" role="alert" key={message}>
          {message}
        </p>
      ))}
      {stale.map((message) => (
        <p className="hb-alert" role="alert" key={message}>
          {message}
        </p>
      ))}
      {!lists && !listError && <p className="hb-note">{t('mappingLoading')}</p>}
      {lists && draft && (
        <>
          {lists.legalEntities.map((entity) => (
            <fieldset key={entity.id} className="hb-field" disabled={managed}>
              <legend>{t('mappingEntity', { entity: entity.name })}</legend>
              <Select label={t('mappingTeamFor', { entity: entity.name })} value={draft.entityDefaults[entity.id]?.teamId ?? ''} onChange={(v) => setEntity(entity.id, 'teamId', v)}
                options={lists.teams.map((x) => ({ value: x.id, label: x.name }))} stale={draft.entityDefaults[entity.id]?.teamId} />
              <Select label={t('mappingLocationFor', { entity: entity.name })} value={draft.entityDefaults[entity.id]?.locationId ?? ''} onChange={(v) => setEntity(entity.id, 'locationId', v)}
                options={lists.locations.map((x) => ({ value: x.id, label: x.name }))} stale={draft.entityDefaults[entity.id]?.locationId} />
              <ManagerChoice entity={entity.name} employees={lists.employees ?? []} value={draft.entityDefaults[entity.id]?.managerId ?? ''} onChange={(v) => setEntity(entity.id, 'managerId', v)} />
              <div className="hb-field">
                <label>
                  {t('mappingTrialFor', { entity: entity.name })}{' '}
                  <input type="number" min={1} max={24} inputMode="numeric" value={draft.entityDefaults[entity.id]?.trialMonths ?? ''} onChange={(e) => setEntity(entity.id, 'trialMonths', e.target.value)} />
                </label>
              </div>
            </fieldset>
          ))}
          {shownFields.length > 0 && (
            <fieldset className="hb-field" disabled={managed}>
              <legend>{t('mappingCustomTitle')}</legend>
              {shownFields.map((field) => {
                const note = field.required ? (field.legalEntityName ? t('mappingRequired', { entity: field.legalEntityName }) : t('mappingRequiredAll')) : undefined;
                return (
                  <SourceChoice key={field.id} label={`${t('mappingSourceFor', { field: field.label })}${note ? ` (${note})` : ''}`} field={field.label} source={draft.customFields[field.id]}
                    none={t('mappingNotMapped')} standard onChange={(s) => setSource(field.id, s)} />
                );
              })}
            </fieldset>
          )}
          <fieldset className="hb-field" disabled={managed}>
            <legend>{t('mappingEmployeeTitle')}</legend>
            {MAPPABLE_EMPLOYEE_FIELDS.map((field) => (
              <SourceChoice key={field} label={t('mappingSourceFor', { field: t(`employeeField_${field}`) })} field={t(`employeeField_${field}`)} source={draft.employeeFields?.[field]}
                none={t('mappingAtsOwn')} onChange={(s) => setEmployeeSource(field, s)} />
            ))}
          </fieldset>
          {!managed && (
            <div className="hb-actions">
              <button type="button" disabled={incomplete} onClick={() => void save()}>
                {t('mappingSave')}
              </button>
            </div>
          )}
          {saved && (
            <p role="status" className="hb-note">
              {t('mappingSaved')}
            </p>
          )}
        </>
      )}
    </Panel>
  );
}

/** Where one Factorial field gets its value: a fixed value, an ATS standard field, the ATS's custom field or the offer. */
function SourceChoice({ label, field, source, none, standard, onChange }: { label: string; field: string; source: Source | undefined; none: string; standard?: boolean; onChange(s: Source | undefined): void }) {
  const keyHint = useId();
  const choice = !source ? '' : source.from === 'fixed' ? 'fixed' : source.from === 'ats' ? `ats:${source.field}` : source.from === 'atsCustom' ? `atsCustom:${source.on}` : 'offer';
  const pick = (v: string): Source | undefined => {
    const key = source && 'key' in source ? source.key : '';
    if (!v) return undefined;
    if (v === 'fixed') return { from: 'fixed', value: '' };
    if (v === 'offer') return { from: 'offer', key };
    if (v.startsWith('atsCustom:')) return { from: 'atsCustom', on: v.slice(10) as 'candidate' | 'application', key };
    return { from: 'ats', field: v.slice(4) as (typeof MAPPABLE_ATS_FIELDS)[number] };
  };
  return (
    <div className="hb-field">
      <label>
        {label}{' '}
        <select value={choice} onChange={(e) => onChange(pick(e.target.value))}>
          <option value="">{none}</option>
          <option value="fixed">{t('mappingFixed')}</option>
          {standard &&
            MAPPABLE_ATS_FIELDS.map((f) => (
              <option key={f} value={`ats:${f}`}>
                {t('mappingFromAts', { field: t(`atsField_${f}`) })}
              </option>
            ))}
          <option value="atsCustom:candidate">{t('mappingFromCandidateCustom')}</option>
          <option value="atsCustom:application">{t('mappingFromApplicationCustom')}</option>
          <option value="offer">{t('mappingFromOffer')}</option>
        </select>
      </label>
      {source?.from === 'fixed' && (
        <label>
          {t('mappingFixedFor', { field })} <input value={source.value} onChange={(e) => onChange({ from: 'fixed', value: e.target.value })} />
        </label>
      )}
      {source && (source.from === 'atsCustom' || source.from === 'offer') && (
        <>
          <label>
            {t('mappingKeyFor', { field })} <input value={source.key} aria-describedby={keyHint} onChange={(e) => onChange({ ...source, key: e.target.value })} />
          </label>
          <span id={keyHint} className="hb-note">
            {t('mappingKeyHint')}
          </span>
        </>
      )}
    </div>
  );
}

function Select({ label, value, onChange, options, stale }: { label: string; value: string; onChange(v: string): void; options: { value: string; label: string }[]; stale?: string }) {
  const id = useId();
  // A mapped id Factorial no longer lists stays visible as itself, so the admin sees what to fix.
  const missing = stale && !options.some((o) => o.value === stale) ? [{ value: stale, label: `${stale} ?` }] : [];
  return (
    <div className="hb-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('mappingNone')}</option>
        {[...missing, ...options].map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The manager of everyone hired into an entity, chosen from Factorial's employees (search by name). */
function ManagerChoice({ entity, employees, value, onChange }: { entity: string; employees: { id: string; name: string }[]; value: string; onChange(v: string): void }) {
  const [search, setSearch] = useState('');
  const shown = employees.filter((e) => e.id === value || e.name.toLowerCase().includes(search.trim().toLowerCase()));
  return (
    <>
      <div className="hb-field">
        <label>
          {t('mappingManagerSearch', { entity })} <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
      </div>
      <Select label={t('mappingManagerFor', { entity })} value={value} onChange={onChange} options={shown.map((e) => ({ value: e.id, label: e.name }))} stale={value} />
    </>
  );
}
