import { useId, useMemo, useRef, useState } from 'react';
import { formatDateTime } from '@/lib/i18n';
import { sendIntent } from '@/lib/messaging';
import { AdminLockNote, useAdminLock } from './admin-lock';
import type { PullSummary } from '@/lib/jobs/pull';
import { useJobPullStatus, useJobs, type JobRecord, type JobStatus } from '@/lib/jobs/queries';
import { passesCountryFilter } from '@/lib/jobs/settings';
import { countryFilterSetting, pullIntervalSetting } from '@/lib/settings/items';
import { useSetting } from '@/lib/settings/queries';
import { t } from './messages';
import { Panel } from './Panel';

/**
 * The Jobs region: what the last pull brought, Sync now, and every job with Activate / Deactivate.
 * It reads live from IndexedDB (read-only); every change goes to the service worker as an intent.
 */

const STATUS_LABEL = { disabled: 'statusDisabled', active: 'statusActive', archived: 'statusArchived' } as const satisfies Record<JobStatus, string>;
const INTERVALS = [15, 30, 60, 180, 360, 720, 1440] as const;
const MAX_ROWS = 200;

export function JobsPanel({ provider }: { provider: string | undefined }) {
  const searchId = useId();
  const statusId = useId();
  const intervalId = useId();
  const countriesId = useId();
  const [search, setSearch] = useState('');
  const [statusFilter, setStatusFilter] = useState<'all' | JobStatus>('all');
  const [error, setError] = useState<string | null>(null);
  const [countriesDraft, setCountriesDraft] = useState<string | null>(null);

  const pull = useJobPullStatus();
  const state = pull?.state;
  // While a pull writes page after page, the table keeps what it showed (re-reading 10,000 rows after every page
  // would slow the pull down several times); it refreshes once the pull ends. The progress bar shows the run.
  const pulling = !!state?.running;
  const liveJobs = useJobs(provider, { paused: pulling });
  const shownJobs = useRef<JobRecord[] | undefined>(undefined);
  if (liveJobs) shownJobs.current = liveJobs;
  const jobs = liveJobs ?? shownJobs.current;
  const last = pull?.last;
  // The organisation's policy may fix the interval and the country filter: then they show read-only.
  const intervalSetting = useSetting(pullIntervalSetting);
  const countriesSetting = useSetting(countryFilterSetting);
  const interval = intervalSetting?.value ?? pullIntervalSetting.fallback;
  const countries = countriesSetting?.value ?? countryFilterSetting.fallback;
  const intervalManaged = !!intervalSetting?.managed;
  const countriesManaged = !!countriesSetting?.managed;

  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (jobs ?? [])
      .filter((job) => passesCountryFilter(job.country, countries))
      .filter((job) => statusFilter === 'all' || job.status === statusFilter)
      .filter((job) => !needle || job.name.toLowerCase().includes(needle) || (job.locationName ?? '').toLowerCase().includes(needle))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [jobs, countries, search, statusFilter]);
  const hiddenByCountry = (jobs ?? []).filter((job) => !passesCountryFilter(job.country, countries)).length;

  async function act<T>(run: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
    setError(null);
    try {
      const result = await run();
      if (!result.ok) setError(result.error.message);
    } catch {
      setError(t('noContact'));
    }
  }

  const running = state?.running === true;
  // A recruiter's browser: the admin's job choices, shown with the reason (pulls still run here).
  const locked = !!useAdminLock();
  const lockId = useId();
  const lockedBy = locked ? lockId : undefined;

  return (
    <Panel title={t('jobsTitle')}>
      <p className="hb-sub">{t('jobsSub')}</p>
      <AdminLockNote id={lockId} />
      {!provider && <p className="hb-note">{t('connectAtsForJobs')}</p>}
      <div className="hb-actions" style={{ marginBottom: 8 }}>
        <button type="button" className="hb-primary" disabled={!provider || running} onClick={() => act(() => sendIntent('syncJobsNow', undefined))}>
          {t('syncNow')}
        </button>
        <label htmlFor={intervalId} className="hb-note">
          {t('pullEvery')}
        </label>
        <select id={intervalId} value={interval} disabled={intervalManaged || locked} aria-describedby={lockedBy} title={intervalManaged ? t('managedNote') : undefined} onChange={(e) => act(() => sendIntent('setPullInterval', Number(e.target.value)))}>
          {INTERVALS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t(`every${minutes}`)}
            </option>
          ))}
        </select>
      </div>
      {running && (
        <div role="status" className="hb-note">
          <progress aria-label={t('pullingJobs')} style={{ width: '100%' }} />
          {t('pullingProgress', { page: state.counts.pages + 1, added: state.counts.added, updated: state.counts.updated })}
        </div>
      )}
      <LastPull last={last} />
      {error && (
        <p className="hb-alert" role="alert">
          {error}
        </p>
      )}
      <div className="hb-actions" style={{ margin: '12px 0' }}>
        <div className="hb-field" style={{ marginBottom: 0 }}>
          <label htmlFor={searchId}>{t('searchJobs')}</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="hb-field" style={{ marginBottom: 0 }}>
          <label htmlFor={statusId}>{t('status')}</label>
          <select id={statusId} value={statusFilter} onChange={(e) => setStatusFilter(e.target.value as typeof statusFilter)}>
            <option value="all">{t('all')}</option>
            <option value="disabled">{t('statusDisabled')}</option>
            <option value="active">{t('statusActive')}</option>
            <option value="archived">{t('statusArchived')}</option>
          </select>
        </div>
        <form
          className="hb-field"
          style={{ marginBottom: 0 }}
          onSubmit={(e) => {
            e.preventDefault();
            const list = (countriesDraft ?? countries.join(', ')).split(/[\s,]+/).filter(Boolean);
            void act(() => sendIntent('setCountryFilter', list)).then(() => setCountriesDraft(null));
          }}
        >
          <label htmlFor={countriesId}>{t('countries')}</label>
          <span className="hb-actions">
            <input
              id={countriesId}
              placeholder={t('allCountries')}
              value={countriesDraft ?? countries.join(', ')}
              onChange={(e) => setCountriesDraft(e.target.value)}
              aria-describedby={[`${countriesId}-hint`, lockedBy].filter(Boolean).join(' ')}
              disabled={countriesManaged || locked}
            />
            <button type="submit" disabled={countriesManaged || locked} aria-describedby={lockedBy}>
              {t('apply')}
            </button>
          </span>
          <span className="hb-hint" id={`${countriesId}-hint`}>
            {countriesManaged ? t('managedNote') : t('countriesHint')}
          </span>
        </form>
      </div>
      {hiddenByCountry > 0 && <p className="hb-note">{t('hiddenByCountry', { count: hiddenByCountry })}</p>}
      {jobs && jobs.length > 0 && (
        <table className="hb-table">
          <thead>
            <tr>
              <th scope="col">{t('colJob')}</th>
              <th scope="col">{t('colLocation')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">
                <span className="hb-visually-hidden">{t('colAction')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, MAX_ROWS).map((job) => (
              <JobRow key={job.key} job={job} lockedBy={lockedBy} onToggle={(active) => act(() => sendIntent('setJobActive', { key: job.key, active }))} />
            ))}
          </tbody>
        </table>
      )}
      {visible.length > MAX_ROWS && (
        <p className="hb-note">
          {t('showingJobs', { shown: MAX_ROWS, total: visible.length })}
        </p>
      )}
      {jobs && jobs.length > 0 && visible.length === 0 && <p className="hb-note">{t('noJobMatches')}</p>}
    </Panel>
  );
}

