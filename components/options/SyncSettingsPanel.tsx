import { useEffect, useId, useState } from 'react';
import { SettingsSchema } from '@/lib/settings/schema';
import { useSettings } from './SitesPanel';

/** Region "Sync to ATS": the source tag synced candidates get, and the optional automatic sync. */
export function SyncSettingsPanel() {
  const headingId = useId();
  const sourceId = useId();
  const stageId = useId();
  const { view, error, change } = useSettings();
  const [source, setSource] = useState('');
  const [stage, setStage] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (view) {
      setSource(view.values.sourceName);
      setStage(view.values.autoSyncStage);
    }
  }, [view]);
  const managed = (name: 'sourceName' | 'autoSync' | 'autoSyncStage') => !!view?.managed.includes(name);
  const sourceError = source === '' ? undefined : SettingsSchema.shape.sourceName.safeParse(source).error?.issues[0]?.message;

  async function saveSource() {
    if (await change({ name: 'sourceName', value: source })) setSaved(`Source tag saved: new syncs are tagged “${source.trim()}”.`);
  }

  return (
    <section className="hb-card" role="region" aria-labelledby={headingId} style={{ marginTop: 16 }}>
      <h2 id={headingId}>Sync to ATS</h2>
      <p className="hb-sub">How sourced candidates arrive in your ATS.</p>
      {error && (
        <p className="hb-alert" role="alert">
          {error}
        </p>
      )}
      {view && (
        <>
          <div className="hb-field">
            <label htmlFor={sourceId}>Source tag</label>
            <span className="hb-actions">
              <input id={sourceId} value={source} disabled={managed('sourceName')} aria-invalid={!!sourceError} aria-describedby={`${sourceId}-hint`} onChange={(e) => setSource(e.target.value)} />
              <button type="button" disabled={managed('sourceName') || !!sourceError || source.trim() === view.values.sourceName} onClick={() => void saveSource()}>
                Save source tag
              </button>
            </span>
            <span className="hb-hint" id={`${sourceId}-hint`}>
              {managed('sourceName') ? 'Set by your organisation’s policy.' : sourceError ?? 'Shown as the candidate’s source in the ATS.'}
            </span>
          </div>
          <div className="hb-field">
            <label>
              <input type="checkbox" checked={view.values.autoSync} disabled={managed('autoSync')} onChange={(e) => void change({ name: 'autoSync', value: e.target.checked })} /> Sync
              automatically when a captured candidate reaches a stage
            </label>
          </div>
          <div className="hb-field">
            <label htmlFor={stageId}>Stage that triggers the sync</label>
            <span className="hb-actions">
              <input id={stageId} value={stage} disabled={managed('autoSyncStage') || !view.values.autoSync} onChange={(e) => setStage(e.target.value)} />
              <button type="button" disabled={managed('autoSyncStage') || !view.values.autoSync || !stage.trim() || stage.trim() === view.values.autoSyncStage} onClick={() => void change({ name: 'autoSyncStage', value: stage })}>
                Save stage
              </button>
            </span>
          </div>
          {saved && (
            <p role="status" className="hb-note">
              {saved}
            </p>
          )}
        </>
      )}
    </section>
  );
}
