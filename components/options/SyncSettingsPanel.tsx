import { useEffect, useId, useState } from 'react';
import { SettingsSchema } from '@/lib/settings/schema';
import { t } from './messages';
import { useSettings } from './SitesPanel';
import { AdminLockNote, useAdminLock } from './admin-lock';
import { Panel } from './Panel';

/** Region "Sync to ATS": the source tag synced candidates get, and the optional automatic sync. */
export function SyncSettingsPanel() {
  const sourceId = useId();
  const stageId = useId();
  const waitId = useId();
  const [wait, setWait] = useState<string | null>(null);
  const lockId = useId();
  const locked = !!useAdminLock();
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
  const managed = (name: 'sourceName' | 'autoSync' | 'autoSyncStage' | 'komboWriteWaitSeconds') => !!view?.managed.includes(name);
  const waitShown = wait ?? String(view?.values.komboWriteWaitSeconds ?? '');
  const waitParsed = SettingsSchema.shape.komboWriteWaitSeconds.safeParse(Number(waitShown));
  const waitError = waitShown && (!/^\d+$/.test(waitShown) || !waitParsed.success) ? waitParsed.error?.issues[0]?.message : undefined;
  const sourceError = source === '' ? undefined : SettingsSchema.shape.sourceName.safeParse(source).error?.issues[0]?.message;

  async function saveSource() {
    if (await change({ name: 'sourceName', value: source })) setSaved(t('sourceTagSaved', { source: source.trim() }));
  }

  return (
    <Panel title={t('syncTitle')}>
      <p className="hb-sub">{t('syncSub')}</p>
      <AdminLockNote id={lockId} />
      {error && (
        <p className="hb-alert" role="alert">
          {error}
        </p>
      )}
      {view && (
        <fieldset className="hb-plain" disabled={locked} aria-describedby={locked ? lockId : undefined}>
          <div className="hb-field">
            <label htmlFor={sourceId}>{t('sourceTag')}</label>
            <span className="hb-actions">
              <input id={sourceId} value={source} disabled={managed('sourceName')} aria-invalid={!!sourceError} aria-describedby={`${sourceId}-hint`} onChange={(e) => setSource(e.target.value)} />
              <button type="button" disabled={managed('sourceName') || !!sourceError || source.trim() === view.values.sourceName} onClick={() => void saveSource()}>
                {t('saveSourceTag')}
              </button>
            </span>
            <span className="hb-hint" id={`${sourceId}-hint`}>
              {managed('sourceName') ? t('managedNote') : (sourceError ?? t('sourceTagHint'))}
            </span>
          </div>
          <div className="hb-field">
            <label>
              <input type="checkbox" checked={view.values.autoSync} disabled={managed('autoSync')} onChange={(e) => void change({ name: 'autoSync', value: e.target.checked })} />{' '}
              {t('autoSync')}
            </label>
          </div>
          <div className="hb-field">
            <label htmlFor={stageId}>{t('autoSyncStage')}</label>
            <span className="hb-actions">
              <input id={stageId} value={stage} disabled={managed('autoSyncStage') || !view.values.autoSync} onChange={(e) => setStage(e.target.value)} />
              <button type="button" disabled={managed('autoSyncStage') || !view.values.autoSync || !stage.trim() || stage.trim() === view.values.autoSyncStage} onClick={() => void change({ name: 'autoSyncStage', value: stage })}>
                {t('saveStage')}
              </button>
            </span>
          </div>
          <div className="hb-field">
            <label htmlFor={waitId}>{t('komboWait')}</label>
            <span className="hb-actions">
              <input id={waitId} inputMode="numeric" style={{ width: 90 }} value={waitShown} disabled={managed('komboWriteWaitSeconds')} aria-invalid={!!waitError} aria-describedby={`${waitId}-hint`} onChange={(e) => setWait(e.target.value)} />
              <button
                type="button"
                disabled={managed('komboWriteWaitSeconds') || !!waitError || wait === null || Number(wait) === view.values.komboWriteWaitSeconds}
                onClick={() => void change({ name: 'komboWriteWaitSeconds', value: Number(wait) }).then((ok) => ok && (setWait(null), setSaved(t('waitSaved', { seconds: String(Number(wait)) }))))}
              >
                {t('saveWait')}
              </button>
            </span>
            <span className="hb-hint" id={`${waitId}-hint`}>
              {managed('komboWriteWaitSeconds') ? t('managedNote') : (waitError ?? t('komboWaitHint'))}
            </span>
          </div>
          {saved && (
            <p role="status" className="hb-note">
              {saved}
            </p>
          )}
        </fieldset>
      )}
    </Panel>
  );
}