function JobRow({ job, onToggle, lockedBy }: { job: JobRecord; onToggle(active: boolean): void; /** The id of the note saying why it is disabled. */ lockedBy?: string }) {
  const active = job.status === 'active';
  return (
    <tr>
      <th scope="row">{job.name}</th>
      <td>{[job.locationName, job.country].filter(Boolean).join(' · ')}</td>
      <td>
        <span className={`hb-job-status hb-job-${job.status}`}>{t(STATUS_LABEL[job.status])}</span>
      </td>
      <td>
        <button type="button" disabled={job.status === 'archived' || !!lockedBy} aria-describedby={lockedBy} onClick={() => onToggle(!active)}>
          {active ? t('deactivate') : t('activate')}
        </button>
      </td>
    </tr>
  );
}

function LastPull({ last }: { last: PullSummary | undefined }) {
  if (!last) return <p className="hb-note">{t('noPull')}</p>;
  const when = formatDateTime(last.finishedAt);
  if (!last.ok) {
    return (
      <p className="hb-alert" role="alert">
        {t('lastPullFailed', { when, message: last.message ?? '' })}
      </p>
    );
  }
  const { added, updated, archived } = last.counts;
  return (
    <p className="hb-note">
      {t('lastPull', { when, added, updated, archived })}
    </p>
  );
}
