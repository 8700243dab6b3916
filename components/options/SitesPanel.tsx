import { useCallback, useEffect, useId, useState } from 'react';
import { sendIntent } from '@/lib/messaging';
import type { SettingChange, SettingsView } from '@/lib/settings/schema';
import { ADAPTERS } from '@/lib/sites/adapters';

/** The admin settings as the worker reports them (with what the organisation's policy manages), and a way to change one. */
export function useSettings() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    sendIntent('readSettings', undefined)
      .then((result) => (result.ok ? setView(result.value) : setError(result.error.message)))
      .catch(() => setError('Hirebridge could not reach its background service. Reload the page and try again.'));
  }, []);
  const change = useCallback(async (next: SettingChange) => {
    // Shown at once (a checkbox must follow the click); the worker's answer then confirms or corrects it.
    let before: SettingsView | null = null;
    setView((current) => ((before = current), current && { ...current, values: { ...current.values, [next.name]: next.value } }));
    const result = await sendIntent('changeSetting', next).catch(() => null);
    if (result?.ok) {
      setView(result.value);
      setError(null);
    } else {
      setView(before);
      setError(result ? result.error.message : 'Hirebridge could not reach its background service. Reload the page and try again.');
    }
    return !!result?.ok;
  }, []);
  return { view, error, change };
}

const MANAGED_NOTE = 'Set by your organisation’s policy.';

/** Region "Sites": which ATS web apps get Hirebridge's buttons, and local addresses granted at run time. */
export function SitesPanel() {
  const headingId = useId();
  const { view, error, change } = useSettings();
  const [grantNote, setGrantNote] = useState<string | null>(null);
  const disabled = new Set(view?.values.disabledAdapters ?? []);
  const managed = !!view?.managed.includes('disabledAdapters');

  const toggle = (id: string, on: boolean) => {
    const next = new Set(disabled);
    if (on) next.delete(id);
    else next.add(id);
    void change({ name: 'disabledAdapters', value: [...next].sort() });
  };

  async function allowLocalDemo() {
    // Asked for at run time (optional permission), in this click's user gesture.
    const granted = await browser.permissions.request({ origins: ['http://127.0.0.1/*', 'http://localhost/*'] });
    setGrantNote(granted ? 'Allowed: the demo ATS on this computer now shows Hirebridge’s buttons.' : 'Not allowed: nothing changed.');
  }

  return (
    <section className="hb-card" role="region" aria-labelledby={headingId} style={{ marginTop: 16 }}>
      <h2 id={headingId}>Sites</h2>
      <p className="hb-sub">The ATS web apps where recruiters see Export to FactorialHR and Sync to ATS. Switch off the ones your team does not use.</p>
      {managed && <p className="hb-note">{MANAGED_NOTE}</p>}
      {error && (
        <p className="hb-alert" role="alert">
          {error}
        </p>
      )}
      {view && (
        <ul className="hb-sites">
          {ADAPTERS.map((adapter) => (
            <li key={adapter.id}>
              <label>
                <input type="checkbox" checked={!disabled.has(adapter.id)} disabled={managed} onChange={(e) => toggle(adapter.id, e.target.checked)} />
                {adapter.name}
              </label>
            </li>
          ))}
        </ul>
      )}
      <div className="hb-actions">
        <button type="button" onClick={() => void allowLocalDemo()}>
          Allow the demo ATS on this computer
        </button>
        {grantNote && (
          <span role="status" className="hb-note">
            {grantNote}
          </span>
        )}
      </div>
    </section>
  );
}
