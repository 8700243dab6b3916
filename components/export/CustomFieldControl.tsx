import type { CustomFieldDef } from '@/lib/export/intents';
import { t } from './messages';

/** One Factorial custom field with its type's control; its value is text, as custom_fields/values takes it. */
export function CustomFieldControl({ field, value, error, disabled, onChange, idPrefix = 'hb-custom-' }: { idPrefix?: string; field: CustomFieldDef; value: string; error?: string; disabled?: boolean; onChange(v: string): void }) {
  const id = `${idPrefix}${field.id}`;
  const described = error ? `${id}-error` : field.type === 'date' ? `${id}-hint` : undefined;
  const common = { id, disabled, 'aria-invalid': !!error, 'aria-describedby': described };
  let control;
  if (field.type === 'long_text') control = <textarea {...common} value={value} onChange={(e) => onChange(e.target.value)} rows={3} />;
  else if (field.type === 'checkbox')
    control = <input {...common} type="checkbox" checked={value === 'true'} onChange={(e) => onChange(e.target.checked ? 'true' : 'false')} />;
  else if (field.type === 'single_choice')
    control = (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('choose')}</option>
        {(field.options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  else if (field.type === 'multiple_choice') {
    const chosen = value ? value.split(',') : [];
    const toggle = (v: string, on: boolean) => onChange((on ? [...chosen, v] : chosen.filter((c) => c !== v)).join(','));
    return (
      <fieldset className="field wide choices" aria-describedby={described}>
        <legend>{field.label}</legend>
        {(field.options ?? []).map((o) => (
          <label key={o.value}>
            <input type="checkbox" disabled={disabled} checked={chosen.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} /> {o.label}
          </label>
        ))}
        {error && (
          <span className="error" id={`${id}-error`}>
            {error}
          </span>
        )}
      </fieldset>
    );
  } else
    control = (
      <input {...common} type="text" autoComplete="off" inputMode={field.type === 'money' || field.type === 'cents' || field.type === 'rating' ? 'decimal' : field.type === 'date' ? 'numeric' : undefined} value={value}
        onChange={(e) => onChange(e.target.value)} placeholder={field.type === 'date' ? t('dateHint') : undefined} />
    );
  return (
    <div className={`field${field.type === 'long_text' ? ' wide' : ''}${field.type === 'checkbox' ? ' check' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      {control}
      {field.type === 'date' && !error && (
        <span className="hint" id={`${id}-hint`}>
          {t('dateHint')}
        </span>
      )}
      {error && (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

